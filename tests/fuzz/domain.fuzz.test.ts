/**
 * Randomized test of the pure meeting domain: random but plausible command sequences from random
 * participants, with invariants checked after every step.
 *
 * Reproduce a failure with the seed it prints: `FUZZ_SEED=<seed> FUZZ_RUNS=1 npx vitest run tests/fuzz`.
 * Explore more with e.g. `FUZZ_SEED=$RANDOM FUZZ_RUNS=2000 npx vitest run tests/fuzz`.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeDueChecks, frozenParagraphIds } from '../../shared/domain/consensusDecide';
import { CONSENSUS_QUOTA, PARAGRAPH_STATUSES, type ParagraphFacts } from '../../shared/domain/consensusModel';
import { type DecideContext, type Decision, decide, needsTextFacts } from '../../shared/domain/decide';
import { ERROR_CODES } from '../../shared/domain/errors';
import type { MeetingEvent, StoredEvent } from '../../shared/domain/events';
import { evolve } from '../../shared/domain/evolve';
import {
  command,
  demoEvents,
  ITEM,
  P,
  type PersonName,
  replayAll,
  replayStored,
  T0,
  testContext,
  toV1,
} from '../../shared/domain/fixtures';
import { FLOOR_KINDS, type Meeting, PROPOSAL_STATUSES, RTO_CODES } from '../../shared/domain/model';
import { accessOf } from '../../shared/domain/permissions';
import { kindsInOrder } from '../../shared/domain/queue';
import { upgradeV1, upgradeV2 } from '../../shared/domain/upgrade';
import { asId, type ParticipantId, type ProposalId } from '../../shared/ids';
import {
  COMMAND_TYPES,
  type CommandInput,
  type CommandType,
  commandSchema,
} from '../../shared/protocol/commands';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const STEPS = Number(process.env.FUZZ_STEPS ?? 60);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 0x1_2025);

/** mulberry32: a tiny seeded PRNG, good enough to drive a fuzzer. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** An existing id most of the time, else a bogus or stale one. */
  id(existing: readonly string[], stale: readonly string[], prefix: string): string {
    if (existing.length > 0 && this.chance(0.8)) return this.pick(existing);
    if (stale.length > 0 && this.chance(0.5)) return this.pick(stale);
    return `${prefix}_bogus${this.int(0, 3)}`;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  maybe<T>(value: () => T, p = 0.5): T | undefined {
    return this.chance(p) ? value() : undefined;
  }
}

/** Commands weighted towards the floor, where most of the rules are. */
const WEIGHTS: Partial<Record<CommandType, number>> = {
  'floor.request': 14,
  'floor.next': 6,
  'floor.give': 5,
  'floor.end': 5,
  'floor.withdraw': 4,
  'floor.move': 4,
  'floor.endSuspended': 2,
  'floor.restore': 4,
  'floor.remove': 3,
  'agenda.restore': 2,
  'floor.clear': 1,
  'agenda.open': 3,
  'meeting.suspend': 1,
  'meeting.resume': 2,
  'meeting.close': 0.2,
  // Paragraph consensus needs proposals, and a check needs a few objections to be interesting.
  'proposal.create': 3,
  'consensus.ask': 6,
  'consensus.object': 5,
  'consensus.withdrawObjection': 2,
  'consensus.close': 1.5,
  'paragraph.setStatus': 3,
  'paragraph.linkIntervention': 2,
};
const WEIGHTED = COMMAND_TYPES.flatMap((type) =>
  Array<CommandType>(Math.round((WEIGHTS[type] ?? 1) * 4)).fill(type),
);

interface Pools {
  items: string[];
  requests: string[];
  proposals: string[];
  participants: string[];
  /** Ids that existed once (removed items, finished requests). */
  staleItems: string[];
  staleRequests: string[];
  /** Requests the presiding officer removed (what `floor.restore` may put back). */
  removedRequests: string[];
  /** Agenda items removed lately (what `agenda.restore` may put back). */
  removedItems: string[];
  /** Open checks, and checks closed or dropped from the state. */
  checks: string[];
  staleChecks: string[];
  links: string[];
  staleLinks: string[];
}

function pools(meeting: Meeting, log: readonly MeetingEvent[]): Pools {
  const queued = [
    ...meeting.floor.queue.map((r) => r.id),
    ...Object.values(meeting.parkedLists).flatMap((l) => l.queue.map((r) => r.id)),
  ];
  const items = meeting.agenda.map((i) => i.id);
  return {
    items,
    requests: meeting.floor.queue.map((r) => r.id),
    proposals: meeting.proposals.map((p) => p.id),
    participants: meeting.participants.map((p) => p.id),
    staleItems: log.flatMap((e) => (e.type === 'agenda.itemRemoved' ? [e.itemId] : [])),
    staleRequests: [
      ...queued,
      ...meeting.interventions.map((i) => i.requestId),
      ...(meeting.floor.current ? [meeting.floor.current.requestId] : []),
      ...meeting.floor.suspended.map((s) => s.requestId),
    ],
    removedRequests: meeting.recentlyRemoved.requests.map((r) => r.request.id),
    removedItems: meeting.recentlyRemoved.items.map((r) => r.item.id),
    checks: meeting.consensus.checks.filter((c) => c.result === null).map((c) => c.id),
    staleChecks: log.flatMap((e) => (e.type === 'consensus.closed' ? [e.checkId] : [])),
    links: meeting.consensus.links.map((l) => l.id),
    staleLinks: log.flatMap((e) => (e.type === 'paragraph.interventionUnlinked' ? [e.linkId] : [])),
  };
}

/**
 * What each proposal's text says, as the co-editing server would read it: made when the proposal
 * is created, then edited now and then (brackets added and removed, paragraphs added), never in a
 * paragraph the domain has frozen, as the co-editing server refuses those changes.
 */
type Texts = Map<string, ParagraphFacts[]>;

function newText(rng: Random): ParagraphFacts[] {
  return Array.from({ length: rng.int(0, 6) }, (_, i) => ({
    id: `b${i + 1}`,
    number: i + 1,
    openBrackets: rng.chance(0.15) ? rng.int(1, 2) : 0,
    excerpt: `Paragraph ${i + 1}`,
  }));
}

function editText(rng: Random, meeting: Meeting, texts: Texts): void {
  const proposals = [...texts.keys()];
  if (proposals.length === 0) return;
  const proposalId = rng.pick(proposals);
  const text = texts.get(proposalId)!;
  if (rng.chance(0.2) || text.length === 0) {
    const n = text.length + 1;
    texts.set(proposalId, [...text, { id: `b${n}`, number: n, openBrackets: 0, excerpt: `Paragraph ${n}` }]);
    return;
  }
  const frozen = new Set(frozenParagraphIds(meeting, proposalId as ProposalId));
  const editable = text.filter((p) => !frozen.has(p.id));
  if (editable.length === 0) return;
  const target = rng.pick(editable);
  texts.set(
    proposalId,
    text.map((p) => (p === target ? { ...p, openBrackets: p.openBrackets > 0 ? 0 : 1 } : p)),
  );
}

/** A paragraph of the proposal's text most of the time, else one it does not have. */
function paragraphId(rng: Random, texts: Texts, proposalId: string): string {
  const ids = (texts.get(proposalId) ?? []).map((p) => p.id);
  return ids.length > 0 && rng.chance(0.9) ? rng.pick(ids) : `b${rng.int(7, 9)}`;
}

function randomCommand(rng: Random, meeting: Meeting, pool: Pools, texts: Texts, now: number): CommandInput {
  // While a check is open, the room answers it: "any objection?" is what everyone is doing.
  const answering: CommandType[] = [
    'consensus.object',
    'consensus.object',
    'consensus.withdrawObjection',
    'consensus.close',
  ];
  const type = pool.checks.length > 0 && rng.chance(0.3) ? rng.pick(answering) : rng.pick(WEIGHTED);
  const check = () => rng.id(pool.checks, pool.staleChecks, 'k');
  const item = () => rng.id(pool.items, pool.staleItems, 'i');
  const request = () => rng.id(pool.requests, pool.staleRequests, 'r');
  const proposal = () => rng.id(pool.proposals, [], 'x');
  const seconds = () => rng.pick([10, 30, 60, 120, 180, 300]);
  const symbol = () => rng.pick(['ACP/1', 'AFCP/1', 'ECP/EUR/2', 'IAP/3', 'ARB/4', 'RCC/5']);
  switch (type) {
    case 'meeting.open':
    case 'meeting.suspend':
    case 'meeting.resume':
    case 'meeting.close':
    case 'floor.end':
    case 'floor.endSuspended':
    case 'floor.clear':
    case 'floor.close':
    case 'floor.reopen':
    case 'presiding.resume':
      return { type };
    case 'meeting.setOptions':
      return {
        type,
        rtoSpokespersonsFirst: rng.maybe(() => rng.chance(0.5)),
        newDelegationsFirst: rng.maybe(() => rng.chance(0.5)),
      };
    case 'agenda.add':
      return {
        type,
        title: `Item ${rng.int(1, 99)}`,
        number: rng.maybe(() => String(rng.int(1, 9))),
        plannedMinutes: rng.maybe(() => rng.int(0, 90)),
        toIndex: rng.maybe(() => rng.int(0, meeting.agenda.length + 2)),
      };
    case 'agenda.update':
      return {
        type,
        itemId: item(),
        title: rng.maybe(() => `Title ${rng.int(1, 9)}`),
        plannedMinutes: rng.maybe(() => rng.int(0, 90)),
      };
    case 'floor.next':
      return {
        type,
        confirmOffline: rng.maybe(() => rng.chance(0.7)),
        suspend: rng.maybe(() => rng.chance(0.5)),
      };
    case 'floor.restore': {
      const removed = rng.shuffle([...pool.removedRequests]).slice(0, rng.int(1, 4));
      return { type, requestIds: removed.length > 0 ? removed : [request()] };
    }
    case 'agenda.restore':
      return { type, itemId: rng.id(pool.removedItems, pool.items, 'i') };
    case 'agenda.remove':
    case 'agenda.open':
    case 'agenda.defer':
      return { type, itemId: item() };
    case 'agenda.conclude':
      return { type, itemId: item(), outcome: rng.maybe(() => 'agreed') };
    case 'agenda.move':
      return { type, itemId: item(), toIndex: rng.int(0, meeting.agenda.length + 1) };
    case 'floor.request':
      return {
        type,
        kind: rng.pick([...FLOOR_KINDS, 'speak', 'speak']),
        participantId: rng.maybe(() => rng.id(pool.participants, [], 'p'), 0.3),
      };
    case 'floor.withdraw':
      return { type, requestId: rng.maybe(request, 0.6) };
    case 'floor.give':
      return {
        type,
        requestId: request(),
        confirmOffline: rng.maybe(() => rng.chance(0.7)),
        suspend: rng.maybe(() => rng.chance(0.5)),
      };
    case 'floor.remove':
      return { type, requestId: request() };
    case 'floor.move':
      return { type, requestId: request(), toIndex: rng.int(0, meeting.floor.queue.length + 1) };
    case 'floor.setLimit':
      return { type, seconds: seconds(), requestId: rng.maybe(request, 0.4) };
    case 'floor.extend':
      return { type, seconds: seconds() };
    case 'floor.rtoRound':
      return { type, rtos: rng.shuffle([...RTO_CODES]).slice(0, rng.int(1, RTO_CODES.length)) };
    case 'presiding.handTo':
      return {
        type,
        participantId: rng.chance(0.7) ? rng.pick(VICE_CHAIRS) : rng.id(pool.participants, [], 'p'),
      };
    case 'proposal.create':
      return { type, symbol: symbol(), title: 'Proposal', submittedBy: 'RTO', itemId: rng.maybe(item, 0.4) };
    case 'proposal.update':
      return {
        type,
        proposalId: proposal(),
        title: rng.maybe(() => 'Revised'),
        symbol: rng.maybe(symbol, 0.3),
        itemId: rng.maybe(() => (rng.chance(0.3) ? null : item()), 0.3),
      };
    case 'proposal.setStatus':
      return { type, proposalId: proposal(), status: rng.pick(PROPOSAL_STATUSES) };
    case 'proposal.lock':
    case 'proposal.unlock':
    case 'proposal.publishRevision':
      return { type, proposalId: proposal() };
    case 'consensus.ask': {
      const proposalId = proposal();
      const ids = [
        ...new Set(Array.from({ length: rng.int(1, 3) }, () => paragraphId(rng, texts, proposalId))),
      ];
      // A silence procedure now and then, its deadline sometimes out of bounds (1 hour to 90 days).
      const until = rng.chance(0.25)
        ? now + rng.pick([30 * 60_000, 3_600_000, 2 * 86_400_000, 91 * 86_400_000])
        : undefined;
      return {
        type,
        proposalId,
        paragraphIds: rng.chance(0.7) ? ids : undefined,
        seconds: until === undefined ? rng.maybe(() => rng.pick([5, 20, 60, 120, 120]), 0.8) : undefined,
        until,
      };
    }
    case 'consensus.object':
      return {
        type,
        checkId: check(),
        reason: rng.maybe(() => rng.pick(['', 'Capital to confirm', ' A comma '])),
      };
    case 'consensus.withdrawObjection':
    case 'consensus.close':
      return { type, checkId: check() };
    case 'paragraph.setStatus': {
      const proposalId = proposal();
      const status = rng.pick(PARAGRAPH_STATUSES);
      return {
        type,
        proposalId,
        paragraphId: paragraphId(rng, texts, proposalId),
        status,
        delegations: rng.maybe(() => rng.shuffle(['Japan', 'Egypt', 'Brazil']).slice(0, rng.int(1, 3)), 0.8),
      };
    }
    case 'paragraph.linkIntervention': {
      const proposalId = proposal();
      return {
        type,
        proposalId,
        paragraphId: paragraphId(rng, texts, proposalId),
        note: rng.maybe(() => 'to add'),
      };
    }
    case 'paragraph.unlinkIntervention':
      return { type, linkId: rng.id(pool.links, pool.staleLinks, 'l') };
    case 'screen.show': {
      if (rng.chance(0.2)) return { type, proposalId: null };
      const proposalId = proposal();
      return { type, proposalId, paragraphId: rng.maybe(() => paragraphId(rng, texts, proposalId)) };
    }
    default: {
      const never: never = type;
      throw new Error(`unhandled ${never}`);
    }
  }
}

const VICE_CHAIRS = [P.viceApt, P.viceAtu, P.viceCept, P.viceCitel, P.viceLas, P.viceRcc];
const NAMES = Object.keys(P) as PersonName[];

/** Those who object: delegates and RTO spokespersons (two of Kenya, so a delegation acts twice). */
const DELEGATIONS = [P.kenya, P.kenya2, P.brazil, P.egypt, P.spokesLas, P.spokesApt];

function randomActor(rng: Random, meeting: Meeting, type: CommandType): ParticipantId {
  // Objections are the delegations': mostly theirs, so that checks end both ways; a withdrawal
  // mostly by a member of a delegation that objected (Kenya's other delegate included).
  const objected = meeting.consensus.checks.flatMap((c) => (c.result ? [] : c.objections));
  if (type === 'consensus.withdrawObjection' && objected.length > 0 && rng.chance(0.6)) {
    const { participantId, delegation } = rng.pick(objected);
    return delegation === 'Kenya' ? rng.pick([P.kenya, P.kenya2]) : participantId;
  }
  if ((type === 'consensus.object' || type === 'consensus.withdrawObjection') && rng.chance(0.7))
    return rng.pick(DELEGATIONS);
  // Asking and closing are the presiding officer's: mostly theirs.
  if ((type === 'consensus.ask' || type === 'consensus.close') && rng.chance(0.5))
    return meeting.presidingParticipantId ?? P.chair;
  const r = rng.next();
  if (r < 0.45) return P.chair;
  if (r < 0.55 && meeting.presidingParticipantId) return meeting.presidingParticipantId;
  if (r < 0.57) return asId<ParticipantId>('p_stranger');
  if (r < 0.62 && meeting.floor.current) return meeting.floor.current.participantId;
  return P[rng.pick(NAMES)];
}

/** Everything that must hold of any reachable state; returns the violations. */
function violations(m: Meeting): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const lists = [
    { name: 'floor', queue: m.floor.queue },
    ...Object.entries(m.parkedLists).map(([id, l]) => ({ name: `parked ${id}`, queue: l.queue })),
  ];
  for (const { name, queue } of lists) {
    const keys = queue.map((r) => `${r.participantId}/${r.kind}`);
    check(new Set(keys).size === keys.length, `${name}: a participant has two requests of one kind`);
    check(kindsInOrder(queue), `${name}: kinds out of order`);
    check(
      queue.every((r) => m.participants.some((p) => p.id === r.participantId)),
      `${name}: request of a stranger`,
    );
    check(
      queue.every((r) => [0, 1, 2].includes(r.priority)),
      `${name}: bad priority`,
    );
  }
  const cur = m.floor.current;
  const suspendedIds = m.floor.suspended.map((s) => s.requestId);
  check(!cur || !suspendedIds.includes(cur.requestId), 'a request both current and suspended');
  check(new Set(suspendedIds).size === suspendedIds.length, 'a request suspended twice');
  check(m.floor.suspended.length === 0 || m.currentItemId !== null, 'a suspended speaker without an item');
  for (const s of m.floor.suspended) {
    check(!m.floor.queue.some((r) => r.id === s.requestId), 'a suspended request is still queued');
    check(
      s.remainingSeconds >= 0 && s.remainingSeconds <= s.limitSeconds,
      `suspended ${s.requestId}: remaining`,
    );
  }
  if (cur) {
    check(!m.floor.queue.some((r) => r.id === cur.requestId), 'the current request is still queued');
    check(
      !m.floor.queue.some((r) => r.participantId === cur.participantId && r.kind === cur.kind),
      'the current speaker is queued again for the same kind',
    );
    check(m.currentItemId !== null, 'a speaker without an item');
    check(m.status === 'open', `a speaker while the meeting is ${m.status}`);
  }
  check(m.floor.queue.length === 0 || m.currentItemId !== null, 'a list of speakers without an item');
  check(!m.floor.closed || m.currentItemId !== null, 'a closed list without an item');
  const current = m.currentItemId ? m.agenda.find((i) => i.id === m.currentItemId) : null;
  check(current !== undefined, 'currentItemId refers to no item');
  check(current === null || current?.status === 'open', 'the current item is not open');
  check(
    m.agenda.every((i) => i.status !== 'open' || i.id === m.currentItemId),
    'an open item that is not current',
  );
  check(!m.currentItemId || !(m.currentItemId in m.parkedLists), 'the current item also has a parked list');
  check(
    Object.keys(m.parkedLists).every((id) => m.agenda.some((i) => i.id === id)),
    'a parked list of a removed item',
  );
  for (const i of m.agenda) {
    const clockRuns = i.id === m.currentItemId && m.status === 'open';
    check((i.openSince !== null) === clockRuns, `item ${i.id}: clock ${i.openSince} while ${m.status}`);
    check(Number.isInteger(i.spentSeconds) && i.spentSeconds >= 0, `item ${i.id}: spentSeconds`);
  }
  for (const v of m.interventions) {
    check(v.endedAt >= v.startedAt, `intervention ${v.id} ends before it starts`);
    check(v.parts.length >= 1, `intervention ${v.id}: no parts`);
    check(
      v.parts[0]?.startedAt === v.startedAt && v.parts.at(-1)?.endedAt === v.endedAt,
      `intervention ${v.id}: parts do not span it`,
    );
    check(
      v.parts.every(
        (p, i) => p.endedAt >= p.startedAt && (i === 0 || p.startedAt >= v.parts[i - 1]!.endedAt),
      ),
      `intervention ${v.id}: parts overlap or run backwards`,
    );
    check(
      v.durationSeconds === Math.round(v.parts.reduce((ms, p) => ms + p.endedAt - p.startedAt, 0) / 1000),
      `intervention ${v.id}: duration is not the sum of its parts`,
    );
    check(
      v.overrunSeconds === Math.max(0, v.durationSeconds - v.limitSeconds),
      `intervention ${v.id}: overrun`,
    );
  }
  const presiding = m.participants.find((p) => p.id === m.presidingParticipantId);
  check(
    presiding?.role === 'chair' || presiding?.role === 'vice-chair',
    'presiding officer is no chair or vice-chair',
  );
  const unique = (name: string, ids: string[]) =>
    check(new Set(ids).size === ids.length, `duplicate ${name} ids`);
  out.push(...consensusViolations(m));
  unique(
    'participant',
    m.participants.map((p) => p.id),
  );
  unique(
    'item',
    m.agenda.map((i) => i.id),
  );
  unique(
    'proposal',
    m.proposals.map((p) => p.id),
  );
  unique(
    'proposal symbol',
    m.proposals.map((p) => p.symbol),
  );
  unique(
    'intervention',
    m.interventions.map((i) => i.id),
  );
  unique('request', [
    ...lists.flatMap((l) => l.queue.map((r) => r.id)),
    ...(cur ? [cur.requestId] : []),
    ...suspendedIds,
    ...m.interventions.map((i) => i.requestId),
  ]);
  return out;
}

/** What must hold of the consensus state (the text's side is checked in `run`). */
function consensusViolations(m: Meeting): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const c = m.consensus;
  const open = c.checks.filter((k) => k.result === null);
  const closed = c.checks.filter((k) => k.result !== null);
  check(open.filter((k) => k.procedure === 'room').length <= 1, 'two checks in the room at once');
  check(open.filter((k) => k.procedure === 'silence').length <= CONSENSUS_QUOTA.openSilence, 'silence quota');
  check(closed.length <= CONSENSUS_QUOTA.closedKept, 'closed checks not bounded');
  check(c.checksAsked >= c.checks.length, 'fewer checks asked than kept');
  check(
    m.status !== 'closed' || !open.some((k) => k.procedure === 'room'),
    'a room check in a closed meeting',
  );
  check(new Set(c.checks.map((k) => k.id)).size === c.checks.length, 'duplicate check ids');
  check(new Set(c.links.map((l) => l.id)).size === c.links.length, 'duplicate link ids');
  const linked = c.links.map((l) => `${l.requestId}/${l.proposalId}/${l.paragraphId}`);
  check(new Set(linked).size === linked.length, 'an intervention linked twice to a paragraph');
  const underCheck = new Set<string>();
  for (const k of open) {
    const delegations = k.objections.map((o) => o.delegation);
    check(new Set(delegations).size === delegations.length, `check ${k.id}: a delegation objected twice`);
    for (const id of k.paragraphIds) {
      const key = `${k.proposalId}/${id}`;
      check(!underCheck.has(key), `${key} under two checks`);
      underCheck.add(key);
      check(c.paragraphs[k.proposalId]?.[id]?.status !== 'agreed', `${key} agreed and under a check`);
    }
  }
  for (const [proposalId, revisions] of Object.entries(c.revisions))
    check(
      revisions.every((r, i) => r.number === i + 1 && r.symbol.endsWith(`/Rev.${i + 1}`)),
      `${proposalId}: revisions out of order`,
    );
  for (const records of Object.values(c.paragraphs))
    for (const [id, r] of Object.entries(records)) {
      check(r.status !== 'open', `${id}: an open paragraph has an entry`);
      check((r.status === 'ad-referendum') === r.delegations.length > 0, `${id}: delegations of ${r.status}`);
    }
  return out;
}

/** Ids the log creates: each must be created once only. */
function createdIds(event: MeetingEvent): string[] {
  switch (event.type) {
    case 'participant.added':
      return [event.participant.id];
    case 'agenda.itemAdded':
      return [event.item.id];
    case 'floor.requested':
      return [event.request.id];
    case 'floor.ended':
    case 'floor.endedWhileSuspended':
      return [event.intervention.id];
    case 'proposal.created':
      return [event.proposal.id];
    case 'consensus.asked':
      return [event.check.id];
    case 'paragraph.interventionLinked':
      return [event.link.id];
    default:
      return [];
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface RunStats {
  accepted: number;
  refused: Record<string, number>;
  /** By command type and code, to tune the generator (FUZZ_STATS=1). */
  refusedAs: Record<string, number>;
  events: Record<string, number>;
}

/** Commands a closed meeting still takes: objections to a silence procedure, and its early close. */
function outlivesSession(meeting: Meeting, input: CommandInput): boolean {
  if (
    input.type !== 'consensus.object' &&
    input.type !== 'consensus.withdrawObjection' &&
    input.type !== 'consensus.close'
  )
    return false;
  return meeting.consensus.checks.some((c) => c.id === input.checkId && c.procedure === 'silence');
}

/** One run: returns a failure description, or null when every invariant held. */
function run(seed: number, stats: RunStats): string | null {
  const rng = new Random(seed);
  const ctx = testContext(T0);
  const opened = rng.chance(0.85);
  const { events: setup } = demoEvents({
    ctx,
    open: opened,
    openItem: opened && rng.chance(0.7) ? rng.pick(Object.values(ITEM)) : false,
    options: { rtoSpokespersonsFirst: rng.chance(0.5), newDelegationsFirst: rng.chance(0.5) },
  });
  // Most participants are connected; the floor goes to the others only when the chair confirms.
  for (const id of Object.values(P)) {
    if (rng.chance(0.8)) setup.push({ type: 'participant.online', participantId: id });
  }
  // Most runs start with a proposal on the table, so that its paragraphs get agreed.
  if (rng.chance(0.6)) {
    const input: CommandInput = {
      type: 'proposal.create',
      symbol: 'IRM/1',
      title: 'Resolution 31',
      submittedBy: 'BDT',
    };
    const created = decide(replayAll(setup), command(input), P.secretariat, ctx);
    if (!created.ok) throw new Error(created.error.message);
    setup.push(...created.events);
  }
  const log: StoredEvent[] = setup.map((event, i) => ({ seq: i + 1, at: ctx.now, event }));
  const created = new Set<string>();
  for (const { event } of log) for (const id of createdIds(event)) created.add(id);
  let meeting = deepFreeze(replayAll(setup));
  const texts: Texts = new Map(meeting.proposals.map((p) => [p.id, newText(rng)]));
  const history: string[] = [];
  const fail = (step: number, what: string) =>
    `seed ${seed} (reproduce: FUZZ_SEED=${seed} FUZZ_RUNS=1), step ${step}: ${what}\n` +
    `last commands:\n  ${history.slice(-12).join('\n  ')}`;

  /** Applies accepted events as the server does; returns a failure, or null. */
  const apply = (step: number, events: readonly MeetingEvent[]): string | null => {
    try {
      for (const event of events) {
        stats.events[event.type] = (stats.events[event.type] ?? 0) + 1;
        for (const id of createdIds(event)) {
          if (created.has(id)) return fail(step, `id ${id} created twice`);
          created.add(id);
        }
        // The upgrade of its version-1 form works out the same consequences decide stated.
        const upgraded = upgradeV2(upgradeV1(meeting, toV1(event)), ctx.now);
        if (!isDeepStrictEqual(upgraded, event)) {
          return fail(
            step,
            `upgrading the v1 form of ${JSON.stringify(event)} gives ${JSON.stringify(upgraded)}`,
          );
        }
        // evolve must not mutate its input: the state is deep-frozen, so a write would throw
        meeting = deepFreeze(evolve(meeting, event));
        log.push({ seq: log.length + 1, at: ctx.now, event });
        if (event.type === 'proposal.created') texts.set(event.proposal.id, newText(rng));
      }
    } catch (error) {
      return fail(step, `evolve threw ${String(error)}`);
    }
    return null;
  };

  for (let step = 1; step <= STEPS; step++) {
    // Seconds go by while the room answers "any objection?"; now and then a silence procedure's days.
    const inRoom = meeting.consensus.checks.some((c) => c.result === null && c.procedure === 'room');
    if (inRoom && rng.chance(0.8)) ctx.advance(rng.pick([0, 1, 2, 5]));
    else ctx.advance(rng.chance(0.03) ? rng.int(1, 3) * 86_400 : rng.pick([0, 0, 1, 5, 30, 90, 200]));
    if (rng.chance(0.15)) editText(rng, meeting, texts);
    const input = randomCommand(
      rng,
      meeting,
      pools(
        meeting,
        log.map((e) => e.event),
      ),
      texts,
      ctx.now,
    );
    const cmd = command(input);
    const parsed = commandSchema.safeParse(cmd);
    if (!parsed.success) return fail(step, `generator made an invalid command ${JSON.stringify(cmd)}`);
    const actorId = randomActor(rng, meeting, input.type);
    const actor = meeting.participants.find((p) => p.id === actorId);
    const before = meeting;
    // The server reads the text first for the commands that need it; now and then it cannot.
    let decideCtx: DecideContext = ctx;
    if (needsTextFacts(parsed.data) && rng.chance(0.95)) {
      const facts = texts.get(parsed.data.proposalId);
      if (facts)
        decideCtx = {
          now: ctx.now,
          ids: ctx.ids,
          text: { proposalId: parsed.data.proposalId, paragraphs: facts },
        };
    }
    let decision: Decision;
    try {
      decision = decide(meeting, parsed.data, actorId, decideCtx);
    } catch (error) {
      return fail(step, `decide threw ${String(error)} on ${JSON.stringify(cmd)}`);
    }
    history.push(
      `${actorId} ${JSON.stringify(input)} → ${decision.ok ? decision.events.map((e) => e.type).join(',') || '(no events)' : decision.error.code}`,
    );

    if (!decision.ok) {
      stats.refused[decision.error.code] = (stats.refused[decision.error.code] ?? 0) + 1;
      const why = `${cmd.type} ${decision.error.code}`;
      stats.refusedAs[why] = (stats.refusedAs[why] ?? 0) + 1;
      if (!EXPECTED_REFUSALS.includes(decision.error.code)) {
        return fail(step, `unexpected refusal code ${decision.error.code}`);
      }
      if (!ERROR_CODES.includes(decision.error.code)) return fail(step, 'unknown error code');
      if (
        /\b(floor|agenda|meeting|proposal|presiding|consensus|paragraph|screen)\.[a-z]/i.test(
          decision.error.message,
        )
      ) {
        return fail(step, `a refusal names a command: ${decision.error.message}`);
      }
      if (meeting !== before) return fail(step, 'a refusal changed the state');
      if (!actor && decision.error.code !== 'forbidden')
        return fail(step, 'a stranger was not refused as forbidden');
      if (actor && accessOf(meeting, actor, cmd.type) === 'no' && decision.error.code !== 'forbidden') {
        return fail(step, `a forbidden command was refused as ${decision.error.code}`);
      }
    } else {
      stats.accepted += 1;
      if (!actor) return fail(step, 'a stranger was obeyed');
      if (accessOf(meeting, actor, cmd.type) === 'no') return fail(step, 'a forbidden command was accepted');
      if (meeting.status === 'closed' && !outlivesSession(meeting, input))
        return fail(step, 'a closed meeting accepted a command');
      const failure = apply(step, decision.events);
      if (failure) return failure;
      if (decision.events.length === 0 && meeting !== before) return fail(step, 'no events but a new state');
    }

    // The scheduler, most steps: it ends what is due, and finds nothing more right after.
    if (rng.chance(0.7)) {
      const due = closeDueChecks(meeting, ctx.now);
      if (due.length > 0) history.push(`scheduler → ${due.length} consensus.closed`);
      const failure = apply(step, due);
      if (failure) return failure;
      if (closeDueChecks(meeting, ctx.now).length > 0) return fail(step, 'closeDueChecks is not idempotent');
    }

    const broken = violations(meeting);
    // The text's side: what the domain froze has never been edited, so no agreed text is in brackets.
    for (const [proposalId, facts] of texts)
      for (const p of facts)
        if (
          p.openBrackets > 0 &&
          meeting.consensus.paragraphs[proposalId as ProposalId]?.[p.id]?.status === 'agreed'
        )
          broken.push(`${proposalId}/${p.id} agreed with open brackets`);
    if (broken.length > 0) return fail(step, `invariants broken: ${broken.join('; ')}`);
    if (step % 10 === 0 || step === STEPS) {
      const replayed = replayAll(log.map((e) => e.event));
      if (!isDeepStrictEqual(replayed, meeting)) return fail(step, 'replaying the log gives another state');
    }
  }

  if (!log.every((e, i) => e.seq === i + 1)) return fail(STEPS, 'seqs are not gap-free');
  const fromJson = replayAll(JSON.parse(JSON.stringify(log.map((e) => e.event))));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(fromJson)), JSON.parse(JSON.stringify(meeting)))) {
    return fail(STEPS, 'replaying the JSON log gives another state');
  }
  // The same log stored by version-1 code (no `v`, no consequences) reads back to the same state.
  const v1Log = log.map(({ seq, at, event }) => ({ seq, at, event: toV1(event) as MeetingEvent }));
  if (!isDeepStrictEqual(replayStored(v1Log), meeting)) return fail(STEPS, 'the v1 log gives another state');
  return null;
}

/**
 * The codes a plausible command may be refused with: `invalid` for a silence deadline out of
 * bounds or an ad referendum naming nobody, `unavailable` when the text could not be read. No
 * quota is reached in a run this short.
 */
const EXPECTED_REFUSALS: readonly string[] = [
  'forbidden',
  'conflict',
  'not_found',
  'offline',
  'invalid',
  'unavailable',
];

describe('domain fuzz', () => {
  it(`${RUNS} runs × ${STEPS} random commands keep every invariant (base seed ${BASE_SEED})`, () => {
    const stats: RunStats = { accepted: 0, refused: {}, refusedAs: {}, events: {} };
    const failures: string[] = [];
    for (let i = 0; i < RUNS && failures.length < 3; i++) {
      const failure = run(BASE_SEED + i, stats);
      if (failure) failures.push(failure);
    }
    if (failures.length > 0) console.error(failures.join('\n\n'));
    if (process.env.FUZZ_STATS) console.log(JSON.stringify(stats, null, 1));
    expect(failures, failures[0]).toEqual([]);
    // the generator must reach the interesting parts of the domain, not only refusals
    const total = RUNS * STEPS;
    expect(stats.accepted).toBeGreaterThan(total * 0.2);
    for (const type of [
      'floor.given',
      'floor.ended',
      'floor.moved',
      'agenda.itemOpened',
      'meeting.closed',
      'floor.suspended',
      'floor.resumed',
      'floor.endedWhileSuspended',
      'floor.cleared',
      'floor.restored',
      'agenda.itemRestored',
      'consensus.asked',
      'consensus.objected',
      'consensus.objectionWithdrawn',
      'consensus.closed',
      'paragraph.statusSet',
      'paragraph.interventionLinked',
      'paragraph.interventionUnlinked',
      'proposal.revisionPublished',
      'screen.shown',
    ]) {
      expect(stats.events[type] ?? 0, type).toBeGreaterThan(0);
    }
    for (const code of EXPECTED_REFUSALS) expect(stats.refused[code] ?? 0, code).toBeGreaterThan(0);
  });

  it('mulberry32 is deterministic', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, a);
    expect(xs).toEqual(Array.from({ length: 5 }, b));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(5);
  });
});
