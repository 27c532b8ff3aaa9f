import { type MeetingRecord, utcOffsetOf, type ZonedTime } from '../../../shared';

/** How the record's times are shown: all on the meeting's clock, which the page names once per table. */
export interface RecordClock {
  /** The meeting's UTC offset as of the record, e.g. "UTC+02:00". */
  offset: string;
  /** The meeting's IANA zone, e.g. "Europe/Zurich". */
  zone: string;
  /**
   * A time of day on the meeting's clock ("13:05"), with the date when the record spans more than
   * one day, and its own offset when it differs from `offset` (a change to or from summer time
   * during the meeting).
   */
  short(time: ZonedTime): string;
  /**
   * The same to the second ("13:05:09"): for interventions and connections, which often start
   * within the same minute.
   */
  precise(time: ZonedTime): string;
  /** Date, time to the second and offset, for a tooltip: "14/07/2025, 13:05:09 (UTC+02:00)". */
  long(time: ZonedTime): string;
}

/** A language tag Intl accepts (a browser may list one it does not). */
const isSupported = (tag: string): boolean => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
};

const baseLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * The locale the record's times are written in: the browser's own when it is a variant of the
 * interface language (en-GB for English: the 24-hour clock and day-first dates its user expects),
 * else the interface language itself.
 * @example timeLocale('en', ['en-GB', 'fr']) // 'en-GB'; timeLocale('ar', ['en-GB']) // 'ar'
 */
export function timeLocale(language: string, browserLanguages: readonly string[]): string {
  const base = baseLanguage(language);
  return browserLanguages.find((tag) => baseLanguage(tag) === base && isSupported(tag)) ?? language;
}

const TIME = { hour: '2-digit', minute: '2-digit' } as const;
const DATE = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

/**
 * The clock of a record. The record's times are ISO strings in the meeting's zone with their offset
 * (shared/record/zonedTime.ts): read as instants, then written in the meeting's zone, so the digits
 * and separators follow the interface language, and the hour cycle the browser's variant of it.
 */
export function recordClock(
  record: MeetingRecord,
  language: string,
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): RecordClock {
  const zone = record.meeting.timezone;
  const offset = utcOffsetOf(record.meeting.asOf);
  const locale = timeLocale(language, browserLanguages);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
  // The calendar day on the meeting's clock, whatever offset a time is written with.
  const dayOf = new Intl.DateTimeFormat('en-CA', { ...DATE, timeZone: zone });
  const day = (time: ZonedTime) => dayOf.format(Date.parse(time));
  const firstDay = day(record.meeting.openedAt ?? record.meeting.startsAt ?? record.meeting.asOf);
  const lastDay = day(record.meeting.asOf);
  // A time on another day than the meeting's only one says its date too: then the meeting spans days.
  const severalDays = (time: ZonedTime) => firstDay !== lastDay || day(time) !== lastDay;
  const formats = {
    minutes: format(TIME),
    seconds: format({ ...TIME, second: '2-digit' }),
    minutesWithDate: format({ ...DATE, ...TIME }),
    secondsWithDate: format({ ...DATE, ...TIME, second: '2-digit' }),
    full: format({ dateStyle: 'short', timeStyle: 'medium' }),
  };
  const ownOffset = (time: ZonedTime) => {
    const own = utcOffsetOf(time);
    return own === offset ? '' : ` (${own})`;
  };
  const write = (time: ZonedTime, plain: Intl.DateTimeFormat, withDate: Intl.DateTimeFormat) =>
    `${(severalDays(time) ? withDate : plain).format(Date.parse(time))}${ownOffset(time)}`;
  return {
    offset,
    zone,
    short: (time) => write(time, formats.minutes, formats.minutesWithDate),
    precise: (time) => write(time, formats.seconds, formats.secondsWithDate),
    long: (time) => `${formats.full.format(Date.parse(time))} (${utcOffsetOf(time)})`,
  };
}
