import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { type Proposal, ROOM_CHECK_SECONDS } from '../../../../shared';
import { paragraphFacts } from '../../../../shared/collab/paragraphs';
import { Dialog } from '../../admin/Dialog';
import type { WallTime } from '../../admin/wallClock';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { DeadlineField, defaultDeadline, readDeadline } from './DeadlineField';
import { ParagraphPicker } from './ParagraphPicker';

/** How the check runs: a window of seconds in the room, or a silence procedure with a deadline. */
export type AskMode = 'room' | 'silence';

/**
 * The presiding officer's "Any objection?" (a window of 5 to 120 seconds in the room) or "Silence
 * procedure…" (a deadline 1 hour to 90 days away) on a proposal: on every paragraph not agreed yet,
 * or on those chosen by number from the live text. The server decides; a refusal is said by the
 * room's refusal alert and the dialog stays open to correct it.
 */
export function AskDialog(props: {
  proposal: Proposal;
  doc: Y.Doc | null;
  mode: AskMode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { proposal, doc, mode, onClose } = props;
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  // Read once, as the dialog opens: the paragraphs asked are those the chair saw.
  const paragraphs = useMemo(
    () => (doc ? paragraphFacts(doc, proposal.id).paragraphs : null),
    [doc, proposal.id],
  );
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [seconds, setSeconds] = useState(String(ROOM_CHECK_SECONDS.default));
  const serverNow = Date.now() + state.clockOffset;
  const [wall, setWall] = useState<WallTime>(() => defaultDeadline(serverNow));
  const [busy, setBusy] = useState(false);
  const deadline = readDeadline(wall, serverNow);
  const windowSeconds = Number(seconds);
  const secondsOk =
    Number.isInteger(windowSeconds) &&
    windowSeconds >= ROOM_CHECK_SECONDS.min &&
    windowSeconds <= ROOM_CHECK_SECONDS.max;
  const choiceOk = chosen === null || chosen.size > 0;
  const ready = choiceOk && (mode === 'room' ? secondsOk : deadline.ok) && !busy;
  const title = t(mode === 'room' ? 'consensus.ask.roomTitle' : 'consensus.ask.silenceTitle', {
    symbol: proposal.symbol,
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="stack-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ready) return;
          setBusy(true);
          const paragraphIds = chosen
            ? paragraphs!.filter((p) => chosen.has(p.id)).map((p) => p.id)
            : undefined;
          const ack = await room.send({
            type: 'consensus.ask',
            proposalId: proposal.id,
            ...(paragraphIds ? { paragraphIds } : {}),
            ...(mode === 'room' ? { seconds: windowSeconds } : deadline.ok ? { until: deadline.ms } : {}),
          });
          setBusy(false);
          if (ack.ok) onClose();
        }}
      >
        <ParagraphPicker
          meeting={meeting}
          proposalId={proposal.id}
          paragraphs={paragraphs}
          chosen={chosen}
          onChange={setChosen}
        />
        {!choiceOk && <p className="hint">{t('consensus.ask.chooseOne')}</p>}
        {mode === 'room' ? (
          <label>
            {t('consensus.ask.seconds')}
            <input
              type="number"
              inputMode="numeric"
              min={ROOM_CHECK_SECONDS.min}
              max={ROOM_CHECK_SECONDS.max}
              step={1}
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
              required
              size={4}
              data-autofocus=""
              aria-describedby="ask-seconds-hint"
            />
            <span id="ask-seconds-hint" className="hint">
              {t('consensus.ask.secondsHint', { min: ROOM_CHECK_SECONDS.min, max: ROOM_CHECK_SECONDS.max })}
            </span>
          </label>
        ) : (
          <DeadlineField wall={wall} onChange={setWall} deadline={deadline} />
        )}
        <div className="button-row">
          <button type="submit" className="primary" aria-disabled={!ready}>
            {t(mode === 'room' ? 'consensus.ask.startRoom' : 'consensus.ask.startSilence')}
          </button>
          <button type="button" onClick={onClose}>
            {t('consensus.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
