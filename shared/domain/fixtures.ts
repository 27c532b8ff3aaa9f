/**
 * Test helpers for the pure domain (no test framework here, so the fuzz test, benchmarks and the
 * server's tests can share them): a deterministic context, a demo IRM built from events, and a
 * small `Room` that decides and evolves commands like the server does, minus the storage.
 */
import {
  asId,
  type CheckId,
  type ItemId,
  idFactories,
  type MeetingId,
  type ParticipantId,
  type ProposalId,
  type RequestId,
} from '../ids';
import type { Command, CommandInput } from '../protocol/commands';
import type { AddParticipantBody } from '../protocol/secretariat';
import { closeDueChecks } from './consensusDecide';
import type { ParagraphFacts } from './consensusModel';
import { type DecideContext, type Decision, decide, needsTextFacts } from './decide';
import type { MeetingEvent, StoredEvent } from './events';
import { evolve } from './evolve';
import type { FloorKind, FloorOptions, Meeting } from './model';
import { addParticipant, createMeeting } from './secretariat';
import { type MeetingEventV1, type MeetingEventV2, readStoredEvent } from './upgrade';

/** 14 July 2025, 13:00 CEST: the start of IRM-1. */
export const T0 = Date.UTC(2025, 6, 14, 11, 0, 0);

/** A `DecideContext` with a clock that only moves when told and ids `r_1`, `r_2`, ... per kind. */
export interface TestContext extends DecideContext {
  /** Moves the clock forward (or back, with a negative value) by that many seconds. */
  advance(seconds: number): void;
  /** Sets the clock to an absolute time in milliseconds. */
  set(ms: number): void;
}

export function testContext(start: number = T0): TestContext {
  let now = start;
  const counters = new Map<string, number>();
  return {
    get now() {
      return now;
    },
    ids: idFactories((prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    }),
    advance(seconds: number) {
      now += seconds * 1000;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

const pid = asId<ParticipantId>;

const MEETING_ID = asId<MeetingId>('m_irm1');

/** Participants of the demo meeting, by a short name. */
export const P = {
  chair: pid('p_chair'),
  viceApt: pid('p_vc_apt'),
  viceAtu: pid('p_vc_atu'),
  viceCept: pid('p_vc_cept'),
  viceCitel: pid('p_vc_citel'),
  viceLas: pid('p_vc_las'),
  viceRcc: pid('p_vc_rcc'),
  spokesApt: pid('p_sp_apt'),
  spokesAtu: pid('p_sp_atu'),
  spokesCept: pid('p_sp_cept'),
  spokesCitel: pid('p_sp_citel'),
  spokesLas: pid('p_sp_las'),
  spokesRcc: pid('p_sp_rcc'),
  secretariat: pid('p_bdt'),
  kenya: pid('p_kenya'),
  kenya2: pid('p_kenya2'),
  brazil: pid('p_brazil'),
  france: pid('p_france'),
  egypt: pid('p_egypt'),
  japan: pid('p_japan'),
  kazakhstan: pid('p_kazakhstan'),
  observer: pid('p_youth'),
} as const;
export type PersonName = keyof typeof P;

/** Who is who: one chair, a vice-chair and a spokesperson per RTO, BDT, delegates, an observer. */
const PEOPLE: Record<PersonName, AddParticipantBody> = {
  chair: { name: 'Chair-designate', delegation: 'Azerbaijan', role: 'chair', region: 'CIS' },
  viceApt: { name: 'VC APT', delegation: 'India', role: 'vice-chair', region: 'ASP', rto: 'APT' },
  viceAtu: { name: 'VC ATU', delegation: 'Nigeria', role: 'vice-chair', region: 'AFR', rto: 'ATU' },
  viceCept: { name: 'VC CEPT', delegation: 'Germany', role: 'vice-chair', region: 'EUR', rto: 'CEPT' },
  viceCitel: { name: 'VC CITEL', delegation: 'Mexico', role: 'vice-chair', region: 'AMS', rto: 'CITEL' },
  viceLas: { name: 'VC LAS', delegation: 'Saudi Arabia', role: 'vice-chair', region: 'ARB', rto: 'LAS' },
  viceRcc: {
    name: 'VC RCC',
    delegation: 'Russian Federation',
    role: 'vice-chair',
    region: 'CIS',
    rto: 'RCC',
  },
  spokesApt: { name: 'APT', delegation: 'APT', role: 'spokesperson', region: 'ASP', rto: 'APT' },
  spokesAtu: { name: 'ATU', delegation: 'ATU', role: 'spokesperson', region: 'AFR', rto: 'ATU' },
  spokesCept: { name: 'CEPT', delegation: 'CEPT', role: 'spokesperson', region: 'EUR', rto: 'CEPT' },
  spokesCitel: { name: 'CITEL', delegation: 'CITEL', role: 'spokesperson', region: 'AMS', rto: 'CITEL' },
  spokesLas: { name: 'LAS', delegation: 'Arab Group', role: 'spokesperson', region: 'ARB', rto: 'LAS' },
  spokesRcc: { name: 'RCC', delegation: 'RCC', role: 'spokesperson', region: 'CIS', rto: 'RCC' },
  secretariat: { name: 'BDT', delegation: 'BDT', role: 'secretariat', category: 'bdt' },
  kenya: { name: 'Amina', delegation: 'Kenya', role: 'delegate', region: 'AFR' },
  kenya2: { name: 'Otieno', delegation: 'Kenya', role: 'delegate', region: 'AFR' },
  brazil: { name: 'Ana', delegation: 'Brazil', role: 'delegate', region: 'AMS' },
  france: { name: 'Luc', delegation: 'France', role: 'delegate', region: 'EUR' },
  egypt: { name: 'Omar', delegation: 'Egypt', role: 'delegate', region: 'ARB' },
  japan: { name: 'Yuki', delegation: 'Japan', role: 'delegate', region: 'ASP' },
  kazakhstan: { name: 'Aigerim', delegation: 'Kazakhstan', role: 'delegate', region: 'CIS' },
  observer: { name: 'Youth', delegation: 'Youth representative', role: 'observer', category: 'observer' },
};

/** The agenda of the demo meeting, in order; ids are those the test context hands out. */
export const ITEM = {
  opening: asId<ItemId>('i_1'),
  rtoReports: asId<ItemId>('i_2'),
  resolution31: asId<ItemId>('i_3'),
  aob: asId<ItemId>('i_4'),
} as const;

const AGENDA: CommandInput[] = [
  { type: 'agenda.add', number: '1', title: 'Opening and adoption of the agenda', plannedMinutes: 10 },
  { type: 'agenda.add', number: '2', title: 'Reports of the RTOs on their preparations', plannedMinutes: 60 },
  { type: 'agenda.add', number: '3', title: 'Draft revision of Resolution 31', plannedMinutes: 90 },
  { type: 'agenda.add', number: '4', title: 'Any other business', plannedMinutes: 10 },
];

export interface DemoOptions {
  /** The context to use (and to keep using afterwards); a fresh `testContext()` by default. */
  ctx?: TestContext;
  /** Open the meeting (default true). */
  open?: boolean;
  /** Open this agenda item, or the first one with `true` (default: none). Implies `open`. */
  openItem?: ItemId | boolean;
  /** Floor options to set before anything else. */
  options?: Partial<FloorOptions>;
}

/** The events that set up the demo meeting, in order. */
export function demoEvents(opts: DemoOptions = {}): { events: MeetingEvent[]; ctx: TestContext } {
  const ctx = opts.ctx ?? testContext();
  const events: MeetingEvent[] = [];
  let meeting: Meeting | null = null;
  const push = (...more: MeetingEvent[]) => {
    for (const event of more) {
      meeting = evolve(meeting, event);
      events.push(event);
    }
  };
  push(
    ...createMeeting(
      MEETING_ID,
      { title: 'IRM-1 for WTDC-25', timezone: 'Europe/Zurich', defaultSpeakingSeconds: 180 },
      ctx,
    ),
  );
  for (const [name, body] of Object.entries(PEOPLE) as [PersonName, AddParticipantBody][]) {
    const ids = { ...ctx.ids, participant: () => P[name] };
    const decision = addParticipant(meeting!, body, { now: ctx.now, ids });
    push(...mustAccept(decision, `add ${name}`));
  }
  const chairDoes = (input: CommandInput) =>
    push(...mustAccept(decide(meeting!, command(input), P.chair, ctx), input.type));
  if (opts.options) chairDoes({ type: 'meeting.setOptions', ...opts.options });
  for (const item of AGENDA) chairDoes(item);
  if (opts.open !== false || opts.openItem) chairDoes({ type: 'meeting.open' });
  if (opts.openItem) {
    chairDoes({ type: 'agenda.open', itemId: opts.openItem === true ? ITEM.opening : opts.openItem });
  }
  return { events, ctx };
}

/** The demo meeting itself (see `demoEvents`). */
export function demoMeeting(opts: DemoOptions = {}): Meeting {
  return replayAll(demoEvents(opts).events);
}

/** `events.reduce(evolve, null)`, for a log known to start with `meeting.created`. */
export function replayAll(events: readonly MeetingEvent[]): Meeting {
  const meeting = events.reduce<Meeting | null>(evolve, null);
  if (!meeting) throw new Error('empty log');
  return meeting;
}

let commandCounter = 0;
/** Gives a command input a fresh id. */
export function command(input: CommandInput): Command {
  commandCounter += 1;
  return { id: `c_${commandCounter}`, ...input } as Command;
}

function mustAccept(decision: Decision, what: string): MeetingEvent[] {
  if (!decision.ok) throw new Error(`${what} refused: ${decision.error.code} ${decision.error.message}`);
  return decision.events;
}

/**
 * The facts of a text whose paragraphs start with these words, as the co-editing server reads them:
 * ids `b1`, `b2`… (as `seedDoc` sets them), numbered from 1, each `[` an open bracket.
 * @example paragraphs('Recognizes the role of ICTs', 'Invites Member States to [consider]')
 */
export function paragraphs(...excerpts: string[]): ParagraphFacts[] {
  return excerpts.map((excerpt, i) => ({
    id: `b${i + 1}`,
    number: i + 1,
    openBrackets: excerpt.split('[').length - 1,
    excerpt,
  }));
}

/**
 * A meeting in memory with its log: `run` decides a command and, if accepted, applies its events;
 * `must` does the same and throws when the command is refused.
 */
export class Room {
  meeting: Meeting;
  readonly events: MeetingEvent[];
  readonly ctx: TestContext;
  /** What each proposal's text says now (`setText`); a proposal without one reads as unavailable. */
  private readonly texts = new Map<string, ParagraphFacts[]>();

  /**
   * `offline`: who is not connected; everyone else is (the floor goes to someone offline only when
   * the chair confirms it).
   */
  constructor(opts: DemoOptions & { offline?: ParticipantId[] } = {}) {
    const { events, ctx } = demoEvents(opts);
    const offline = new Set<string>(opts.offline ?? []);
    for (const id of Object.values(P)) {
      if (!offline.has(id)) events.push({ type: 'participant.online', participantId: id });
    }
    this.events = events;
    this.ctx = ctx;
    this.meeting = replayAll(events);
  }

  /**
   * Sets what the proposal's text says, as the server would read it before a command that needs
   * it (`needsTextFacts`); `null` makes the text unreadable again.
   */
  setText(proposalId: ProposalId, facts: ParagraphFacts[] | null): void {
    if (facts) this.texts.set(proposalId, facts);
    else this.texts.delete(proposalId);
  }

  run(actor: ParticipantId, input: CommandInput): Decision {
    const decision = this.decide(actor, input);
    if (decision.ok) this.apply(decision.events);
    return decision;
  }

  /** What the command would do now, without applying it (ids and the clock are shared with `run`). */
  decide(actor: ParticipantId, input: CommandInput): Decision {
    const cmd = command(input);
    return decide(this.meeting, cmd, actor, this.contextFor(cmd));
  }

  /** Applies events to the meeting and its log. */
  apply(events: readonly MeetingEvent[]): void {
    for (const event of events) {
      this.meeting = evolve(this.meeting, event);
      this.events.push(event);
    }
  }

  /** What the server's scheduler does at the clock's time: ends the checks due, returning their events. */
  closeDue(): MeetingEvent[] {
    const events = closeDueChecks(this.meeting, this.ctx.now);
    this.apply(events);
    return events;
  }

  /** The clock and ids, with the text of the command's proposal when the command reads it. */
  private contextFor(cmd: Command): DecideContext {
    if (!needsTextFacts(cmd)) return this.ctx;
    const facts = this.texts.get(cmd.proposalId);
    if (!facts) return this.ctx;
    return { now: this.ctx.now, ids: this.ctx.ids, text: { proposalId: cmd.proposalId, paragraphs: facts } };
  }

  must(actor: ParticipantId, input: CommandInput): MeetingEvent[] {
    return mustAccept(this.run(actor, input), `${input.type} by ${actor}`);
  }

  /** The chair queues `who` (which also works for observers) and returns the new request id. */
  queue(who: ParticipantId, kind: FloorKind = 'speak'): RequestId {
    const [event] = this.must(P.chair, { type: 'floor.request', kind, participantId: who });
    if (event?.type !== 'floor.requested') throw new Error('expected floor.requested');
    return event.request.id;
  }

  /** Queues `who` and gives them the floor at once. */
  giveTo(who: ParticipantId, kind: FloorKind = 'speak'): RequestId {
    const requestId = this.queue(who, kind);
    this.must(P.chair, { type: 'floor.give', requestId });
    return requestId;
  }

  /** Ids of the waiting requests' participants, in queue order. */
  queuedParticipants(): ParticipantId[] {
    return this.meeting.floor.queue.map((r) => r.participantId);
  }

  item(itemId: ItemId) {
    const item = this.meeting.agenda.find((i) => i.id === itemId);
    if (!item) throw new Error(`no item ${itemId}`);
    return item;
  }

  participant(id: ParticipantId) {
    const p = this.meeting.participants.find((x) => x.id === id);
    if (!p) throw new Error(`no participant ${id}`);
    return p;
  }
}

/**
 * The version-2 form of an event: what v2 code stored, without what v3 added. An event v2 could not
 * have written (an intervention of several parts) keeps its v3 form.
 */
function toV2(event: MeetingEvent): MeetingEventV2 {
  switch (event.type) {
    case 'floor.ended': {
      const { parts, ...rest } = event.intervention;
      const onePart =
        parts.length === 1 && parts[0]!.startedAt === rest.startedAt && parts[0]!.endedAt === rest.endedAt;
      return onePart ? { ...event, intervention: rest } : event;
    }
    case 'floor.removed':
    case 'agenda.itemRemoved': {
      const { at: _at, ...v2 } = event;
      return v2;
    }
    default:
      return event;
  }
}

/** The version-1 form of an event: what v1 code stored, without the consequences v2 states. */
export function toV1(v3: MeetingEvent): MeetingEventV1 {
  const event = toV2(v3);
  switch (event.type) {
    case 'participant.added': {
      const { presides: _p, ...v1 } = event;
      return v1;
    }
    case 'agenda.itemRemoved': {
      const { dropsParkedList: _d, unlinkedProposalIds: _u, ...v1 } = event;
      return v1;
    }
    case 'agenda.itemOpened': {
      const { left: _l, restoresList: _r, ...v1 } = event;
      return v1;
    }
    case 'agenda.itemConcluded':
    case 'agenda.itemDeferred': {
      const { left: _l, ...v1 } = event;
      return v1;
    }
    case 'floor.extended': {
      const { limitSeconds: _s, ...v1 } = event;
      return v1;
    }
    default:
      return event;
  }
}

/** Replays a stored log of any versions as a server does: each event read, upgraded, then applied. */
export function replayStored(log: readonly StoredEvent[]): Meeting {
  let meeting: Meeting | null = null;
  for (const stored of log) {
    const read = readStoredEvent(stored, meeting);
    if (!read.ok) throw new Error(`seq ${stored.seq}: ${read.reason}`);
    meeting = evolve(meeting, read.stored.event);
  }
  if (!meeting) throw new Error('empty log');
  return meeting;
}

/** The text of `ECP/EUR/1` in `consensusRoom`: paragraph 2 holds text in brackets. */
export const RES31 = paragraphs(
  'Recognizes the role of telecommunications/ICTs in emergencies',
  'Invites Member States to [consider] national emergency plans',
  'Instructs the Director of BDT to assist Member States',
  'Requests the Secretary-General to report to the Council',
);

/**
 * An open meeting on item 3 with France's proposal `ECP/EUR/1` whose text the room reads as `RES31`
 * (or `text`); `room.proposalId` is its id.
 */
export function consensusRoom(text: ParagraphFacts[] = RES31, opts: DemoOptions = {}) {
  const room = new Room({ openItem: ITEM.resolution31, ...opts });
  const [event] = room.must(P.france, {
    type: 'proposal.create',
    symbol: 'ECP/EUR/1',
    title: 'Revision of Resolution 31',
    submittedBy: 'CEPT',
    itemId: ITEM.resolution31,
  });
  if (event?.type !== 'proposal.created') throw new Error('expected proposal.created');
  room.setText(event.proposal.id, text);
  return Object.assign(room, { proposalId: event.proposal.id });
}

/** The id of the check that the events of a `consensus.ask` opened. */
export function askedCheck(events: readonly MeetingEvent[]): CheckId {
  const [event] = events;
  if (event?.type !== 'consensus.asked') throw new Error(`expected consensus.asked, got ${event?.type}`);
  return event.check.id;
}
