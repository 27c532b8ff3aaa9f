import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Clock, formatTime } from '../../format';
import { useRoom } from '../../room/RoomContext';

/**
 * A deadline (days away, so with its date) on one clock, saying which: "18/07/2025, 18:00 (your
 * time)", "18/07/2025, 17:00 (meeting time)".
 */
export function useDeadlineWords(): (ms: number, clock: Clock) => string {
  const { t, i18n } = useTranslation();
  const meetingZone = useRoom().meeting?.timezone ?? 'UTC';
  const language = i18n.language;
  return useCallback(
    (ms: number, clock: Clock) => formatTime(ms, clock, { meetingZone, language, t, withDate: true }),
    [meetingZone, language, t],
  );
}
