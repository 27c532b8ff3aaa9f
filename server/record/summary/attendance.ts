import type { MeetingRecord, RecordPerson, Region } from '../../../shared';
import { inline } from './plainText';
import { DELEGATION_CATEGORIES, type DelegationCategory, type OpeningFacts } from './templates/types';

/** ITU's order of the regions in a list of those represented. */
const REGION_RANK: Record<Exclude<Region, 'none'>, number> = {
  AFR: 0,
  AMS: 1,
  ARB: 2,
  ASP: 3,
  CIS: 4,
  EUR: 5,
};

const isDelegationCategory = (category: string): category is DelegationCategory =>
  (DELEGATION_CATEGORIES as readonly string[]).includes(category);

/** The secretariat runs the meeting: its staff are neither participants nor a delegation. */
const isSecretariat = (person: RecordPerson): boolean =>
  person.role === 'secretariat' || person.category === 'bdt';

/**
 * Who attended, as a secretariat reports it: the participants who connected at least once, less
 * the secretariat's staff; and the delegations they came from, per ITU category (Member States,
 * Sector Members, Associates, Academia, regional telecommunication organizations), with their
 * regions. Whoever presides is a participant but not a delegation: the chair presides over the
 * meeting rather than speaking for an administration, and their entry is often a title ("WTDC-25
 * Chair-designate (Azerbaijan)"), not a delegation's name. Their administration counts when it has
 * a delegation of its own. Observers attend without forming a delegation.
 */
export function attendanceFacts(record: MeetingRecord): NonNullable<OpeningFacts['attendance']> {
  const chairId = record.meeting.chair?.participantId;
  const attended = record.attendance.participants
    .filter((row) => row.sessions.length > 0 && !isSecretariat(row.person))
    .map((row) => row.person);
  // A delegation is named once, in the category of its first participant.
  const delegations = new Map<string, DelegationCategory>();
  const regions = new Set<Exclude<Region, 'none'>>();
  for (const person of attended) {
    const delegation = inline(person.delegation);
    if (person.role === 'chair' || person.participantId === chairId) continue;
    if (!delegation || !isDelegationCategory(person.category)) continue;
    if (!delegations.has(delegation)) delegations.set(delegation, person.category);
    if (person.region !== 'none') regions.add(person.region);
  }
  const counted = [...delegations.values()];
  return {
    participants: attended.length,
    delegations: DELEGATION_CATEGORIES.map((category) => ({
      category,
      count: counted.filter((c) => c === category).length,
    })).filter((d) => d.count > 0),
    regions: [...regions].sort((a, b) => REGION_RANK[a] - REGION_RANK[b]),
  };
}
