import { describe, expect, it } from 'vitest';
import { demoMeeting, P } from '../../../../shared/domain/fixtures';
import { fileNameOf } from './download';
import { applyFilters, filtering, NO_FILTERS } from './filters';
import { changedFields } from './ParticipantForm';

const people = demoMeeting().participants.map((p) =>
  p.id === P.france ? { ...p, name: 'Jérôme Müller', email: 'J.Muller@Example.org' } : p,
);
const names = (list: { name: string }[]) => list.map((p) => p.name);

describe('search and filters', () => {
  it.each([
    ['every word, anywhere in name, delegation or e-mail', 'kenya amina', ['Amina']],
    ['without accents or case', 'jerome MULLER', ['Jérôme Müller']],
    ['in the e-mail address', 'muller@example', ['Jérôme Müller']],
    ['nothing for a word no one has', 'kenya zzz', []],
  ])('finds %s', (_what, query, expected) => {
    expect(names(applyFilters(people, { ...NO_FILTERS, query }))).toEqual(expected);
  });

  it('narrows by each column, RTO "none" for those without one', () => {
    const spokes = applyFilters(people, { ...NO_FILTERS, role: 'spokesperson', rto: 'CEPT' });
    expect(names(spokes)).toEqual(['CEPT']);
    const noRto = applyFilters(people, { ...NO_FILTERS, rto: 'none', region: 'AFR' });
    expect(names(noRto)).toEqual(['Amina', 'Otieno']);
    expect(applyFilters(people, { ...NO_FILTERS, online: 'yes' })).toEqual([]);
    expect(applyFilters(people, { ...NO_FILTERS, invited: 'no' })).toHaveLength(people.length);
    expect(names(applyFilters(people, { ...NO_FILTERS, category: 'bdt' }))).toEqual(['BDT']);
    expect(filtering(NO_FILTERS)).toBe(false);
    expect(filtering({ ...NO_FILTERS, online: 'no' })).toBe(true);
  });
});

describe('the download’s file name', () => {
  it.each([
    ['attachment; filename="IRM-2-invitations.csv"', 'IRM-2-invitations.csv'],
    [`attachment; filename="x.csv"; filename*=UTF-8''R%C3%A9union%20IRM.csv`, 'Réunion IRM.csv'],
    ['attachment; filename="a\\"b.csv"', 'a"b.csv'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ['attachment; filename="../../etc/passwd"', '.._.._etc_passwd'],
    [null, 'invitations.csv'],
    ['attachment', 'invitations.csv'],
  ])('of %s is %s', (header, expected) => {
    expect(fileNameOf(header, 'invitations.csv')).toBe(expected);
  });
});

describe('an edit’s PATCH body', () => {
  const amina = people.find((p) => p.id === P.kenya)!;
  const same = {
    name: amina.name,
    delegation: amina.delegation,
    role: amina.role,
    category: amina.category,
    region: amina.region,
    rto: '' as const,
    email: '',
    lang: '' as const,
  };
  it('holds only what changed, empty fields as null', () => {
    expect(changedFields(amina, same)).toBeNull();
    expect(changedFields(amina, { ...same, name: '  Amina  ' })).toBeNull();
    expect(changedFields(amina, { ...same, role: 'spokesperson', rto: 'ATU', email: ' a@b.org ' })).toEqual({
      role: 'spokesperson',
      rto: 'ATU',
      email: 'a@b.org',
    });
    const withEmail = { ...amina, email: 'a@b.org', lang: 'fr' as const };
    expect(changedFields(withEmail, same)).toEqual({ email: null, lang: null });
  });
});
