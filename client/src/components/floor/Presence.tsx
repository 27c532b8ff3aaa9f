import { useTranslation } from 'react-i18next';

/** An online/offline dot with its meaning in words for screen readers (colour is not the only cue). */
export function Presence({ online }: { online: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`presence ${online ? 'presence-online' : 'presence-offline'}`}>
      <span className="dot" aria-hidden="true" />
      <span className="sr-only">{t(online ? 'floorUi.online' : 'floorUi.offline')}</span>
    </span>
  );
}
