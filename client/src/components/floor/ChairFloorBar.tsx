import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { GivePrompt } from './GivePrompt';
import type { useUndo } from './UndoBar';
import type { useGiveFloor } from './useGiveFloor';

/**
 * The presiding officer's floor controls, in a bar that stays in view (sticky) however long the
 * list of speakers grows.
 */
export function ChairFloorBar(props: {
  giving: ReturnType<typeof useGiveFloor>;
  offerUndo: ReturnType<typeof useUndo>['offer'];
}) {
  const { giving, offerUndo } = props;
  const { t } = useTranslation();
  const m = useRoom().meeting!;
  const room = useRoomPort();
  const send = room.send;
  const waiting = m.floor.queue;
  const canNext = waiting.length > 0 || m.floor.suspended.length > 0;
  const clear = async () => {
    const requestIds = waiting.map((r) => r.id);
    const ack = await room.send({ type: 'floor.clear' });
    if (ack.ok) offerUndo({ message: t('floorUi.cleared'), restore: { type: 'floor.restore', requestIds } });
  };
  return (
    <div className="controls chair-controls chair-floor-bar" data-testid="chair-floor-bar">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!canNext}
          data-focus="next"
          onClick={() => void giving.give('next')}
        >
          {t('chair.next')}
        </button>
        <button
          type="button"
          disabled={!m.floor.current}
          data-focus="end"
          onClick={() => void send({ type: 'floor.end' })}
        >
          {t('chair.end')}
        </button>
        <button
          type="button"
          disabled={!m.floor.current}
          onClick={() => void send({ type: 'floor.extend', seconds: 60 })}
        >
          {t('chair.extend')}
        </button>
        {m.floor.closed ? (
          <button
            type="button"
            disabled={!m.currentItemId}
            onClick={() => void send({ type: 'floor.reopen' })}
          >
            {t('chair.reopen')}
          </button>
        ) : (
          <button
            type="button"
            disabled={!m.currentItemId}
            onClick={() => void send({ type: 'floor.close' })}
          >
            {t('chair.close')}
          </button>
        )}
        <button type="button" className="danger" disabled={waiting.length === 0} onClick={() => void clear()}>
          {t('floorUi.clear')}
        </button>
      </div>
      {giving.asking?.target === 'next' && (
        <GivePrompt question={giving.asking.question} onGive={giving.answer} onCancel={giving.cancel} />
      )}
    </div>
  );
}
