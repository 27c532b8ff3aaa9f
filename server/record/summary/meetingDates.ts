import { type RecordMeeting, utcOffsetOf, type ZonedTime } from '../../../shared';

/** One day the meeting sat, in its zone: the date and the first and last minute it was in session. */
export interface SittingDay {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM; "24:00" for a sitting that went on past midnight. */
  from: string;
  to: string;
}

/** When the meeting sat (or, before it opened, was planned), for the opening paragraph. */
interface MeetingDates {
  days: SittingDay[];
  /** The hours are known (it sat); for a planned meeting only the dates are. */
  hours: boolean;
  /** The UTC offsets the zone had on those days, e.g. ["UTC+02:00"]. */
  offsets: string[];
}

const ms = (time: ZonedTime): number => Date.parse(time);
const dateOf = (time: ZonedTime): string => time.slice(0, 10);
const clockOf = (time: ZonedTime): string => time.slice(11, 16);

/** The day after "YYYY-MM-DD". */
export const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The stretches the meeting was in session: from its opening, less its suspensions, to its close. */
function sittings(meeting: RecordMeeting): [ZonedTime, ZonedTime][] {
  if (meeting.openedAt === null) return [];
  const spans: [ZonedTime, ZonedTime][] = [];
  let from: ZonedTime | null = meeting.openedAt;
  for (const suspension of meeting.suspensions) {
    if (from === null) break;
    if (ms(suspension.from) < ms(from)) continue;
    spans.push([from, suspension.from]);
    from = suspension.to;
  }
  if (from !== null) spans.push([from, meeting.closedAt ?? meeting.asOf]);
  return spans;
}

/** Each span cut at midnight into days, and the days of several spans merged. */
function daysOf(spans: [ZonedTime, ZonedTime][]): SittingDay[] {
  const days = new Map<string, SittingDay>();
  const add = (date: string, from: string, to: string) => {
    const day = days.get(date);
    if (!day) days.set(date, { date, from, to });
    else days.set(date, { date, from: from < day.from ? from : day.from, to: to > day.to ? to : day.to });
  };
  for (const [start, end] of spans) {
    const last = dateOf(end);
    let date = dateOf(start);
    if (date === last) {
      add(date, clockOf(start), clockOf(end));
      continue;
    }
    add(date, clockOf(start), '24:00');
    for (date = nextDate(date); date < last; date = nextDate(date)) add(date, '00:00', '24:00');
    add(last, '00:00', clockOf(end));
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The dates and hours of the meeting, or null when it has neither sat nor been given dates. */
export function meetingDates(meeting: RecordMeeting): MeetingDates | null {
  const spans = sittings(meeting);
  if (spans.length > 0) {
    return { days: daysOf(spans), hours: true, offsets: offsetsOf(spans.flat()) };
  }
  if (meeting.openedAt !== null || meeting.startsAt === null) return null;
  const end =
    meeting.endsAt !== null && ms(meeting.endsAt) >= ms(meeting.startsAt) ? meeting.endsAt : meeting.startsAt;
  const days: SittingDay[] = [];
  for (let date = dateOf(meeting.startsAt); date <= dateOf(end); date = nextDate(date)) {
    days.push({ date, from: '', to: '' });
  }
  return { days, hours: false, offsets: offsetsOf([meeting.startsAt, end]) };
}

const offsetsOf = (times: ZonedTime[]): string[] => [...new Set(times.map(utcOffsetOf))].sort();
