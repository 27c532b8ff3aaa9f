import type { ItemId, ProposalId } from '../ids';
import type { ItemLeft } from './events';
import type { Meeting, Participant } from './model';

/**
 * The rules that work out what else happens when something happens: `decide` writes their answers
 * into its events, and the upgrade of a version-1 event (./upgrade.ts), which lacks them, asks the
 * same rules against the state the event was applied to. `evolve` never calls them.
 */

/** The current item, left when another is opened: its list is parked if it has requests or is closed. */
export function leavingCurrent(meeting: Meeting): ItemLeft | null {
  if (!meeting.currentItemId) return null;
  return {
    itemId: meeting.currentItemId,
    parksList: meeting.floor.queue.length > 0 || meeting.floor.closed,
  };
}

/** Leaving `itemId` if it is the current item (concluding or deferring it), else nothing to leave. */
export const leavingIfCurrent = (meeting: Meeting, itemId: ItemId): ItemLeft | null =>
  meeting.currentItemId === itemId ? leavingCurrent(meeting) : null;

/** Opening an item brings back the list of speakers it had when it was left, if one was parked. */
export const restoresList = (meeting: Meeting, itemId: ItemId): boolean =>
  Object.hasOwn(meeting.parkedLists, itemId);

/** Removing an item drops its parked list and unlinks the proposals linked to it. */
export function removalOf(
  meeting: Meeting,
  itemId: ItemId,
): { dropsParkedList: boolean; unlinkedProposalIds: ProposalId[] } {
  return {
    dropsParkedList: Object.hasOwn(meeting.parkedLists, itemId),
    unlinkedProposalIds: meeting.proposals.filter((p) => p.itemId === itemId).map((p) => p.id),
  };
}

/** The first chair added to a meeting presides. */
export const presidesWhenAdded = (meeting: Meeting, participant: Pick<Participant, 'role'>): boolean =>
  meeting.presidingParticipantId === null && participant.role === 'chair';

/** The current speaker's limit after an extension by `seconds` (the extension alone if nobody speaks). */
export const extendedLimit = (meeting: Meeting, seconds: number): number =>
  (meeting.floor.current?.limitSeconds ?? 0) + seconds;
