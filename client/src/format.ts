/** m:ss, with a minus sign for over-runs. */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1 h 05 min" / "4 min 10 s" style durations for tables. */
export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
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
