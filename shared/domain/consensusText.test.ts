/**
 * Paragraph consensus on the text itself: statuses and their rules (brackets, reopening), numbered
 * revisions, interventions linked to paragraphs, the screen, text facts, the quotas and evolve.
 * Checks ("any objection?"): consensus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { asId, type ParticipantId, type ProposalId } from '../ids';
import type { CommandInput } from '../protocol/commands';
import { frozenParagraphIds, paragraphStatus } from './consensusDecide';
import { CONSENSUS_QUOTA, type ParagraphStatus } from './consensusModel';
import type { Decision } from './decide';
import type { ErrorCode } from './errors';
import { evolve } from './evolve';
import { askedCheck, consensusRoom, P, paragraphs, RES31, replayAll } from './fixtures';
import { draftChairSummary } from './summary';

type ConsensusRoom = ReturnType<typeof consensusRoom>;

const refused = (decision: Decision): ErrorCode | 'ok' => (decision.ok ? 'ok' : decision.error.code);
const messageOf = (decision: Decision) => (decision.ok ? '' : decision.error.message);

const setStatus = (
  room: ConsensusRoom,
  who: ParticipantId,
  paragraphId: string,
  status: ParagraphStatus,
  delegations?: string[],
) =>
  room.run(who, {
    type: 'paragraph.setStatus',
    proposalId: room.proposalId,
    paragraphId,
    status,
    delegations,
  });

describe('paragraph status', () => {
  it.each<[string, ParticipantId, boolean, ErrorCode | 'ok']>([
    ['the chair', P.chair, false, 'ok'],
    ['the presiding vice-chair', P.viceRcc, true, 'ok'],
    ['a vice-chair not presiding', P.viceRcc, false, 'forbidden'],
    ['the secretariat', P.secretariat, false, 'ok'],
    ['the author (a delegate)', P.france, false, 'forbidden'],
    ['a spokesperson', P.spokesCept, false, 'forbidden'],
    ['an observer', P.observer, false, 'forbidden'],
  ])('set by %s → %s', (_name, who, handed, expected) => {
    const room = consensusRoom();
    if (handed) room.must(P.chair, { type: 'presiding.handTo', participantId: who });
    expect(refused(setStatus(room, who, 'b1', 'agreed'))).toBe(expected);
    expect(paragraphStatus(room.meeting, room.proposalId, 'b1')).toBe(expected === 'ok' ? 'agreed' : 'open');
  });

  it.each<[string, ParticipantId, boolean, ErrorCode | 'ok']>([
    ['the chair', P.chair, false, 'ok'],
    ['the presiding vice-chair', P.viceRcc, true, 'ok'],
    ['the secretariat', P.secretariat, false, 'forbidden'],
  ])('reopening an agreed paragraph by %s → %s', (_name, who, handed, expected) => {
    const room = consensusRoom();
    if (handed) room.must(P.chair, { type: 'presiding.handTo', participantId: who });
    room.must(P.secretariat, {
      type: 'paragraph.setStatus',
      proposalId: room.proposalId,
      paragraphId: 'b3',
      status: 'agreed',
    });
    for (const status of ['open', 'ad-referendum'] as const) {
      const decision = setStatus(room, who, 'b3', status, ['Japan']);
      expect(refused(decision)).toBe(expected);
      if (expected !== 'ok')
        expect(messageOf(decision)).toMatch(/^only the presiding officer may reopen paragraph 3/);
      if (decision.ok) setStatus(room, who, 'b3', 'agreed');
    }
    // the read-only set follows: agreed again, or still agreed
    expect(frozenParagraphIds(room.meeting, room.proposalId)).toEqual(['b3']);
  });

  it('agreed ad referendum names the delegations, once each; open leaves no entry', () => {
    const room = consensusRoom();
    expect(refused(setStatus(room, P.chair, 'b1', 'ad-referendum'))).toBe('invalid');
    // A delegation of the meeting, as the meeting spells it; a name nobody registered is refused.
    const narnia = setStatus(room, P.chair, 'b1', 'ad-referendum', ['Japan', 'Narnia']);
    expect([refused(narnia), narnia.ok ? '' : narnia.error.message]).toEqual([
      'invalid',
      'Narnia is not a delegation of this meeting',
    ]);
    expect(refused(setStatus(room, P.chair, 'b1', 'ad-referendum', ['Japan', 'japan ', 'Brazil']))).toBe(
      'ok',
    );
    expect(room.meeting.consensus.paragraphs[room.proposalId]?.b1).toMatchObject({
      status: 'ad-referendum',
      delegations: ['Japan', 'Brazil'],
      setBy: P.chair,
      checkId: null,
    });
    // the same again changes nothing; other delegations do
    expect(setStatus(room, P.chair, 'b1', 'ad-referendum', ['Japan', 'Brazil'])).toEqual({
      ok: true,
      events: [],
    });
    expect(setStatus(room, P.chair, 'b1', 'ad-referendum', ['Brazil'])).toMatchObject({
      ok: true,
      events: [{}],
    });
    setStatus(room, P.secretariat, 'b1', 'open');
    expect(room.meeting.consensus.paragraphs[room.proposalId]).toEqual({});
    expect(setStatus(room, P.secretariat, 'b1', 'open')).toEqual({ ok: true, events: [] });
  });

  it('is not set while the paragraph is under a check', () => {
    const room = consensusRoom();
    askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'] }),
    );
    const decision = setStatus(room, P.chair, 'b1', 'agreed');
    expect([refused(decision), messageOf(decision)]).toEqual([
      'conflict',
      'paragraph 1 (“Recognizes the role of telecommunications/ICTs in emergencies”) is under an "any objection?" check: wait for its outcome',
    ]);
  });

  it('read-only: the agreed paragraphs and those under an open check, until reopened or ended', () => {
    const room = consensusRoom();
    setStatus(room, P.secretariat, 'b1', 'agreed');
    setStatus(room, P.secretariat, 'b4', 'ad-referendum', ['Japan']);
    const checkId = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b3'] }),
    );
    expect(frozenParagraphIds(room.meeting, room.proposalId).sort()).toEqual(['b1', 'b3']);
    expect(frozenParagraphIds(room.meeting, 'x_other' as typeof room.proposalId)).toEqual([]);
    room.must(P.kenya, { type: 'consensus.object', checkId });
    room.must(P.chair, { type: 'consensus.close', checkId });
    setStatus(room, P.chair, 'b1', 'open');
    expect(frozenParagraphIds(room.meeting, room.proposalId)).toEqual([]);
  });

  it('a paragraph the text does not have is not_found', () => {
    const room = consensusRoom();
    expect(refused(setStatus(room, P.chair, 'b77', 'agreed'))).toBe('not_found');
  });
});

describe('brackets', () => {
  const BRACKETED =
    'paragraph 2 (“Invites Member States to [consider] national emergency plans”) has 1 open square bracket: agree or remove the bracketed text first';

  it.each<[string, CommandInput['type'], ParagraphStatus | null]>([
    ['marked agreed', 'paragraph.setStatus', 'agreed'],
    ['marked agreed ad referendum', 'paragraph.setStatus', 'ad-referendum'],
    ['asked', 'consensus.ask', null],
  ])('a paragraph with brackets cannot be %s; the refusal names it', (_name, type, status) => {
    const room = consensusRoom();
    const decision =
      type === 'consensus.ask'
        ? room.run(P.chair, { type, proposalId: room.proposalId, paragraphIds: ['b1', 'b2'] })
        : setStatus(room, P.chair, 'b2', status!, ['Egypt']);
    expect([refused(decision), messageOf(decision)]).toEqual(['conflict', BRACKETED]);
    expect(room.meeting.consensus.checks).toEqual([]);
  });

  it('counts the brackets, and once they are gone it may be agreed', () => {
    const room = consensusRoom(paragraphs('Notes [the] [role] of ICTs'));
    expect(messageOf(setStatus(room, P.chair, 'b1', 'agreed'))).toContain('has 2 open square brackets');
    room.setText(room.proposalId, paragraphs('Notes the role of ICTs'));
    expect(refused(setStatus(room, P.chair, 'b1', 'agreed'))).toBe('ok');
  });

  it('a paragraph with brackets may still be reopened', () => {
    const room = consensusRoom(paragraphs('Notes the role'));
    setStatus(room, P.chair, 'b1', 'agreed');
    room.setText(room.proposalId, paragraphs('Notes [the] role'));
    expect(refused(setStatus(room, P.chair, 'b1', 'open'))).toBe('ok');
  });
});

/** One of each command that reads the text, on paragraph 1 of `proposalId`. */
const textCommands = (proposalId: string): CommandInput[] => [
  { type: 'consensus.ask', proposalId, paragraphIds: ['b1'] },
  { type: 'paragraph.setStatus', proposalId, paragraphId: 'b1', status: 'agreed' },
  { type: 'proposal.publishRevision', proposalId },
  { type: 'paragraph.linkIntervention', proposalId, paragraphId: 'b1' },
];

describe('what the text commands need', () => {
  it('the text unread → unavailable, and nothing changes', () => {
    const room = consensusRoom();
    room.giveTo(P.egypt);
    room.setText(room.proposalId, null);
    const before = room.meeting;
    for (const input of textCommands(room.proposalId)) {
      const decision = room.run(P.chair, input);
      expect([input.type, refused(decision)]).toEqual([input.type, 'unavailable']);
      expect(messageOf(decision)).toContain('nothing was changed');
    }
    expect(room.meeting).toBe(before);
  });

  it('an unknown proposal → not_found; a chair’s summary → conflict', () => {
    const room = consensusRoom();
    room.giveTo(P.egypt);
    for (const input of textCommands('x_bogus')) expect(refused(room.run(P.chair, input))).toBe('not_found');
    const draft = { title: "Chair's summary", submittedBy: 'Chair', text: 'Summary' };
    const summary = draftChairSummary(room.meeting, room.participant(P.chair), draft, room.ctx);
    if (!summary.ok) throw new Error(summary.error.message);
    room.apply(summary.events);
    const summaryId = room.meeting.proposals.find((p) => p.kind === 'chair-summary')!.id;
    room.setText(summaryId, paragraphs('Summary'));
    for (const input of textCommands(summaryId)) {
      const decision = room.run(P.chair, input);
      expect(messageOf(decision)).toBe("a chair's summary is not agreed paragraph by paragraph");
    }
  });

  it('a locked proposal is neither asked nor given statuses; its revision may still be published', () => {
    const room = consensusRoom();
    room.must(P.secretariat, { type: 'proposal.lock', proposalId: room.proposalId });
    const [ask, status, publish] = textCommands(room.proposalId).map((input) => room.run(P.chair, input));
    expect(messageOf(ask!)).toBe(
      'ECP/EUR/1 is locked: the presiding officer or the secretariat can unlock it',
    );
    expect(refused(status!)).toBe('conflict');
    expect(refused(publish!)).toBe('ok');
  });
});

describe('numbered revisions', () => {
  it('Rev.1, Rev.2… freeze the paragraph statuses of the moment', () => {
    const room = consensusRoom();
    setStatus(room, P.chair, 'b1', 'agreed');
    room.must(P.secretariat, { type: 'proposal.publishRevision', proposalId: room.proposalId });
    setStatus(room, P.secretariat, 'b3', 'ad-referendum', ['Japan']);
    room.setText(room.proposalId, [...RES31, { id: 'b9', number: 5, openBrackets: 0, excerpt: 'Decides' }]);
    room.must(P.chair, { type: 'proposal.publishRevision', proposalId: room.proposalId });
    const [rev1, rev2] = room.meeting.consensus.revisions[room.proposalId]!;
    expect(rev1).toMatchObject({
      number: 1,
      symbol: 'ECP/EUR/1/Rev.1',
      versionId: `v_rev1_${room.proposalId}`,
      publishedBy: P.secretariat,
    });
    expect(rev1?.paragraphs.map((p) => p.status)).toEqual(['agreed', 'open', 'open', 'open']);
    expect(rev2).toMatchObject({ number: 2, symbol: 'ECP/EUR/1/Rev.2', publishedBy: P.chair });
    expect(rev2?.paragraphs.map((p) => [p.id, p.number, p.status])).toEqual([
      ['b1', 1, 'agreed'],
      ['b2', 2, 'open'],
      ['b3', 3, 'ad-referendum'],
      ['b4', 4, 'open'],
      ['b9', 5, 'open'],
    ]);
  });

  it(`at most ${CONSENSUS_QUOTA.revisionsPerProposal} per proposal`, () => {
    const room = consensusRoom(paragraphs('One'));
    const publish = { type: 'proposal.publishRevision', proposalId: room.proposalId } as const;
    for (let i = 0; i < CONSENSUS_QUOTA.revisionsPerProposal; i++) room.must(P.secretariat, publish);
    const over = room.run(P.secretariat, publish);
    expect([refused(over), messageOf(over)]).toEqual([
      'rate_limited',
      'revision quota reached: at most 99 revisions per proposal',
    ]);
    expect(room.meeting.consensus.revisions[room.proposalId]?.at(-1)?.symbol).toBe('ECP/EUR/1/Rev.99');
  });
});

describe('interventions linked to the text', () => {
  const link = (room: ConsensusRoom, paragraphId: string, note?: string) =>
    room.run(P.secretariat, {
      type: 'paragraph.linkIntervention',
      proposalId: room.proposalId,
      paragraphId,
      note,
    });

  it('needs someone with the floor; links their intervention once per paragraph', () => {
    const room = consensusRoom();
    expect(messageOf(link(room, 'b2'))).toBe('nobody has the floor: a link is made while someone speaks');
    const requestId = room.giveTo(P.egypt);
    expect(refused(link(room, 'b2', 'proposed to add “and resilience”'))).toBe('ok');
    expect(room.meeting.consensus.links).toMatchObject([
      {
        proposalId: room.proposalId,
        paragraphId: 'b2',
        paragraphNumber: 2,
        requestId,
        participantId: P.egypt,
        delegation: 'Egypt',
        note: 'proposed to add “and resilience”',
        by: P.secretariat,
      },
    ]);
    const twice = link(room, 'b2');
    expect([refused(twice), messageOf(twice)]).toEqual([
      'conflict',
      'this intervention is linked to paragraph 2 (“Invites Member States to [consider] national emergency plans”) already',
    ]);
    expect(refused(link(room, 'b3'))).toBe('ok');
    expect(refused(link(room, 'b99'))).toBe('not_found');
    // the next speaker's intervention may be linked to the same paragraph
    room.giveTo(P.japan);
    expect(refused(link(room, 'b2'))).toBe('ok');
    expect(room.meeting.consensus.links).toHaveLength(3);
  });

  it('unlinking removes the link; twice is not_found', () => {
    const room = consensusRoom();
    room.giveTo(P.egypt);
    link(room, 'b1');
    const linkId = room.meeting.consensus.links[0]!.id;
    room.must(P.chair, { type: 'paragraph.unlinkIntervention', linkId });
    expect(room.meeting.consensus.links).toEqual([]);
    expect(refused(room.run(P.chair, { type: 'paragraph.unlinkIntervention', linkId }))).toBe('not_found');
  });

  it(`at most ${CONSENSUS_QUOTA.linksPerMeeting} links per meeting`, () => {
    const room = consensusRoom();
    room.giveTo(P.egypt);
    link(room, 'b1');
    // Filling 5000 links one by one would cost the suite seconds: the state says what the log would.
    const one = room.meeting.consensus.links[0]!;
    const links = Array.from({ length: CONSENSUS_QUOTA.linksPerMeeting }, (_, i) => ({
      ...one,
      id: `l_${i}`,
    }));
    room.meeting = {
      ...room.meeting,
      consensus: { ...room.meeting.consensus, links: links as (typeof one)[] },
    };
    expect(messageOf(link(room, 'b3'))).toBe(
      'link quota reached: at most 5000 intervention links per meeting',
    );
  });
});

describe('the screen', () => {
  it('shows a proposal following a paragraph, or nothing', () => {
    const room = consensusRoom();
    room.must(P.secretariat, { type: 'screen.show', proposalId: room.proposalId, paragraphId: 'b3' });
    expect(room.meeting.consensus.screen).toEqual({ proposalId: room.proposalId, paragraphId: 'b3' });
    room.must(P.secretariat, { type: 'screen.show', proposalId: room.proposalId });
    expect(room.meeting.consensus.screen).toEqual({ proposalId: room.proposalId, paragraphId: null });
    room.must(P.chair, { type: 'screen.show', proposalId: null, paragraphId: 'b1' });
    expect(room.meeting.consensus.screen).toBeNull();
    expect(refused(room.run(P.chair, { type: 'screen.show', proposalId: 'x_bogus' }))).toBe('not_found');
    expect(refused(room.run(P.kenya, { type: 'screen.show', proposalId: room.proposalId }))).toBe(
      'forbidden',
    );
  });
});

describe('quotas of checks', () => {
  it(`at most ${CONSENSUS_QUOTA.openSilence} silence procedures open at once`, () => {
    const many = Array.from({ length: CONSENSUS_QUOTA.openSilence + 1 }, (_, i) => `Paragraph ${i + 1}`);
    const room = consensusRoom(paragraphs(...many));
    const until = room.ctx.now + 7 * 86_400_000;
    const ask = (i: number) =>
      room.run(P.chair, {
        type: 'consensus.ask',
        proposalId: room.proposalId,
        paragraphIds: [`b${i}`],
        until,
      });
    for (let i = 1; i <= CONSENSUS_QUOTA.openSilence; i++) expect(refused(ask(i))).toBe('ok');
    const over = ask(CONSENSUS_QUOTA.openSilence + 1);
    expect([refused(over), messageOf(over)]).toEqual([
      'rate_limited',
      'at most 20 silence procedures may be open at once in a meeting',
    ]);
    // a check in the room is another matter
    room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b21'] });
  });

  it(`at most ${CONSENSUS_QUOTA.checksPerMeeting} checks per meeting, closed ones counted`, () => {
    const room = consensusRoom();
    // The count is the state's: set it near the limit rather than asking 2000 times.
    const consensus = { ...room.meeting.consensus, checksAsked: CONSENSUS_QUOTA.checksPerMeeting - 1 };
    room.meeting = { ...room.meeting, consensus };
    const ask = (paragraphId: string) =>
      room.run(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: [paragraphId] });
    const last = ask('b1');
    if (!last.ok) throw new Error(last.error.message);
    room.must(P.chair, { type: 'consensus.close', checkId: askedCheck(last.events) });
    const over = ask('b3');
    expect(messageOf(over)).toBe('check quota reached: at most 2000 checks per meeting');
  });

  it(`at most ${CONSENSUS_QUOTA.paragraphsPerCheck} paragraphs in one check`, () => {
    const many = Array.from({ length: CONSENSUS_QUOTA.paragraphsPerCheck + 1 }, (_, i) => `P${i}`);
    const room = consensusRoom(paragraphs(...many));
    const over = room.run(P.chair, { type: 'consensus.ask', proposalId: room.proposalId });
    expect([refused(over), messageOf(over)]).toEqual(['invalid', 'at most 500 paragraphs in one check']);
  });
});

describe('bounds of a text and of a meeting', () => {
  it(`a text of more than ${CONSENSUS_QUOTA.paragraphsPerText} paragraphs is not agreed paragraph by paragraph`, () => {
    const many = Array.from({ length: CONSENSUS_QUOTA.paragraphsPerText + 1 }, (_, i) => `P${i}`);
    const room = consensusRoom(paragraphs(...many));
    const commands: CommandInput[] = [
      { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'] },
      { type: 'paragraph.setStatus', proposalId: room.proposalId, paragraphId: 'b1', status: 'agreed' },
      { type: 'proposal.publishRevision', proposalId: room.proposalId },
    ];
    for (const command of commands) {
      const over = room.run(P.chair, command);
      expect([refused(over), messageOf(over)]).toEqual([
        'invalid',
        expect.stringMatching(/has 2001 paragraphs: at most 2000 are agreed paragraph by paragraph$/),
      ]);
    }
  });

  it(`at most ${CONSENSUS_QUOTA.revisionsPerMeeting} revisions in a meeting`, () => {
    const room = consensusRoom();
    const publish = { type: 'proposal.publishRevision', proposalId: room.proposalId } as const;
    room.must(P.secretariat, publish);
    // Just under the quota, as if other proposals held the rest.
    const [first] = room.meeting.consensus.revisions[room.proposalId]!;
    const others = Array.from({ length: CONSENSUS_QUOTA.revisionsPerMeeting - 1 }, () => first!);
    room.meeting = {
      ...room.meeting,
      consensus: {
        ...room.meeting.consensus,
        revisions: { [asId<ProposalId>('x_other')]: others, [room.proposalId]: [first!] },
      },
    };
    const over = room.run(P.secretariat, publish);
    expect([refused(over), messageOf(over)]).toEqual([
      'rate_limited',
      `revision quota reached: at most ${CONSENSUS_QUOTA.revisionsPerMeeting} revisions per meeting`,
    ]);
  });
});

describe('evolve', () => {
  it(`keeps every open check and the latest ${CONSENSUS_QUOTA.closedKept} closed ones`, () => {
    const room = consensusRoom(paragraphs('One', 'Two'));
    const silence = askedCheck(
      room.must(P.chair, {
        type: 'consensus.ask',
        proposalId: room.proposalId,
        paragraphIds: ['b2'],
        until: room.ctx.now + 86_400_000,
      }),
    );
    const closed = [];
    for (let i = 0; i < CONSENSUS_QUOTA.closedKept + 5; i++) {
      const checkId = askedCheck(
        room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'] }),
      );
      room.must(P.kenya, { type: 'consensus.object', checkId });
      room.must(P.chair, { type: 'consensus.close', checkId });
      closed.push(checkId);
    }
    const { checks, checksAsked } = room.meeting.consensus;
    expect(checksAsked).toBe(CONSENSUS_QUOTA.closedKept + 6);
    expect(checks.map((c) => c.id)).toEqual([silence, ...closed.slice(5)]);
    expect(replayAll(room.events)).toEqual(room.meeting);
  });

  it('replaying the log, or its JSON, gives the same state', () => {
    const room = consensusRoom();
    room.must(P.chair, { type: 'screen.show', proposalId: room.proposalId, paragraphId: 'b1' });
    const checkId = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1', 'b3'] }),
    );
    room.must(P.brazil, { type: 'consensus.object', checkId, reason: 'A comma' });
    room.must(P.brazil, { type: 'consensus.withdrawObjection', checkId });
    room.ctx.advance(30);
    room.closeDue();
    setStatus(room, P.secretariat, 'b4', 'ad-referendum', ['Japan']);
    room.giveTo(P.kazakhstan);
    room.must(P.secretariat, {
      type: 'paragraph.linkIntervention',
      proposalId: room.proposalId,
      paragraphId: 'b4',
    });
    room.must(P.secretariat, { type: 'proposal.publishRevision', proposalId: room.proposalId });
    setStatus(room, P.chair, 'b1', 'open');
    expect(room.meeting.consensus).toMatchObject({
      checksAsked: 1,
      paragraphs: { [room.proposalId]: { b3: { status: 'agreed' }, b4: { status: 'ad-referendum' } } },
      screen: { proposalId: room.proposalId, paragraphId: 'b1' },
    });
    expect(replayAll(room.events)).toEqual(room.meeting);
    expect(replayAll(JSON.parse(JSON.stringify(room.events)))).toEqual(room.meeting);
  });

  it('applies what the event says, and never mutates the state it is given', () => {
    const room = consensusRoom();
    const frozen = structuredClone(room.meeting);
    const next = evolve(room.meeting, {
      type: 'paragraph.statusSet',
      proposalId: room.proposalId,
      paragraphId: 'b2',
      paragraphNumber: 2,
      status: 'agreed',
      delegations: [],
      by: P.chair,
      at: room.ctx.now,
    });
    expect(room.meeting).toEqual(frozen);
    expect(paragraphStatus(next, room.proposalId, 'b2')).toBe('agreed');
  });
});
