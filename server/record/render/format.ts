import { utcOffsetOf, type ZonedTime } from '../../../shared';
import { xmlSafe } from './xmlText';

// A ZonedTime is `YYYY-MM-DDTHH:MM:SS±HH:MM` (shared/record/zonedTime.ts): its parts by position.
const dateOf = (time: ZonedTime) => time.slice(0, 10);
const minuteOf = (time: ZonedTime) => time.slice(11, 16);
const secondOf = (time: ZonedTime) => time.slice(11, 19);
const sameDayAndOffset = (a: ZonedTime, b: ZonedTime) =>
  dateOf(a) === dateOf(b) && utcOffsetOf(a) === utcOffsetOf(b);

/** A time for a reader, to the minute, with its offset: `2025-07-14 13:05 (UTC+02:00)`. */
export const displayTime = (time: ZonedTime): string =>
  `${dateOf(time)} ${minuteOf(time)} (${utcOffsetOf(time)})`;

/**
 * A time in a table, to the second: only `13:05:20` when it falls on the day and offset of
 * `reference` (the item's or the meeting's opening, stated above the table), so a column of times
 * stays narrow; in full, `2025-07-15 09:00:10 (UTC+02:00)`, when it does not.
 */
export function tableTime(time: ZonedTime, reference: ZonedTime | null): string {
  if (reference && sameDayAndOffset(time, reference)) return secondOf(time);
  return `${dateOf(time)} ${secondOf(time)} (${utcOffsetOf(time)})`;
}

/**
 * A stretch of time in a table, to the second (see `tableTime`): `13:05:20–13:09:00` on the day of
 * `reference`; on another day, the date and offset once when both ends share them,
 * `2025-07-15 09:00:10–09:40:00 (UTC+02:00)`; `openEnd` ("still connected") when it has not ended.
 */
export function tableRange(
  from: ZonedTime,
  to: ZonedTime | null,
  reference: ZonedTime | null,
  range: (from: string, to: string) => string,
  openEnd: string,
): string {
  if (to === null) return range(tableTime(from, reference), openEnd);
  const onReferenceDay = reference !== null && sameDayAndOffset(from, reference);
  if (!onReferenceDay && sameDayAndOffset(from, to))
    return `${dateOf(from)} ${range(secondOf(from), secondOf(to))} (${utcOffsetOf(from)})`;
  return range(tableTime(from, reference), tableTime(to, reference));
}

/**
 * A stretch of time for a reader: `2025-07-14 13:00–16:00 (UTC+02:00)` within one day and offset,
 * both ends in full otherwise, and `openEnd` ("still suspended") when it has not ended.
 */
export function displayRange(
  from: ZonedTime,
  to: ZonedTime | null,
  range: (from: string, to: string) => string,
  openEnd: string,
): string {
  if (to === null) return range(displayTime(from), openEnd);
  if (sameDayAndOffset(from, to))
    return `${dateOf(from)} ${range(minuteOf(from), minuteOf(to))} (${utcOffsetOf(from)})`;
  return range(displayTime(from), displayTime(to));
}

/** Seconds as a clock, the same in every language: `0:45`, `3:20`, `1:05:10`. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share (0..1) as a percentage in the language's way: `12.5%`, `12,5 %`. */
export function percent(share: number, locale: string): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, format);
  }
  return format.format(share);
}

const pointFormats = new Map<string, Intl.NumberFormat>();

/**
 * How far a share is from another (both 0..1), in percentage points, to 2 decimals: the shares
 * have 4, so this is exact, and 0.2914 against 0.25 is 4.14, not 4.140000000000001.
 */
export const pointsBetween = (share: number, other: number): number =>
  Math.round((share - other) * 10_000) / 100;

/**
 * Percentage points, signed, in the language's way (`+4.1`, `-12,5`, `0`): a plain number, as the
 * column's header names the unit; never with `%`, which would read as a share.
 */
export function points(value: number, locale: string): string {
  let format = pointFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    pointFormats.set(locale, format);
  }
  return format.format(value);
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/;

/** Text from the record for one line (a title, a name, a cell): line breaks become spaces. */
export const oneLine = (text: string): string =>
  xmlSafe(text)
    .split(LINE_BREAKS)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');

/** Text from the record that may run over lines (an outcome): its non-empty lines. */
export const linesOf = (text: string): string[] =>
  xmlSafe(text)
    .split(LINE_BREAKS)
    .map((line) => line.trim())
    .filter(Boolean);
