import { type MeetingRecord, utcOffsetOf, type ZonedTime } from '../../../shared';
import { timeIn } from '../format';

/** How the record's times are shown: all on the meeting's clock, which the page names once per table. */
export interface RecordClock {
  /** The meeting's UTC offset as of the record, e.g. "UTC+02:00". */
  offset: string;
  /** The meeting's IANA zone, e.g. "Europe/Zurich". */
  zone: string;
  /**
   * A time of day on the meeting's clock in the interface language ("13:05"), with the date when
   * the record spans more than one day, and its own offset when it differs from `offset` (a change
   * to or from summer time during the meeting).
   */
  short(time: ZonedTime): string;
  /** Date, time to the second and offset, for a tooltip: "14/07/2025, 13:05:09 (UTC+02:00)". */
  long(time: ZonedTime): string;
}

/**
 * The clock of a record. The record's times are ISO strings in the meeting's zone with their offset
 * (shared/record/zonedTime.ts): read as instants, then written in the meeting's zone, so the digits
 * and separators follow the interface language.
 */
export function recordClock(record: MeetingRecord, language: string): RecordClock {
  const zone = record.meeting.timezone;
  const offset = utcOffsetOf(record.meeting.asOf);
  const firstDay = (record.meeting.openedAt ?? record.meeting.startsAt ?? record.meeting.asOf).slice(0, 10);
  const severalDays = firstDay !== record.meeting.asOf.slice(0, 10);
  const withDate = new Intl.DateTimeFormat(language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: zone,
  });
  const full = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone: zone });
  const ownOffset = (time: ZonedTime) => {
    const own = utcOffsetOf(time);
    return own === offset ? '' : ` (${own})`;
  };
  return {
    offset,
    zone,
    short: (time) => {
      const ms = Date.parse(time);
      return `${severalDays ? withDate.format(ms) : timeIn(ms, zone, language)}${ownOffset(time)}`;
    },
    long: (time) => `${full.format(Date.parse(time))} (${utcOffsetOf(time)})`,
  };
}
