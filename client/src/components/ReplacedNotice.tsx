import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../room/RoomContext';

/**
 * Said in a window whose connection the server closed because a newer window or device of the same
 * participant (or projector link) took over (docs/protocol.md, "Disconnects"): this one stopped and
 * does not reconnect by itself; "Use this window" takes the place back (the other one stops).
 */
export function ReplacedNotice() {
  const { t } = useTranslation();
  const state = useRoom();
  const port = useRoomPort();
  if (state.connection !== 'replaced') return null;
  return (
    <p className="replaced-notice" role="alert" data-testid="replaced-notice">
      {t('connection.replacedNotice')}{' '}
      {port.reconnect && (
        <button type="button" onClick={() => port.reconnect?.()}>
          {t('connection.useHere')}
        </button>
      )}
    </p>
  );
}
