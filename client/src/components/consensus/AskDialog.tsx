import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { type Proposal, ROOM_CHECK_SECONDS } from '../../../../shared';
import { paragraphFacts } from '../../../../shared/collab/paragraphs';
import { Dialog } from '../../admin/Dialog';
import type { WallTime } from '../../admin/wallClock';
import { useRoom } from '../../room/RoomContext';
import { DeadlineField, defaultDeadline, readDeadline } from './DeadlineField';
import { askableParagraphs, ParagraphPicker } from './ParagraphPicker';
import { DialogRefusal, useDialogCommand } from './useDialogCommand';

/** How the check runs: a window of seconds in the room, or a silence procedure with a deadline. */
export type AskMode = 'room' | 'silence';

/**
 * The presiding officer's "Any objection?" (a window of 5 to 120 seconds in the room) or "Silence
 * procedure…" (a deadline 1 hour to 90 days away) on a proposal: on every paragraph that can be
 * agreed now (sent by id), or on those chosen by number from the live text. The window's default is
 * the domain's (`ROOM_CHECK_SECONDS.default`). The server decides; a refusal is said in the dialog,
 * which stays open (the focus in it) to correct it; "Ask now" does nothing while the ask is pending.
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
  const meeting = state.meeting!;
  // Read once, as the dialog opens: the paragraphs asked are those the chair saw.
  const paragraphs = useMemo(
    () => (doc ? paragraphFacts(doc, proposal.id).paragraphs : null),
    [doc, proposal.id],
  );
  const [picked, setChosen] = useState<Set<string> | null>(null);
  const askable = paragraphs ? askableParagraphs(meeting, proposal.id, paragraphs) : [];
  // With nothing that can be agreed now, "every paragraph" is not offered: the list is shown, each
  // paragraph with why it cannot be asked.
  const chosen = picked === null && askable.length === 0 ? new Set<string>() : picked;
  const [seconds, setSeconds] = useState(String(ROOM_CHECK_SECONDS.default));
  const serverNow = Date.now() + state.clockOffset;
  const [wall, setWall] = useState<WallTime>(() => defaultDeadline(serverNow));
  const { pending, refusal, send } = useDialogCommand();
  const deadline = readDeadline(wall, serverNow);
  const windowSeconds = Number(seconds);
  const secondsOk =
    Number.isInteger(windowSeconds) &&
    windowSeconds >= ROOM_CHECK_SECONDS.min &&
    windowSeconds <= ROOM_CHECK_SECONDS.max;
  const choiceOk = chosen === null || chosen.size > 0;
  const ready = choiceOk && (mode === 'room' ? secondsOk : deadline.ok) && !pending;
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
          // Always by id, in the text's order: what the chair saw is what is asked.
          const paragraphIds = chosen
            ? (paragraphs ?? []).filter((p) => chosen.has(p.id)).map((p) => p.id)
            : askable.map((p) => p.id);
          const done = await send({
            type: 'consensus.ask',
            proposalId: proposal.id,
            paragraphIds,
            ...(mode === 'room' ? { seconds: windowSeconds } : deadline.ok ? { until: deadline.ms } : {}),
          });
          if (done) onClose();
        }}
      >
        <ParagraphPicker
          meeting={meeting}
          proposalId={proposal.id}
          paragraphs={paragraphs}
          chosen={chosen}
          onChange={setChosen}
        />
        {!choiceOk && paragraphs && paragraphs.length > 0 && (
          <p className="hint">{t('consensus.ask.chooseOne')}</p>
        )}
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
        <DialogRefusal action={t('shell.action.consensus.ask')} refusal={refusal} />
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
