import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorRequest } from '../../../shared';
import { personalName } from '../format';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { iCan, participantOf } from '../room/selectors';
import { AddSpeaker } from './floor/AddSpeaker';
import { ChairFloorBar } from './floor/ChairFloorBar';
import { DelegateControls } from './floor/DelegateControls';
import { useFocusHandoff } from './floor/focusHandoff';
import { LimitForm } from './floor/LimitForm';
import { QueueList } from './floor/QueueList';
import type { RowActions } from './floor/QueueRow';
import { SuspendedSpeakers } from './floor/SuspendedSpeakers';
import { useUndo } from './floor/UndoBar';
import { useGiveFloor } from './floor/useGiveFloor';
import { SpeakerTimer } from './SpeakerTimer';

/** The current speaker, the waiting list, and what the viewer may do with them. */
export function FloorPanel() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  // Whoever may call the next speaker runs the list (the table's presiding commands).
  const chair = iCan(state, 'floor.next');
  const { current, queue, closed } = meeting.floor;
  const speaker = participantOf(meeting, current?.participantId);
  const mine = current?.participantId === state.you?.participantId;
  const panel = useRef<HTMLElement>(null);
  const undo = useUndo();
  const rowActions = useChairRowActions(panel, undo.offer);
  return (
    <section className="panel floor" aria-labelledby="floor-heading" id="floor" ref={panel}>
      <h2 id="floor-heading" tabIndex={-1}>
        {t('floor.heading')}
      </h2>
      <div className={`current ${mine ? 'current-mine' : ''}`}>
        {current && speaker ? (
          <>
            <p className="current-who">
              <span className="eyebrow">{t('floor.hasFloor')}</span>
              <strong className="delegation">{speaker.delegation}</strong>
              <span className="person">
                {[personalName(speaker.name), t(`kinds.${current.kind}`)].filter(Boolean).join(' · ')}
              </span>
            </p>
            <SpeakerTimer current={current} />
          </>
        ) : (
          <p className="current-none">{t('floor.nobody')}</p>
        )}
        <SuspendedSpeakers meeting={meeting} chair={chair} />
      </div>
      {closed && <p className="notice">{t('floor.closed')}</p>}
      {chair ? <ChairFloorBar giving={rowActions.giving} offerUndo={undo.offer} /> : <DelegateControls />}
      {undo.bar}
      {chair && <p className="hint">{t('chair.dragHint')}</p>}
      <QueueList
        meeting={meeting}
        queue={queue}
        youId={state.you?.participantId ?? null}
        actions={chair ? rowActions.of : () => null}
      />
      {chair && iCan(state, 'floor.requestFor') && <AddSpeaker />}
      {chair && <LimitForm />}
    </section>
  );
}

/** The chair's per-row actions: give (asking first when it matters), move, drag, remove with undo. */
function useChairRowActions(
  panel: React.RefObject<HTMLElement | null>,
  offerUndo: ReturnType<typeof useUndo>['offer'],
) {
  const { t } = useTranslation();
  const room = useRoomPort();
  const sendThenFocus = useFocusHandoff(panel);
  const giving = useGiveFloor(sendThenFocus, panel);
  const [dragging, setDragging] = useState<string | null>(null);
  const move = (requestId: string, toIndex: number) =>
    void room.send({ type: 'floor.move', requestId, toIndex });
  const drag: RowActions['drag'] = {
    dragging,
    start: setDragging,
    end: () => setDragging(null),
    drop: (e: DragEvent, toIndex: number) => {
      e.preventDefault();
      const id = e.dataTransfer.getData('text/plain') || dragging;
      setDragging(null);
      if (id) move(id, toIndex);
    },
  };
  const remove = async (request: FloorRequest, delegation: string) => {
    const ack = await room.send({ type: 'floor.remove', requestId: request.id });
    if (ack.ok)
      offerUndo({
        message: t('floorUi.removedRequest', { delegation }),
        restore: { type: 'floor.restore', requestIds: [request.id] },
      });
  };
  const of = (request: FloorRequest): RowActions => ({
    give: (requestId) => void giving.give(requestId),
    move,
    remove: (r, delegation) => void remove(r, delegation),
    asking: giving.asking?.target === request.id ? giving.asking.question : null,
    answer: giving.answer,
    cancel: giving.cancel,
    drag,
  });
  return { of, giving };
}
