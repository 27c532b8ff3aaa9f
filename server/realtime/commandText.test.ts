import { describe, expect, it } from 'vitest';
import { type Ack, asId, type Meeting, type ProposalId, type TextFacts } from '../../shared';
import { evolve } from '../../shared/domain/evolve';
import { command, P, Room } from '../../shared/domain/fixtures';
import { draftChairSummary } from '../../shared/domain/summary';
import { commandWithText } from './commandText';
import type { TextFactsSource } from './textFactsSource';

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

/**
 * A source as the co-editing server is: it runs the step with the facts `answer` gives, noting which
 * proposals it read and whether the step ran inside its turn.
 */
function source(answer: (id: ProposalId) => TextFacts | undefined) {
  const reads: ProposalId[] = [];
  let inTurn = false;
  const read: TextFactsSource = async (id, step) => {
    reads.push(id);
    inTurn = true;
    try {
      return await step(answer(id));
    } finally {
      inTurn = false;
    }
  };
  return { reads, read, inTurn: () => inTurn };
}
const facts = (id: ProposalId): TextFacts => ({ proposalId: id, paragraphs: [] });
const OK: Ack = { ok: true, seq: 1 };

/** A submit that records what it was given and whether the source's turn was running then. */
function submitter(s: { inTurn: () => boolean }) {
  const calls: Array<{ text: TextFacts | undefined; inTurn: boolean }> = [];
  return {
    calls,
    submit: async (text: TextFacts | undefined) => {
      calls.push({ text, inTurn: s.inTurn() });
      return OK;
    },
  };
}

describe('commandWithText: the text is read only when the decision can use it, in the same turn', () => {
  const { m, ours: OURS, summary } = meeting();
  const ask = (proposalId: string) =>
    command({ type: 'consensus.ask', proposalId: proposalId as ProposalId });

  it('submits inside the turn that read the named proposal, for one who may send the command', async () => {
    const s = source(facts);
    const sub = submitter(s);
    expect(await commandWithText(m, P.chair, ask(OURS), s.read, sub.submit)).toBe(OK);
    expect(s.reads).toEqual([OURS]);
    expect(sub.calls).toEqual([{ text: facts(OURS), inTurn: true }]);
  });

  it.each([
    ['a delegate asks (forbidden)', P.france, ask(OURS)],
    ['a proposal of no meeting here', P.chair, ask('pr_elsewhere')],
    ["a chair's summary", P.chair, ask(summary)],
    ['a command that needs no text', P.chair, command({ type: 'meeting.suspend' })],
    ['someone who is not a participant', asId<never>('p_nobody'), ask(OURS)],
  ])('reads nothing for %s, and submits it without facts', async (_what, actor, cmd) => {
    const s = source(facts);
    const sub = submitter(s);
    expect(await commandWithText(m, actor, cmd, s.read, sub.submit)).toBe(OK);
    expect(s.reads).toEqual([]);
    expect(sub.calls).toEqual([{ text: undefined, inTurn: false }]);
  });

  it('submits without facts when the source read another proposal or could not read it', async () => {
    for (const answer of [() => facts(asId<ProposalId>('pr_other')), () => undefined]) {
      const s = source(answer);
      const sub = submitter(s);
      await commandWithText(m, P.chair, ask(OURS), s.read, sub.submit);
      expect(sub.calls).toEqual([{ text: undefined, inTurn: true }]);
    }
  });

  it("passes the submit's failure on to the caller", async () => {
    const s = source(facts);
    const failing = async () => {
      throw new Error('store down');
    };
    await expect(commandWithText(m, P.chair, ask(OURS), s.read, failing)).rejects.toThrow('store down');
  });
});
