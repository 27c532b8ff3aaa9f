import { useTranslation } from 'react-i18next';
import { localZone, timeIn, zoneName } from '../format';
import { LANGUAGES } from '../i18n';
import { useRoom, useServerNow } from '../room/RoomContext';
import { participantOf } from '../room/selectors';

/** Meeting title and status, who presides, both clocks, the language and the connection. */
export function Header() {
  const { t, i18n } = useTranslation();
  const { meeting, you, connection } = useRoom();
  const now = useServerNow(1000);
  if (!meeting) return null;
  const me = participantOf(meeting, you?.participantId);
  const presiding = participantOf(meeting, meeting.presidingParticipantId);
  const lang = i18n.language;
  const own = localZone();
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{meeting.title}</h1>
        <p className="meta">
          <span className={`pill status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
          {presiding && (
            <span>
              {t('header.presiding')}: <strong>{presiding.name}</strong> ({presiding.delegation})
            </span>
          )}
          {me && (
            <span>
              {t('header.you')}: <strong>{me.delegation}</strong> · {t(`roles.${me.role}`)}
            </span>
          )}
        </p>
      </div>
      <div className="topbar-tools">
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
        <label className="language">
          <span>{t('header.language')}</span>
          <select value={lang} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <output className={`connection connection-${connection}`} aria-label={t('connection.label')}>
          {t(`connection.${connection}`)}
        </output>
      </div>
    </header>
  );
}
