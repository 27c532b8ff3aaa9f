import type { Meeting } from '../../shared';
import type { ParticipantClaims } from './tokens';

/**
 * Whether a signed, unexpired token still signs its holder in to `meeting`: a participant token
 * while that participant is in the meeting (not removed) and the token carries their current
 * version (their link was not reissued since); a view token always. Checked against the meeting's
 * state in memory, which every process keeps current from the event log: no store round trip.
 */
export function tokenCurrent(meeting: Meeting, claims: ParticipantClaims): boolean {
  if (claims.meetingId !== meeting.id) return false;
  if (claims.view) return true;
  return meeting.participants.some(
    (p) => p.id === claims.participantId && p.tokenVersion === claims.tokenVersion,
  );
}

/**
 * Whether catching up with the store could make a refused token current: the participant is not
 * known here yet (added on another process a moment ago), or the token is newer than the version
 * known here (reissued elsewhere). A token of a removed participant or an older version never
 * becomes current again: refused without a store round trip, however often it is sent.
 */
export function mayCatchUp(meeting: Meeting, claims: ParticipantClaims): boolean {
  if (claims.view) return false;
  if (meeting.formerParticipants.some((p) => p.id === claims.participantId)) return false;
  const known = meeting.participants.find((p) => p.id === claims.participantId);
  return !known || known.tokenVersion < claims.tokenVersion;
}
