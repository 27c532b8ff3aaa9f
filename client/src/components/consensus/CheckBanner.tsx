import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusCheck, Objection } from '../../../../shared';
import { clock } from '../../format';
import { useRoom, useRoomPort, useServerNow } from '../../room/RoomContext';
import { iCan } from '../../room/selectors';
import { usePending } from '../usePending';
import { CheckResultLine } from './CheckResult';
import { lastRoomResult, RESULT_SHOWN_MS, roomCheckOpen, secondsLeftOf, takesObjections } from './checks';
import { ObjectionControls } from './ObjectionControls';
import { useCheckAnnouncements } from './useCheckAnnouncements';
import { useFocusKept, useFocusWithin } from './useFocusWithin';
import { symbolOf, useCheckWords } from './words';

/**
 * "Is there any objection?" on every participant's screen while a check in the room is open: the
 * proposal and its paragraphs, the countdown on the server's clock, the objections standing (with
 * their reasons), "Objection" / "Withdraw the objection" for delegations and "Close now" for the
 * presiding officer; then the result for a few seconds. Screen readers hear the start, each
 * objection, the last ten seconds and the result (politely, never every second).
 */
export function CheckBanner() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  const open = roomCheckOpen(meeting);
  const closed = open ? undefined : lastRoomResult(meeting);
  const container = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLElement>(null);
  const hadFocus = useFocusWithin(container);
  // The result stays while it holds the focus (given to it when the check's controls went away);
  // the banner renders four times a second meanwhile, so this is read again soon after it moves.
  const resultFocused = !!result.current && document.activeElement === result.current;
  const recent =
    !!closed?.result && Date.now() + state.clockOffset < closed.result.appliedAt + RESULT_SHOWN_MS;
  // Four times a second while there is something to count down or show; at rest, once a minute
  // (every participant's room renders this banner all meeting long).
  const now = useServerNow(open || recent || resultFocused ? 250 : 60_000);
  const message = useCheckAnnouncements(meeting, open, now);
  const showResult = !!closed?.result && (now < closed.result.appliedAt + RESULT_SHOWN_MS || resultFocused);
  const wasOpen = useRef<string | undefined>(undefined);

  // The check closed under the focus (on "Objection" or "Close now"): it moves to the result.
  useEffect(() => {
    const before = wasOpen.current;
    wasOpen.current = open?.id;
    if (before && !open && hadFocus.current) result.current?.focus();
  }, [open, hadFocus]);

  return (
    <>
      <div
        className="sr-only"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="check-announcer"
      >
        {message}
      </div>
      {/* Always there (empty when no check): it tracks whether the focus is in the banner. */}
      <div ref={container} className="check-banner-wrap">
        {open ? (
          <OpenCheck check={open} now={now} />
        ) : (
          showResult &&
          closed && (
            // A landmark of its own (a named section), as the open check's banner is: it sits
            // outside <main>.
            <section
              ref={result}
              tabIndex={-1}
              aria-label={t('consensus.question')}
              className={`check-banner check-result check-${closed.result?.outcome}`}
              data-testid="check-result"
            >
              <p className="check-banner-title">
                <bdi className="proposal-symbol">{symbolOf(meeting, closed.proposalId)}</bdi>{' '}
                <CheckResultLine check={closed} />
              </p>
            </section>
          )
        )}
      </div>
    </>
  );
}

function OpenCheck({ check, now }: { check: ConsensusCheck; now: number }) {
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const words = useCheckWords();
  const left = secondsLeftOf(check, now);
  const symbol = symbolOf(meeting, check.proposalId);
  // Past its end the check only waits for the server to close it: an objection (or a withdrawal)
  // would be refused, so neither is offered, as in the silence procedures.
  const taking = takesObjections(check, now);
  const heading = useRef<HTMLHeadingElement>(null);
  // A second "Close now" before the first is answered would be refused ("closed already").
  const [closing, once] = usePending();
  const actions = useRef<HTMLDivElement>(null);
  // "Objection" (or the reason being typed) going under the focus leaves it on the banner's title.
  useFocusKept(actions, () => heading.current, String(taking));
  return (
    <section className="check-banner" aria-labelledby="check-banner-heading" data-testid="check-banner">
      <div className="check-banner-head">
        <h2 id="check-banner-heading" ref={heading} tabIndex={-1} className="check-banner-title">
          {t('consensus.question')} <bdi className="proposal-symbol">{symbol}</bdi>{' '}
          <span data-testid="check-paragraphs">{words.paragraphs(check.paragraphNumbers)}</span>
        </h2>
        <span className={`timer check-timer ${left <= 10 ? 'timer-low' : ''}`}>
          <span className="timer-label">{t('consensus.timeLeft')}</span>
          <span
            className="timer-value check-timer-value"
            role="timer"
            aria-live="off"
            data-testid="check-countdown"
          >
            {clock(left)}
          </span>
        </span>
      </div>
      <Objections objections={check.objections} />
      <div ref={actions} className="check-banner-actions">
        {taking && <ObjectionControls check={check} />}
        {iCan(state, 'consensus.close') && (
          <button
            type="button"
            aria-disabled={closing}
            onClick={() => void once(() => room.send({ type: 'consensus.close', checkId: check.id }))}
          >
            {t('consensus.closeNow')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The objections standing: each delegation with its reason (or none). */
export function Objections({ objections, detail }: { objections: readonly Objection[]; detail?: boolean }) {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  if (objections.length === 0)
    return (
      <p className="muted small" data-testid="objections">
        {t('consensus.noObjection')}
      </p>
    );
  return (
    <div data-testid="objections">
      <h3 className="check-objections-heading">{t('consensus.objections', { n: objections.length })}</h3>
      <ul className="check-objections">
        {objections.map((o) => {
          const by = detail ? meeting.participants.find((p) => p.id === o.participantId)?.name : undefined;
          return (
            <li key={o.delegation}>
              <bdi className="check-delegation">{o.delegation}</bdi>
              {by && (
                <>
                  {' '}
                  (<bdi>{by}</bdi>)
                </>
              )}
              {o.reason ? (
                <>
                  {': '}
                  <span dir="auto">{o.reason}</span>
                </>
              ) : (
                <span className="muted"> {t('consensus.noReason')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
