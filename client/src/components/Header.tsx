import { useTranslation } from 'react-i18next';
import { localZone, timeIn, zoneName } from '../format';
import { RecordButton } from '../record/RecordButton';
import { useRoom, useServerNow } from '../room/RoomContext';
import { participantOf } from '../room/selectors';
import { LanguageSelect } from './LanguageSelect';
import { ReplacedNotice } from './ReplacedNotice';
import { RoomLinks } from './RoomLinks';

/**
 * Meeting title and status, who presides, both clocks, the language and the connection, and a notice
 * while the server cannot store requests (its shared store is unreachable), or once a newer window of
 * the same participant took over (this one then waits to be asked back: it never reconnects itself).
 * `record`: the room's record view, opened from here by those who may read it.
 */
export function Header({ record }: { record?: { open: boolean; onOpen: () => void } } = {}) {
  const { t, i18n } = useTranslation();
  const { meeting, you, connection, store } = useRoom();
  const now = useServerNow(1000);
  if (!meeting) return null;
  const me = participantOf(meeting, you?.participantId);
  const presiding = participantOf(meeting, meeting.presidingParticipantId);
  const lang = i18n.language;
  const own = localZone();
  const storeDown = store === 'unavailable';
  // Connected to a server that cannot store anything yet: the badge says reconnecting, too.
  const badge = connection === 'online' && storeDown ? 'reconnecting' : connection;
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1 dir="auto">{meeting.title}</h1>
        <p className="meta">
          <span className={`pill status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
          {presiding && (
            <span>
              {t('header.presiding')}:{' '}
              <strong>
                <bdi>{presiding.name}</bdi>
              </strong>{' '}
              (<bdi>{presiding.delegation}</bdi>)
            </span>
          )}
          {me && (
            <span>
              {t('header.you')}:{' '}
              <strong>
                <bdi>{me.delegation}</bdi>
              </strong>{' '}
              · {t(`roles.${me.role}`)}
            </span>
          )}
        </p>
      </div>
      <div className="topbar-tools">
        {record && <RecordButton open={record.open} onOpen={record.onOpen} />}
        <RoomLinks />
        <p className="clocks">
          <span>
            {t('header.meetingTime')}{' '}
            <time dateTime={new Date(now).toISOString()}>{timeIn(now, meeting.timezone, lang)}</time>{' '}
            <small>{zoneName(now, meeting.timezone, lang)}</small>
          </span>
          {own !== meeting.timezone && (
            <span>
              {t('header.yourTime')} <time>{timeIn(now, own, lang)}</time>{' '}
              <small>{zoneName(now, own, lang)}</small>
            </span>
          )}
        </p>
        <LanguageSelect />
        <output className={`connection connection-${badge}`} aria-label={t('connection.label')}>
          {t(`connection.${badge}`)}
        </output>
      </div>
      {/* Always in the page, so screen readers announce the text when it appears. Nothing is disabled
          meanwhile: requests are answered (not lost) and may be tried again. */}
      <p className="store-notice" role="status" aria-live="polite" data-testid="store-notice">
        {storeDown ? t('connection.storeUnavailable') : ''}
      </p>
      <ReplacedNotice />
    </header>
  );
}
