import { type Actor, type Meeting, type Proposal, textReadOnly } from '../../../shared';

/** Why the signed-in participant may only read a text; the server's rule (docs/collab.md). */
/** `summary`: a chair's summary, which only those who write it edit (`summary.editText`). */
export type ReadOnlyReason = 'observer' | 'summary' | 'closed' | 'locked';

/**
 * The reason `actor` cannot edit `proposal` now, or null when they can: the shared `textReadOnly`
 * (the permission table's `proposal.editText` or `summary.editText`, then closed and locked), as
 * the editor words it.
 */
export function readOnlyReason(
  meeting: Meeting,
  proposal: Proposal,
  actor: Actor | undefined,
): ReadOnlyReason | null {
  if (!actor) return 'observer';
  const reason = textReadOnly(meeting, actor, proposal);
  if (reason !== 'role') return reason;
  return proposal.kind === 'chair-summary' && actor.role !== 'observer' ? 'summary' : 'observer';
}
