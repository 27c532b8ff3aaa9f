import type { Consensus, ConsensusCheck, ParagraphId, ProposalId } from '../../../../shared';

/** What the margin says of a paragraph on the projector: its status, or that it is under a check. */
export type ParagraphMark = 'open' | 'ad-referendum' | 'agreed' | 'checking';

/** The open checks on one proposal, most recently asked last (the state keeps them oldest first). */
const openOn = (consensus: Consensus, proposalId: ProposalId): ConsensusCheck[] =>
  consensus.checks.filter((c) => c.result === null && c.proposalId === proposalId);

/**
 * The paragraph the projector follows on `proposalId`: the first paragraph of an open room check on
 * it (the latest asked, if the chair has several running), else the one the secretariat points at
 * (`screen.paragraphId`), else none. A silence procedure runs for days outside the room: it does
 * not take the screen.
 */
export function followedParagraph(consensus: Consensus, proposalId: ProposalId): ParagraphId | null {
  const inRoom = openOn(consensus, proposalId).filter((c) => c.procedure === 'room');
  const check = inRoom[inRoom.length - 1];
  if (check?.paragraphIds[0]) return check.paragraphIds[0];
  const screen = consensus.screen;
  return screen?.proposalId === proposalId ? screen.paragraphId : null;
}

/**
 * Every paragraph of `proposalId` that is not plainly open: under a check (room or silence) first,
 * then its recorded status. A paragraph absent from the map is open.
 */
export function paragraphMarks(
  consensus: Consensus,
  proposalId: ProposalId,
): Map<ParagraphId, ParagraphMark> {
  const marks = new Map<ParagraphId, ParagraphMark>();
  for (const [id, record] of Object.entries(consensus.paragraphs[proposalId] ?? {}))
    if (record.status !== 'open') marks.set(id, record.status);
  for (const check of openOn(consensus, proposalId))
    for (const id of check.paragraphIds) marks.set(id, 'checking');
  return marks;
}

/** How long the projector shows a room check's outcome after it closed. */
export const OUTCOME_SHOWN_MS = 8000;

/**
 * The room check the projector's countdown shows at server time `now`: the open one that ends first
 * (any proposal), else the latest closed within {@link OUTCOME_SHOWN_MS}, else null.
 */
export function shownCheck(consensus: Consensus, now: number): ConsensusCheck | null {
  const room = consensus.checks.filter((c) => c.procedure === 'room');
  const open = room.filter((c) => c.result === null).sort((a, b) => a.endsAt - b.endsAt);
  if (open[0]) return open[0];
  let latest: ConsensusCheck | null = null;
  for (const c of room)
    if (
      c.result &&
      now - c.result.appliedAt < OUTCOME_SHOWN_MS &&
      (!latest || c.result.appliedAt > latest.result!.appliedAt)
    )
      latest = c;
  return latest;
}
