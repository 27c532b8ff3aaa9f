import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared';
import { useRoom } from '../../room/RoomContext';
import { silenceProcedures } from './checks';
import { useDeadlineWords } from './deadlineWords';

/**
 * One line under a proposal in the room's list: its latest revision and its open silence procedure
 * with the nearest deadline (on the meeting's clock; the silence panel gives both clocks). Nothing
 * when it has neither.
 */
export function ProposalConsensusLine({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const when = useDeadlineWords();
  const latest = meeting.consensus.revisions[proposal.id]?.at(-1);
  const silence = silenceProcedures(meeting, proposal.id).find((c) => c.result === null);
  if (!latest && !silence) return null;
  return (
    <p className="muted small proposal-consensus" data-testid="proposal-consensus">
      {latest && <bdi>{latest.symbol}</bdi>}
      {latest && silence && ' · '}
      {silence && t('consensus.silence.until', { time: when(silence.endsAt, 'meeting') })}
    </p>
  );
}
