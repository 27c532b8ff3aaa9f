import { useTranslation } from 'react-i18next';
import type { CurrentSpeaker } from '../../../shared';
import { clock } from '../format';
import { useServerNow } from '../room/RoomContext';
import { secondsLeft } from '../room/selectors';

/** Countdown of the current intervention on the server's clock; turns to an over-run count. */
export function SpeakerTimer({ current, large = false }: { current: CurrentSpeaker; large?: boolean }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const left = secondsLeft(current, now);
  const over = left < 0;
  const share = Math.max(0, Math.min(1, left / current.limitSeconds));
  return (
    <div
      className={`timer ${over ? 'timer-over' : left <= 30 ? 'timer-low' : ''} ${large ? 'timer-large' : ''}`}
    >
      <span className="timer-label">{over ? t('floor.overTime') : t('floor.timeLeft')}</span>
      <span className="timer-value" role="timer" aria-live="off" data-testid="timer">
        {clock(over ? -left : left)}
      </span>
      <span className="timer-limit">{t('floor.limit', { time: clock(current.limitSeconds) })}</span>
      <span className="timer-bar" aria-hidden="true">
        <span style={{ inlineSize: `${share * 100}%` }} />
      </span>
    </div>
  );
}
