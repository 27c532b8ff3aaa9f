import { createHash } from 'node:crypto';
import { createEvent, type DateArray } from 'ics';

/** What a calendar entry of a meeting says (times in ms since the epoch). */
export interface CalendarEntry {
  /** Stable for one meeting and one participant, so a second invitation updates the first entry. */
  uid: string;
  title: string;
  startsAt: number;
  endsAt: number;
  description: string;
  url: string;
  /** Where the meeting is held: its video call, when it has one. */
  location: string | null;
}

/**
 * A uid for the meeting and the participant: a hash, so that neither the ids nor an e-mail
 * address appear in a calendar that may be shared.
 */
export function calendarUid(meetingKey: string, participantKey: string): string {
  const digest = createHash('sha256').update(`${meetingKey}\u0000${participantKey}`).digest('hex');
  return `${digest.slice(0, 32)}@irm-room`;
}

/** The entry as an iCalendar file (`METHOD:PUBLISH`), start and end in UTC. */
export function calendarFile(entry: CalendarEntry): string {
  const { error, value } = createEvent({
    uid: entry.uid,
    productId: 'irm-room',
    method: 'PUBLISH',
    title: entry.title,
    description: entry.description,
    url: entry.url,
    ...(entry.location ? { location: entry.location } : {}),
    status: 'CONFIRMED',
    start: utcArray(entry.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(entry.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
  });
  // The inputs are validated before they get here: a refusal is a bug, not the participant's.
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

function utcArray(ms: number): DateArray {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}
