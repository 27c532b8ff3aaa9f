/** m:ss, with a minus sign for over-runs. */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

type Translate = (
  key: 'units.hm' | 'units.ms' | 'units.s',
  values: Record<string, string | number>,
) => string;

/** "1 h 05 min" / "4 min 10 s" / "8 s", with the units of the UI language. */
export function duration(seconds: number, t: Translate): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('units.hm', { h, m: String(m).padStart(2, '0') });
  return m > 0 ? t('units.ms', { m, s: String(s).padStart(2, '0') }) : t('units.s', { s });
}

/**
 * The demo and many real lists name people by function ("Delegate", "Vice-chair (APT)"); shown next
 * to the role, that only repeats it, so such names are left out.
 */
export function personalName(name: string): string | null {
  return /^(chair|vice-chair|delegate|spokesperson|secretariat|observer)\b/i.test(name.trim()) ? null : name;
}

/** A time of day in a time zone, in the UI language. */
export function timeIn(ms: number, timeZone: string | undefined, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

/** The short name of a time zone as the UI language writes it, e.g. "CEST". */
export function zoneName(ms: number, timeZone: string | undefined, language: string): string {
  const parts = new Intl.DateTimeFormat(language, { timeZoneName: 'short', timeZone }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone ?? '';
}

export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Which clock a time on screen is read on: the meeting's time zone, or the participant's own. */
export type Clock = 'meeting' | 'yours';

type ClockTranslate = (key: 'shell.clock.meeting' | 'shell.clock.yours', values: { time: string }) => string;

/**
 * A time that says which clock it is, the same way everywhere: "13:05 (meeting time)" in the
 * meeting's time zone, "22:05 (your time)" in the participant's; `withDate` for times that may lie
 * on another day (versions, edits): "01/12/2026, 13:05 (meeting time)".
 */
export function formatTime(
  ms: number,
  clock: Clock,
  {
    meetingZone,
    language,
    t,
    withDate = false,
  }: { meetingZone: string; language: string; t: ClockTranslate; withDate?: boolean },
): string {
  const zone = clock === 'meeting' ? meetingZone : localZone();
  const time = withDate
    ? new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(ms)
    : timeIn(ms, zone, language);
  return clock === 'meeting' ? t('shell.clock.meeting', { time }) : t('shell.clock.yours', { time });
}
