import { eventWithoutContacts, type Meeting, type StoredEvent, withoutContacts } from '../../shared';

/**
 * What the gateway sends to the room, without participants' e-mail addresses (shared/domain/contacts.ts):
 * only `GET /api/meetings/:id/participants` shows them, to those who manage participants.
 */

/** The room state is replaced, never changed, on each event: one copy per state, however many snapshots. */
const meetings = new WeakMap<Meeting, Meeting>();

/** The meeting as a snapshot shows it. */
export function meetingForRoom(meeting: Meeting): Meeting {
  let shown = meetings.get(meeting);
  if (!shown) {
    shown = withoutContacts(meeting);
    meetings.set(meeting, shown);
  }
  return shown;
}

/** The events as `event`/`events` messages carry them; the same objects when none names an address. */
export function eventsForRoom(events: readonly StoredEvent[]): StoredEvent[] {
  return events.map((stored) => {
    const event = eventWithoutContacts(stored.event);
    return event === stored.event ? stored : { ...stored, event };
  });
}
