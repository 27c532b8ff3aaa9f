import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { languageChosen } from '../i18n';
import { useRoom } from './RoomContext';
import { participantOf } from './selectors';

/**
 * The room opens in the language the participant was registered with (the `lang` of the
 * registration list), unless this browser has a language chosen already: the menu's choice wins,
 * and is kept from then on.
 */
export function useRegisteredLanguage(): void {
  const { i18n } = useTranslation();
  const { meeting, you } = useRoom();
  const registered = meeting ? participantOf(meeting, you?.participantId)?.lang : null;
  useEffect(() => {
    if (registered && !languageChosen() && i18n.language !== registered) void i18n.changeLanguage(registered);
  }, [registered, i18n]);
}
