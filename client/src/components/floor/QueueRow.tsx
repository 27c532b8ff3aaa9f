import type { CSSProperties, DragEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorRequest, Meeting, RequestId } from '../../../../shared';
import { clock, personalName } from '../../format';
import { participantOf } from '../../room/selectors';
import { GivePrompt } from './GivePrompt';
import type { GiveQuestion } from './givePrompt';
import { Presence } from './Presence';

/** What the chair does from a row; absent for everyone else. */
export interface RowActions {
  give: (requestId: RequestId) => void;
  move: (requestId: string, toIndex: number) => void;
  remove: (request: FloorRequest, delegation: string) => void;
  asking: GiveQuestion | null;
  answer: (suspend: boolean) => void;
  cancel: () => void;
  drag: {
    dragging: string | null;
    start: (requestId: string) => void;
    end: () => void;
    drop: (e: DragEvent, toIndex: number) => void;
  };
}

/** One waiting request: place, presence, delegation, kind, and the chair's actions. */
export function QueueRow(props: {
  meeting: Meeting;
  request: FloorRequest;
  index: number;
  count: number;
  youId: string | null;
  actions: RowActions | null;
  style?: CSSProperties;
  measure?: Ref<HTMLLIElement>;
}) {
  const { meeting, request, index, count, youId, actions, style, measure } = props;
  const { t } = useTranslation();
  const who = participantOf(meeting, request.participantId);
  const delegation = who?.delegation ?? '?';
  const dragging = actions?.drag.dragging === request.id;
  return (
    <li
      ref={measure}
      data-index={index}
      style={style}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`queue-item kind-${request.kind} ${request.participantId === youId ? 'queue-mine' : ''} ${dragging ? 'dragging' : ''} ${who?.online ? '' : 'queue-offline'}`}
      draggable={!!actions}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', request.id);
        e.dataTransfer.effectAllowed = 'move';
        actions?.drag.start(request.id);
      }}
      onDragEnd={() => actions?.drag.end()}
      onDragOver={actions ? (e) => e.preventDefault() : undefined}
      onDrop={actions ? (e) => actions.drag.drop(e, index) : undefined}
      data-testid="queue-item"
    >
      <span className="queue-pos" aria-hidden="true">
        {index + 1}
      </span>
      <Presence online={!!who?.online} />
      <span className="queue-who">
        <strong>{delegation}</strong> <span className="person">{who && personalName(who.name)}</span>
      </span>
      <span className={`kind-badge kind-${request.kind}`}>{t(`kinds.${request.kind}`)}</span>
      {request.limitSeconds !== null && <span className="limit">{clock(request.limitSeconds)}</span>}
      {actions && (
        <span className="queue-actions">
          <button
            type="button"
            data-focus={`give-${request.id}`}
            onClick={() => actions.give(request.id)}
            aria-label={t('chair.giveTo', { delegation })}
          >
            {t('chair.give')}
          </button>
          <button
            type="button"
            className="icon"
            disabled={index === 0}
            onClick={() => actions.move(request.id, index - 1)}
            aria-label={t('chair.up', { delegation })}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            disabled={index === count - 1}
            onClick={() => actions.move(request.id, index + 1)}
            aria-label={t('chair.down', { delegation })}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon danger"
            onClick={() => actions.remove(request, delegation)}
            aria-label={t('chair.removeFrom', { delegation })}
          >
            ×
          </button>
        </span>
      )}
      {actions?.asking && (
        <GivePrompt question={actions.asking} onGive={actions.answer} onCancel={actions.cancel} />
      )}
    </li>
  );
}
