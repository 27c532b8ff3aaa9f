import { useTranslation } from 'react-i18next';
import type { ZonedTime } from '../../../shared';
import type { RecordClock } from './recordClock';

/**
 * A time of the record on the meeting's clock (the table's caption names the clock), with its date,
 * seconds and offset on hover; `null` reads "not yet".
 */
export function RecordTime({ time, clock }: { time: ZonedTime | null; clock: RecordClock }) {
  const { t } = useTranslation();
  if (!time) return <span className="muted">{t('record.notYet')}</span>;
  return (
    <time dateTime={time} title={clock.long(time)}>
      {clock.short(time)}
    </time>
  );
}
