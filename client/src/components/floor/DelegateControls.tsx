import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorKind } from '../../../../shared';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { iCan, myRequests } from '../../room/selectors';
import { useFocusHandoff } from './focusHandoff';

/**
 * What a delegate, spokesperson or vice-chair does: ask for the floor (or yield it while speaking),
 * and withdraw any one of their own requests. Focus follows each action to the control that
 * replaces the one used.
 */
export function DelegateControls() {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const box = useRef<HTMLDivElement>(null);
  const sendThenFocus = useFocusHandoff(box);
  const meeting = state.meeting!;
  const youId = state.you?.participantId ?? null;
  if (!youId) return null;
  const mine = myRequests(meeting, youId);
  const has = (kind: FloorKind) => mine.some((m) => m.request.kind === kind);
  const speaking = meeting.floor.current?.participantId === youId;
  // Interrupted by a point of order: they resume by themselves, and the server refuses them a request.
  const suspended = meeting.floor.suspended.some((s) => s.participantId === youId);
  const mayAsk = iCan(state, 'floor.request');
  const canAsk = meeting.status === 'open' && !!meeting.currentItemId && mayAsk;
  const ask = (kind: FloorKind) =>
    void sendThenFocus(`withdraw-${kind}`, () => room.send({ type: 'floor.request', kind }));
  const askButton = (kind: FloorKind, label: string, className: string, disabled: boolean) => (
    <button
      type="button"
      className={className}
      data-focus={`ask-${kind}`}
      disabled={disabled}
      onClick={() => ask(kind)}
    >
      {label}
    </button>
  );
  return (
    <div className="controls delegate-controls" ref={box}>
      {!mayAsk ? (
        <p className="hint">{t('floor.observerNote')}</p>
      ) : (
        <>
          {suspended ? (
            <p className="hint" data-testid="suspended-you">
              {t('floorUi.suspendedYou')}
            </p>
          ) : (
            <div className="button-row">
              {speaking ? (
                <button
                  type="button"
                  className="primary"
                  data-focus="yield"
                  disabled={!iCan(state, 'floor.end', youId)}
                  onClick={() => void sendThenFocus('ask-speak', () => room.send({ type: 'floor.end' }))}
                >
                  {t('floor.yield')}
                </button>
              ) : (
                <>
                  {askButton(
                    'speak',
                    t('floor.request'),
                    'primary',
                    !canAsk || has('speak') || meeting.floor.closed,
                  )}
                  {askButton(
                    'point_of_order',
                    t('floor.pointOfOrder'),
                    'warn',
                    !canAsk || has('point_of_order'),
                  )}
                  {askButton('reply', t('floor.reply'), '', !canAsk || has('reply'))}
                </>
              )}
            </div>
          )}
          {mine.length > 0 && (
            <div className="button-row withdraw-row">
              {mine.map(({ request }) => (
                <button
                  type="button"
                  key={request.id}
                  data-focus={`withdraw-${request.kind}`}
                  disabled={!iCan(state, 'floor.withdraw', request.participantId)}
                  onClick={() =>
                    void sendThenFocus(`ask-${request.kind}`, () =>
                      room.send({ type: 'floor.withdraw', requestId: request.id }),
                    )
                  }
                >
                  {t(`floorUi.withdraw.${request.kind}`)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      <p className="my-place" aria-live="polite" data-testid="my-place" data-focus="status" tabIndex={-1}>
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
