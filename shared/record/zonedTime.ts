import type { ZonedTime } from './model';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it, and a record formats thousands of times. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What Intl writes of `ms` in the zone, the offset as `+02:00`: exact, and slow (µs a call). */
function partsOf(ms: number, timeZone: string): { parts: Record<string, string>; offset: string } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  return { parts, offset: (parts.timeZoneName ?? '').replace(/^GMT/, '') || '+00:00' };
}

/** `ms` in the zone as Intl writes it. */
function formatted(ms: number, timeZone: string): ZonedTime {
  const { parts, offset } = partsOf(ms, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** A zone's offset through a quarter of an hour: as written, and in ms. */
interface QuarterOffset {
  written: string;
  ms: number;
}

const QUARTER_HOUR_MS = 900_000;
/** Offsets by zone and quarter hour (since the epoch); null where the fast path does not hold. */
const offsets = new Map<string, Map<number, QuarterOffset | null>>();
/** Years 1000 to 9999: where `toISOString` writes the year as Intl does, in four digits. */
const FAST_FROM = Date.UTC(1000, 0, 1);
const FAST_TO = Date.UTC(9999, 11, 31);

/**
 * The zone's offset through the quarter hour `quarter`, when it is the same at both ends and in
 * whole minutes. Every change of offset in the zone rules of our time falls on a quarter hour of
 * UTC (offsets are whole quarter hours, changes at a whole local hour), so within one the offset
 * holds; the check at both ends keeps any other change (local mean times of the 19th century, with
 * their seconds) on the exact path.
 */
function quarterOffset(quarter: number, timeZone: string): QuarterOffset | null {
  const at = (ms: number) => partsOf(ms, timeZone).offset;
  const first = quarter * QUARTER_HOUR_MS;
  const written = at(first);
  const match = /^([+-])(\d\d):(\d\d)$/.exec(written);
  if (!match || at(first + QUARTER_HOUR_MS - 1000) !== written) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return { written, ms: (match[1] === '-' ? -minutes : minutes) * 60_000 };
}

/**
 * `ms` (since the epoch) in the zone, with the zone's offset at that moment, to the second:
 * `2025-07-14T13:05:00+02:00`. Numbers only, in no language, so every process writes the same.
 * Intl is asked once per zone and quarter hour; the rest is arithmetic, the same digits as Intl's.
 */
export function zonedTime(ms: number, timeZone: string): ZonedTime {
  if (!(ms >= FAST_FROM && ms <= FAST_TO)) return formatted(ms, timeZone);
  let zone = offsets.get(timeZone);
  if (!zone) {
    if (offsets.size > 500) offsets.clear();
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    // A meeting's times cluster in a few hours: the cache stays small, and is bounded anyway.
    if (zone.size > 20_000) zone.clear();
    offset = quarterOffset(quarter, timeZone);
    zone.set(quarter, offset);
  }
  if (!offset) return formatted(ms, timeZone);
  return `${new Date(ms + offset.ms).toISOString().slice(0, 19)}${offset.written}`;
}

/** The UTC offset part of a zoned time, as "UTC+02:00", for headings and labels. */
export const utcOffsetOf = (time: ZonedTime): string => `UTC${time.slice(19)}`;
