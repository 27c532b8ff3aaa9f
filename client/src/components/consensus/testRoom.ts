import type { ProposalId, TextFacts } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { localRoom } from '../../test/localRoom';

/** The text of the test proposal as the server would read it (`DecideContext.text`). */
function factsOf(proposalId: ProposalId): TextFacts {
  return {
    proposalId,
    paragraphs: [
      { id: 'b1', number: 1, openBrackets: 0, excerpt: 'Recognizing the digital divide' },
      { id: 'b2', number: 2, openBrackets: 0, excerpt: 'Invites Member States to cooperate' },
      { id: 'b3', number: 3, openBrackets: 1, excerpt: 'Instructs the Director [of BDT]' },
      { id: 'b4', number: 4, openBrackets: 0, excerpt: 'Decides to review progress' },
    ],
  };
}

/**
 * The demo meeting in session, seen by `as`, with one proposal (IRM-1/5) whose text facts the
 * domain reads as the server would: the consensus commands run through the real `decide`.
 */
export function consensusRoom(as: (typeof P)[keyof typeof P]) {
  const local = localRoom(as, { open: true });
  local.by(P.chair, {
    type: 'proposal.create',
    symbol: 'IRM-1/5',
    title: 'Bridging the digital divide',
    submittedBy: 'Kenya',
    baseText: 'Recognizing the digital divide\n\nInvites Member States to cooperate',
  });
  const proposalId = local.room.meeting.proposals.at(-1)!.id;
  local.room.ctx.text = factsOf(proposalId);
  return { ...local, proposalId };
}
