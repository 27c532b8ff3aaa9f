import { describe, expect, it } from 'vitest';
import type { Decision } from './decide';
import { evolve } from './evolve';
import { P, Room } from './fixtures';
import { textReadOnly } from './permissions';
import { draftChairSummary } from './summary';

const DRAFT = { title: "Chair's summary", submittedBy: 'Chair', text: '# Summary\n\n[Main points]' };

/** The room with the decision's events applied; throws on a refusal. */
function applied(room: Room, decision: Decision): void {
  if (!decision.ok) throw new Error(decision.error.message);
  for (const event of decision.events) {
    room.meeting = evolve(room.meeting, event);
    room.events.push(event);
  }
}

const refusalOf = (decision: Decision) => (decision.ok ? null : decision.error.code);

describe("the chair's summary", () => {
  it('is drafted by the officers and the secretariat as CS/1, CS/2…, never by a delegation', () => {
    const room = new Room({ openItem: true });
    applied(room, draftChairSummary(room.meeting, room.participant(P.secretariat), DRAFT, room.ctx));
    applied(room, draftChairSummary(room.meeting, room.participant(P.chair), DRAFT, room.ctx));
    expect(room.meeting.proposals.map((p) => [p.symbol, p.kind])).toEqual([
      ['CS/1', 'chair-summary'],
      ['CS/2', 'chair-summary'],
    ]);
    expect(refusalOf(draftChairSummary(room.meeting, room.participant(P.kenya), DRAFT, room.ctx))).toBe(
      'forbidden',
    );
  });

  it('stays in use once the meeting is closed: written, locked and agreed after the session', () => {
    const room = new Room({ openItem: true });
    room.must(P.kenya, {
      type: 'proposal.create',
      symbol: 'AFCP/1',
      title: 'A proposal',
      submittedBy: 'ATU',
    });
    room.must(P.chair, { type: 'meeting.close' });
    applied(room, draftChairSummary(room.meeting, room.participant(P.secretariat), DRAFT, room.ctx));
    const [proposal, summary] = room.meeting.proposals;
    const secretariat = room.participant(P.secretariat);
    expect(textReadOnly(room.meeting, secretariat, summary!)).toBeNull();
    expect(textReadOnly(room.meeting, secretariat, proposal!)).toBe('closed');
    room.must(P.secretariat, { type: 'proposal.setStatus', proposalId: summary!.id, status: 'agreed' });
    room.must(P.secretariat, { type: 'proposal.lock', proposalId: summary!.id });
    expect(room.meeting.proposals[1]).toMatchObject({ status: 'agreed', locked: true });
    const closed = room.run(P.secretariat, { type: 'proposal.lock', proposalId: proposal!.id });
    expect(refusalOf(closed)).toBe('conflict');
  });

  it('has symbols no proposal may take, so none passes for a draft', () => {
    const room = new Room({ openItem: true });
    for (const symbol of ['CS/1', 'cs/9', ' CS /2'])
      expect(
        refusalOf(room.run(P.kenya, { type: 'proposal.create', symbol, title: 'T', submittedBy: 'Chair' })),
        symbol,
      ).toBe('invalid');
    const [created] = room.must(P.kenya, {
      type: 'proposal.create',
      symbol: 'AFCP/1',
      title: 'T',
      submittedBy: 'ATU',
    });
    if (created?.type !== 'proposal.created') throw new Error('expected proposal.created');
    const renamed = room.run(P.kenya, {
      type: 'proposal.update',
      proposalId: created.proposal.id,
      symbol: 'CS/3',
    });
    expect(refusalOf(renamed)).toBe('invalid');
  });
});
