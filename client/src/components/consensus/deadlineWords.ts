import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Clock, localZone } from '../../format';
import { useRoom } from '../../room/RoomContext';

/**
 * The locale a date is written in: the participant's own variant of the UI language when the
 * browser names one ("en-GB" for an English UI in a British browser: "2 Dec 2026"), else the UI
 * language itself. Intl given a bare "en" writes US dates, which a European reads the wrong way.
 */
function dateLocale(language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  const own = globalThis.navigator?.languages?.find((l) => l.split('-')[0]!.toLowerCase() === base);
  return own ?? language;
}

/** "2 Dec 2026, 06:47" (en-GB), "Dec 2, 2026, 6:47 AM" (en-US): the month in words, never 12/2/26. */
function dateTimeIn(ms: number, timeZone: string, language: string): string {
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone } as const;
  try {
    return new Intl.DateTimeFormat(dateLocale(language), options).format(ms);
  } catch {
    // A locale tag the browser lists but Intl refuses: the UI language's own dates.
    return new Intl.DateTimeFormat(language, options).format(ms);
  }
}

/**
 * A deadline (days away, so with its date, the month in words) on one clock, saying which:
 * "18 Jul 2025, 18:00 (your time)", "18 Jul 2025, 17:00 (meeting time)". Used wherever a silence
 * procedure's deadline is shown: the banner, the panel, the ask dialog, the proposals' list.
 */
export function useDeadlineWords(): (ms: number, clock: Clock) => string {
  const { t, i18n } = useTranslation();
  const meetingZone = useRoom().meeting?.timezone ?? 'UTC';
  const language = i18n.language;
  return useCallback(
    (ms: number, clock: Clock) => {
      const time = dateTimeIn(ms, clock === 'meeting' ? meetingZone : localZone(), language);
      return clock === 'meeting' ? t('shell.clock.meeting', { time }) : t('shell.clock.yours', { time });
    },
    [meetingZone, language, t],
  );
}
