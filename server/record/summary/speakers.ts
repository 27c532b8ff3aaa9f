import type { RecordIntervention, Region, RtoCode } from '../../../shared';
import { inline } from './plainText';

/** A delegation (or an RTO's spokesperson) that took the floor, named once however often it spoke. */
export interface Speaker {
  /** The delegation, on one line; the speaker's name when the record has no delegation. */
  delegation: string;
  onBehalfOf: RtoCode | null;
  times: number;
}

/** The speakers of one region, in the order they first took the floor. */
interface RegionSpeakers {
  region: Region;
  speakers: Speaker[];
}

const delegationOf = (i: RecordIntervention): string => inline(i.delegation) || inline(i.speaker.name);

/**
 * Who took the floor (requests to speak, not points of order or replies), grouped by region: the
 * regions in the order they first took the floor in any way (the order of the placeholders for
 * their main points), each delegation once, in the order it first spoke. A delegation speaking for
 * itself and the same delegation speaking on behalf of an RTO are two speakers.
 */
export function speakersByRegion(interventions: readonly RecordIntervention[]): RegionSpeakers[] {
  const groups = new Map<Region, Map<string, Speaker>>(
    regionsInOrder(interventions).map((r) => [r, new Map()]),
  );
  for (const i of interventions) {
    if (i.kind !== 'speak') continue;
    const group = groups.get(i.region)!;
    const delegation = delegationOf(i);
    const key = `${delegation}\u0000${i.onBehalfOf ?? ''}`;
    const speaker = group.get(key);
    if (speaker) speaker.times++;
    else group.set(key, { delegation, onBehalfOf: i.onBehalfOf, times: 1 });
  }
  return [...groups]
    .filter(([, speakers]) => speakers.size > 0)
    .map(([region, speakers]) => ({ region, speakers: [...speakers.values()] }));
}

/** The regions of every intervention (points of order and replies too), in the order they first spoke. */
export const regionsInOrder = (interventions: readonly RecordIntervention[]): Region[] => [
  ...new Set(interventions.map((i) => i.region)),
];

/** A point of order or a right of reply, with the intervention it interrupted, if it did. */
interface FloorIncident {
  kind: 'point_of_order' | 'reply';
  by: Speaker;
  interrupted: { speaker: Speaker; resumed: boolean } | null;
}

const ms = Date.parse;
const asSpeaker = (i: RecordIntervention): Speaker => ({
  delegation: delegationOf(i),
  onBehalfOf: i.onBehalfOf,
  times: 1,
});

/**
 * The points of order and rights of reply, in order, each with the intervention that was suspended
 * when it started: the one with a pause between two of its parts (or after its last, when the
 * presiding officer ended it while suspended) around that moment, the latest paused when several
 * were (a point of order on a point of order interrupts the inner one).
 */
export function floorIncidents(interventions: readonly RecordIntervention[]): FloorIncident[] {
  const suspended = interventions.filter((i) => i.suspended);
  const incidents: FloorIncident[] = [];
  for (const incident of interventions) {
    if (incident.kind === 'speak') continue;
    const at = ms(incident.startedAt);
    let found: { intervention: RecordIntervention; pausedAt: number; resumed: boolean } | null = null;
    for (const candidate of suspended) {
      if (candidate === incident) continue;
      const { parts } = candidate;
      const endedAt = ms(candidate.endedAt);
      for (let index = 0; index < parts.length; index++) {
        const pausedAt = ms(parts[index]!.endedAt);
        const next = parts[index + 1];
        // Paused until the next part; after the last one, only if it was ended while suspended.
        const until = next
          ? ms(next.startedAt)
          : !candidate.endedWhileSuspended
            ? pausedAt
            : endedAt > pausedAt
              ? endedAt
              : Number.POSITIVE_INFINITY;
        if (pausedAt <= at && at < until && (found === null || pausedAt > found.pausedAt)) {
          found = { intervention: candidate, pausedAt, resumed: next !== undefined };
        }
      }
    }
    incidents.push({
      kind: incident.kind,
      by: asSpeaker(incident),
      interrupted: found ? { speaker: asSpeaker(found.intervention), resumed: found.resumed } : null,
    });
  }
  return incidents;
}
