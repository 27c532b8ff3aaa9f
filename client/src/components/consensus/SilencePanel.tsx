import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusCheck } from '../../../../shared';
import { useRoom, useRoomPort, useServerNow } from '../../room/RoomContext';
import { iCan, iPreside, me, participantOf } from '../../room/selectors';
import { useFocusAfterRender } from '../useFocusAfterRender';
import { usePending } from '../usePending';
import { Objections } from './CheckBanner';
import { CheckResultLine } from './CheckResult';
import { silenceProcedures, takesObjections } from './checks';
import { useDeadlineWords } from './deadlineWords';
import { ObjectionControls } from './ObjectionControls';
import { useFocusKept } from './useFocusWithin';
import { symbolOf, useCheckWords } from './words';

/**
 * Silence procedures (adopted unless a delegation objects by the deadline) of one proposal, or of
 * all when `proposalId` is absent: each open one with its deadline on the viewer's clock and on the
 * meeting's (both labelled), the objections standing, Object / Withdraw for delegations (from their
 * join link, whatever the meeting's status, until the deadline) and "Close now" for the presiding
 * officer once a delegation has objected (a silence unbroken runs to its deadline); the ended ones
 * with their outcome. Nothing at all when there is none.
 */
export function SilencePanel({ proposalId }: { proposalId?: string }) {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const procedures = silenceProcedures(meeting, proposalId);
  const headingId = useId();
  // Title ids of this panel's own: the room's panel and the open text's may list the same procedure.
  const scope = useId();
  const titleId = (checkId: string) => `${scope}-silence-${checkId}`;
  const focusAfterRender = useFocusAfterRender();
  // A procedure closed with "Close now" loses the button: the focus goes to its title.
  const onClosed = (checkId: string) => focusAfterRender(() => document.getElementById(titleId(checkId)));
  if (procedures.length === 0) return null;
  const list = (checks: typeof procedures) => (
    <ul className="silence-list">
      {checks.map((c) => (
        <SilenceRow
          key={c.id}
          check={c}
          id={titleId(c.id)}
          withSymbol={proposalId === undefined}
          onClosed={onClosed}
        />
      ))}
    </ul>
  );
  return (
    <section className="panel silence-panel" aria-labelledby={headingId} data-testid="silence-panel">
      <h2 id={headingId}>{t('consensus.silence.heading')}</h2>
      {/* One list in the order of the deadlines: a procedure that ends keeps its row and the focus. */}
      {list(procedures)}
    </section>
  );
}

/**
 * The first title of procedure `checkId` in the page (the open text's panel comes before the room's),
 * where the silence banner sends the focus; null when no panel lists it (the record is shown).
 */
export const silenceTitleOf = (checkId: string): HTMLElement | null =>
  [...document.querySelectorAll<HTMLElement>('[data-silence-title]')].find(
    (e) => e.dataset.silenceTitle === checkId,
  ) ?? null;

function SilenceRow(props: {
  check: ConsensusCheck;
  /** Its title's id: the same in the open list and in the ended one. */
  id: string;
  withSymbol: boolean;
  onClosed: (checkId: string) => void;
}) {
  const { check, id, withSymbol, onClosed } = props;
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  // Once a minute is enough: the row only needs to know when the deadline has passed.
  const now = useServerNow(check.result ? 3_600_000 : 30_000);
  const words = useCheckWords();
  const when = useDeadlineWords();
  const [closing, once] = usePending();
  const open = takesObjections(check, now);
  // Silence is kept until the deadline: only a broken silence (an objection) may be closed early,
  // and then it ends not agreed (the server refuses any other early close).
  const closable = iCan(state, 'consensus.close') && check.objections.length > 0;
  const row = useRef<HTMLLIElement>(null);
  const title = useRef<HTMLParagraphElement>(null);
  // The deadline passing, or the last objection withdrawn, takes away the control under the
  // focus: it goes to the procedure's title.
  useFocusKept(row, () => title.current, `${open}|${closable}`);
  // The secretariat and whoever presides see who objected for each delegation, not only which.
  const detail = me(state)?.role === 'secretariat' || iPreside(state);
  const asker = participantOf(meeting, check.askedBy);
  return (
    <li ref={row} className="silence-row" data-testid="silence-row">
      <p ref={title} className="silence-title" id={id} tabIndex={-1} data-silence-title={check.id}>
        {withSymbol && (
          <>
            <bdi className="proposal-symbol">{symbolOf(meeting, check.proposalId)}</bdi>{' '}
          </>
        )}
        {words.paragraphs(check.paragraphNumbers)}
      </p>
      <p className="silence-deadline small">
        {check.result ? (
          <CheckResultLine check={check} />
        ) : (
          <>
            {t('consensus.silence.deadline')}{' '}
            <span data-testid="deadline-yours">{when(check.endsAt, 'yours')}</span>
            {' · '}
            <span data-testid="deadline-meeting">{when(check.endsAt, 'meeting')}</span>
          </>
        )}
      </p>
      {check.result && (
        <p className="muted small">
          {t('consensus.silence.closedAt', { time: when(check.result.closedAt, 'meeting') })}
        </p>
      )}
      {asker && !check.result && (
        <p className="muted small">
          {t('consensus.silence.askedBy')} <bdi>{asker.name}</bdi>
        </p>
      )}
      <Objections objections={check.result?.objections ?? check.objections} detail={detail} />
      {open && (
        <div className="button-row">
          <ObjectionControls check={check} describedBy={id} />
          {closable && (
            <button
              type="button"
              aria-describedby={id}
              aria-disabled={closing}
              onClick={async () => {
                const ack = await once(() => room.send({ type: 'consensus.close', checkId: check.id }));
                if (ack?.ok) onClosed(check.id);
              }}
            >
              {t('consensus.closeNow')}
            </button>
          )}
        </div>
      )}
      {open && iCan(state, 'consensus.close') && check.objections.length === 0 && (
        <p className="hint">{t('consensus.silence.runsToDeadline')}</p>
      )}
    </li>
  );
}
