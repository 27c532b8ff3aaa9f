import { useTranslation } from 'react-i18next';
import type { ConsensusCheck, Meeting } from '../../../../shared';
import { useRoom, useServerNow } from '../../room/RoomContext';
import { secondsLeftOf } from '../consensus/checks';
import { useCheckWords } from '../consensus/words';
import { shownCheck } from './following';

/**
 * "Is there any objection?" on the projector, while a room check is open (on any proposal): the
 * seconds left on the server's clock (estimated as the room's timers do), the paragraphs asked
 * about, and the objecting delegations as they come; after the close, the outcome for a few seconds.
 *
 * The live region is always there, so that its changes (the question, each objection, the outcome)
 * are announced; the countdown itself is a timer, which is not.
 */
export function CheckCountdown() {
  const meeting = useRoom().meeting!;
  const now = useServerNow(250);
  const check = shownCheck(meeting.consensus, now);
  return (
    <div className="projector-check-region" aria-live="polite" data-testid="projector-check">
      {check && <CheckPanel check={check} meeting={meeting} now={now} />}
    </div>
  );
}

function CheckPanel({ check, meeting, now }: { check: ConsensusCheck; meeting: Meeting; now: number }) {
  const { t } = useTranslation();
  const words = useCheckWords();
  const proposal = meeting.proposals.find((p) => p.id === check.proposalId);
  const objections = check.result ? check.result.objections : check.objections;
  const outcome = check.result?.outcome ?? null;
  // The same count and the same words as the room's banner.
  const left = secondsLeftOf(check, now);
  return (
    <section className={`projector-check ${outcome ? `outcome-${outcome}` : 'is-open'}`}>
      <p className="projector-check-question">{t('projectorText.check.question')}</p>
      <p className="projector-check-on">
        {proposal && <bdi className="proposal-symbol">{proposal.symbol}</bdi>}{' '}
        {words.paragraphs(check.paragraphNumbers)}
      </p>
      {outcome === null ? (
        <p className="projector-countdown">
          <span
            className="projector-countdown-value"
            role="timer"
            aria-live="off"
            data-testid="check-seconds"
          >
            {left}
          </span>{' '}
          <span className="projector-countdown-unit">
            {t('projectorText.check.secondsLeft', { count: left })}
          </span>
        </p>
      ) : (
        <p className="projector-check-outcome" data-testid="check-outcome">
          {t(outcome === 'agreed' ? 'projectorText.check.agreed' : 'projectorText.check.objected')}
        </p>
      )}
      {objections.length > 0 ? (
        <>
          <p className="projector-objections-heading">
            {t('projectorText.check.objections', { count: objections.length })}
          </p>
          <ul className="projector-objections">
            {objections.map((o) => (
              <li key={o.participantId}>
                <bdi>{o.delegation}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : (
        outcome === null && <p className="projector-objections-none">{t('projectorText.check.noneYet')}</p>
      )}
    </section>
  );
}
