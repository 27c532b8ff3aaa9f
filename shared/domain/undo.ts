import type { ItemId, RequestId } from '../ids';
import { type DomainError, refuse } from './errors';
import type { EventOf, MeetingEvent } from './events';
import { type FloorRequest, type Meeting, UNDO_WINDOW_SECONDS } from './model';
import { clampInsert } from './queue';
import { AGENDA_QUOTA } from './quotas';

/**
 * Undo of what the presiding officer removed: new commands that put things back, logged as such,
 * within `UNDO_WINDOW_SECONDS` of meeting time of the removal (`Meeting.recentlyRemoved`).
 */

type Events = { ok: true; events: MeetingEvent[] } | { ok: false; error: DomainError };

const ok = (...events: MeetingEvent[]): Events => ({ ok: true, events });
const no = (code: DomainError['code'], message: string): Events => ({
  ok: false,
  error: refuse(code, message),
});

const withinWindow = (removedAt: number, now: number): boolean =>
  now - removedAt <= UNDO_WINDOW_SECONDS * 1000;

/** Puts back the most recently removed agenda item with this id, at its old place, with its list. */
export function restoreItem(meeting: Meeting, itemId: ItemId, now: number): Events {
  const record = meeting.recentlyRemoved.items.findLast((r) => r.item.id === itemId);
  if (!record || !withinWindow(record.removedAt, now)) {
    return no(
      'not_found',
      `that agenda item was not removed in the last ${UNDO_WINDOW_SECONDS} seconds: add it again instead`,
    );
  }
  if (meeting.agenda.some((i) => i.id === itemId)) return no('conflict', 'that agenda item is on the agenda');
  if (meeting.agenda.length >= AGENDA_QUOTA.perMeeting) {
    return no(
      'rate_limited',
      `agenda quota reached: at most ${AGENDA_QUOTA.perMeeting} agenda items per meeting; remove one first`,
    );
  }
  // Proposals linked to another item since the removal stay where they are now.
  const relinkedProposalIds = record.unlinkedProposalIds.filter(
    (id) => meeting.proposals.find((p) => p.id === id)?.itemId === null,
  );
  return ok({
    type: 'agenda.itemRestored',
    item: record.item,
    index: Math.min(record.index, meeting.agenda.length),
    parkedList: record.parkedList,
    relinkedProposalIds,
  });
}

/**
 * Puts back requests the presiding officer removed (one by one or by clearing the list), at their
 * old places as far as the order of kinds allows. A request whose participant has the floor now, or
 * has asked again for the same kind meanwhile, is not put back twice.
 */
export function restoreRequests(meeting: Meeting, requestIds: readonly RequestId[], now: number): Events {
  const records = requestIds.map((id) =>
    meeting.recentlyRemoved.requests.findLast((r) => r.request.id === id && withinWindow(r.removedAt, now)),
  );
  if (records.some((r) => r === undefined)) {
    return no(
      'not_found',
      `some of those requests were not removed in the last ${UNDO_WINDOW_SECONDS} seconds: they cannot be put back`,
    );
  }
  const found = records.filter((r) => r !== undefined);
  if (found.some((r) => r.itemId !== meeting.currentItemId)) {
    return no(
      'conflict',
      'those requests were on the list of another agenda item: open that item to add them',
    );
  }
  const restored: EventOf<'floor.restored'>['restored'] = [];
  let queue: FloorRequest[] = [...meeting.floor.queue];
  for (const { request, index } of [...found].sort((a, b) => a.index - b.index)) {
    if (holdsFloor(meeting, request.participantId) || asksAlready(queue, request)) continue;
    const at = clampInsert(queue, request, index);
    queue = [...queue.slice(0, at), request, ...queue.slice(at)];
    restored.push({ request, index: at });
  }
  if (restored.length === 0) {
    return no('conflict', 'those participants are back in the list of speakers or have the floor already');
  }
  return ok({ type: 'floor.restored', restored });
}

const holdsFloor = (meeting: Meeting, participantId: string): boolean =>
  meeting.floor.current?.participantId === participantId ||
  meeting.floor.suspended.some((s) => s.participantId === participantId);

const asksAlready = (queue: readonly FloorRequest[], request: FloorRequest): boolean =>
  queue.some((r) => r.participantId === request.participantId && r.kind === request.kind);
