import type { Meeting, Proposal } from '../../../shared';

/** Why the signed-in participant may only read a text; mirrors the server's rule (docs/collab.md). */
export type ReadOnlyReason = 'observer' | 'closed' | 'locked';

/** The reason this participant cannot edit `proposal` now, or null when they can. */
export function readOnlyReason(
  meeting: Meeting,
  proposal: Proposal,
  role: string | undefined,
): ReadOnlyReason | null {
  if (role === 'observer' || role === 'viewer' || !role) return 'observer';
  if (meeting.status === 'closed') return 'closed';
  if (proposal.locked) return 'locked';
  return null;
}
