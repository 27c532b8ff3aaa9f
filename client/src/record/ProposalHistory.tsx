import { useTranslation } from 'react-i18next';
import { assertNever, type ProposalChange, type RecordProposal } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';

/** The proposals considered under an item, each with its status now and every change of standing. */
export function ProposalHistory({ proposals, clock }: { proposals: RecordProposal[]; clock: RecordClock }) {
  return (
    <ul className="record-proposals">
      {proposals.map((p) => (
        <ProposalEntry key={p.proposalId} proposal={p} clock={clock} />
      ))}
    </ul>
  );
}

function ProposalEntry({ proposal, clock }: { proposal: RecordProposal; clock: RecordClock }) {
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
