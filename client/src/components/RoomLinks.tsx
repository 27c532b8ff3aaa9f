import { useTranslation } from 'react-i18next';
import { useRoom } from '../room/RoomContext';
import { iCan } from '../room/selectors';

/**
 * Ways out of the room that a meeting needs beside it: the video call that carries its audio and
 * interpretation (opened in a new tab, so the room stays where it is), and for those who may read
 * the participants, the secretariat's workspace of this meeting (`/manage`, with the same sign-in).
 */
export function RoomLinks() {
  const { t } = useTranslation();
  const state = useRoom();
  const video = state.meeting?.videoUrl ?? null;
  const manage = iCan(state, 'participant.read');
  if (!video && !manage) return null;
  return (
    <nav className="room-links" aria-label={t('roomLinks.label')}>
      {video && (
        <a className="button-link" href={video} target="_blank" rel="noopener noreferrer">
          {t('roomLinks.video')}
          <span className="sr-only"> {t('roomLinks.newTab')}</span>
        </a>
      )}
      {manage && (
        <a className="button-link secondary" href="/manage">
          {t('roomLinks.manage')}
        </a>
      )}
    </nav>
  );
}
