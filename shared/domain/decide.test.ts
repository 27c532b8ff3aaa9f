import { describe, expect, it } from 'vitest';
import { asId, type CheckId, type LinkId, type ParticipantId, type ProposalId, type RequestId } from '../ids';
import { COMMAND_TYPES, type CommandInput } from '../protocol/commands';
import { type Decision, decide } from './decide';
import type { ErrorCode } from './errors';
import type { MeetingEvent } from './events';
import {
  askedCheck,
  command,
  type DemoOptions,
  ITEM,
  P,
  paragraphs,
  Room,
  replayAll,
  T0,
  testContext,
} from './fixtures';
import type { FloorKind, MeetingStatus } from './model';
import { kindsInOrder } from './queue';
import { addParticipant } from './secretariat';

const BOGUS = 'bogus_1';

function refused(decision: Decision): ErrorCode | 'ok' {
  return decision.ok ? 'ok' : decision.error.code;
}

function types(events: MeetingEvent[]) {
  return events.map((e) => e.type);
}

/** Brings a fresh open meeting into a given status. */
function roomIn(status: MeetingStatus, opts: DemoOptions = {}): Room {
  const room = new Room({ ...opts, open: status !== 'scheduled' });
  if (status === 'suspended' || status === 'closed') room.must(P.chair, { type: 'meeting.suspend' });
  if (status === 'closed') room.must(P.chair, { type: 'meeting.close' });
  return room;
}

describe('demo fixture', () => {
  it('builds the meeting from events, with deterministic ids and times', () => {
    const a = new Room({ openItem: true });
    const b = new Room({ openItem: true });
    expect(a.meeting).toEqual(b.meeting);
    expect(a.meeting.status).toBe('open');
    expect(a.meeting.currentItemId).toBe(ITEM.opening);
    expect(a.meeting.presidingParticipantId).toBe(P.chair);
    expect(a.meeting.agenda.map((i) => i.id)).toEqual(Object.values(ITEM));
    expect(a.meeting.participants).toHaveLength(Object.keys(P).length);
    const roles = a.meeting.participants.map((p) => p.role);
    expect(roles.filter((r) => r === 'chair')).toHaveLength(1);
    expect(roles.filter((r) => r === 'vice-chair')).toHaveLength(6);
    expect(roles.filter((r) => r === 'spokesperson')).toHaveLength(6);
    expect(
      new Set(a.meeting.participants.filter((p) => p.role === 'vice-chair').map((p) => p.rto)).size,
    ).toBe(6);
    expect(a.meeting.createdAt).toBe(T0);
  });

  it('the test context only moves when told and counts ids per prefix', () => {
    const ctx = testContext(1000);
    expect(ctx.now).toBe(1000);
    ctx.advance(2.5);
    expect(ctx.now).toBe(3500);
    expect([ctx.ids.request(), ctx.ids.request(), ctx.ids.intervention()]).toEqual(['r_1', 'r_2', 'v_1']);
  });

  it('addParticipant defaults the category and refuses on a closed meeting', () => {
    const room = roomIn('open');
    const ctx = testContext();
    const spokes = addParticipant(room.meeting, { name: 'X', delegation: 'X', role: 'spokesperson' }, ctx);
    const delegate = addParticipant(room.meeting, { name: 'Y', delegation: 'Y', role: 'delegate' }, ctx);
    expect(spokes.ok && spokes.events[0]).toMatchObject({ participant: { category: 'rto', region: 'none' } });
    expect(delegate.ok && delegate.events[0]).toMatchObject({ participant: { category: 'member-state' } });
    const closed = roomIn('closed');
    expect(
      refused(addParticipant(closed.meeting, { name: 'Z', delegation: 'Z', role: 'delegate' }, ctx)),
    ).toBe('conflict');
  });

  it('refuses a stranger as forbidden', () => {
    const room = roomIn('open');
    expect(
      refused(
        decide(room.meeting, command({ type: 'meeting.suspend' }), asId<ParticipantId>('p_nobody'), room.ctx),
      ),
    ).toBe('forbidden');
  });
});

describe('meeting status', () => {
  it.each<[MeetingStatus, CommandInput['type'], MeetingStatus | ErrorCode]>([
    ['scheduled', 'meeting.open', 'open'],
    ['open', 'meeting.open', 'conflict'],
    ['suspended', 'meeting.open', 'conflict'],
    ['closed', 'meeting.open', 'conflict'],
    ['open', 'meeting.suspend', 'suspended'],
    ['scheduled', 'meeting.suspend', 'conflict'],
    ['suspended', 'meeting.suspend', 'conflict'],
    ['closed', 'meeting.suspend', 'conflict'],
    ['suspended', 'meeting.resume', 'open'],
    ['scheduled', 'meeting.resume', 'conflict'],
    ['open', 'meeting.resume', 'conflict'],
    ['closed', 'meeting.resume', 'conflict'],
    ['scheduled', 'meeting.close', 'closed'],
    ['open', 'meeting.close', 'closed'],
    ['suspended', 'meeting.close', 'closed'],
    ['closed', 'meeting.close', 'conflict'],
  ])('%s + %s → %s', (from, type, expected) => {
    const room = roomIn(from);
    const decision = room.run(P.chair, { type } as CommandInput);
    if (decision.ok) expect(room.meeting.status).toBe(expected);
    else {
      expect(decision.error.code).toBe(expected);
      expect(room.meeting.status).toBe(from);
    }
  });

  it.each([
    ['meeting.suspend', 'meeting.suspended'],
    ['meeting.close', 'meeting.closed'],
  ] as const)('%s ends the current intervention and logs it', (type, eventType) => {
    const room = new Room({ openItem: true });
    room.giveTo(P.france);
    room.ctx.advance(42);
    expect(types(room.must(P.chair, { type }))).toEqual(['floor.ended', eventType]);
    expect(room.meeting.floor.current).toBeNull();
    expect(room.meeting.interventions).toMatchObject([{ participantId: P.france, durationSeconds: 42 }]);
  });

  it('keeps the list of speakers across a suspension but refuses to give the floor while suspended', () => {
    const room = new Room({ openItem: true });
    const r = room.queue(P.brazil);
    room.must(P.chair, { type: 'meeting.suspend' });
    expect(room.queuedParticipants()).toEqual([P.brazil]);
    expect(refused(room.run(P.chair, { type: 'floor.give', requestId: r }))).toBe('conflict');
    expect(refused(room.run(P.chair, { type: 'floor.next' }))).toBe('conflict');
    expect(refused(room.run(P.france, { type: 'floor.request', kind: 'speak' }))).toBe('conflict');
    room.must(P.chair, { type: 'meeting.resume' });
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current?.participantId).toBe(P.brazil);
  });

  it.each([
    [{ rtoSpokespersonsFirst: true }, { rtoSpokespersonsFirst: true, newDelegationsFirst: false }],
    [{ newDelegationsFirst: true }, { rtoSpokespersonsFirst: false, newDelegationsFirst: true }],
    [{}, { rtoSpokespersonsFirst: false, newDelegationsFirst: false }],
  ])('setOptions %o changes only what is sent', (sent, expected) => {
    const room = roomIn('open');
    room.must(P.secretariat, { type: 'meeting.setOptions', ...sent });
    expect(room.meeting.options).toEqual(expected);
    room.must(P.chair, { type: 'meeting.setOptions', newDelegationsFirst: !expected.newDelegationsFirst });
    expect(room.meeting.options.rtoSpokespersonsFirst).toBe(expected.rtoSpokespersonsFirst);
  });
});

describe('agenda', () => {
  it.each<[string, CommandInput, string[] | ErrorCode]>([
    [
      'appends by default',
      { type: 'agenda.add', title: 'Closing' },
      [ITEM.opening, ITEM.rtoReports, ITEM.resolution31, ITEM.aob, 'i_5'],
    ],
    [
      'inserts at toIndex',
      { type: 'agenda.add', title: 'Statement', toIndex: 1 },
      [ITEM.opening, 'i_5', ITEM.rtoReports, ITEM.resolution31, ITEM.aob],
    ],
    [
      'clamps toIndex to the end',
      { type: 'agenda.add', title: 'Late', toIndex: 99 },
      [ITEM.opening, ITEM.rtoReports, ITEM.resolution31, ITEM.aob, 'i_5'],
    ],
    [
      'moves an item up',
      { type: 'agenda.move', itemId: ITEM.aob, toIndex: 0 },
      [ITEM.aob, ITEM.opening, ITEM.rtoReports, ITEM.resolution31],
    ],
    [
      'moves an item down, clamped to the end',
      { type: 'agenda.move', itemId: ITEM.opening, toIndex: 50 },
      [ITEM.rtoReports, ITEM.resolution31, ITEM.aob, ITEM.opening],
    ],
    ['move of an unknown item', { type: 'agenda.move', itemId: BOGUS, toIndex: 0 }, 'not_found'],
    [
      'removes a pending item',
      { type: 'agenda.remove', itemId: ITEM.rtoReports },
      [ITEM.opening, ITEM.resolution31, ITEM.aob],
    ],
    ['removes the current item', { type: 'agenda.remove', itemId: ITEM.opening }, 'conflict'],
    ['removes an unknown item', { type: 'agenda.remove', itemId: BOGUS }, 'not_found'],
    ['updates an unknown item', { type: 'agenda.update', itemId: BOGUS, title: 'x' }, 'not_found'],
  ])('%s', (_name, input, expected) => {
    const room = new Room({ openItem: ITEM.opening });
    const decision = room.run(P.secretariat, input);
    if (typeof expected === 'string') expect(refused(decision)).toBe(expected);
    else {
      expect(decision.ok).toBe(true);
      expect(room.meeting.agenda.map((i) => i.id)).toEqual(expected);
    }
  });

  it('numbers a new item after the existing ones unless told', () => {
    const room = new Room();
    room.must(P.chair, { type: 'agenda.add', title: 'Closing' });
    room.must(P.chair, { type: 'agenda.add', title: 'Annex', number: '4bis' });
    expect(room.meeting.agenda.slice(-2)).toMatchObject([
      { number: '5', title: 'Closing', status: 'pending', spentSeconds: 0, openSince: null, description: '' },
      { number: '4bis' },
    ]);
  });

  it('update changes only the fields sent', () => {
    const room = new Room();
    const before = room.item(ITEM.resolution31);
    const [event] = room.must(P.secretariat, {
      type: 'agenda.update',
      itemId: ITEM.resolution31,
      plannedMinutes: 120,
    });
    expect(event).toEqual({
      type: 'agenda.itemUpdated',
      itemId: ITEM.resolution31,
      changes: { plannedMinutes: 120 },
    });
    expect(room.item(ITEM.resolution31)).toEqual({ ...before, plannedMinutes: 120 });
  });

  it('removing an item drops its parked list and unlinks its proposals', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.queue(P.kenya);
    room.must(P.france, {
      type: 'proposal.create',
      symbol: 'ECP/1',
      title: 'Res. 31',
      submittedBy: 'CEPT',
      itemId: ITEM.rtoReports,
    });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
    expect(room.meeting.parkedLists[ITEM.rtoReports]?.queue).toHaveLength(1);
    room.must(P.chair, { type: 'agenda.remove', itemId: ITEM.rtoReports });
    expect(room.meeting.parkedLists).toEqual({});
    expect(room.meeting.proposals[0]?.itemId).toBeNull();
  });

  describe('open / conclude / defer', () => {
    type Row = [string, DemoOptions, CommandInput, ErrorCode];
    it.each<Row>([
      ['open an unknown item', { openItem: true }, { type: 'agenda.open', itemId: BOGUS }, 'not_found'],
      ['open while scheduled', { open: false }, { type: 'agenda.open', itemId: ITEM.opening }, 'conflict'],
      [
        'open the current item again',
        { openItem: true },
        { type: 'agenda.open', itemId: ITEM.opening },
        'conflict',
      ],
      [
        'conclude an unknown item',
        { openItem: true },
        { type: 'agenda.conclude', itemId: BOGUS },
        'not_found',
      ],
      ['defer an unknown item', { openItem: true }, { type: 'agenda.defer', itemId: BOGUS }, 'not_found'],
    ])('$0 → $3', (_name, opts, input, code) => {
      const room = new Room(opts);
      expect(refused(room.run(P.chair, input))).toBe(code);
    });

    it('open refuses while suspended', () => {
      const room = roomIn('suspended');
      expect(refused(room.run(P.chair, { type: 'agenda.open', itemId: ITEM.opening }))).toBe('conflict');
    });

    it('opening an item makes it current and sends the previous one back to pending', () => {
      const room = new Room({ openItem: ITEM.opening });
      expect(room.item(ITEM.opening)).toMatchObject({ status: 'open', openSince: T0 });
      room.ctx.advance(60);
      room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
      expect(room.meeting.currentItemId).toBe(ITEM.rtoReports);
      expect(room.item(ITEM.opening)).toMatchObject({ status: 'pending', openSince: null, spentSeconds: 60 });
      expect(room.item(ITEM.rtoReports)).toMatchObject({ status: 'open', openSince: T0 + 60_000 });
    });

    it('opening another item ends the current intervention on the old item', () => {
      const room = new Room({ openItem: ITEM.opening });
      room.giveTo(P.egypt);
      room.ctx.advance(30);
      const events = room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
      expect(types(events)).toEqual(['floor.ended', 'agenda.itemOpened']);
      expect(room.meeting.interventions[0]).toMatchObject({ itemId: ITEM.opening, durationSeconds: 30 });
      expect(room.meeting.floor.current).toBeNull();
    });

    it.each([
      ['concluded', 'agenda.conclude', { outcome: 'Agenda adopted' }],
      ['deferred', 'agenda.defer', {}],
    ] as const)('the current item can be %s: speaker ended, no current item', (status, type, extra) => {
      const room = new Room({ openItem: ITEM.opening });
      room.giveTo(P.japan);
      room.ctx.advance(10);
      const events = room.must(P.chair, { type, itemId: ITEM.opening, ...extra } as CommandInput);
      expect(types(events)[0]).toBe('floor.ended');
      expect(room.meeting.currentItemId).toBeNull();
      expect(room.item(ITEM.opening)).toMatchObject({ status, spentSeconds: 10, openSince: null });
      if (status === 'concluded') expect(room.item(ITEM.opening).outcome).toBe('Agenda adopted');
    });

    it.each<[string, 'agenda.conclude' | 'agenda.defer', ('conclude' | 'defer')[], 'ok' | ErrorCode]>([
      ['conclude a pending item', 'agenda.conclude', [], 'ok'],
      ['conclude a deferred item', 'agenda.conclude', ['defer'], 'ok'],
      ['conclude a concluded item', 'agenda.conclude', ['conclude'], 'conflict'],
      ['defer a pending item', 'agenda.defer', [], 'ok'],
      ['defer a deferred item', 'agenda.defer', ['defer'], 'conflict'],
      ['defer a concluded item', 'agenda.defer', ['conclude'], 'conflict'],
    ])('$0 → $3', (_name, type, before, expected) => {
      const room = new Room({ openItem: ITEM.opening });
      for (const step of before)
        room.must(P.chair, { type: `agenda.${step}`, itemId: ITEM.aob } as CommandInput);
      const decision = room.run(P.chair, { type, itemId: ITEM.aob });
      expect(refused(decision)).toBe(expected);
      // a non-current item leaves the current one alone
      expect(room.meeting.currentItemId).toBe(ITEM.opening);
    });

    it('a concluded item can be opened again; its outcome is kept', () => {
      const room = new Room({ openItem: ITEM.opening });
      room.must(P.chair, { type: 'agenda.conclude', itemId: ITEM.opening, outcome: 'adopted' });
      room.must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
      expect(room.item(ITEM.opening)).toMatchObject({ status: 'open', outcome: 'adopted' });
    });
  });

  it('counts the time spent per item only while the meeting is open, across reopenings', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.ctx.advance(120);
    room.must(P.chair, { type: 'meeting.suspend' });
    expect(room.item(ITEM.rtoReports)).toMatchObject({ spentSeconds: 120, openSince: null });
    room.ctx.advance(900); // coffee break
    room.must(P.chair, { type: 'meeting.resume' });
    expect(room.item(ITEM.rtoReports).openSince).toBe(room.ctx.now);
    room.ctx.advance(60);
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
    expect(room.item(ITEM.rtoReports).spentSeconds).toBe(180);
    room.ctx.advance(300);
    room.must(P.chair, { type: 'agenda.defer', itemId: ITEM.resolution31 });
    expect(room.item(ITEM.resolution31)).toMatchObject({ spentSeconds: 300, status: 'deferred' });
    room.ctx.advance(1000); // no current item: nothing counts
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    room.ctx.advance(20);
    room.must(P.chair, { type: 'agenda.conclude', itemId: ITEM.rtoReports });
    expect(room.item(ITEM.rtoReports)).toMatchObject({ spentSeconds: 200, status: 'concluded' });
    expect(room.item(ITEM.resolution31).spentSeconds).toBe(300);
    room.ctx.advance(5);
    room.must(P.chair, { type: 'meeting.close' });
    expect(room.meeting.agenda.every((i) => i.openSince === null)).toBe(true);
  });

  it('closing the meeting stops the clock of the current item', () => {
    const room = new Room({ openItem: ITEM.aob });
    room.ctx.advance(75);
    room.must(P.chair, { type: 'meeting.close' });
    expect(room.item(ITEM.aob)).toMatchObject({ spentSeconds: 75, openSince: null });
  });

  it.each([
    ['another item is opened', { type: 'agenda.open', itemId: ITEM.rtoReports }],
    ['the item is concluded', { type: 'agenda.conclude', itemId: ITEM.opening }],
    ['the item is deferred', { type: 'agenda.defer', itemId: ITEM.opening }],
  ] as [string, CommandInput][])('parks the list when %s and restores it on reopening', (_name, leave) => {
    const room = new Room({ openItem: ITEM.opening });
    room.queue(P.france);
    room.queue(P.brazil);
    room.must(P.chair, { type: 'floor.close' });
    const queue = room.meeting.floor.queue;
    room.must(P.chair, leave);
    expect(room.meeting.floor.queue).toEqual([]);
    expect(room.meeting.floor.closed).toBe(false);
    expect(room.meeting.parkedLists[ITEM.opening]).toEqual({ queue, closed: true });
    if (room.meeting.currentItemId === null)
      room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    // the other item has a list of its own
    room.must(P.egypt, { type: 'floor.request', kind: 'speak' });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
    expect(room.meeting.floor.queue).toEqual(queue);
    expect(room.meeting.floor.closed).toBe(true);
    expect(room.meeting.parkedLists[ITEM.opening]).toBeUndefined();
    expect(room.meeting.parkedLists[ITEM.rtoReports]?.queue.map((r) => r.participantId)).toEqual([P.egypt]);
  });

  it('an empty but closed list is parked, so the item comes back with its list closed', () => {
    const room = new Room({ openItem: ITEM.opening });
    room.must(P.chair, { type: 'floor.close' });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    expect(room.meeting.parkedLists).toEqual({ [ITEM.opening]: { queue: [], closed: true } });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
    expect(room.meeting.floor.closed).toBe(true);
  });

  it('an empty, open list is not parked', () => {
    const room = new Room({ openItem: ITEM.opening });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    expect(room.meeting.parkedLists).toEqual({});
  });
});

describe('floor: requests and order', () => {
  const request = (room: Room, who: ParticipantId, kind: FloorKind) =>
    room.must(who, { type: 'floor.request', kind });

  it('puts points of order first, then replies, then speakers, each in request order', () => {
    const room = new Room({ openItem: true });
    const order: [ParticipantId, FloorKind][] = [
      [P.france, 'speak'],
      [P.brazil, 'speak'],
      [P.egypt, 'reply'],
      [P.kenya, 'point_of_order'],
      [P.japan, 'reply'],
      [P.kazakhstan, 'point_of_order'],
      [P.spokesApt, 'speak'],
    ];
    for (const [who, kind] of order) {
      request(room, who, kind);
      room.ctx.advance(1);
    }
    expect(room.meeting.floor.queue.map((r) => [r.participantId, r.kind])).toEqual([
      [P.kenya, 'point_of_order'],
      [P.kazakhstan, 'point_of_order'],
      [P.egypt, 'reply'],
      [P.japan, 'reply'],
      [P.france, 'speak'],
      [P.brazil, 'speak'],
      [P.spokesApt, 'speak'],
    ]);
    expect(kindsInOrder(room.meeting.floor.queue)).toBe(true);
    // floor.next follows the same order (each intervention ended first: a point of order given
    // during a speech would suspend it, see floorSuspend.test.ts)
    const given: ParticipantId[] = [];
    while (room.meeting.floor.queue.length > 0) {
      if (room.meeting.floor.current) room.must(P.chair, { type: 'floor.end' });
      room.must(P.chair, { type: 'floor.next' });
      given.push(room.meeting.floor.current!.participantId);
    }
    expect(given).toEqual([P.kenya, P.kazakhstan, P.egypt, P.japan, P.france, P.brazil, P.spokesApt]);
  });

  it('records the request time, priority and no per-request limit', () => {
    const room = new Room({ openItem: true });
    room.ctx.advance(7);
    const [event] = request(room, P.france, 'speak');
    expect(event).toEqual({
      type: 'floor.requested',
      index: 0,
      request: {
        id: expect.any(String),
        participantId: P.france,
        kind: 'speak',
        requestedAt: T0 + 7000,
        priority: 2,
        limitSeconds: null,
      },
    });
  });

  it('with rtoSpokespersonsFirst, an RTO spokesperson’s first turn on the item goes before delegates', () => {
    const room = new Room({ openItem: true, options: { rtoSpokespersonsFirst: true } });
    request(room, P.france, 'speak');
    request(room, P.spokesApt, 'speak');
    request(room, P.brazil, 'speak');
    request(room, P.spokesAtu, 'speak');
    request(room, P.egypt, 'point_of_order');
    expect(room.queuedParticipants()).toEqual([P.egypt, P.spokesApt, P.spokesAtu, P.france, P.brazil]);
    // once APT has spoken on this item, its next request is an ordinary one
    room.must(P.chair, { type: 'floor.give', requestId: room.meeting.floor.queue[1]!.id });
    room.must(P.chair, { type: 'floor.end' });
    request(room, P.spokesApt, 'speak');
    expect(room.queuedParticipants()).toEqual([P.egypt, P.spokesAtu, P.france, P.brazil, P.spokesApt]);
    // on a new item it is a first turn again
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    request(room, P.kenya, 'speak');
    request(room, P.spokesApt, 'speak');
    expect(room.queuedParticipants()).toEqual([P.spokesApt, P.kenya]);
  });

  it('without the option, spokespersons queue like everyone else', () => {
    const room = new Room({ openItem: true });
    request(room, P.france, 'speak');
    request(room, P.spokesApt, 'speak');
    expect(room.queuedParticipants()).toEqual([P.france, P.spokesApt]);
  });

  it('with newDelegationsFirst, delegations that have not spoken on the item go first', () => {
    const room = new Room({ openItem: true, options: { newDelegationsFirst: true } });
    room.giveTo(P.kenya);
    room.must(P.chair, { type: 'floor.end' });
    request(room, P.kenya2, 'speak'); // Kenya has spoken already (another member of the delegation)
    request(room, P.france, 'speak');
    request(room, P.kenya, 'speak');
    request(room, P.brazil, 'speak');
    expect(room.queuedParticipants()).toEqual([P.france, P.brazil, P.kenya2, P.kenya]);
    expect(room.meeting.floor.queue.map((r) => r.priority)).toEqual([1, 1, 2, 2]);
  });

  it('with both options: first RTO turns, then new delegations, then the rest', () => {
    const room = new Room({
      openItem: true,
      options: { rtoSpokespersonsFirst: true, newDelegationsFirst: true },
    });
    room.giveTo(P.france);
    room.must(P.chair, { type: 'floor.end' });
    request(room, P.france, 'speak');
    request(room, P.brazil, 'speak');
    request(room, P.spokesCitel, 'speak');
    request(room, P.japan, 'reply');
    expect(room.queuedParticipants()).toEqual([P.japan, P.spokesCitel, P.brazil, P.france]);
    expect(room.meeting.floor.queue.map((r) => r.priority)).toEqual([2, 0, 1, 2]);
  });

  it.each<[string, FloorKind, FloorKind, 'ok' | ErrorCode]>([
    ['a second speak request', 'speak', 'speak', 'conflict'],
    ['a second reply', 'reply', 'reply', 'conflict'],
    ['a second point of order', 'point_of_order', 'point_of_order', 'conflict'],
    ['a reply after a speak request', 'speak', 'reply', 'ok'],
    ['a point of order after a reply', 'reply', 'point_of_order', 'ok'],
  ])('one open request per participant per kind: $0 → $3', (_name, first, second, expected) => {
    const room = new Room({ openItem: true });
    request(room, P.france, first);
    expect(refused(room.run(P.france, { type: 'floor.request', kind: second }))).toBe(expected);
    // the chair cannot queue a duplicate on someone's behalf either
    if (expected !== 'ok') {
      expect(
        refused(room.run(P.chair, { type: 'floor.request', kind: second, participantId: P.france })),
      ).toBe(expected);
    }
  });

  it.each<[FloorKind, 'ok' | ErrorCode]>([
    ['speak', 'conflict'],
    ['reply', 'ok'],
    ['point_of_order', 'ok'],
  ])('a closed list takes %s → %s', (kind, expected) => {
    const room = new Room({ openItem: true });
    room.must(P.chair, { type: 'floor.close' });
    expect(refused(room.run(P.brazil, { type: 'floor.request', kind }))).toBe(expected);
    expect(refused(room.run(P.chair, { type: 'floor.request', kind, participantId: P.egypt }))).toBe(
      expected,
    );
    room.must(P.chair, { type: 'floor.reopen' });
    expect(refused(room.run(P.kenya, { type: 'floor.request', kind }))).toBe('ok');
  });

  it.each<[string, DemoOptions, ParticipantId, ParticipantId | undefined, ErrorCode | 'ok']>([
    ['a delegate asks for the floor', { openItem: true }, P.brazil, undefined, 'ok'],
    ['the chair asks for the floor', { openItem: true }, P.chair, undefined, 'ok'],
    ['an observer asks by themselves', { openItem: true }, P.observer, undefined, 'forbidden'],
    ['the chair queues an observer', { openItem: true }, P.chair, P.observer, 'ok'],
    ['the secretariat queues an RTO', { openItem: true }, P.secretariat, P.spokesRcc, 'ok'],
    ['a delegate queues someone else', { openItem: true }, P.brazil, P.france, 'forbidden'],
    ['a non-presiding vice-chair queues someone else', { openItem: true }, P.viceLas, P.france, 'forbidden'],
    ['a delegate names themselves', { openItem: true }, P.brazil, P.brazil, 'ok'],
    ['the chair queues a stranger', { openItem: true }, P.chair, asId<ParticipantId>('p_ghost'), 'not_found'],
    ['no item is open', { open: true }, P.brazil, undefined, 'conflict'],
    ['the meeting is scheduled', { open: false }, P.brazil, undefined, 'conflict'],
  ])('floor.request: $0 → $4', (_name, opts, actor, participantId, expected) => {
    const room = new Room(opts);
    const decision = room.run(actor, { type: 'floor.request', kind: 'speak', participantId });
    expect(refused(decision)).toBe(expected);
    if (decision.ok) expect(room.queuedParticipants()).toEqual([participantId ?? actor]);
  });

  it.each<[string, FloorKind]>([
    ['speak', 'speak'],
    ['reply', 'reply'],
    ['point of order', 'point_of_order'],
  ])('the current speaker cannot ask for the floor again (%s)', (_name, kind) => {
    const room = new Room({ openItem: true });
    room.giveTo(P.france);
    const own = room.run(P.france, { type: 'floor.request', kind });
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'you have the floor already' },
    });
    expect(refused(room.run(P.chair, { type: 'floor.request', kind, participantId: P.france }))).toBe(
      'conflict',
    );
    room.must(P.france, { type: 'floor.end' });
    expect(refused(room.run(P.france, { type: 'floor.request', kind }))).toBe('ok');
  });
});

describe('floor: withdraw, give, next, end', () => {
  it.each<
    [string, (room: Room, ids: Record<string, RequestId>) => CommandInput, ParticipantId, 'ok' | ErrorCode]
  >([
    [
      'own request by id',
      (_r, ids) => ({ type: 'floor.withdraw', requestId: ids.franceSpeak }),
      P.france,
      'ok',
    ],
    ['own last request without id', () => ({ type: 'floor.withdraw' }), P.france, 'ok'],
    [
      'someone else’s request',
      (_r, ids) => ({ type: 'floor.withdraw', requestId: ids.brazil }),
      P.france,
      'forbidden',
    ],
    [
      'the chair withdrawing someone else’s',
      (_r, ids) => ({ type: 'floor.withdraw', requestId: ids.brazil }),
      P.chair,
      'forbidden',
    ],
    ['an unknown request', () => ({ type: 'floor.withdraw', requestId: BOGUS }), P.france, 'not_found'],
    ['without id and nothing queued', () => ({ type: 'floor.withdraw' }), P.japan, 'not_found'],
    [
      'an observer withdrawing own',
      (_r, ids) => ({ type: 'floor.withdraw', requestId: ids.observer }),
      P.observer,
      'ok',
    ],
  ])('withdraw $0 → $3', (_name, make, actor, expected) => {
    const room = new Room({ openItem: true });
    const ids = {
      franceSpeak: room.queue(P.france, 'speak'),
      franceReply: room.queue(P.france, 'reply'),
      brazil: room.queue(P.brazil),
      observer: room.queue(P.observer),
    };
    const before = room.meeting.floor.queue.length;
    const input = make(room, ids);
    expect(refused(room.run(actor, input))).toBe(expected);
    expect(room.meeting.floor.queue).toHaveLength(expected === 'ok' ? before - 1 : before);
  });

  it('withdraw without id takes the participant’s last request in the list', () => {
    const room = new Room({ openItem: true });
    room.queue(P.france, 'reply');
    const speak = room.queue(P.france, 'speak');
    const [event] = room.must(P.france, { type: 'floor.withdraw' });
    expect(event).toEqual({ type: 'floor.withdrawn', requestId: speak });
    expect(room.meeting.floor.queue.map((r) => r.kind)).toEqual(['reply']);
  });

  it('give hands the floor with the default limit and logs the previous intervention', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    const france = room.queue(P.france);
    const brazil = room.queue(P.brazil);
    room.ctx.advance(5);
    room.must(P.chair, { type: 'floor.give', requestId: brazil });
    expect(room.meeting.floor.current).toEqual({
      requestId: brazil,
      participantId: P.brazil,
      kind: 'speak',
      startedAt: T0 + 5000,
      limitSeconds: 180,
    });
    expect(room.queuedParticipants()).toEqual([P.france]);
    room.ctx.advance(200);
    const events = room.must(P.chair, { type: 'floor.give', requestId: france });
    expect(types(events)).toEqual(['floor.ended', 'floor.given']);
    expect(room.meeting.interventions).toEqual([
      {
        id: expect.any(String),
        requestId: brazil,
        participantId: P.brazil,
        delegation: 'Brazil',
        region: 'AMS',
        rto: null,
        itemId: ITEM.rtoReports,
        kind: 'speak',
        startedAt: T0 + 5000,
        endedAt: T0 + 205_000,
        parts: [{ startedAt: T0 + 5000, endedAt: T0 + 205_000 }],
        durationSeconds: 200,
        limitSeconds: 180,
        overrunSeconds: 20,
      },
    ]);
    expect(room.meeting.floor.current?.participantId).toBe(P.france);
  });

  it.each<[string, number, number]>([
    ['within the limit', 179, 0],
    ['exactly the limit', 180, 0],
    ['over the limit', 241, 61],
  ])('end logs an intervention %s', (_name, seconds, overrun) => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.giveTo(P.spokesAtu);
    room.ctx.advance(seconds);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.floor.current).toBeNull();
    expect(room.meeting.interventions[0]).toMatchObject({
      participantId: P.spokesAtu,
      delegation: 'ATU',
      region: 'AFR',
      rto: 'ATU',
      itemId: ITEM.rtoReports,
      durationSeconds: seconds,
      limitSeconds: 180,
      overrunSeconds: overrun,
    });
  });

  it.each<[string, 'floor.give' | 'floor.next' | 'floor.end', 'ok' | ErrorCode, boolean]>([
    ['give an unknown request', 'floor.give', 'not_found', true],
    ['next on an empty list', 'floor.next', 'conflict', false],
    ['end with nobody speaking', 'floor.end', 'conflict', false],
  ])('%s → %s', (_name, type, expected) => {
    const room = new Room({ openItem: true });
    const input = (type === 'floor.give' ? { type, requestId: BOGUS } : { type }) as CommandInput;
    expect(refused(room.run(P.chair, input))).toBe(expected);
  });

  it('next gives the floor to the head of the list', () => {
    const room = new Room({ openItem: true });
    room.queue(P.france);
    room.queue(P.egypt, 'point_of_order');
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current).toMatchObject({ participantId: P.egypt, kind: 'point_of_order' });
  });

  it.each<[string, ParticipantId, 'ok' | ErrorCode]>([
    ['the speaker', P.france, 'ok'],
    ['another delegate', P.brazil, 'forbidden'],
    ['the secretariat', P.secretariat, 'forbidden'],
    ['a non-presiding vice-chair', P.viceApt, 'forbidden'],
    ['the chair', P.chair, 'ok'],
  ])('floor.end by %s → %s', (_name, actor, expected) => {
    const room = new Room({ openItem: true });
    room.giveTo(P.france);
    expect(refused(room.run(actor, { type: 'floor.end' }))).toBe(expected);
  });

  it('an observer given the floor by the chair may yield it', () => {
    const room = new Room({ openItem: true });
    room.giveTo(P.observer);
    room.ctx.advance(12);
    room.must(P.observer, { type: 'floor.end' });
    expect(room.meeting.interventions[0]).toMatchObject({
      participantId: P.observer,
      region: 'none',
      durationSeconds: 12,
    });
  });

  it('a speaker who still has a request of another kind keeps it', () => {
    const room = new Room({ openItem: true });
    const speak = room.queue(P.france, 'speak');
    room.queue(P.france, 'point_of_order');
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current).toMatchObject({ participantId: P.france, kind: 'point_of_order' });
    expect(room.meeting.floor.queue.map((r) => r.id)).toEqual([speak]);
  });
});

describe('floor: move, remove, limits, close', () => {
  /** Queue: kenya (PoO), egypt (reply), france, brazil, japan (speak). */
  function queued() {
    const room = new Room({ openItem: true });
    const ids = {
      kenya: room.queue(P.kenya, 'point_of_order'),
      egypt: room.queue(P.egypt, 'reply'),
      france: room.queue(P.france),
      brazil: room.queue(P.brazil),
      japan: room.queue(P.japan),
    };
    return { room, ids };
  }

  it.each<[string, keyof ReturnType<typeof queued>['ids'], number, ParticipantId[], number | null]>([
    ['a speaker up within the speakers', 'japan', 2, [P.kenya, P.egypt, P.japan, P.france, P.brazil], 2],
    [
      'a speaker ahead of a point of order is clamped',
      'japan',
      0,
      [P.kenya, P.egypt, P.japan, P.france, P.brazil],
      2,
    ],
    ['a speaker to the end', 'france', 99, [P.kenya, P.egypt, P.brazil, P.japan, P.france], 4],
    [
      'a point of order behind speakers is clamped (no-op)',
      'kenya',
      4,
      [P.kenya, P.egypt, P.france, P.brazil, P.japan],
      null,
    ],
    [
      'a reply stays between points of order and speakers',
      'egypt',
      0,
      [P.kenya, P.egypt, P.france, P.brazil, P.japan],
      null,
    ],
  ])('move %s', (_name, who, toIndex, expected, eventIndex) => {
    const { room, ids } = queued();
    const events = room.must(P.chair, { type: 'floor.move', requestId: ids[who], toIndex });
    expect(room.queuedParticipants()).toEqual(expected);
    expect(events).toEqual(
      eventIndex === null ? [] : [{ type: 'floor.moved', requestId: ids[who], toIndex: eventIndex }],
    );
    expect(kindsInOrder(room.meeting.floor.queue)).toBe(true);
  });

  it.each<[string, CommandInput, ErrorCode]>([
    ['move an unknown request', { type: 'floor.move', requestId: BOGUS, toIndex: 0 }, 'not_found'],
    ['remove an unknown request', { type: 'floor.remove', requestId: BOGUS }, 'not_found'],
    [
      'set the limit of an unknown request',
      { type: 'floor.setLimit', seconds: 60, requestId: BOGUS },
      'not_found',
    ],
    ['extend with nobody speaking', { type: 'floor.extend', seconds: 60 }, 'conflict'],
    ['reopen an open list', { type: 'floor.reopen' }, 'conflict'],
  ])('$0 → $2', (_name, input, code) => {
    const { room } = queued();
    const before = room.meeting;
    expect(refused(room.run(P.chair, input))).toBe(code);
    expect(room.meeting).toBe(before);
  });

  it('remove takes anyone’s request off the list', () => {
    const { room, ids } = queued();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.brazil });
    expect(room.queuedParticipants()).toEqual([P.kenya, P.egypt, P.france, P.japan]);
  });

  it('setLimit without request changes the default used by later gives', () => {
    const { room } = queued();
    room.must(P.chair, { type: 'floor.next' });
    room.must(P.chair, { type: 'floor.setLimit', seconds: 120 });
    expect(room.meeting.floor.limitSeconds).toBe(120);
    expect(room.meeting.floor.current?.limitSeconds).toBe(180); // the current speaker keeps theirs
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current?.limitSeconds).toBe(120);
  });

  it('setLimit with a request overrides the default for that request only', () => {
    const { room, ids } = queued();
    room.must(P.chair, { type: 'floor.setLimit', seconds: 300, requestId: ids.kenya });
    expect(room.meeting.floor.queue[0]?.limitSeconds).toBe(300);
    expect(room.meeting.floor.limitSeconds).toBe(180);
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current).toMatchObject({ participantId: P.kenya, limitSeconds: 300 });
    room.must(P.chair, { type: 'floor.next' });
    expect(room.meeting.floor.current).toMatchObject({ participantId: P.egypt, limitSeconds: 180 });
  });

  it('extend adds time to the current speaker; overrun is measured against the extended limit', () => {
    const { room } = queued();
    room.must(P.chair, { type: 'floor.next' });
    room.must(P.chair, { type: 'floor.extend', seconds: 60 });
    expect(room.meeting.floor.current?.limitSeconds).toBe(240);
    room.ctx.advance(250);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.interventions[0]).toMatchObject({ limitSeconds: 240, overrunSeconds: 10 });
  });

  it.each<[string, DemoOptions, boolean, 'ok' | ErrorCode]>([
    ['close an open list', { openItem: true }, false, 'ok'],
    ['close a closed list', { openItem: true }, true, 'conflict'],
    ['close with no item open', { open: true }, false, 'conflict'],
  ])('$0 → $3', (_name, opts, closeFirst, expected) => {
    const room = new Room(opts);
    if (closeFirst) room.must(P.chair, { type: 'floor.close' });
    expect(refused(room.run(P.chair, { type: 'floor.close' }))).toBe(expected);
    if (expected === 'ok') expect(room.meeting.floor.closed).toBe(true);
  });
});

describe('floor: RTO round', () => {
  it('queues the spokespersons in the chosen order, after requests already waiting', () => {
    const room = new Room({ openItem: true });
    room.queue(P.france);
    const decision = room.must(P.chair, { type: 'floor.rtoRound', rtos: ['LAS', 'CEPT', 'APT'] });
    expect(types(decision)).toEqual(['floor.requested', 'floor.requested', 'floor.requested']);
    expect(room.queuedParticipants()).toEqual([P.france, P.spokesLas, P.spokesCept, P.spokesApt]);
  });

  it('with rtoSpokespersonsFirst, the round goes before delegates and keeps its order', () => {
    const room = new Room({ openItem: true, options: { rtoSpokespersonsFirst: true } });
    room.queue(P.france);
    room.must(P.chair, { type: 'floor.rtoRound', rtos: ['RCC', 'ATU', 'CITEL', 'APT', 'CEPT', 'LAS'] });
    expect(room.queuedParticipants()).toEqual([
      P.spokesRcc,
      P.spokesAtu,
      P.spokesCitel,
      P.spokesApt,
      P.spokesCept,
      P.spokesLas,
      P.france,
    ]);
  });

  it('a spokesperson already queued to speak keeps their place and is not queued twice', () => {
    const room = new Room({ openItem: true });
    room.queue(P.spokesCept);
    room.queue(P.brazil);
    room.must(P.chair, { type: 'floor.rtoRound', rtos: ['APT', 'CEPT'] });
    expect(room.queuedParticipants()).toEqual([P.spokesCept, P.brazil, P.spokesApt]);
  });

  it.each<[string, DemoOptions, 'ok' | ErrorCode]>([
    ['no item open', { open: true }, 'conflict'],
    ['meeting not open', {}, 'conflict'],
  ])('%s → %s, nothing queued', (_name, opts, expected) => {
    const room = new Room(opts);
    const before = room.meeting;
    expect(refused(room.run(P.chair, { type: 'floor.rtoRound', rtos: ['APT'] }))).toBe(expected);
    expect(room.meeting).toBe(before);
  });

  it('a delegate may not call an RTO round', () => {
    const room = new Room({ openItem: true });
    expect(refused(room.run(P.france, { type: 'floor.rtoRound', rtos: ['APT'] }))).toBe('forbidden');
  });
});

describe('presiding', () => {
  it('the chair hands presiding to a vice-chair, who gets floor powers until the chair resumes', () => {
    const room = new Room({ openItem: true });
    room.queue(P.france);
    room.queue(P.brazil);
    expect(refused(room.run(P.viceAtu, { type: 'floor.next' }))).toBe('forbidden');
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceAtu });
    expect(room.meeting.presidingParticipantId).toBe(P.viceAtu);
    room.must(P.viceAtu, { type: 'floor.next' });
    expect(room.meeting.floor.current?.participantId).toBe(P.france);
    expect(refused(room.run(P.viceApt, { type: 'floor.next' }))).toBe('forbidden');
    room.must(P.viceAtu, { type: 'floor.request', kind: 'speak', participantId: P.observer });
    room.must(P.viceAtu, { type: 'floor.end' }); // ends someone else’s intervention
    // the chair keeps presiding powers throughout
    room.must(P.chair, { type: 'floor.next' });
    room.must(P.chair, { type: 'presiding.resume' });
    expect(room.meeting.presidingParticipantId).toBe(P.chair);
    expect(refused(room.run(P.viceAtu, { type: 'floor.next' }))).toBe('forbidden');
    expect(refused(room.run(P.viceAtu, { type: 'floor.end' }))).toBe('forbidden');
  });

  it.each<[string, ParticipantId, CommandInput, 'ok' | ErrorCode]>([
    ['chair hands to a vice-chair', P.chair, { type: 'presiding.handTo', participantId: P.viceCitel }, 'ok'],
    ['chair hands to a delegate', P.chair, { type: 'presiding.handTo', participantId: P.france }, 'conflict'],
    [
      'chair hands to a spokesperson',
      P.chair,
      { type: 'presiding.handTo', participantId: P.spokesApt },
      'conflict',
    ],
    [
      'chair hands to a stranger',
      P.chair,
      { type: 'presiding.handTo', participantId: 'p_ghost' },
      'not_found',
    ],
    ['chair resumes while presiding', P.chair, { type: 'presiding.resume' }, 'conflict'],
    [
      'a vice-chair takes presiding',
      P.viceCitel,
      { type: 'presiding.handTo', participantId: P.viceCitel },
      'forbidden',
    ],
    ['a vice-chair resumes', P.viceCitel, { type: 'presiding.resume' }, 'forbidden'],
    [
      'the secretariat hands presiding',
      P.secretariat,
      { type: 'presiding.handTo', participantId: P.viceCitel },
      'forbidden',
    ],
  ])('$0 → $3', (_name, actor, input, expected) => {
    const room = new Room({ openItem: true });
    expect(refused(room.run(actor, input))).toBe(expected);
  });

  it('refuses to hand presiding to the vice-chair already presiding; may pass it to another', () => {
    const room = new Room({ openItem: true });
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceRcc });
    expect(refused(room.run(P.chair, { type: 'presiding.handTo', participantId: P.viceRcc }))).toBe(
      'conflict',
    );
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceLas });
    expect(room.meeting.presidingParticipantId).toBe(P.viceLas);
    expect(refused(room.run(P.viceRcc, { type: 'agenda.open', itemId: ITEM.aob }))).toBe('forbidden');
    expect(refused(room.run(P.viceLas, { type: 'agenda.open', itemId: ITEM.aob }))).toBe('ok');
  });
});

describe('proposals', () => {
  const create = (room: Room, actor: ParticipantId, symbol = 'AFCP/31/1', itemId?: string) => {
    const [event] = room.must(actor, {
      type: 'proposal.create',
      symbol,
      title: 'Revision of Resolution 31',
      submittedBy: 'ATU',
      itemId,
    });
    if (event?.type !== 'proposal.created') throw new Error('expected proposal.created');
    return event.proposal.id;
  };

  it('create records a draft with its author and time', () => {
    const room = new Room({ openItem: true });
    room.ctx.advance(3);
    const id = create(room, P.kenya, 'AFCP/31/1', ITEM.resolution31);
    expect(room.meeting.proposals).toEqual([
      {
        id,
        kind: 'proposal',
        symbol: 'AFCP/31/1',
        title: 'Revision of Resolution 31',
        submittedBy: 'ATU',
        itemId: ITEM.resolution31,
        status: 'draft',
        locked: false,
        createdBy: P.kenya,
        createdAt: T0 + 3000,
      },
    ]);
  });

  it.each<[string, ParticipantId, CommandInput, ErrorCode]>([
    [
      'a duplicate symbol',
      P.france,
      { type: 'proposal.create', symbol: 'AFCP/31/1', title: 't', submittedBy: 's' },
      'conflict',
    ],
    [
      'an unknown item',
      P.france,
      { type: 'proposal.create', symbol: 'ECP/1', title: 't', submittedBy: 's', itemId: BOGUS },
      'not_found',
    ],
    [
      'an observer',
      P.observer,
      { type: 'proposal.create', symbol: 'Y/1', title: 't', submittedBy: 's' },
      'forbidden',
    ],
  ])('create with $0 → $3', (_name, actor, input, code) => {
    const room = new Room({ openItem: true });
    create(room, P.kenya);
    expect(refused(room.run(actor, input))).toBe(code);
  });

  type UpdateRow = [
    string,
    ParticipantId,
    (id: ProposalId) => CommandInput,
    (room: Room, id: ProposalId) => void,
    'ok' | ErrorCode,
  ];
  const lock = (room: Room, id: ProposalId) =>
    void room.must(P.secretariat, { type: 'proposal.lock', proposalId: id });
  const none = () => {};
  it.each<UpdateRow>([
    [
      'the author (delegate)',
      P.kenya,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'ok',
    ],
    [
      'another delegate',
      P.france,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'forbidden',
    ],
    [
      'a spokesperson who is not the author',
      P.spokesAtu,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'forbidden',
    ],
    [
      'a non-presiding vice-chair, not the author',
      P.viceAtu,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'forbidden',
    ],
    ['the chair', P.chair, (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }), none, 'ok'],
    [
      'the secretariat',
      P.secretariat,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'ok',
    ],
    [
      'an observer',
      P.observer,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      none,
      'forbidden',
    ],
    [
      'the author, locked',
      P.kenya,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      lock,
      'conflict',
    ],
    [
      'the secretariat, locked',
      P.secretariat,
      (id) => ({ type: 'proposal.update', proposalId: id, title: 'New' }),
      lock,
      'conflict',
    ],
    [
      'an unknown proposal',
      P.chair,
      () => ({ type: 'proposal.update', proposalId: BOGUS, title: 'New' }),
      none,
      'not_found',
    ],
    [
      'a symbol already taken',
      P.kenya,
      (id) => ({ type: 'proposal.update', proposalId: id, symbol: 'ECP/1' }),
      none,
      'conflict',
    ],
    [
      'its own symbol again',
      P.kenya,
      (id) => ({ type: 'proposal.update', proposalId: id, symbol: 'AFCP/31/1' }),
      none,
      'ok',
    ],
    [
      'an unknown item',
      P.kenya,
      (id) => ({ type: 'proposal.update', proposalId: id, itemId: BOGUS }),
      none,
      'not_found',
    ],
  ])('update by $0 → $4', (_name, actor, make, setup, expected) => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya);
    create(room, P.france, 'ECP/1');
    setup(room, id);
    const before = room.meeting;
    expect(refused(room.run(actor, make(id)))).toBe(expected);
    if (expected !== 'ok') expect(room.meeting).toBe(before);
  });

  it('update sends only the changed fields; itemId null unlinks the item', () => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya, 'AFCP/31/1', ITEM.resolution31);
    const [event] = room.must(P.kenya, {
      type: 'proposal.update',
      proposalId: id,
      itemId: null,
      title: 'T2',
    });
    expect(event).toEqual({
      type: 'proposal.updated',
      proposalId: id,
      changes: { title: 'T2', itemId: null },
    });
    expect(room.meeting.proposals[0]).toMatchObject({ title: 'T2', itemId: null, symbol: 'AFCP/31/1' });
    room.must(P.kenya, { type: 'proposal.update', proposalId: id, itemId: ITEM.aob });
    expect(room.meeting.proposals[0]?.itemId).toBe(ITEM.aob);
  });

  it.each<[string, ParticipantId, 'ok' | ErrorCode]>([
    ['the chair', P.chair, 'ok'],
    ['the secretariat', P.secretariat, 'ok'],
    ['the author (delegate)', P.kenya, 'forbidden'],
    ['a non-presiding vice-chair', P.viceApt, 'forbidden'],
  ])('setStatus by %s → %s', (_name, actor, expected) => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya);
    expect(refused(room.run(actor, { type: 'proposal.setStatus', proposalId: id, status: 'agreed' }))).toBe(
      expected,
    );
    expect(room.meeting.proposals[0]?.status).toBe(expected === 'ok' ? 'agreed' : 'draft');
  });

  it('setStatus to the same status changes nothing; unknown proposal is not_found; locked still allowed', () => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya);
    expect(room.must(P.chair, { type: 'proposal.setStatus', proposalId: id, status: 'draft' })).toEqual([]);
    expect(
      refused(room.run(P.chair, { type: 'proposal.setStatus', proposalId: BOGUS, status: 'agreed' })),
    ).toBe('not_found');
    room.must(P.chair, { type: 'proposal.lock', proposalId: id });
    room.must(P.chair, { type: 'proposal.setStatus', proposalId: id, status: 'under-consideration' });
    expect(room.meeting.proposals[0]).toMatchObject({ locked: true, status: 'under-consideration' });
  });

  it.each<[string, ('lock' | 'unlock')[], 'proposal.lock' | 'proposal.unlock', 'ok' | ErrorCode, boolean]>([
    ['lock an unlocked proposal', [], 'proposal.lock', 'ok', true],
    ['lock a locked proposal', ['lock'], 'proposal.lock', 'conflict', true],
    ['unlock a locked proposal', ['lock'], 'proposal.unlock', 'ok', false],
    ['unlock an unlocked proposal', [], 'proposal.unlock', 'conflict', false],
    ['lock, unlock, lock again', ['lock', 'unlock'], 'proposal.lock', 'ok', true],
  ])('$0 → $3', (_name, before, type, expected, locked) => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya);
    for (const step of before) room.must(P.secretariat, { type: `proposal.${step}`, proposalId: id });
    expect(refused(room.run(P.chair, { type, proposalId: id }))).toBe(expected);
    expect(room.meeting.proposals[0]?.locked).toBe(locked);
    expect(refused(room.run(P.chair, { type, proposalId: BOGUS }))).toBe('not_found');
  });

  it('after unlocking, the author may edit again', () => {
    const room = new Room({ openItem: true });
    const id = create(room, P.kenya);
    room.must(P.chair, { type: 'proposal.lock', proposalId: id });
    expect(refused(room.run(P.kenya, { type: 'proposal.update', proposalId: id, title: 'x' }))).toBe(
      'conflict',
    );
    room.must(P.chair, { type: 'proposal.unlock', proposalId: id });
    expect(refused(room.run(P.kenya, { type: 'proposal.update', proposalId: id, title: 'x' }))).toBe('ok');
  });
});

describe('a closed meeting refuses everything but a silence procedure', () => {
  interface Ids {
    request: RequestId;
    proposal: ProposalId;
    removed: RequestId;
    check: CheckId;
    link: LinkId;
  }
  /** Who sends each command: the chair, but a delegation objects (Kenya) and withdraws (Egypt). */
  const ACTOR: Partial<Record<CommandInput['type'], ParticipantId>> = {
    'consensus.object': P.kenya,
    'consensus.withdrawObjection': P.egypt,
  };
  /** A command of each type, plausible enough that only the closed meeting stops it. */
  function plausible(type: CommandInput['type'], ids: Ids): CommandInput {
    const inputs: { [K in CommandInput['type']]: Extract<CommandInput, { type: K }> } = {
      'meeting.open': { type: 'meeting.open' },
      'meeting.suspend': { type: 'meeting.suspend' },
      'meeting.resume': { type: 'meeting.resume' },
      'meeting.close': { type: 'meeting.close' },
      'meeting.setOptions': { type: 'meeting.setOptions', rtoSpokespersonsFirst: true },
      'agenda.add': { type: 'agenda.add', title: 'More' },
      'agenda.update': { type: 'agenda.update', itemId: ITEM.aob, title: 'AOB' },
      'agenda.remove': { type: 'agenda.remove', itemId: ITEM.aob },
      'agenda.restore': { type: 'agenda.restore', itemId: ITEM.opening },
      'agenda.move': { type: 'agenda.move', itemId: ITEM.aob, toIndex: 0 },
      'agenda.open': { type: 'agenda.open', itemId: ITEM.aob },
      'agenda.conclude': { type: 'agenda.conclude', itemId: ITEM.rtoReports },
      'agenda.defer': { type: 'agenda.defer', itemId: ITEM.aob },
      'floor.request': { type: 'floor.request', kind: 'point_of_order' },
      'floor.withdraw': { type: 'floor.withdraw', requestId: ids.request },
      'floor.give': { type: 'floor.give', requestId: ids.request },
      'floor.next': { type: 'floor.next' },
      'floor.end': { type: 'floor.end' },
      'floor.endSuspended': { type: 'floor.endSuspended' },
      'floor.move': { type: 'floor.move', requestId: ids.request, toIndex: 0 },
      'floor.remove': { type: 'floor.remove', requestId: ids.request },
      'floor.clear': { type: 'floor.clear' },
      'floor.restore': { type: 'floor.restore', requestIds: [ids.removed] },
      'floor.close': { type: 'floor.close' },
      'floor.reopen': { type: 'floor.reopen' },
      'floor.setLimit': { type: 'floor.setLimit', seconds: 120 },
      'floor.extend': { type: 'floor.extend', seconds: 60 },
      'floor.rtoRound': { type: 'floor.rtoRound', rtos: ['CEPT'] },
      'presiding.handTo': { type: 'presiding.handTo', participantId: P.viceApt },
      'presiding.resume': { type: 'presiding.resume' },
      'proposal.create': { type: 'proposal.create', symbol: 'NEW/1', title: 't', submittedBy: 's' },
      'proposal.update': { type: 'proposal.update', proposalId: ids.proposal, title: 'x' },
      'proposal.setStatus': { type: 'proposal.setStatus', proposalId: ids.proposal, status: 'agreed' },
      'proposal.lock': { type: 'proposal.lock', proposalId: ids.proposal },
      'proposal.unlock': { type: 'proposal.unlock', proposalId: ids.proposal },
      'proposal.publishRevision': { type: 'proposal.publishRevision', proposalId: ids.proposal },
      // A room check is under way, so only a silence procedure can be asked meanwhile.
      'consensus.ask': {
        type: 'consensus.ask',
        proposalId: ids.proposal,
        paragraphIds: ['b2'],
        until: T0 + 7 * 86_400_000,
      },
      'consensus.object': { type: 'consensus.object', checkId: ids.check },
      'consensus.withdrawObjection': { type: 'consensus.withdrawObjection', checkId: ids.check },
      'consensus.close': { type: 'consensus.close', checkId: ids.check },
      'paragraph.setStatus': {
        type: 'paragraph.setStatus',
        proposalId: ids.proposal,
        paragraphId: 'b3',
        status: 'ad-referendum',
        delegations: ['Egypt'],
      },
      'paragraph.linkIntervention': {
        type: 'paragraph.linkIntervention',
        proposalId: ids.proposal,
        paragraphId: 'b3',
      },
      'paragraph.unlinkIntervention': { type: 'paragraph.unlinkIntervention', linkId: ids.link },
      'screen.show': { type: 'screen.show', proposalId: ids.proposal },
    };
    return inputs[type];
  }

  it.each(COMMAND_TYPES)('%s → conflict, state unchanged', (type) => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.must(P.chair, { type: 'proposal.create', symbol: 'AFCP/1', title: 't', submittedBy: 'ATU' });
    const proposal = room.meeting.proposals[0]!.id;
    room.setText(proposal, paragraphs('Recognizes', 'Invites', 'Instructs'));
    const request = room.queue(P.chair, 'speak');
    room.giveTo(P.france);
    // Something to undo, and a speaker suspended by a point of order.
    room.must(P.chair, { type: 'agenda.remove', itemId: ITEM.opening });
    const removed = room.queue(P.egypt);
    room.must(P.chair, { type: 'floor.remove', requestId: removed });
    room.giveTo(P.japan, 'point_of_order');
    room.must(P.chair, { type: 'floor.close' });
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceCept });
    // A check in the room with Egypt's objection, and an intervention linked to the text.
    const check = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId: proposal, paragraphIds: ['b1'] }),
    );
    room.must(P.egypt, { type: 'consensus.object', checkId: check });
    const [linked] = room.must(P.chair, {
      type: 'paragraph.linkIntervention',
      proposalId: proposal,
      paragraphId: 'b1',
    });
    if (linked?.type !== 'paragraph.interventionLinked') throw new Error('expected a link');
    // proves the command would be accepted on the open meeting
    const ids = { request, proposal, removed, check, link: linked.link.id };
    const actor = ACTOR[type] ?? P.chair;
    const open = room.decide(actor, plausible(type, ids));
    // floor.rtoRound queues speakers, which the closed list refuses; the check in the room holds
    // off a suspension and the close (they are accepted once it ends).
    const notNow = ['meeting.open', 'meeting.resume', 'meeting.suspend', 'meeting.close'];
    if (![...notNow, 'floor.close', 'floor.rtoRound', 'proposal.unlock'].includes(type)) {
      expect(refused(open)).toBe('ok');
    }
    // A check in the room holds the meeting open: it ends first.
    room.must(P.chair, { type: 'consensus.close', checkId: check });
    room.must(P.chair, { type: 'meeting.close' });
    const closed = room.meeting;
    const snapshot = structuredClone(closed);
    const decision = room.run(actor, plausible(type, ids));
    expect(refused(decision)).toBe('conflict');
    expect(room.meeting).toBe(closed);
    expect(closed).toEqual(snapshot);
  });

  it('waits for the check in the room; a silence procedure outlives the close and still takes objections', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.must(P.chair, { type: 'proposal.create', symbol: 'AFCP/1', title: 't', submittedBy: 'ATU' });
    const proposalId = room.meeting.proposals[0]!.id;
    room.setText(proposalId, paragraphs('Recognizes', 'Invites'));
    const inRoom = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b1'] }),
    );
    const until = room.ctx.now + 3 * 86_400_000;
    const silence = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b2'], until }),
    );
    // Neither a suspension nor the close may cut the check in the room short.
    const blocked = [
      room.run(P.chair, { type: 'meeting.suspend' }),
      room.run(P.chair, { type: 'meeting.close' }),
    ];
    expect(blocked.map(refused)).toEqual(['conflict', 'conflict']);
    expect(blocked.map((d) => (d.ok ? '' : d.error.message))).toEqual([
      expect.stringContaining('a check is under way in the room'),
      expect.stringContaining('a check is under way in the room'),
    ]);
    room.must(P.chair, { type: 'consensus.close', checkId: inRoom });
    room.must(P.chair, { type: 'meeting.close' });
    // Nobody objected yet: the silence procedure cannot be agreed early.
    expect(refused(room.run(P.chair, { type: 'consensus.close', checkId: silence }))).toBe('conflict');
    room.must(P.egypt, { type: 'consensus.object', checkId: silence, reason: 'capital to confirm' });
    room.must(P.egypt, { type: 'consensus.withdrawObjection', checkId: silence });
    room.must(P.kenya, { type: 'consensus.object', checkId: silence });
    // nothing else about the text moves once closed
    expect(refused(room.run(P.chair, { type: 'consensus.ask', proposalId, until }))).toBe('conflict');
    room.ctx.set(until);
    expect(room.closeDue()).toMatchObject([
      { type: 'consensus.closed', checkId: silence, outcome: 'objected' },
    ]);
    expect(refused(room.run(P.brazil, { type: 'consensus.object', checkId: silence }))).toBe('conflict');
  });

  it('lets the presiding officer end a silence procedure early once it is broken: not agreed', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.must(P.chair, { type: 'proposal.create', symbol: 'AFCP/1', title: 't', submittedBy: 'ATU' });
    const proposalId = room.meeting.proposals[0]!.id;
    room.setText(proposalId, paragraphs('Recognizes'));
    const until = room.ctx.now + 2 * 86_400_000;
    const silence = askedCheck(room.must(P.chair, { type: 'consensus.ask', proposalId, until }));
    room.must(P.kenya, { type: 'consensus.object', checkId: silence });
    expect(room.must(P.chair, { type: 'consensus.close', checkId: silence })).toMatchObject([
      { type: 'consensus.closed', outcome: 'objected', early: true, closedBy: P.chair },
    ]);
  });
});

describe('decide and evolve together', () => {
  it('a refusal leaves the meeting object untouched', () => {
    const room = new Room({ openItem: true });
    room.queue(P.france);
    const frozen = structuredClone(room.meeting);
    const decisions = [
      room.run(P.observer, { type: 'floor.next' }),
      room.run(P.chair, { type: 'floor.give', requestId: BOGUS }),
      room.run(P.france, { type: 'floor.request', kind: 'speak' }),
    ];
    expect(decisions.map(refused)).toEqual(['forbidden', 'not_found', 'conflict']);
    expect(room.meeting).toEqual(frozen);
  });

  it('replaying the log gives the same meeting', () => {
    const room = new Room({ openItem: true, options: { newDelegationsFirst: true } });
    room.queue(P.france);
    room.queue(P.kenya, 'point_of_order');
    room.must(P.chair, { type: 'floor.next' });
    room.ctx.advance(30);
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
    room.must(P.chair, { type: 'meeting.suspend' });
    expect(replayAll(room.events)).toEqual(room.meeting);
    expect(replayAll(JSON.parse(JSON.stringify(room.events)))).toEqual(room.meeting);
  });
});
