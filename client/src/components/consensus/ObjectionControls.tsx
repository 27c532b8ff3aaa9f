import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessOf, type ConsensusCheck } from '../../../../shared';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { iCan, participantOf } from '../../room/selectors';
import { useFocusAfterRender } from '../useFocusAfterRender';
import { objectionOf } from './checks';

/** The longest reason the server takes (`consensus.object` in shared/protocol/commands.ts). */
const REASON_MAX = 1000;

/**
 * A delegation's part in a check: "Objection" (then an optional reason, Enter sends) while it has
 * none standing, "Withdraw the objection" while it has (to any of its members, whoever objected).
 * Offered only to who may object (delegates and spokespersons, by the permission table), and only
 * while the check takes objections (the callers decide when); `describedBy` names the check for screen readers
 * where several are listed, so the buttons keep the same names everywhere.
 */
export function ObjectionControls({ check, describedBy }: { check: ConsensusCheck; describedBy?: string }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const myself = participantOf(meeting, state.you?.participantId);
  const mine = objectionOf(check, myself);
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const objectButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  if (!iCan(state, 'consensus.object')) return null;

  if (mine) {
    // An objection is the delegation's, not its author's: any member of the objecting delegation
    // may withdraw it (`withdraw` in consensusDecide.ts matches delegations). So the table's `own`
    // cell is read as "your delegation's", which `mine` already is: only whether the role may
    // withdraw at all is asked (not `can` with an owner, which would compare participants).
    if (!myself || accessOf(meeting, myself, 'consensus.withdrawObjection') === 'no') return null;
    return (
      <div className="button-row">
        <button
          ref={withdrawButton}
          type="button"
          aria-describedby={describedBy}
          aria-disabled={busy}
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            const ack = await room.send({ type: 'consensus.withdrawObjection', checkId: check.id });
            setBusy(false);
            if (ack.ok) focusAfterRender(() => objectButton.current);
          }}
        >
          {t('consensus.withdraw')}
        </button>
      </div>
    );
  }

  const cancel = () => {
    setWriting(false);
    setReason('');
    focusAfterRender(() => objectButton.current);
  };
  if (!writing)
    return (
      <div className="button-row">
        <button
          ref={objectButton}
          type="button"
          className="objection-button"
          aria-describedby={describedBy}
          onClick={() => setWriting(true)}
        >
          {t('consensus.object')}
        </button>
      </div>
    );
  return (
    <form
      className="objection-form"
      aria-label={t('consensus.objectForm')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        cancel();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        const text = reason.trim();
        const ack = await room.send({
          type: 'consensus.object',
          checkId: check.id,
          ...(text ? { reason: text } : {}),
        });
        setBusy(false);
        if (!ack.ok) return;
        setWriting(false);
        setReason('');
        focusAfterRender(() => withdrawButton.current);
      }}
    >
      <label>
        {t('consensus.reason')}
        <input
          // The form opens on a press of "Objection": typing goes straight into the reason.
          // biome-ignore lint/a11y/noAutofocus: the field replaces the button that was just pressed.
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={REASON_MAX}
          dir="auto"
          aria-describedby={describedBy}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="danger" aria-disabled={busy}>
          {t('consensus.send')}
        </button>
        <button type="button" onClick={cancel}>
          {t('consensus.cancel')}
        </button>
      </div>
    </form>
  );
}
