import { useTranslation } from 'react-i18next';
import { formatTime } from '../format';
import { dateLocale } from './dateLocale';
import { offsetLabel } from './wallClock';

interface MeetingDatesProps {
  startsAt: number | null;
  endsAt: number | null;
  zone: string;
}

/**
 * A meeting's start and end on the meeting's clock, each labelled "(meeting time)", with the zone
 * and its offset then: "Europe/Zurich · UTC+01:00".
 */
export function MeetingDates({ startsAt, endsAt, zone }: MeetingDatesProps) {
  const { t, i18n } = useTranslation();
  const first = startsAt ?? endsAt;
  if (first === null) return <span className="muted">{t('admin.dates.none')}</span>;
  const show = (ms: number) => (
    <time dateTime={new Date(ms).toISOString()}>
      {formatTime(ms, 'meeting', {
        meetingZone: zone,
        language: dateLocale(i18n.language),
        t,
        withDate: true,
      })}
    </time>
  );
  return (
    <span className="admin-dates">
      {startsAt !== null && (
        <span>
          {t('admin.dates.starts')} {show(startsAt)}
        </span>
      )}
      {endsAt !== null && (
        <span>
          {t('admin.dates.ends')} {show(endsAt)}
        </span>
      )}
      <small>
        <span dir="ltr">{zone}</span> · <span dir="ltr">{offsetLabel(first, zone)}</span>
      </small>
    </span>
  );
}
