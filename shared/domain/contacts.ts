import type { MeetingEvent } from './events';
import type { Meeting, Participant } from './model';

/**
 * Participants' e-mail addresses are personal data for those who manage participants
 * (`participant.manage`, over `GET /api/meetings/:id/participants`). Everything sent to the room
 * (snapshots and events over Socket.IO, `GET /api/meetings/:id`, the projector) goes through these:
 * an address becomes null, and nothing else changes.
 */
const hidden = <P extends Pick<Participant, 'email'>>(p: P): P =>
  p.email === null ? p : { ...p, email: null };

/** The meeting as the room sees it: no e-mail addresses. */
export function withoutContacts(meeting: Meeting): Meeting {
  const hides = (list: Participant[]) => list.some((p) => p.email !== null);
  if (!hides(meeting.participants) && !hides(meeting.formerParticipants)) return meeting;
  return {
    ...meeting,
    participants: meeting.participants.map(hidden),
    formerParticipants: meeting.formerParticipants.map(hidden),
  };
}

/** The event as the room sees it: an added participant without e-mail, a change without the address. */
export function eventWithoutContacts(event: MeetingEvent): MeetingEvent {
  switch (event.type) {
    case 'participant.added':
      return event.participant.email === null ? event : { ...event, participant: hidden(event.participant) };
    case 'participant.updated': {
      if (event.changes.email === undefined) return event;
      const { email: _email, ...changes } = event.changes;
      return { ...event, changes };
    }
    default:
      return event;
  }
}
