import { useTranslation } from 'react-i18next';
import type { ZonedTime } from '../../../shared';
import type { RecordClock } from './recordClock';

/**
 * A time of the record on the meeting's clock (the table's caption names the clock), with its date,
 * seconds and offset on hover; `null` reads "not yet". `seconds` shows them on the page too, where
 * several moments fall within a minute (interventions, connections).
 */
export function RecordTime(props: { time: ZonedTime | null; clock: RecordClock; seconds?: boolean }) {
  const { time, clock, seconds = false } = props;
  const { t } = useTranslation();
  if (!time) return <span className="muted">{t('record.notYet')}</span>;
  return (
    <time dateTime={time} title={clock.long(time)}>
      {seconds ? clock.precise(time) : clock.short(time)}
    </time>
  );
}
