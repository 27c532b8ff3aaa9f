import { LIMITS } from '../../../shared';
import { instantOf, type WallTime, wallTimeOf } from './wallClock';

/**
 * What the meeting forms (create, clone, settings) hold while they are typed in, and how that
 * becomes the body the server takes: text as typed, times as wall-clock times in the meeting's
 * zone. The checks here are those a person can fix in the form, in their language; the server
 * checks everything again.
 */

/** Why a field cannot be sent as it is. */
export type Problem =
  | 'required'
  | 'invalidTime'
  | 'gap'
  | 'timeMissing'
  | 'dateMissing'
  | 'endBeforeStart'
  | 'speakingRange'
  | 'notHttps';

/** A date and time field's answer: the instant (null when left empty), or its problem. */
export type When = { ok: true; ms: number | null; ambiguous: boolean } | { ok: false; problem: Problem };

/** The instant a date and time field names in `timeZone`; both empty is "not set". */
export function readWhen(wall: WallTime, timeZone: string): When {
  if (!wall.date && !wall.time) return { ok: true, ms: null, ambiguous: false };
  if (!wall.time) return { ok: false, problem: 'timeMissing' };
  if (!wall.date) return { ok: false, problem: 'dateMissing' };
  const instant = instantOf(wall, timeZone);
  if (!instant.ok) return { ok: false, problem: instant.reason === 'gap' ? 'gap' : 'invalidTime' };
  return { ok: true, ms: instant.ms, ambiguous: instant.ambiguous };
}

/** The form's value of an instant: the wall time in the meeting's zone, empty when not set. */
export const wallOf = (ms: number | null, timeZone: string): WallTime =>
  ms === null ? { date: '', time: '' } : wallTimeOf(ms, timeZone);

/** The fewest and most seconds a default speaking time may have (the server's bounds). */
const SPEAKING_BOUNDS = { min: 10, max: LIMITS.maxSpeakingSeconds } as const;

/** Minutes and seconds as typed: the seconds, or why they do not make a speaking time. */
export function readSpeaking(minutes: string, seconds: string): number | Problem {
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  const s = seconds.trim() === '' ? 0 : Number(seconds);
  if (!Number.isInteger(m) || !Number.isInteger(s) || m < 0 || s < 0 || s > 59) return 'speakingRange';
  const total = m * 60 + s;
  return total < SPEAKING_BOUNDS.min || total > SPEAKING_BOUNDS.max ? 'speakingRange' : total;
}

/** The video-call address: null when empty; only https (a meeting's audio is not sent in clear). */
export function readVideoUrl(text: string): string | null | Problem {
  const value = text.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? value : 'notHttps';
  } catch {
    return 'notHttps';
  }
}

/** The dates of a form, checked together: each readable, and the end not before the start. */
export function readDates(
  start: WallTime,
  end: WallTime,
  timeZone: string,
): { startsAt: When; endsAt: When } {
  const startsAt = readWhen(start, timeZone);
  let endsAt = readWhen(end, timeZone);
  if (startsAt.ok && endsAt.ok && startsAt.ms !== null && endsAt.ms !== null && endsAt.ms < startsAt.ms)
    endsAt = { ok: false, problem: 'endBeforeStart' };
  return { startsAt, endsAt };
}

/** A problem of each field that has one. */
export type Problems<F extends string> = Partial<Record<F, Problem>>;

/** Minutes and seconds as typed. */
export interface MinutesSeconds {
  minutes: string;
  seconds: string;
}

/** Seconds as the two inputs show them: 180 → 3 and 0. */
const minutesSeconds = (total: number): MinutesSeconds => ({
  minutes: String(Math.floor(total / 60)),
  seconds: String(total % 60),
});

/** A meeting's settings as the create and settings forms hold them. */
export interface MeetingValues {
  title: string;
  timezone: string;
  start: WallTime;
  end: WallTime;
  speaking: MinutesSeconds;
  videoUrl: string;
}

/** The fields, named as the server's bodies name them (so its refusals land on the right one), in form order. */
export const MEETING_FIELDS = [
  'title',
  'timezone',
  'startsAt',
  'endsAt',
  'defaultSpeakingSeconds',
  'videoUrl',
] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

/** The settings a valid form sends. */
export interface MeetingSettings {
  title: string;
  timezone: string;
  startsAt: number | null;
  endsAt: number | null;
  defaultSpeakingSeconds: number;
  videoUrl: string | null;
}

/** A meeting's settings as the form shows them: its times on its own clock. */
export function valuesOf(meeting: MeetingSettings): MeetingValues {
  return {
    title: meeting.title,
    timezone: meeting.timezone,
    start: wallOf(meeting.startsAt, meeting.timezone),
    end: wallOf(meeting.endsAt, meeting.timezone),
    speaking: minutesSeconds(meeting.defaultSpeakingSeconds),
    videoUrl: meeting.videoUrl ?? '',
  };
}

/** The settings the form names (times read in the zone the form has now), or what to fix. */
export function checkMeeting(
  values: MeetingValues,
): { ok: true; settings: MeetingSettings } | { ok: false; problems: Problems<MeetingField> } {
  const problems: Problems<MeetingField> = {};
  const title = values.title.trim();
  if (!title) problems.title = 'required';
  const { startsAt, endsAt } = readDates(values.start, values.end, values.timezone);
  if (!startsAt.ok) problems.startsAt = startsAt.problem;
  if (!endsAt.ok) problems.endsAt = endsAt.problem;
  const speaking = readSpeaking(values.speaking.minutes, values.speaking.seconds);
  if (typeof speaking === 'string') problems.defaultSpeakingSeconds = speaking;
  const videoUrl = readVideoUrl(values.videoUrl);
  if (videoUrl === 'notHttps') problems.videoUrl = videoUrl;
  if (Object.keys(problems).length > 0 || !startsAt.ok || !endsAt.ok || typeof speaking === 'string')
    return { ok: false, problems };
  return {
    ok: true,
    settings: {
      title,
      timezone: values.timezone,
      startsAt: startsAt.ms,
      endsAt: endsAt.ms,
      defaultSpeakingSeconds: speaking,
      videoUrl,
    },
  };
}
