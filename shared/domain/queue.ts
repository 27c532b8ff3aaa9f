import type { ParticipantId } from '../ids';
import { FLOOR_KINDS, type FloorKind, type FloorRequest, type Meeting, type Participant } from './model';

/** Points of order first, then replies, then ordinary requests. */
const kindRank = (kind: FloorKind): number => FLOOR_KINDS.indexOf(kind);

/** Priority bands within `speak`: RTO spokesperson's first turn, delegations new to the item, the rest. */
const PRIORITY = { rtoFirstTurn: 0, newDelegation: 1, normal: 2 } as const;

const spokeOnCurrentItem = (meeting: Meeting, matches: (participantId: ParticipantId) => boolean): boolean =>
  meeting.interventions.some((i) => i.itemId === meeting.currentItemId && matches(i.participantId));

/** The band a new request of `participant` goes into, under the meeting's options. */
export function priorityFor(meeting: Meeting, participant: Participant, kind: FloorKind): number {
  if (kind !== 'speak') return PRIORITY.normal;
  const { rtoSpokespersonsFirst, newDelegationsFirst } = meeting.options;
  if (
    rtoSpokespersonsFirst &&
    participant.role === 'spokesperson' &&
    !spokeOnCurrentItem(meeting, (id) => id === participant.id)
  ) {
    return PRIORITY.rtoFirstTurn;
  }
  if (newDelegationsFirst) {
    const byId = new Map(meeting.participants.map((p) => [p.id, p.delegation]));
    if (!spokeOnCurrentItem(meeting, (id) => byId.get(id) === participant.delegation)) {
      return PRIORITY.newDelegation;
    }
  }
  return PRIORITY.normal;
}

const orderKey = (r: Pick<FloorRequest, 'kind' | 'priority'>) => kindRank(r.kind) * 10 + r.priority;

/** Where a new request goes: after everything of the same or higher precedence, in request order. */
export function insertionIndex(queue: readonly FloorRequest[], request: FloorRequest): number {
  const key = orderKey(request);
  const after = queue.findIndex((r) => orderKey(r) > key);
  return after === -1 ? queue.length : after;
}

/**
 * Clamps a manual move to the request's own kind: the presiding officer may reorder speakers freely,
 * but never put a speaker ahead of a point of order or a point of order behind a speaker.
 * The index is counted in the queue without the moved request.
 */
export function clampMove(queue: readonly FloorRequest[], requestId: string, toIndex: number): number {
  const moved = queue.find((r) => r.id === requestId);
  if (!moved) return toIndex;
  const rest = queue.filter((r) => r.id !== requestId);
  const rank = kindRank(moved.kind);
  const lo = rest.filter((r) => kindRank(r.kind) < rank).length;
  const hi = lo + rest.filter((r) => kindRank(r.kind) === rank).length;
  return Math.min(Math.max(toIndex, lo), hi);
}

/** True when no request of a lower-precedence kind stands before one of a higher kind. */
export function kindsInOrder(queue: readonly FloorRequest[]): boolean {
  return queue.every((r, i) => i === 0 || kindRank(queue[i - 1]!.kind) <= kindRank(r.kind));
}

/**
 * Where a request put back into the list goes: at `index` if that keeps the kinds in order, else
 * at the nearest place among the requests of its own kind.
 */
export function clampInsert(queue: readonly FloorRequest[], request: FloorRequest, index: number): number {
  const rank = kindRank(request.kind);
  const lo = queue.filter((r) => kindRank(r.kind) < rank).length;
  const hi = lo + queue.filter((r) => kindRank(r.kind) === rank).length;
  return Math.min(Math.max(index, lo), hi);
}
