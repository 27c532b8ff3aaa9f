import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared';
import { useRoom } from '../../room/RoomContext';
import { silenceProcedures } from './checks';
import { useDeadlineWords } from './deadlineWords';

/**
 * Under a proposal in the room's list, each on its own line (they are separate facts: a silence
 * procedure is on paragraphs of the live text, not on the revision): its latest revision ("Latest
 * revision: Rev.2"), and its open silence procedure with the nearest deadline on the viewer's own
 * clock, labelled (the silence panel gives both clocks). Nothing when it has neither.
 */
export function ProposalConsensusLine({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const when = useDeadlineWords();
  const latest = meeting.consensus.revisions[proposal.id]?.at(-1);
  const silence = silenceProcedures(meeting, proposal.id).find((c) => c.result === null);
  if (!latest && !silence) return null;
  return (
    <div className="muted small proposal-consensus" data-testid="proposal-consensus">
      {latest && (
        <p className="proposal-consensus-line" data-testid="proposal-revision">
          {t('consensus.revisions.latest', { revision: `Rev.${latest.number}` })}
        </p>
      )}
      {silence && (
        <p className="proposal-consensus-line" data-testid="proposal-silence">
          {t('consensus.silence.until', { time: when(silence.endsAt, 'yours') })}
        </p>
      )}
    </div>
  );
}
