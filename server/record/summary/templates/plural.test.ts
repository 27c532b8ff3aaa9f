import { describe, expect, it } from 'vitest';
import { LANGUAGES, type MeetingRecord } from '../../../../shared';
import { draftSummary } from '../draft';
import { IRM1_RECORD } from '../fixtures';
import { TEMPLATES } from '.';
import { categoriesOf, PLURAL_CATEGORIES } from './plural';

describe('plural forms', () => {
  it.each(LANGUAGES)('are typed for every category Intl selects in %s', (lang) => {
    expect([...PLURAL_CATEGORIES[lang]].sort()).toEqual(categoriesOf(lang));
    // The locale the numbers are written in selects the same forms.
    const locale = new Intl.PluralRules(TEMPLATES[lang].locale).resolvedOptions().pluralCategories;
    expect([...locale].sort()).toEqual(categoriesOf(lang));
  });
});

/** The fixture with `n` attendees, each from a delegation of their own, all from Africa. */
function attendedBy(n: number): MeetingRecord {
  const record = structuredClone(IRM1_RECORD);
  const row = record.attendance.participants[2]!;
  record.attendance.participants = Array.from({ length: n }, (_, i) => ({
    ...row,
    person: { ...row.person, delegation: `Delegation ${i + 1}`, region: 'AFR' },
  }));
  return record;
}

const opening = (n: number, lang: 'ru' | 'ar') => draftSummary(attendedBy(n), lang).text.split('\n\n')[1]!;

describe('the number of participants and delegations', () => {
  it.each([
    [1, 'присутствовал 1 участник, представлявший 1 делегацию из 1 региона из шести: Африка.'],
    [2, 'присутствовали 2 участника, представлявшие 2 делегации из 1 региона из шести: Африка.'],
    [5, 'присутствовали 5 участников, представлявших 5 делегаций из 1 региона из шести: Африка.'],
    [21, 'присутствовал 21 участник, представлявший 21 делегацию из 1 региона из шести: Африка.'],
  ])('in Russian, %i', (n, words) => {
    expect(opening(n, 'ru')).toContain(`На собрании ${words}`);
  });

  it.each([
    [1, 'مشارك واحد يمثل وفداً واحداً'],
    [2, 'مشاركان يمثلان وفدين'],
    [5, '5 مشاركين يمثلون 5 وفود'],
    [21, '21 مشاركاً يمثلون 21 وفداً'],
  ])('in Arabic, %i', (n, words) => {
    expect(opening(n, 'ar')).toContain(`وحضر الاجتماع ${words} من منطقة واحدة من المناطق الست: أفريقيا.`);
  });
});
