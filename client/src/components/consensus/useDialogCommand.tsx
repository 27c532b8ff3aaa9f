import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput, DomainError } from '../../../../shared';
import { useRoomPort } from '../../room/RoomContext';
import { usePending } from '../usePending';

/**
 * Sends a dialog's own command and keeps its refusal in the dialog. The room's refusal alert sits
 * behind a modal's backdrop, where it can be neither read nor dismissed: the refusal is shown in
 * the dialog instead (see `DialogRefusal`) and taken off the room's alert, and the dialog stays
 * open with the focus where it was. A second send while one is pending does nothing.
 */
export function useDialogCommand() {
  const room = useRoomPort();
  const [pending, once] = usePending();
  const [refusal, setRefusal] = useState<DomainError | null>(null);
  const send = useCallback(
    async (command: CommandInput): Promise<boolean> => {
      const ack = await once(() => room.send(command));
      if (!ack) return false;
      if (ack.ok) {
        setRefusal(null);
        return true;
      }
      setRefusal(ack.error);
      // Only this command's refusal: another one, from elsewhere, stays on the room's alert.
      if (room.getState().refusal?.type === command.type) room.dismissRefusal();
      return false;
    },
    [once, room],
  );
  return { pending, refusal, send };
}

/** A dialog's command refused: what the room's alert would say, read out at once (role alert). */
export function DialogRefusal({ action, refusal }: { action: string; refusal: DomainError | null }) {
  const { t } = useTranslation();
  // Always in the page, so that its content is announced when it appears.
  return (
    <div role="alert" className="dialog-refusal" data-testid="dialog-refusal">
      {refusal && (
        <p className="dialog-refusal-text">
          <strong>{t('shell.notDone', { action })}</strong> {t(`errors.${refusal.code}`)}{' '}
          <span className="detail" lang="en">
            ({refusal.message})
          </span>
        </p>
      )}
    </div>
  );
}
