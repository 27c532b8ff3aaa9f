import { type Actor, addParticipantAction, can, type Meeting, ROLES, type Role } from '../../../../shared';

/**
 * Whether the caller may give `role` to someone, or take it away, by the permission table the server
 * enforces: a chair only the administrator, a vice-chair the administrator or the chair, any other
 * role whoever manages participants. Until the meeting and the caller are known, only the latter.
 */
export function mayAppoint(meeting: Meeting | null, actor: Actor | null, role: Role): boolean {
  const action = addParticipantAction(role);
  if (action === 'participant.add') return true;
  return !!meeting && !!actor && can(meeting, actor, action);
}

/** The roles the form offers: those the caller may give, and the participant's own in any case. */
export function offeredRoles(meeting: Meeting | null, actor: Actor | null, current?: Role): Role[] {
  return ROLES.filter((role) => role === current || mayAppoint(meeting, actor, role));
}
