import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../../shared';
import { useRoom, useRoomPort } from '../../../room/RoomContext';
import { iCan } from '../../../room/selectors';
import { usePending } from '../../usePending';
import { LinkIntervention } from './LinkIntervention';
import type { ParagraphConsensus, TextParagraph } from './model';
import { StatusForm } from './StatusForm';

/**
 * What the signed-in participant may do with one paragraph, by the permission table (`can`): set
 * its status, ask "any objection?" on it, link the intervention under way to it, show it on the
 * projector. Nothing for those who may do none of it. Refusals are shown by the room's RefusalAlert.
 */
export function ParagraphActions(props: {
  proposal: Proposal;
  paragraph: TextParagraph;
  consensus: ParagraphConsensus;
  /** Where the focus goes when the control that had it goes away (the check asked, say). */
  heading: RefObject<HTMLElement | null>;
}) {
  const { proposal, paragraph, consensus: c, heading } = props;
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const [asking, ask] = usePending();
  const pid = paragraph.id!;
  const number = paragraph.number;

  const canAsk = iCan(state, 'consensus.ask') && c.status !== 'agreed' && !c.check;
  const canLink = iCan(state, 'paragraph.linkIntervention') && !!meeting.floor.current;
  const canShow = iCan(state, 'screen.show');

  const canSet = iCan(state, 'paragraph.setStatus');
  if (!canSet && !canAsk && !canLink && !canShow) return null;
  return (
    <div className="paragraph-actions">
      {canSet && (
        // No key: a status set meanwhile restarts the form from it without a remount (StatusForm).
        <StatusForm proposalId={proposal.id} paragraph={paragraph} consensus={c} />
      )}
      {(canAsk || canShow) && (
        <div className="button-row">
          {canAsk && (
            <button
              type="button"
              className="primary"
              aria-label={t('paragraphs.actions.askLabel', { number })}
              aria-disabled={asking}
              onClick={() =>
                void ask(() => {
                  // The button goes once the check is under way: the focus stays in the details.
                  heading.current?.focus();
                  return room.send({ type: 'consensus.ask', proposalId: proposal.id, paragraphIds: [pid] });
                })
              }
            >
              {t('paragraphs.actions.ask')}
            </button>
          )}
          {canShow && (
            <button
              type="button"
              aria-label={t('paragraphs.actions.showLabel', { number })}
              onClick={() =>
                void room.send({ type: 'screen.show', proposalId: proposal.id, paragraphId: pid })
              }
            >
              {t('paragraphs.actions.show')}
            </button>
          )}
        </div>
      )}
      {canLink && <LinkIntervention proposal={proposal} paragraph={paragraph} consensus={c} />}
    </div>
  );
}
