import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../room/RoomContext';

/**
 * The participant's commands kept on this device (given while the connection was down, or not
 * confirmed by the server): each says it was not sent yet, and may be cancelled before it goes.
 * Always in the page, so that screen readers announce what appears.
 */
export function PendingCommands() {
  const { t } = useTranslation();
  const { outbox } = useRoom();
  const room = useRoomPort();
  return (
    <div className="pending-commands" role="status" aria-live="polite" data-testid="pending-commands">
      {outbox.length > 0 && (
        <ul aria-label={t('shell.pending.heading')}>
          {outbox.map((entry) => {
            const action = t(`shell.action.${entry.command.type}`);
            return (
              <li key={entry.id} className={`pending pending-${entry.reason}`}>
                <strong>{action}</strong> — <span>{t(`shell.pending.${entry.reason}`)}</span>
                {entry.reason !== 'sending' && room.cancelPending && (
                  <button
                    type="button"
                    aria-label={t('shell.pending.cancelLabel', { action })}
                    onClick={() => room.cancelPending?.(entry.id)}
                  >
                    {t('shell.pending.cancel')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
