import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Action, RTO_CODES, type RtoCode } from '../../../shared';
import { useRoom, useRoomPort } from '../room/RoomContext';
import type { RoomState } from '../room/roomClient';
import { iCan, iPreside, spokespersonOf } from '../room/selectors';
import { roomCheckOpen } from './consensus/checks';
import { Presence } from './floor/Presence';

/** What the console offers; whoever may do none of it does not get one. */
const CONSOLE_ACTIONS = [
  'meeting.open',
  'meeting.setOptions',
  'meeting.projectorLink',
  'presiding.handTo',
  'floor.rtoRound',
] as const;

/** Whether the signed-in participant gets the console (the presiding officer, the secretariat). */
export const hasConsole = (state: RoomState) => CONSOLE_ACTIONS.some((a) => iCan(state, a));

/**
 * Meeting status, presiding, list options, RTO round and the projector link: the presiding
 * officer's console, and the secretariat's share of it. Each control shows by the permission table.
 */
export function MeetingControls() {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const may = (action: Action) => iCan(state, action);
  const vices = meeting.participants.filter((p) => p.role === 'vice-chair');
  const [vice, setVice] = useState(vices[0]?.id ?? '');
  const handedOver =
    meeting.presidingParticipantId !== null && meeting.presidingParticipantId !== state.you?.participantId;
  const send = room.send;
  // A check in the room holds off the suspension and the close (the server refuses both meanwhile).
  const checking = roomCheckOpen(meeting) !== undefined;
  return (
    <section className="panel console" aria-labelledby="console-heading">
      <h2 id="console-heading">{t(iPreside(state) ? 'chair.console' : 'chair.secretariatConsole')}</h2>
      <fieldset className="button-row bare" aria-label={t('meeting.controls')}>
        {may('meeting.open') && meeting.status === 'scheduled' && (
          <button type="button" className="primary" onClick={() => void send({ type: 'meeting.open' })}>
            {t('meeting.open')}
          </button>
        )}
        {may('meeting.suspend') && meeting.status === 'open' && (
          <button
            type="button"
            // aria-disabled, not disabled: a check opening under the focus must not drop it to the page.
            aria-disabled={checking}
            aria-describedby={checking ? 'console-check-note' : undefined}
            onClick={() => !checking && void send({ type: 'meeting.suspend' })}
          >
            {t('meeting.suspend')}
          </button>
        )}
        {may('meeting.resume') && meeting.status === 'suspended' && (
          <button type="button" className="primary" onClick={() => void send({ type: 'meeting.resume' })}>
            {t('meeting.resume')}
          </button>
        )}
        {may('meeting.close') && meeting.status !== 'closed' && (
          <button
            type="button"
            className="danger"
            aria-disabled={checking}
            aria-describedby={checking ? 'console-check-note' : undefined}
            onClick={() =>
              !checking && window.confirm(t('meeting.confirmClose')) && void send({ type: 'meeting.close' })
            }
          >
            {t('meeting.close')}
          </button>
        )}
        {room.projectorUrl && may('meeting.projectorLink') && (
          <button
            type="button"
            onClick={() => {
              // Open the window in the click (popup blockers), then point it at the signed link.
              const win = window.open('about:blank', '_blank');
              void room.projectorUrl?.().then(
                (url) => {
                  if (win) win.location.href = url;
                },
                // Refused or offline: no blank window left behind.
                () => win?.close(),
              );
            }}
          >
            {t('meeting.projector')}
          </button>
        )}
      </fieldset>
      {checking && (
        <p id="console-check-note" className="hint">
          {t('consensus.ask.roomBusy')}
        </p>
      )}
      {may('presiding.handTo') && vices.length > 0 && (
        <div className="inline-form">
          {handedOver ? (
            <button type="button" onClick={() => void send({ type: 'presiding.resume' })}>
              {t('meeting.takeBack')}
            </button>
          ) : (
            <>
              <label>
                {t('meeting.handTo')}
                <select value={vice} onChange={(e) => setVice(e.target.value)}>
                  {vices.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name} ({v.delegation}, {v.rto})
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => void send({ type: 'presiding.handTo', participantId: vice })}
              >
                {t('meeting.handOver')}
              </button>
            </>
          )}
        </div>
      )}
      {may('meeting.setOptions') && <ListOptions />}
      {may('floor.rtoRound') && <RtoRound />}
    </section>
  );
}

/** The list-of-speakers options. */
function ListOptions() {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const send = useRoomPort().send;
  return (
    <fieldset className="options">
      <legend>{t('meeting.options')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={meeting.options.rtoSpokespersonsFirst}
          onChange={(e) => void send({ type: 'meeting.setOptions', rtoSpokespersonsFirst: e.target.checked })}
        />
        {t('meeting.rtoFirst')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={meeting.options.newDelegationsFirst}
          onChange={(e) => void send({ type: 'meeting.setOptions', newDelegationsFirst: e.target.checked })}
        />
        {t('meeting.newFirst')}
      </label>
    </fieldset>
  );
}

/**
 * Orders the six RTOs, then queues their spokespersons in one command. An offline spokesperson is
 * marked and left out unless the chair ticks them (the default follows presence until touched).
 */
function RtoRound() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const room = useRoomPort();
  const [order, setOrder] = useState<RtoCode[]>([...RTO_CODES]);
  const [choice, setChoice] = useState<Partial<Record<RtoCode, boolean>>>({});
  const included = (rto: RtoCode) => {
    const sp = spokespersonOf(meeting!, rto);
    return !!sp && (choice[rto] ?? sp.online);
  };
  const swap = (i: number, j: number) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  return (
    <fieldset className="rto-round">
      <legend>{t('chair.rtoRound')}</legend>
      <p className="hint">{t('chair.rtoRoundHelp')}</p>
      <ol>
        {order.map((rto, i) => {
          const sp = spokespersonOf(meeting!, rto);
          return (
            <li key={rto}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={included(rto)}
                  disabled={!sp}
                  onChange={(e) => setChoice((c) => ({ ...c, [rto]: e.target.checked }))}
                />
                {sp && <Presence online={sp.online} />}
                <strong>{rto}</strong>{' '}
                <span className="person">{sp ? sp.name : t('chair.noSpokesperson')}</span>
                {sp && !sp.online && <span className="not-connected">{t('floorUi.notConnected')}</span>}
              </label>
              <button
                type="button"
                className="icon"
                disabled={i === 0}
                aria-label={t('chair.rtoUp', { rto })}
                onClick={() => swap(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                disabled={i === order.length - 1}
                aria-label={t('chair.rtoDown', { rto })}
                onClick={() => swap(i, i + 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={!meeting?.currentItemId}
        onClick={() =>
          void room.send({
            type: 'floor.rtoRound',
            rtos: order.filter(included),
          })
        }
      >
        {t('chair.rtoRoundGo')}
      </button>
    </fieldset>
  );
}
