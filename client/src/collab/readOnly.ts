import { type Actor, type Meeting, type Proposal, textReadOnly } from '../../../shared';

/** Why the signed-in participant may only read a text; the server's rule (docs/collab.md). */
export type ReadOnlyReason = 'observer' | 'closed' | 'locked';

/**
 * The reason `actor` cannot edit `proposal` now, or null when they can: the shared `textReadOnly`
 * (the permission table's `proposal.editText`, then closed and locked), as the editor words it.
 */
export function readOnlyReason(
  meeting: Meeting,
  proposal: Proposal,
  actor: Actor | undefined,
): ReadOnlyReason | null {
  if (!actor) return 'observer';
  const reason = textReadOnly(meeting, actor, proposal);
  return reason === 'role' ? 'observer' : reason;
}
