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

/** The fixture with `n` attendees, each from a Member State of their own, all from Africa. */
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

describe('the number of participants and Member States', () => {
  it.each([
    [1, 'присутствовал 1 участник от 1 Государства-Члена'],
    [2, 'присутствовали 2 участника от 2 Государств-Членов'],
    [5, 'присутствовали 5 участников от 5 Государств-Членов'],
    [21, 'присутствовал 21 участник от 21 Государства-Члена'],
  ])('in Russian, %i', (n, words) => {
    expect(opening(n, 'ru')).toContain(`На собрании ${words}. Был представлен 1 регион из шести: Африка.`);
  });

  it.each([
    [1, 'مشارك واحد من دولة عضو واحدة'],
    [2, 'مشاركان من دولتين عضوين'],
    [5, '5 مشاركين من 5 دول أعضاء'],
    [21, '21 مشاركاً من 21 دولة عضواً'],
    [100, '100 مشارك من 100 دولة عضو'],
  ])('in Arabic, %i', (n, words) => {
    expect(opening(n, 'ar')).toContain(`وحضر الاجتماع ${words}. ومُثّلت منطقة واحدة من المناطق الست: أفريقيا.`);
  });
});
