import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Proposal } from '../../../../shared';
import { useRoom } from '../../room/RoomContext';
import { iCan } from '../../room/selectors';
import { AskDialog, type AskMode } from './AskDialog';
import { roomCheckOpen } from './checks';

/**
 * Beside an open proposal's heading, for the presiding officer: "Any objection?…" and "Silence
 * procedure…", each opening its dialog. Nothing for others, or on a chair's summary (not agreed
 * paragraph by paragraph), or on a locked text.
 */
export function ConsensusMenu({ proposal, doc }: { proposal: Proposal; doc: Y.Doc | null }) {
  const { t } = useTranslation();
  const state = useRoom();
  const [asking, setAsking] = useState<AskMode | null>(null);
  const hint = useId();
  if (!iCan(state, 'consensus.ask') || proposal.kind !== 'proposal' || proposal.locked) return null;
  const meeting = state.meeting!;
  // A check in the room needs a meeting in session and none other under way (the server says so too).
  const roomReady = meeting.status === 'open' && !roomCheckOpen(meeting);
  return (
    <fieldset
      className="inline-form bare consensus-menu"
      aria-label={t('consensus.menu', { symbol: proposal.symbol })}
    >
      {/* aria-disabled, not disabled: the focus comes back here when the dialog closes on a check
          just started, and a disabled button would drop it to the page. */}
      <button
        type="button"
        aria-disabled={!roomReady}
        aria-describedby={roomReady ? undefined : hint}
        onClick={() => roomReady && setAsking('room')}
      >
        {t('consensus.ask.room')}
      </button>
      <button type="button" onClick={() => setAsking('silence')}>
        {t('consensus.ask.silence')}
      </button>
      {!roomReady && (
        <span id={hint} className="hint">
          {t(meeting.status === 'open' ? 'consensus.ask.roomBusy' : 'consensus.ask.roomNotInSession')}
        </span>
      )}
      {asking && <AskDialog proposal={proposal} doc={doc} mode={asking} onClose={() => setAsking(null)} />}
    </fieldset>
  );
}
