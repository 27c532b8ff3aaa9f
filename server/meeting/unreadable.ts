import {
  describeUnreadable,
  evolve,
  type Meeting,
  type MeetingId,
  readStoredEvent,
  type StoredEvent,
} from '../../shared';

/**
 * This process cannot read a meeting's log: an event was written by newer code (a rolling upgrade)
 * or is of a type this code does not know. The process refuses to serve the meeting (commands are
 * answered `unavailable`, its sockets are closed with `meeting_unreadable`, HTTP answers 503) instead
 * of stalling on it, so its clients reconnect to a process that can read it.
 */
export class MeetingUnreadable extends Error {
  constructor(
    readonly meetingId: MeetingId,
    readonly seq: number,
    readonly version: number,
    readonly why: string,
  ) {
    super(`meeting ${meetingId}: cannot read event seq ${seq} (version ${version}): ${why}; not serving it`);
    this.name = 'MeetingUnreadable';
  }
}

/**
 * Reads one stored event into the current form and applies it; throws MeetingUnreadable when this
 * code cannot read it. Returns the event as this process publishes it (upgraded, if it was older).
 */
export function applyStored(
  meetingId: MeetingId,
  meeting: Meeting | null,
  stored: StoredEvent,
): { meeting: Meeting; stored: StoredEvent } {
  const read = readStoredEvent(stored, meeting);
  if (!read.ok) throw new MeetingUnreadable(meetingId, stored.seq, read.version, describeUnreadable(read));
  return { meeting: evolve(meeting, read.stored.event), stored: read.stored };
}
