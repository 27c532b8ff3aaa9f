import { zonedTime } from '../../../shared';
/**
 * Dates and times as the secretariat types them: a wall-clock date and time in the meeting's time
 * zone (not the browser's), turned into the instant the server stores, and back. The hard part is
 * daylight saving time: on the day clocks go forward some wall times never happen (a gap), and on
 * the day they go back some happen twice (an overlap). Intl knows every zone's rules; we only ask
 * it for offsets, never do the calendar sums ourselves.
 */

/** A date and time of day on a wall clock: `{date: '2026-03-10', time: '09:30'}` (the inputs' formats). */
export interface WallTime {
  date: string;
  time: string;
}

/** The instant a wall time names in a zone, or why it names none. */
export type WallInstant =
  | {
      ok: true;
      ms: number;
      /** The wall time happens twice (clocks go back): `ms` is the first of the two. */
      ambiguous: boolean;
    }
  | {
      ok: false;
      /** `gap`: clocks jump over this time that day; `invalid`: not a date and time at all. */
      reason: 'gap' | 'invalid';
    };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const ZONED = /^(-?\d+)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/;

/** The zone's wall clock at `ms`, field by field (from the record's zoned times: one formatter per zone). */
function fieldsIn(ms: number, timeZone: string): Fields {
  const [, year, month, day, hour, minute, second] = ZONED.exec(zonedTime(ms, timeZone)) ?? [];
  return {
    year: Number(year ?? 0),
    month: Number(month ?? 1),
    day: Number(day ?? 1),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
}

/** How far the zone's clocks are ahead of UTC at `ms` (negative west of Greenwich), in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = fieldsIn(whole, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What the zone's wall clock shows at `ms`, to the minute. */
export function wallTimeOf(ms: number, timeZone: string): WallTime {
  const f = fieldsIn(ms, timeZone);
  return { date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

/**
 * The wall time as if it were UTC (ms), or null when it is not a real date and time
 * (`2026-02-30`, `25:00`).
 */
function asUtc({ date, time }: WallTime): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // Date.UTC rolls 30 February over into March: a date that does not come back is not a date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return ms;
}

/**
 * The instant a wall time names in `timeZone`. An offset is in force on each side of any change
 * of the clocks, so the candidates are the wall time less the offset a day before and a day after;
 * those that read back as the same wall time are the answers: none in a gap, two in an overlap
 * (the earlier is taken, the time as first lived, and flagged).
 */
export function instantOf(wall: WallTime, timeZone: string): WallInstant {
  const local = asUtc(wall);
  if (local === null) return { ok: false, reason: 'invalid' };
  const offsets = new Set([
    offsetAt(local - DAY, timeZone),
    offsetAt(local, timeZone),
    offsetAt(local + DAY, timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => local - offset)
    .filter((ms) => {
      const back = wallTimeOf(ms, timeZone);
      return back.date === wall.date && back.time === wall.time;
    })
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first === undefined) return { ok: false, reason: 'gap' };
  return { ok: true, ms: first, ambiguous: matches.length > 1 };
}

/** "UTC+01:00", "UTC−03:30", "UTC" for the zone's offset at `ms`. */
export function offsetLabel(ms: number, timeZone: string): string {
  const minutes = Math.round(offsetAt(ms, timeZone) / 60_000);
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
