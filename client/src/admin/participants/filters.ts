import type { Category, ParticipantRecord, Region, Role, RtoCode } from '../../../../shared';

/** The table's search and filters; `''` (or `'any'`) lets every participant through. */
export interface ParticipantFilters {
  /** Matched against name, delegation and e-mail, without regard to case or accents. */
  query: string;
  region: Region | '';
  /** An RTO, `none` for those without one. */
  rto: RtoCode | 'none' | '';
  category: Category | '';
  role: Role | '';
  online: 'any' | 'yes' | 'no';
  invited: 'any' | 'yes' | 'no';
}

export const NO_FILTERS: ParticipantFilters = {
  query: '',
  region: '',
  rto: '',
  category: '',
  role: '',
  online: 'any',
  invited: 'any',
};

/** Lower case without diacritics, so "jose" finds "José" and "MULLER" finds "Müller". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const yesNo = (wanted: 'any' | 'yes' | 'no', value: boolean) =>
  wanted === 'any' || (wanted === 'yes') === value;

/** The participants the search and filters let through, in the order given. */
export function applyFilters(list: readonly ParticipantRecord[], f: ParticipantFilters): ParticipantRecord[] {
  const words = folded(f.query).split(/\s+/).filter(Boolean);
  return list.filter((p) => {
    if (f.region && p.region !== f.region) return false;
    if (f.rto && (p.rto ?? 'none') !== f.rto) return false;
    if (f.category && p.category !== f.category) return false;
    if (f.role && p.role !== f.role) return false;
    if (!yesNo(f.online, p.online)) return false;
    if (!yesNo(f.invited, p.invitedAt !== null)) return false;
    if (words.length === 0) return true;
    const haystack = folded(`${p.name} ${p.delegation} ${p.email ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Whether any search or filter is set. */
export const filtering = (f: ParticipantFilters): boolean =>
  (Object.keys(NO_FILTERS) as (keyof ParticipantFilters)[]).some((key) => f[key] !== NO_FILTERS[key]);

/** By delegation, then name, as the UI language sorts them. */
export function byDelegation(language: string): (a: ParticipantRecord, b: ParticipantRecord) => number {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a.delegation, b.delegation) || collator.compare(a.name, b.name);
}
