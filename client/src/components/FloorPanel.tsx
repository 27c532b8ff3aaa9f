import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorKind, FloorRequest, Meeting } from '../../../shared';
import { clock, personalName } from '../format';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { iCan, myRequests, participantOf } from '../room/selectors';
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
  return (
    <section className="panel floor" aria-labelledby="floor-heading" id="floor">
      <h2 id="floor-heading">{t('floor.heading')}</h2>
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
      </div>
      {closed && <p className="notice">{t('floor.closed')}</p>}
      {chair ? <ChairFloorControls /> : <DelegateControls />}
      <QueueList meeting={meeting} queue={queue} chair={chair} youId={state.you?.participantId ?? null} />
    </section>
  );
}

function QueueList(props: { meeting: Meeting; queue: FloorRequest[]; chair: boolean; youId: string | null }) {
  const { t } = useTranslation();
  const room = useRoomPort();
  const [dragging, setDragging] = useState<string | null>(null);
  const { meeting, queue, chair, youId } = props;
  if (queue.length === 0) return <p className="empty">{t('floor.empty')}</p>;
  const move = (requestId: string, toIndex: number) =>
    void room.send({ type: 'floor.move', requestId, toIndex });
  const onDrop = (e: DragEvent, toIndex: number) => {
    e.preventDefault();
    const id = e.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    if (id) move(id, toIndex);
  };
  return (
    <>
      {chair && <p className="hint">{t('chair.dragHint')}</p>}
      <ol className="queue" aria-label={t('floor.queueLabel')}>
        {queue.map((request, index) => {
          const who = participantOf(meeting, request.participantId);
          const delegation = who?.delegation ?? '?';
          return (
            <li
              key={request.id}
              className={`queue-item kind-${request.kind} ${request.participantId === youId ? 'queue-mine' : ''} ${dragging === request.id ? 'dragging' : ''}`}
              draggable={chair}
              onDragStart={(e) => {
                e.dataTransfer.setData('text/plain', request.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(request.id);
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={chair ? (e) => e.preventDefault() : undefined}
              onDrop={chair ? (e) => onDrop(e, index) : undefined}
              data-testid="queue-item"
            >
              <span className="queue-pos" aria-hidden="true">
                {index + 1}
              </span>
              <span className="queue-who">
                <strong>{delegation}</strong> <span className="person">{who && personalName(who.name)}</span>
              </span>
              <span className={`kind-badge kind-${request.kind}`}>{t(`kinds.${request.kind}`)}</span>
              {request.limitSeconds !== null && <span className="limit">{clock(request.limitSeconds)}</span>}
              {chair && (
                <span className="queue-actions">
                  <button
                    type="button"
                    onClick={() => void room.send({ type: 'floor.give', requestId: request.id })}
                    aria-label={t('chair.giveTo', { delegation })}
                  >
                    {t('chair.give')}
                  </button>
                  <button
                    type="button"
                    className="icon"
                    disabled={index === 0}
                    onClick={() => move(request.id, index - 1)}
                    aria-label={t('chair.up', { delegation })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    disabled={index === queue.length - 1}
                    onClick={() => move(request.id, index + 1)}
                    aria-label={t('chair.down', { delegation })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon danger"
                    onClick={() => void room.send({ type: 'floor.remove', requestId: request.id })}
                    aria-label={t('chair.removeFrom', { delegation })}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** What a delegate, spokesperson or vice-chair does: ask for the floor, withdraw, yield. */
function DelegateControls() {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const youId = state.you?.participantId ?? null;
  if (!youId) return null;
  const mine = myRequests(meeting, youId);
  const has = (kind: FloorKind) => mine.some((m) => m.request.kind === kind);
  const speaking = meeting.floor.current?.participantId === youId;
  const mayAsk = iCan(state, 'floor.request');
  const canAsk = meeting.status === 'open' && !!meeting.currentItemId && mayAsk;
  const ask = (kind: FloorKind) => void room.send({ type: 'floor.request', kind });
  const latest = mine.at(-1)?.request;
  return (
    <div className="controls delegate-controls">
      {!mayAsk ? (
        <p className="hint">{t('floor.observerNote')}</p>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={!canAsk || has('speak') || meeting.floor.closed}
            onClick={() => ask('speak')}
          >
            {t('floor.request')}
          </button>
          <button
            type="button"
            className="warn"
            disabled={!canAsk || has('point_of_order')}
            onClick={() => ask('point_of_order')}
          >
            {t('floor.pointOfOrder')}
          </button>
          <button type="button" disabled={!canAsk || has('reply')} onClick={() => ask('reply')}>
            {t('floor.reply')}
          </button>
          <button
            type="button"
            disabled={!latest || !iCan(state, 'floor.withdraw', latest.participantId)}
            onClick={() => void room.send({ type: 'floor.withdraw', requestId: latest?.id })}
          >
            {t('floor.withdraw')}
          </button>
          {speaking && iCan(state, 'floor.end', youId) && (
            <button type="button" onClick={() => void room.send({ type: 'floor.end' })}>
              {t('floor.yield')}
            </button>
          )}
        </div>
      )}
      <p className="my-place" aria-live="polite" data-testid="my-place">
        {mine.length > 0
          ? mine
              .map(
                (m) => `${t(`kinds.${m.request.kind}`)}: ${t('floor.yourPlace', { position: m.position })}`,
              )
              .join(' · ')
          : t('floor.notInList')}
      </p>
    </div>
  );
}

/** The presiding officer's floor controls. */
function ChairFloorControls() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const room = useRoomPort();
  const m = meeting!;
  const [limit, setLimit] = useState(String(m.floor.limitSeconds));
  const send = room.send;
  return (
    <div className="controls chair-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={m.floor.queue.length === 0}
          onClick={() => void send({ type: 'floor.next' })}
        >
          {t('chair.next')}
        </button>
        <button type="button" disabled={!m.floor.current} onClick={() => void send({ type: 'floor.end' })}>
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
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const seconds = Number(limit);
          if (Number.isInteger(seconds)) void send({ type: 'floor.setLimit', seconds });
        }}
      >
        <label>
          {t('chair.limitLabel')}
          <input
            type="number"
            min={10}
            max={3600}
            step={10}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        <button type="submit">{t('chair.setLimit')}</button>
      </form>
    </div>
  );
}
