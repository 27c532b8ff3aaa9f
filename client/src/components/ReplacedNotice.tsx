import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { RevokedNotice } from './RevokedNotice';

/**
 * Said in a window of a loaded room whose connection the server closed for good (docs/protocol.md,
 * "Disconnects"). A newer window or device of the same participant (or projector link) took over:
 * this one stopped and does not reconnect by itself; "Use this window" takes the place back (the
 * other one stops). Or the sign-in itself ended (the link was reissued, the participant removed, or
 * a reconnect was refused): RevokedNotice says so, and nothing can take the place back.
 */
export function ReplacedNotice() {
  const { t } = useTranslation();
  const state = useRoom();
  const port = useRoomPort();
  if (state.revoked) return <RevokedNotice key={state.revoked} why={state.revoked} />;
  if (state.connection === 'unauthorized') return <RevokedNotice why="invalid" />;
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
