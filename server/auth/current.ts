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
