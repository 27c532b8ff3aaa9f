import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusCheck } from '../../../../shared';
import { useRoom, useServerNow } from '../../room/RoomContext';
import { iCan, participantOf } from '../../room/selectors';
import { objectionOf, silenceProcedures, takesObjections } from './checks';
import { useDeadlineWords } from './deadlineWords';
import { silenceTitleOf } from './SilencePanel';
import { symbolOf, useCheckWords } from './words';

/**
 * At the top of the room, for a delegation that may object: the silence procedures open now, each
 * with its proposal, paragraphs and deadline on the viewer's own clock (labelled), whether the
 * viewer's delegation has objected, and "Go to the procedure", which puts the focus on its row in
 * the silence panel (where Object and Withdraw are). A delegate arriving from the join link would
 * otherwise find the procedure below the fold. `reveal` brings the panels back when they are not
 * shown (the record is open). Nothing when there is none.
 */
export function SilenceBanner({ reveal }: { reveal?: () => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  // Twice a minute: a procedure leaves the banner once its deadline has passed.
  const now = useServerNow(30_000);
  const headingId = useId();
  const open = iCan(state, 'consensus.object')
    ? silenceProcedures(meeting).filter((c) => takesObjections(c, now))
    : [];
  if (open.length === 0) return null;
  return (
    <section className="silence-banner" aria-labelledby={headingId} data-testid="silence-banner">
      <h2 id={headingId} className="silence-banner-title">
        {t('consensus.silenceBanner.heading')}
      </h2>
      <ul className="silence-banner-list">
        {open.map((c) => (
          <SilenceBannerItem key={c.id} check={c} reveal={reveal} />
        ))}
      </ul>
    </section>
  );
}

function SilenceBannerItem({ check, reveal }: { check: ConsensusCheck; reveal?: () => void }) {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  const words = useCheckWords();
  const when = useDeadlineWords();
  const lineId = useId();
  const objected = !!objectionOf(check, participantOf(meeting, state.you?.participantId));
  const go = () => {
    const row = silenceTitleOf(check.id);
    if (row || !reveal) {
      row?.focus();
      return;
    }
    reveal();
    // After the panels are back, and after whatever focus `reveal` gives back on its own frame.
    requestAnimationFrame(() => silenceTitleOf(check.id)?.focus());
  };
  return (
    <li className="silence-banner-item" data-testid="silence-banner-item">
      <span id={lineId}>
        <bdi className="proposal-symbol">{symbolOf(meeting, check.proposalId)}</bdi>{' '}
        {words.paragraphs(check.paragraphNumbers)}
        {' · '}
        {t('consensus.silence.deadline')}{' '}
        <span data-testid="banner-deadline">{when(check.endsAt, 'yours')}</span>
        {' · '}
        <span className={objected ? 'silence-banner-objected' : undefined} data-testid="banner-mine">
          {t(objected ? 'consensus.silenceBanner.objected' : 'consensus.silenceBanner.notObjected')}
        </span>
      </span>{' '}
      <button type="button" className="link-button" aria-describedby={lineId} onClick={go}>
        {t('consensus.silenceBanner.go')}
      </button>
    </li>
  );
}
