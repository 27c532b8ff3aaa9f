import { useTranslation } from 'react-i18next';
import { assertNever, type ProposalChange, type RecordProposal } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { ConsensusTables } from './ConsensusTables';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';

/** Where a list of proposals is: the heading level of their consensus, the interventions they refer to. */
interface ProposalContext {
  /** The level of each text's paragraph-consensus heading (one below the list's). */
  level: 4 | 5;
  /** The number of each intervention in the item's table (none for texts under no item). */
  interventionNumbers: ReadonlyMap<string, number>;
}

/**
 * Proposals (those considered under an item, or texts under none), each with its status now, every
 * change of standing, and how it was agreed paragraph by paragraph.
 */
export function ProposalHistory(
  props: { proposals: RecordProposal[]; clock: RecordClock } & ProposalContext,
) {
  const { proposals, ...rest } = props;
  return (
    <ul className="record-proposals">
      {proposals.map((p) => (
        <ProposalEntry key={p.proposalId} proposal={p} {...rest} />
      ))}
    </ul>
  );
}

function ProposalEntry(props: { proposal: RecordProposal; clock: RecordClock } & ProposalContext) {
  const { proposal, clock, level, interventionNumbers } = props;
  const { t } = useTranslation();
  return (
    <li data-testid="record-proposal">
      <p className="record-proposal-line">
        <bdi className="proposal-symbol">{proposal.symbol}</bdi> <bdi>{proposal.title}</bdi>{' '}
        <span className={`pill proposal-${proposal.status}`}>{t(`proposalStatus.${proposal.status}`)}</span>
        {proposal.locked && <span className="pill proposal-locked">{t('record.proposals.locked')}</span>}
      </p>
      <p className="muted small">
        {isolatedIn(t('record.proposals.submittedBy', { by: SLOT_VALUE }), proposal.submittedBy)}
      </p>
      <ol className="record-history" aria-label={t('record.proposals.history', { symbol: proposal.symbol })}>
        <li>
          <RecordTime time={proposal.createdAt} clock={clock} /> {t('record.proposals.created')}
        </li>
        {proposal.history.map((change, index) => (
          // Changes have no id of their own; their order is the log's and never shifts.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={index}>
            <RecordTime time={change.at} clock={clock} /> <ChangeText change={change} />
          </li>
        ))}
      </ol>
      <ConsensusTables
        proposal={proposal}
        clock={clock}
        level={level}
        interventionNumbers={interventionNumbers}
      />
    </li>
  );
}

function ChangeText({ change }: { change: ProposalChange }) {
  const { t } = useTranslation();
  switch (change.change) {
    case 'status':
      return <>{t('record.proposals.status', { status: t(`proposalStatus.${change.status}`) })}</>;
    case 'locked':
      return <>{t('record.proposals.lockedAt')}</>;
    case 'unlocked':
      return <>{t('record.proposals.unlockedAt')}</>;
    default:
      return assertNever(change);
  }
}
