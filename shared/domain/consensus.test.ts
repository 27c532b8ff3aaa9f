/**
 * "Is there any objection?": who may ask, object, withdraw and close; the window; the outcome; the
 * deadlines the scheduler applies (`closeDueChecks`); silence procedures. Statuses, revisions,
 * links and the screen: consensusText.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CheckId, ParticipantId } from '../ids';
import type { CommandInput } from '../protocol/commands';
import {
  closeDueChecks,
  frozenParagraphIds,
  nextCheckDeadline,
  openChecks,
  paragraphStatus,
} from './consensusDecide';
import { ROOM_CHECK_SECONDS, SILENCE_DEADLINE } from './consensusModel';
import type { Decision } from './decide';
import type { ErrorCode } from './errors';
import { askedCheck, consensusRoom, P, paragraphs, replayAll } from './fixtures';

type ConsensusRoom = ReturnType<typeof consensusRoom>;

const refused = (decision: Decision): ErrorCode | 'ok' => (decision.ok ? 'ok' : decision.error.code);
const messageOf = (decision: Decision) => (decision.ok ? '' : decision.error.message);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The chair asks on these paragraphs (default: paragraph 1) in the room, or until `until`. */
function ask(room: ConsensusRoom, more: { paragraphIds?: string[]; until?: number; seconds?: number } = {}) {
  return askedCheck(
    room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'], ...more }),
  );
}

const checkOf = (room: ConsensusRoom, id: CheckId) => room.meeting.consensus.checks.find((c) => c.id === id);

describe('who may ask, object, withdraw and close', () => {
  /** One of each role; `handed`: the chair has handed presiding to that vice-chair. */
  const ACTORS: [string, ParticipantId, boolean][] = [
    ['the chair', P.chair, false],
    ['a vice-chair', P.viceAtu, false],
    ['the presiding vice-chair', P.viceAtu, true],
    ['the secretariat', P.secretariat, false],
    ['a spokesperson', P.spokesLas, false],
    ['a delegate', P.kenya, false],
    ['an observer', P.observer, false],
  ];
  type Verb = 'ask' | 'object' | 'withdraw' | 'close';
  const MAY: Record<Verb, string[]> = {
    ask: ['the chair', 'the presiding vice-chair'],
    close: ['the chair', 'the presiding vice-chair'],
    object: ['a spokesperson', 'a delegate'],
    withdraw: ['a spokesperson', 'a delegate'],
  };
  const cases = (['ask', 'object', 'withdraw', 'close'] as const).flatMap((verb) =>
    ACTORS.map(([label, id, handed]) => ({ verb, label, id, handed, ok: MAY[verb].includes(label) })),
  );

  it.each(cases)('$verb by $label → $ok', ({ verb, id, handed, ok }) => {
    const room = consensusRoom();
    if (handed) room.must(P.chair, { type: 'presiding.handTo', participantId: id });
    const checkId = verb === 'ask' ? null : ask(room);
    let input: CommandInput;
    if (verb === 'ask') input = { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b4'] };
    else if (verb === 'object') input = { type: 'consensus.object', checkId: checkId! };
    else if (verb === 'close') input = { type: 'consensus.close', checkId: checkId! };
    else {
      // A delegation's objection stands: the actor's own when they may object, else Brazil's.
      room.must(ok ? id : P.brazil, { type: 'consensus.object', checkId: checkId! });
      input = { type: 'consensus.withdrawObjection', checkId: checkId! };
    }
    const before = room.meeting;
    expect(refused(room.run(id, input))).toBe(ok ? 'ok' : 'forbidden');
    if (!ok) expect(room.meeting).toBe(before);
  });

  it('a vice-chair no longer asks once the chair resumes presiding', () => {
    const room = consensusRoom();
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceAtu });
    const checkId = askedCheck(
      room.must(P.viceAtu, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'] }),
    );
    room.must(P.chair, { type: 'presiding.resume' });
    expect(refused(room.run(P.viceAtu, { type: 'consensus.close', checkId }))).toBe('forbidden');
    expect(checkOf(room, checkId)?.askedBy).toBe(P.viceAtu);
  });
});

describe('objections', () => {
  it('are taken until the window ends, not after', () => {
    const room = consensusRoom();
    const checkId = ask(room, { seconds: 10 });
    room.ctx.advance(9.999);
    room.must(P.egypt, { type: 'consensus.object', checkId, reason: '  needs more time  ' });
    expect(checkOf(room, checkId)?.objections).toMatchObject([
      { delegation: 'Egypt', reason: 'needs more time' },
    ]);
    room.ctx.advance(0.001);
    const late = room.run(P.kenya, { type: 'consensus.object', checkId });
    expect([refused(late), messageOf(late)]).toEqual(['conflict', 'the time for objections has ended']);
    expect(refused(room.run(P.egypt, { type: 'consensus.withdrawObjection', checkId }))).toBe('conflict');
  });

  it('one per delegation: a second member is refused, and either member withdraws it', () => {
    const room = consensusRoom();
    const checkId = ask(room);
    room.must(P.kenya, { type: 'consensus.object', checkId });
    const again = room.run(P.kenya2, { type: 'consensus.object', checkId, reason: 'also' });
    expect(refused(again)).toBe('conflict');
    expect(messageOf(again)).toContain('Kenya has objected already');
    const [withdrawn] = room.must(P.kenya2, { type: 'consensus.withdrawObjection', checkId });
    expect(withdrawn).toMatchObject({ delegation: 'Kenya', participantId: P.kenya2 });
    expect(checkOf(room, checkId)?.objections).toEqual([]);
    expect(refused(room.run(P.kenya, { type: 'consensus.withdrawObjection', checkId }))).toBe('not_found');
    // withdrawn, the delegation may object again
    room.must(P.kenya, { type: 'consensus.object', checkId });
  });

  it('an unknown check is not_found, and a closed one is over', () => {
    const room = consensusRoom();
    const checkId = ask(room);
    room.must(P.chair, { type: 'consensus.close', checkId });
    expect(refused(room.run(P.kenya, { type: 'consensus.object', checkId: 'k_bogus' }))).toBe('not_found');
    expect(refused(room.run(P.kenya, { type: 'consensus.object', checkId }))).toBe('conflict');
    expect(refused(room.run(P.chair, { type: 'consensus.close', checkId }))).toBe('conflict');
    expect(refused(room.run(P.chair, { type: 'consensus.close', checkId: 'k_bogus' }))).toBe('not_found');
  });
});

describe('the outcome of a check', () => {
  it('no objection at the deadline: agreed, decided by the one who asked', () => {
    const room = consensusRoom();
    const checkId = ask(room, { paragraphIds: ['b3', 'b1'] });
    expect(checkOf(room, checkId)).toMatchObject({ paragraphIds: ['b1', 'b3'], paragraphNumbers: [1, 3] });
    room.ctx.advance(ROOM_CHECK_SECONDS.default);
    const [closed] = room.closeDue();
    expect(closed).toMatchObject({
      type: 'consensus.closed',
      outcome: 'agreed',
      closedBy: null,
      early: false,
    });
    expect(room.meeting.consensus.paragraphs[room.proposalId]).toMatchObject({
      b1: { status: 'agreed', setBy: P.chair, checkId },
      b3: { status: 'agreed', setBy: P.chair, checkId },
    });
    expect(paragraphStatus(room.meeting, room.proposalId, 'b4')).toBe('open');
  });

  it('closed early by the presiding officer: agreed as their decision, at that time', () => {
    const room = consensusRoom();
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceCept });
    const checkId = ask(room);
    room.ctx.advance(5);
    const [closed] = room.must(P.viceCept, { type: 'consensus.close', checkId });
    expect(closed).toMatchObject({
      closedBy: P.viceCept,
      early: true,
      closedAt: room.ctx.now,
      outcome: 'agreed',
    });
    expect(room.meeting.consensus.paragraphs[room.proposalId]?.b1).toMatchObject({ setBy: P.viceCept });
  });

  it('with objections: the paragraphs stay as they were, the objections listed', () => {
    const room = consensusRoom();
    room.must(P.secretariat, {
      type: 'paragraph.setStatus',
      proposalId: room.proposalId,
      paragraphId: 'b3',
      status: 'ad-referendum',
      delegations: ['Japan'],
    });
    const before = room.meeting.consensus.paragraphs;
    const checkId = ask(room, { paragraphIds: ['b1', 'b3'] });
    room.must(P.spokesLas, { type: 'consensus.object', checkId, reason: 'Arab Group to consult' });
    room.must(P.brazil, { type: 'consensus.object', checkId });
    room.ctx.advance(30);
    const [closed] = room.closeDue();
    const objections = [
      { delegation: 'Arab Group', reason: 'Arab Group to consult', participantId: P.spokesLas },
      { delegation: 'Brazil', reason: '' },
    ];
    expect(closed).toMatchObject({ outcome: 'objected', paragraphIds: ['b1', 'b3'], objections });
    expect(checkOf(room, checkId)?.result).toMatchObject({ outcome: 'objected', objections });
    expect(room.meeting.consensus.paragraphs).toEqual(before);
    expect(frozenParagraphIds(room.meeting, room.proposalId)).toEqual([]);
  });

  it('applied late (the server was down): closed at the deadline, applied now', () => {
    const room = consensusRoom();
    const checkId = ask(room, { seconds: 10 });
    const endsAt = checkOf(room, checkId)!.endsAt;
    room.ctx.advance(3600);
    expect(room.closeDue()).toMatchObject([{ closedAt: endsAt, appliedAt: room.ctx.now, closedBy: null }]);
  });
});

describe('closeDueChecks and nextCheckDeadline', () => {
  it('ends nothing before the deadline, everything due at it, and nothing twice', () => {
    const room = consensusRoom();
    const inRoom = ask(room, { seconds: 30 });
    const silence = ask(room, { paragraphIds: ['b3'], until: room.ctx.now + 2 * HOUR });
    const endsAt = checkOf(room, inRoom)!.endsAt;
    expect(nextCheckDeadline(room.meeting)).toBe(endsAt);
    room.ctx.set(endsAt - 1);
    expect(closeDueChecks(room.meeting, room.ctx.now)).toEqual([]);
    room.ctx.set(endsAt);
    expect(room.closeDue().map((e) => e.type === 'consensus.closed' && e.checkId)).toEqual([inRoom]);
    expect(closeDueChecks(room.meeting, room.ctx.now)).toEqual([]);
    expect(nextCheckDeadline(room.meeting)).toBe(checkOf(room, silence)!.endsAt);
    room.ctx.advance(3 * 3600);
    expect(room.closeDue()).toHaveLength(1);
    expect(closeDueChecks(room.meeting, room.ctx.now)).toEqual([]);
    expect(nextCheckDeadline(room.meeting)).toBeNull();
    expect(openChecks(room.meeting)).toEqual([]);
  });

  it('two checks due at once end together', () => {
    const room = consensusRoom();
    ask(room, { seconds: 10 });
    ask(room, { paragraphIds: ['b3'], until: room.ctx.now + HOUR });
    room.ctx.advance(2 * 3600);
    expect(room.closeDue()).toHaveLength(2);
  });

  it('an archived meeting has nothing due and no deadline to wake for', () => {
    const room = consensusRoom();
    ask(room, { seconds: 10 });
    const archived = { ...room.meeting, archived: true };
    expect(closeDueChecks(archived, room.ctx.now + DAY)).toEqual([]);
    expect(nextCheckDeadline(archived)).toBeNull();
  });
});

describe('asking', () => {
  it('one check in the room at a time; a silence procedure alongside is fine', () => {
    const room = consensusRoom();
    const first = ask(room);
    const second = room.run(P.chair, {
      type: 'consensus.ask',
      proposalId: room.proposalId,
      paragraphIds: ['b3'],
    });
    expect(refused(second)).toBe('conflict');
    ask(room, { paragraphIds: ['b3'], until: room.ctx.now + DAY });
    room.must(P.chair, { type: 'consensus.close', checkId: first });
    ask(room, { paragraphIds: ['b4'] });
  });

  it('a paragraph under another check, or agreed already, is refused by name', () => {
    const room = consensusRoom();
    ask(room, { paragraphIds: ['b3'], until: room.ctx.now + DAY });
    const twice = room.run(P.chair, {
      type: 'consensus.ask',
      proposalId: room.proposalId,
      paragraphIds: ['b3'],
    });
    expect([refused(twice), messageOf(twice)]).toEqual([
      'conflict',
      'paragraph 3 (“Instructs the Director of BDT to assist Member States”) is under another check already',
    ]);
    expect(frozenParagraphIds(room.meeting, room.proposalId)).toEqual(['b3']);
    room.ctx.set(room.ctx.now + DAY);
    room.closeDue();
    const agreed = room.run(P.chair, {
      type: 'consensus.ask',
      proposalId: room.proposalId,
      paragraphIds: ['b3'],
    });
    expect(messageOf(agreed)).toMatch(/^paragraph 3 .* is agreed already$/);
  });

  it('the whole proposal: every paragraph not agreed yet, and none with brackets', () => {
    const room = consensusRoom(paragraphs('One', 'Two', 'Three'));
    room.must(P.chair, {
      type: 'paragraph.setStatus',
      proposalId: room.proposalId,
      paragraphId: 'b2',
      status: 'agreed',
    });
    const checkId = askedCheck(room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId }));
    expect(checkOf(room, checkId)?.paragraphIds).toEqual(['b1', 'b3']);
    room.must(P.chair, { type: 'consensus.close', checkId });
    const all = room.run(P.chair, { type: 'consensus.ask', proposalId: room.proposalId });
    expect(messageOf(all)).toBe('every paragraph of ECP/EUR/1 is agreed already');

    const bracketed = consensusRoom();
    const whole = bracketed.run(P.chair, { type: 'consensus.ask', proposalId: bracketed.proposalId });
    expect(refused(whole)).toBe('conflict');
    expect(messageOf(whole)).toContain(
      'paragraph 2 (“Invites Member States to [consider] national emergency plans”)',
    );
    expect(messageOf(whole)).toContain('1 open square bracket');

    const empty = consensusRoom([]);
    expect(messageOf(empty.run(P.chair, { type: 'consensus.ask', proposalId: empty.proposalId }))).toBe(
      'ECP/EUR/1 has no paragraphs to agree yet',
    );
  });

  it('a paragraph the text no longer has is not_found', () => {
    const room = consensusRoom();
    const gone = room.run(P.chair, {
      type: 'consensus.ask',
      proposalId: room.proposalId,
      paragraphIds: ['b1', 'b9'],
    });
    expect(refused(gone)).toBe('not_found');
  });

  it('in the room only while the meeting is open; a silence procedure also while suspended', () => {
    const room = consensusRoom();
    room.must(P.chair, { type: 'meeting.suspend' });
    expect(refused(room.run(P.chair, { type: 'consensus.ask', proposalId: room.proposalId }))).toBe(
      'conflict',
    );
    const checkId = ask(room, { until: room.ctx.now + DAY });
    room.must(P.japan, { type: 'consensus.object', checkId });
    room.must(P.japan, { type: 'consensus.withdrawObjection', checkId });
  });

  it.each<[string, ErrorCode | 'ok', number]>([
    ['59 minutes', 'invalid', HOUR - 60_000],
    ['1 hour', 'ok', SILENCE_DEADLINE.minMs],
    ['14 days', 'ok', 14 * DAY],
    ['90 days', 'ok', SILENCE_DEADLINE.maxMs],
    ['90 days and 1 ms', 'invalid', SILENCE_DEADLINE.maxMs + 1],
    ['in the past', 'invalid', -HOUR],
  ])('a silence procedure ending in %s → %s', (_name, expected, ahead) => {
    const room = consensusRoom();
    const until = room.ctx.now + ahead;
    const decision = room.run(P.chair, {
      type: 'consensus.ask',
      proposalId: room.proposalId,
      paragraphIds: ['b1'],
      until,
    });
    expect(refused(decision)).toBe(expected);
    if (expected === 'ok')
      expect(openChecks(room.meeting)).toMatchObject([{ procedure: 'silence', endsAt: until }]);
  });

  it('a window of the seconds asked, the default otherwise', () => {
    const room = consensusRoom();
    const short = ask(room, { seconds: ROOM_CHECK_SECONDS.min });
    expect(checkOf(room, short)?.endsAt).toBe(room.ctx.now + ROOM_CHECK_SECONDS.min * 1000);
    room.must(P.chair, { type: 'consensus.close', checkId: short });
    const usual = ask(room, { paragraphIds: ['b3'] });
    expect(checkOf(room, usual)).toMatchObject({
      procedure: 'room',
      endsAt: room.ctx.now + ROOM_CHECK_SECONDS.default * 1000,
    });
  });
});

describe('a silence procedure', () => {
  it('runs past meeting.close and applies at its deadline', () => {
    const room = consensusRoom();
    const until = room.ctx.now + 10 * DAY;
    const checkId = ask(room, { paragraphIds: ['b1', 'b4'], until });
    const inRoom = ask(room, { paragraphIds: ['b3'] });
    room.must(P.kenya, { type: 'consensus.object', checkId: inRoom });
    expect(refused(room.run(P.chair, { type: 'meeting.close' }))).toBe('conflict');
    room.must(P.chair, { type: 'consensus.close', checkId: inRoom });
    expect(checkOf(room, inRoom)?.result).toMatchObject({
      outcome: 'objected',
      closedBy: P.chair,
      early: true,
    });
    expect(room.must(P.chair, { type: 'meeting.close' }).map((e) => e.type)).toEqual(['meeting.closed']);
    room.ctx.advance(5 * 86_400);
    room.must(P.france, { type: 'consensus.object', checkId });
    room.must(P.france, { type: 'consensus.withdrawObjection', checkId });
    expect(room.closeDue()).toEqual([]);
    room.ctx.set(until);
    expect(room.closeDue()).toMatchObject([{ checkId, outcome: 'agreed' }]);
    expect(frozenParagraphIds(room.meeting, room.proposalId).sort()).toEqual(['b1', 'b4']);
    expect(replayAll(room.events)).toEqual(room.meeting);
  });
});
