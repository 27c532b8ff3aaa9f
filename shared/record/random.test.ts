/**
 * The record is a pure function of the log: ~200 seeded random sessions (commands through `decide`,
 * presence, the secretariat's changes, random time between them), each checked for determinism,
 * incremental folding and the record's invariants. A failure names its seed; `RECORD_SEED=n` runs
 * that one alone.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../domain/decide';
import type { StoredEvent } from '../domain/events';
import { P } from '../domain/fixtures';
import { FLOOR_KINDS, type Meeting, PROPOSAL_STATUSES, REGIONS } from '../domain/model';
import type { Actor } from '../domain/permissions';
import { addParticipant, removeParticipant, updateParticipant } from '../domain/secretariat';
import type { ItemId, ParticipantId, ProposalId } from '../ids';
import type { CommandInput } from '../protocol/commands';
import { buildRecord, RecordFold } from './fold';
import type { MeetingRecord, RecordIntervention, SpeakingShare, SpeakingShares } from './model';
import { TestLog } from './testLog';

const SEEDS = 200;

/** A small seeded generator (mulberry32): the same seed, the same session, on any machine. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(list: readonly T[]): T | undefined => list[int(list.length)],
  };
}
type Random = ReturnType<typeof seeded>;

const secretariat: Actor = { id: P.secretariat, role: 'secretariat' };

/** What a step may act on, drawn before the step is chosen. */
interface StepContext {
  log: TestLog;
  random: Random;
  meeting: Meeting;
  /** A command of the presiding officer (the chair, or the vice-chair presiding for them). */
  preside: (input: CommandInput) => void;
  someone: ParticipantId;
  item: ItemId | undefined;
  proposal: ProposalId | undefined;
}

/** The steps of a session and how often each comes: mostly the floor, then presence, the agenda, people, texts. */
const STEPS: [weight: number, step: (s: StepContext) => void][] = [
  [
    22,
    (s) => s.preside({ type: 'floor.request', kind: s.random.pick(FLOOR_KINDS)!, participantId: s.someone }),
  ],
  [
    14,
    (s) =>
      s.preside({ type: 'floor.next', confirmOffline: s.random.chance(0.5), suspend: s.random.chance(0.5) }),
  ],
  [
    8,
    (s) => {
      const request = s.random.pick(s.meeting.floor.queue);
      if (request)
        s.preside({
          type: 'floor.give',
          requestId: request.id,
          confirmOffline: true,
          suspend: s.random.chance(0.5),
        });
    },
  ],
  [10, (s) => s.preside({ type: 'floor.end' })],
  [3, (s) => s.preside({ type: 'floor.endSuspended' })],
  [2, (s) => s.preside({ type: 'floor.extend', seconds: 60 })],
  [2, (s) => s.preside({ type: 'floor.close' })],
  [1, (s) => s.preside({ type: 'floor.reopen' })],
  [5, (s) => s.item && s.preside({ type: 'agenda.open', itemId: s.item })],
  [2, (s) => s.item && s.preside({ type: 'agenda.conclude', itemId: s.item, outcome: 'Noted.' })],
  [2, (s) => s.item && s.preside({ type: 'agenda.defer', itemId: s.item })],
  [1, (s) => s.item && s.preside({ type: 'agenda.remove', itemId: s.item })],
  [
    1,
    (s) => {
      const removed = s.random.pick(s.meeting.recentlyRemoved.items);
      if (removed) s.preside({ type: 'agenda.restore', itemId: removed.item.id });
    },
  ],
  [1, (s) => s.preside({ type: 'agenda.add', title: 'Further item', plannedMinutes: s.random.int(3) * 5 })],
  [2, (s) => s.preside({ type: s.random.chance(0.5) ? 'meeting.suspend' : 'meeting.resume' })],
  [1, (s) => s.preside({ type: 'meeting.open' })],
  [0.2, (s) => s.preside({ type: 'meeting.close' })],
  [
    9,
    (s) => {
      // The server writes presence only when it changes, and only for the meeting's participants.
      const who = s.random.pick(s.meeting.participants);
      if (who)
        s.log.push({
          type: who.online ? 'participant.offline' : 'participant.online',
          participantId: who.id,
        });
    },
  ],
  [1, (s) => acceptIfOk(s.log, removeParticipant(s.meeting, secretariat, s.someone, s.log.ctx))],
  [
    1,
    (s) => {
      const spokesperson = s.meeting.participants.find((p) => p.role === 'spokesperson');
      if (spokesperson)
        acceptIfOk(s.log, updateParticipant(s.meeting, secretariat, spokesperson.id, { role: 'delegate' }));
    },
  ],
  [
    1,
    (s) => {
      const body = {
        name: 'Late delegate',
        delegation: `State ${s.random.int(5)}`,
        role: 'delegate',
      } as const;
      acceptIfOk(
        s.log,
        addParticipant(s.meeting, { ...body, region: s.random.pick(REGIONS)! }, s.log.ctx, secretariat),
      );
    },
  ],
  [
    3,
    (s) => {
      const symbol = `DOC/${s.meeting.proposals.length + 1}`;
      const linked = s.item ? { itemId: s.item } : {};
      s.preside({ type: 'proposal.create', symbol, title: symbol, submittedBy: 'CEPT', ...linked });
    },
  ],
  [
    3,
    (s) =>
      s.proposal &&
      s.preside({
        type: 'proposal.setStatus',
        proposalId: s.proposal,
        status: s.random.pick(PROPOSAL_STATUSES)!,
      }),
  ],
  [
    2,
    (s) =>
      s.proposal &&
      s.preside({ type: s.random.chance(0.5) ? 'proposal.lock' : 'proposal.unlock', proposalId: s.proposal }),
  ],
  [
    1,
    (s) => {
      const vice = s.random.pick(s.meeting.participants.filter((p) => p.role === 'vice-chair'));
      if (vice) s.preside({ type: 'presiding.handTo', participantId: vice.id });
    },
  ],
  [1, (s) => s.log.run(P.chair, { type: 'presiding.resume' })],
];
const TOTAL_WEIGHT = STEPS.reduce((sum, [weight]) => sum + weight, 0);

/** A decision made outside `decide` (the secretariat's), applied if accepted; refusals are part of the game. */
function acceptIfOk(log: TestLog, decision: Decision): void {
  if (decision.ok) log.accept(decision);
}

/** One random step; a refused command is a step too (it leaves nothing in the log). */
function step(log: TestLog, random: Random): void {
  const meeting = log.meeting;
  const presiding = meeting.presidingParticipantId ?? P.chair;
  const context: StepContext = {
    log,
    random,
    meeting,
    preside: (input) => log.run(presiding, input),
    someone: random.pick(meeting.participants)?.id ?? P.chair,
    item: random.pick(meeting.agenda)?.id,
    proposal: random.pick(meeting.proposals)?.id,
  };
  let roll = random.int(TOTAL_WEIGHT * 10) / 10;
  for (const [weight, chosen] of STEPS) {
    roll -= weight;
    if (roll < 0) return chosen(context);
  }
}

/** A random session: 50 to 300 steps, 0 to 2 minutes apart (often none: several events in one millisecond). */
function randomLog(seed: number): TestLog {
  const random = seeded(seed);
  const offline = Object.values(P).filter(() => random.chance(0.3));
  const log = new TestLog({ open: random.chance(0.9), openItem: random.chance(0.5), offline });
  const steps = 50 + random.int(251);
  for (let i = 0; i < steps; i++) {
    log.advance(random.chance(0.2) ? 0 : random.int(121));
    step(log, random);
  }
  return log;
}

const ms = (time: string | null): number => (time === null ? Number.POSITIVE_INFINITY : Date.parse(time));

/**
 * A check in the invariants' loops: `expect` costs microseconds a call, and the loops make
 * thousands per session; the message says what was wrong, and the seed is added by the caller.
 */
function ensure(holds: boolean, what: () => string): void {
  if (!holds) throw new Error(what());
}

/** Stretches of time in order, none overlapping, only the last one still running. */
/** Stretches of time in order, none overlapping, only the last one still running. */
function ensureOrderedStretches(stretches: { from: string; to: string | null }[], what: string): void {
  stretches.forEach(({ from, to }, i) => {
    ensure(ms(from) <= ms(to), () => `${what}: ${from} to ${to} ends before it starts`);
    const next = stretches[i + 1];
    if (next) ensure(to !== null && ms(to) <= ms(next.from), () => `${what}: ${to} overlaps ${next.from}`);
  });
}

function ensureWellFormed(i: RecordIntervention): void {
  const what = `intervention ${i.interventionId}`;
  ensure(i.parts.length > 0, () => `${what} has no parts`);
  ensure(
    i.startedAt === i.parts[0]!.startedAt && i.endedAt === i.parts.at(-1)!.endedAt,
    () => `${what}: its start and end are not its parts'`,
  );
  ensureOrderedStretches(
    i.parts.map((p) => ({ from: p.startedAt, to: p.endedAt })),
    what,
  );
  ensure(i.durationSeconds >= 0, () => `${what} lasted ${i.durationSeconds} s`);
  ensure(
    i.overrunSeconds === Math.max(0, i.durationSeconds - i.limitSeconds),
    () => `${what}: overrun ${i.overrunSeconds}`,
  );
  ensure(
    i.suspended === (i.parts.length > 1 || i.endedWhileSuspended),
    () => `${what}: suspended ${i.suspended}`,
  );
  ensure(
    i.onBehalfOf === null || i.speaker.rto === i.onBehalfOf || i.speaker.role !== 'spokesperson',
    () => `${what}: on behalf of ${i.onBehalfOf}`,
  );
}

/** One split's sums are the scope's: every second and intervention counted once, shares summing to 1. */
function ensureSplitSums(split: SpeakingShare<string>[], spoken: RecordIntervention[], what: string): void {
  const seconds = spoken.reduce((sum, i) => sum + i.durationSeconds, 0);
  ensure(
    split.reduce((sum, s) => sum + s.seconds, 0) === seconds,
    () => `${what}: seconds do not add up to ${seconds}`,
  );
  ensure(
    split.reduce((sum, s) => sum + s.interventions, 0) === spoken.length,
    () => `${what}: interventions do not add up`,
  );
  const shares = split.reduce((sum, s) => sum + s.speakingShare, 0);
  // Each share is rounded to 4 decimals: the sum is 1 to half a unit of the 4th decimal per key.
  const tolerance = 0.00005 * split.length + 1e-9;
  ensure(
    seconds > 0 ? Math.abs(shares - 1) <= tolerance : shares === 0,
    () => `${what}: shares sum to ${shares}`,
  );
}

function ensureShares(shares: SpeakingShares, spoken: RecordIntervention[], what: string): void {
  ensureSplitSums(shares.byRegion, spoken, `${what} by region`);
  ensureSplitSums(shares.byRto, spoken, `${what} by RTO`);
  ensureSplitSums(shares.byDelegation, spoken, `${what} by delegation`);
  for (let k = 1; k < shares.byDelegation.length; k++) {
    const [a, b] = [shares.byDelegation[k - 1]!, shares.byDelegation[k]!];
    ensure(
      a.seconds > b.seconds || (a.seconds === b.seconds && a.key < b.key),
      () => `${what}: ${a.key} before ${b.key}`,
    );
  }
}

/** What holds of every record, whatever the log. */
function expectInvariants(record: MeetingRecord, meeting: Meeting): void {
  // Every intervention of the meeting, exactly once, in the order they started.
  const listed = [...record.items.flatMap((i) => i.interventions), ...record.outsideAgenda];
  expect(listed.map((i) => i.interventionId).sort()).toEqual(meeting.interventions.map((i) => i.id).sort());
  for (const list of [...record.items.map((i) => i.interventions), record.outsideAgenda]) {
    for (let k = 1; k < list.length; k++) {
      const [a, b] = [list[k - 1]!, list[k]!];
      ensure(
        ms(a.startedAt) <= ms(b.startedAt),
        () => `${a.interventionId} listed before ${b.interventionId}`,
      );
    }
  }
  listed.forEach(ensureWellFormed);

  expect(record.items.map((i) => i.itemId)).toEqual(meeting.agenda.map((i) => i.id));
  let stillOpen = 0;
  for (const item of record.items) {
    const what = `item ${item.itemId}`;
    ensure(item.spentSeconds >= 0, () => `${what}: spent ${item.spentSeconds} s`);
    ensure(
      item.overPlan === (item.plannedMinutes > 0 && item.spentSeconds > item.plannedMinutes * 60),
      () => `${what}: overPlan`,
    );
    ensure(
      item.pointsOfOrder === item.interventions.filter((i) => i.kind === 'point_of_order').length,
      () => `${what}: points of order`,
    );
    ensure(
      item.replies === item.interventions.filter((i) => i.kind === 'reply').length,
      () => `${what}: replies`,
    );
    ensureOrderedStretches(
      item.sessions.map((s) => ({ from: s.openedAt, to: s.endedAt })),
      what,
    );
    ensure(item.openedAt === (item.sessions[0]?.openedAt ?? null), () => `${what}: first opened`);
    ensure(
      item.sessions.every((s) => (s.endedAt === null) === (s.ended === null)),
      () => `${what}: how a session ended`,
    );
    if (item.sessions.at(-1)?.endedAt === null) {
      stillOpen++;
      ensure(item.itemId === meeting.currentItemId, () => `${what} is still open, not current`);
    }
  }
  ensure(stillOpen <= 1, () => `${stillOpen} items still open`);

  const { attendance } = record;
  const asOf = ms(record.meeting.asOf);
  for (const row of attendance.participants) {
    const what = `attendance of ${row.person.participantId}`;
    const sessions = row.sessions.map((s) => ({ from: s.joinedAt, to: s.leftAt }));
    ensureOrderedStretches(sessions, what);
    ensure(
      !row.removed || row.sessions.every((s) => s.leftAt !== null),
      () => `${what}: removed, still connected`,
    );
    // The clock moves in whole seconds here, so the sessions' times are exact and so is their sum.
    const seconds = sessions.reduce((sum, s) => sum + (Math.min(ms(s.to), asOf) - ms(s.from)) / 1000, 0);
    ensure(row.totalSeconds === seconds, () => `${what}: ${row.totalSeconds} s, not ${seconds}`);
  }
  for (const counts of [attendance.byRegion, attendance.byRto, attendance.byCategory]) {
    expect(counts.reduce((sum, c) => sum + c.registered, 0)).toBe(attendance.totals.registered);
    expect(counts.reduce((sum, c) => sum + c.attended, 0)).toBe(attendance.totals.attended);
  }

  expect(record.speakingTime.totalSeconds).toBe(listed.reduce((sum, i) => sum + i.durationSeconds, 0));
  ensureShares(record.speakingTime.meeting, listed, 'the meeting');
  expect(record.speakingTime.perItem.map((s) => s.itemId)).toEqual(record.items.map((i) => i.itemId));
  record.speakingTime.perItem.forEach((shares, k) => {
    ensureShares(shares, record.items[k]!.interventions, `item ${shares.itemId}`);
  });
}

/**
 * Deep and strict equality (no undefined for a missing key, no NaN for a number), at Node's speed:
 * Vitest's `toStrictEqual` takes milliseconds on a record, and is asked only for the diff.
 */
function expectDeepEqual(actual: unknown, expected: unknown, what: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual, what).toStrictEqual(expected);
  throw new Error(`${what}: not deep-strict-equal`);
}

/** The same JSON, byte for byte; where they differ, said briefly (records run to tens of kB). */
function expectSameJson(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 80), at + 80);
  throw new Error(`${what}: the JSON differs at ${at}:\n  ${around(actual)}\nnot\n  ${around(expected)}`);
}

/** Everything the record must be of one log, built in every way the server builds it. */
function checkLog(log: TestLog, random: Random): void {
  const events: StoredEvent[] = log.stored();
  const record = buildRecord(events);
  const json = JSON.stringify(record);

  // Pure: built again, the same record, byte for byte; and it survives JSON.
  const again = buildRecord(events);
  expectDeepEqual(again, record, 'built twice');
  expectSameJson(JSON.stringify(again), json, 'built twice');
  expectDeepEqual(JSON.parse(json), record, 'through JSON');

  // Incremental equals from scratch: a prefix, a record taken, then the rest.
  const cut = 1 + random.int(events.length);
  const fold = new RecordFold();
  for (const stored of events.slice(0, cut)) fold.apply(stored);
  const early = fold.record();
  const earlyJson = JSON.stringify(early);
  expect(early?.meeting.lastSeq).toBe(cut);
  const refused = events.slice(cut).filter((stored) => !fold.apply(stored).ok);
  expect(refused).toEqual([]);
  expectDeepEqual(fold.record(), record, 'folded in two goes');
  expectSameJson(JSON.stringify(early), earlyJson, 'a record taken earlier, after what followed');

  // Events folded already change nothing.
  for (const stored of events.slice(random.int(events.length))) fold.apply(stored);
  expectSameJson(JSON.stringify(fold.record()), json, 'events folded again');

  expectInvariants(record, log.meeting);
}

describe('the record is a pure function of the log (seeded random sessions)', () => {
  const only = process.env.RECORD_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, k) => 1 + k * 7919);

  it(`holds for ${seeds.length} random sessions`, () => {
    let events = 0;
    let interventions = 0;
    for (const seed of seeds) {
      const log = randomLog(seed);
      try {
        checkLog(log, seeded(seed ^ 0x5eed));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`seed ${seed} (rerun: RECORD_SEED=${seed}): ${message}`, { cause: error });
      }
      events += log.room.events.length;
      interventions += log.meeting.interventions.length;
    }
    // The sessions are not empty ones: the properties were checked on real records.
    expect(events).toBeGreaterThan(seeds.length * 50);
    expect(interventions).toBeGreaterThan(seeds.length * 3);
  });
});
