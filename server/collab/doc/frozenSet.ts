import { frozenParagraphIds, type Meeting, type ProposalId } from '../../../shared';

/**
 * The sorted frozen pids of each proposal asked for, per meeting state object. A meeting state is
 * never changed in place (every stored event makes a new one, `evolve`), so an entry is valid for
 * as long as its state is the room's; a WeakMap lets a replaced state go with its entries. At most
 * one entry per proposal of the meeting.
 */
const cache = new WeakMap<Meeting, Map<ProposalId, readonly string[]>>();

/**
 * `frozenParagraphIds(meeting, proposalId)`, sorted, computed once per meeting change rather than
 * on every update judged (a text with 10 000 agreed paragraphs would sort them for each keystroke).
 * The same frozen array for as long as the meeting is the same: callers may compare by identity.
 */
export function sortedFrozenIds(meeting: Meeting, proposalId: ProposalId): readonly string[] {
  let byProposal = cache.get(meeting);
  if (byProposal === undefined) {
    byProposal = new Map();
    cache.set(meeting, byProposal);
  }
  let ids = byProposal.get(proposalId);
  if (ids === undefined) {
    ids = Object.freeze(frozenParagraphIds(meeting, proposalId).sort());
    byProposal.set(proposalId, ids);
  }
  return ids;
}
