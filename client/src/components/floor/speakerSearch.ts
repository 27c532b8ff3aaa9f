import type { Meeting, Participant } from '../../../../shared';

/** Most options the search lists at once; typing more narrows it. */
const MAX_OPTIONS = 8;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Participants whose delegation, name or RTO contains `query` (accents and case ignored). */
export function searchParticipants(meeting: Meeting, query: string): Participant[] {
  const q = fold(query.trim());
  if (!q) return [];
  return meeting.participants
    .filter((p) => [p.delegation, p.name, p.rto ?? ''].some((field) => fold(field).includes(q)))
    .sort((a, b) => a.delegation.localeCompare(b.delegation) || a.name.localeCompare(b.name))
    .slice(0, MAX_OPTIONS);
}
