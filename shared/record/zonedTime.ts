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

/**
 * `ms` (since the epoch) in the zone, with the zone's offset at that moment, to the second:
 * `2025-07-14T13:05:00+02:00`. Numbers only, in no language, so every process writes the same.
 */
export function zonedTime(ms: number, timeZone: string): ZonedTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const offset = (parts.timeZoneName ?? '').replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The UTC offset part of a zoned time, as "UTC+02:00", for headings and labels. */
export const utcOffsetOf = (time: ZonedTime): string => `UTC${time.slice(19)}`;
