import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { iCan } from '../room/selectors';

/** The id of the button that opens the record: where the focus goes back to when the view closes. */
export const RECORD_OPENER_ID = 'record-open';

/**
 * Opens the record of the meeting, for those who may read it (`meeting.record`: the chair, the
 * vice-chairs and the secretariat) and are signed in with a token to ask for it.
 */
export function RecordButton({ open, onOpen }: { open: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  if (!room.token || !iCan(state, 'meeting.record')) return null;
  return (
    <button
      type="button"
      id={RECORD_OPENER_ID}
      className="record-open"
      data-testid="record-open"
      aria-expanded={open}
      aria-controls={open ? 'record-view' : undefined}
      onClick={onOpen}
    >
      {t('record.open')}
    </button>
  );
}
