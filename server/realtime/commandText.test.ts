import { describe, expect, it } from 'vitest';
import { asId, type Meeting, type ProposalId, type TextFacts } from '../../shared';
import { evolve } from '../../shared/domain/evolve';
import { command, P, Room } from '../../shared/domain/fixtures';
import { draftChairSummary } from '../../shared/domain/summary';
import { createLogger } from '../observability/logger';
import { textForCommand } from './commandText';

const log = createLogger('silent');

/** The demo meeting with a consensus text and a chair's summary, made as the chair makes them. */
function meeting(): { m: Meeting; ours: ProposalId; summary: ProposalId } {
  const room = new Room();
  room.must(P.chair, {
    type: 'proposal.create',
    symbol: 'IRM1/DT/1',
    title: 'Declaration',
    submittedBy: 'Chair',
  });
  const chair = room.participant(P.chair);
  const draft = { title: 'Summary', submittedBy: 'Chair', text: 'The meeting met.' };
  const drafted = draftChairSummary(room.meeting, chair, draft, room.ctx);
  if (!drafted.ok) throw new Error(drafted.error.message);
  const m = drafted.events.reduce(evolve, room.meeting);
  const [ours, summary] = m.proposals;
  expect(summary?.kind).toBe('chair-summary');
  return { m, ours: ours!.id, summary: summary!.id };
}

/** A source that counts its reads and answers the facts of whatever it is asked. */
function source(answer: (id: ProposalId) => Promise<TextFacts | undefined>) {
  const reads: ProposalId[] = [];
  return {
    reads,
    read: (id: ProposalId) => {
      reads.push(id);
      return answer(id);
    },
  };
}
const facts = (id: ProposalId): TextFacts => ({ proposalId: id, paragraphs: [] });

describe('textForCommand: the text is read only when the decision can use it', () => {
  const { m, ours: OURS, summary } = meeting();
  const ask = (proposalId: string) =>
    command({ type: 'consensus.ask', proposalId: proposalId as ProposalId });

  it('reads the named proposal of the meeting for one who may send the command', async () => {
    const s = source(async (id) => facts(id));
    expect(await textForCommand(m, P.chair, ask(OURS), s.read, log)).toEqual(facts(OURS));
    expect(s.reads).toEqual([OURS]);
  });

  it.each([
    ['a delegate asks (forbidden)', P.france, ask(OURS)],
    ['a proposal of no meeting here', P.chair, ask('pr_elsewhere')],
    ["a chair's summary", P.chair, ask(summary)],
    ['a command that needs no text', P.chair, command({ type: 'meeting.suspend' })],
    ['someone who is not a participant', asId<never>('p_nobody'), ask(OURS)],
  ])('reads nothing for %s', async (_what, actor, cmd) => {
    const s = source(async (id) => facts(id));
    expect(await textForCommand(m, actor, cmd, s.read, log)).toBeUndefined();
    expect(s.reads).toEqual([]);
  });

  it('answers undefined for facts of another proposal, and for a failed read', async () => {
    const other = source(async () => facts(asId<ProposalId>('pr_other')));
    expect(await textForCommand(m, P.chair, ask(OURS), other.read, log)).toBeUndefined();
    const failing = source(async () => {
      throw new Error('store down');
    });
    expect(await textForCommand(m, P.chair, ask(OURS), failing.read, log)).toBeUndefined();
  });
});
