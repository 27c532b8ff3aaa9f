import { describe, expect, it } from 'vitest';
import type { CheckId, ParticipantId, ProposalId } from '../ids';
import { COMMAND_TYPES, type CommandInput, type CommandType } from '../protocol/commands';
import { askedCheck, ITEM, P, paragraphs, Room } from './fixtures';
import { ROLES, type Role } from './model';
import { type Access, accessOf, PERMISSIONS } from './permissions';

/** One actor per role, plus the vice-chair the chair has handed presiding to. */
const ACTORS = [
  { label: 'chair', role: 'chair', id: P.chair, presiding: true },
  { label: 'vice-chair', role: 'vice-chair', id: P.viceAtu, presiding: false },
  { label: 'presiding vice-chair', role: 'vice-chair', id: P.viceAtu, presiding: true },
  { label: 'secretariat', role: 'secretariat', id: P.secretariat, presiding: false },
  { label: 'spokesperson', role: 'spokesperson', id: P.spokesApt, presiding: false },
  { label: 'delegate', role: 'delegate', id: P.kenya, presiding: false },
  { label: 'observer', role: 'observer', id: P.observer, presiding: false },
] as const satisfies readonly { label: string; role: Role; id: ParticipantId; presiding: boolean }[];
type Actor = (typeof ACTORS)[number];

/** The table's cell resolved by hand: the chair always presides, a vice-chair only when handed. */
function resolve(access: Access, presiding: boolean): 'yes' | 'own' | 'no' {
  switch (access) {
    case 'presiding':
      return presiding ? 'yes' : 'no';
    case 'presidingElseOwn':
      return presiding ? 'yes' : 'own';
    default:
      return access;
  }
}

/** Whose thing the command acts on: someone else's, or the actor's own (for `own` cells). */
type Owner = 'other' | 'own';

/**
 * For each command: bring a room into a state where the command is valid for a permitted actor and
 * return the command. `owner` says whose request, intervention or proposal it should act on.
 */
const SCENARIOS: Record<CommandType, (room: Room, actor: Actor, owner: Owner) => CommandInput> = {
  'meeting.open': () => ({ type: 'meeting.open' }), // on a scheduled meeting, see roomFor
  'meeting.suspend': () => ({ type: 'meeting.suspend' }),
  'meeting.resume': (room) => {
    room.must(P.chair, { type: 'meeting.suspend' });
    return { type: 'meeting.resume' };
  },
  'meeting.close': () => ({ type: 'meeting.close' }),
  'meeting.setOptions': () => ({ type: 'meeting.setOptions', newDelegationsFirst: true }),
  'agenda.add': () => ({ type: 'agenda.add', title: 'Closing of the meeting' }),
  'agenda.update': () => ({ type: 'agenda.update', itemId: ITEM.aob, plannedMinutes: 20 }),
  'agenda.remove': () => ({ type: 'agenda.remove', itemId: ITEM.aob }),
  'agenda.restore': (room) => {
    room.must(P.chair, { type: 'agenda.remove', itemId: ITEM.aob });
    return { type: 'agenda.restore', itemId: ITEM.aob };
  },
  'agenda.move': () => ({ type: 'agenda.move', itemId: ITEM.aob, toIndex: 1 }),
  'agenda.open': () => ({ type: 'agenda.open', itemId: ITEM.resolution31 }),
  'agenda.conclude': () => ({ type: 'agenda.conclude', itemId: ITEM.rtoReports, outcome: 'noted' }),
  'agenda.defer': () => ({ type: 'agenda.defer', itemId: ITEM.rtoReports }),
  'floor.request': () => ({ type: 'floor.request', kind: 'speak' }),
  'floor.withdraw': (room, actor, owner) => {
    const requestId = room.queue(owner === 'own' ? actor.id : P.brazil);
    return { type: 'floor.withdraw', requestId };
  },
  'floor.give': (room) => ({ type: 'floor.give', requestId: room.queue(P.brazil) }),
  'floor.next': (room) => {
    room.queue(P.brazil);
    return { type: 'floor.next' };
  },
  'floor.end': (room, actor, owner) => {
    room.giveTo(owner === 'own' ? actor.id : P.brazil);
    return { type: 'floor.end' };
  },
  'floor.endSuspended': (room) => {
    room.giveTo(P.brazil);
    room.giveTo(P.egypt, 'point_of_order');
    return { type: 'floor.endSuspended' };
  },
  'floor.move': (room) => {
    room.queue(P.brazil);
    return { type: 'floor.move', requestId: room.queue(P.egypt), toIndex: 0 };
  },
  'floor.remove': (room) => ({ type: 'floor.remove', requestId: room.queue(P.brazil) }),
  'floor.clear': (room) => {
    room.queue(P.brazil);
    return { type: 'floor.clear' };
  },
  'floor.restore': (room) => {
    const requestId = room.queue(P.brazil);
    room.must(P.chair, { type: 'floor.remove', requestId });
    return { type: 'floor.restore', requestIds: [requestId] };
  },
  'floor.close': () => ({ type: 'floor.close' }),
  'floor.reopen': (room) => {
    room.must(P.chair, { type: 'floor.close' });
    return { type: 'floor.reopen' };
  },
  'floor.setLimit': () => ({ type: 'floor.setLimit', seconds: 120 }),
  'floor.rtoRound': () => ({ type: 'floor.rtoRound', rtos: ['LAS', 'APT'] }),
  'floor.extend': (room) => {
    room.giveTo(P.brazil);
    return { type: 'floor.extend', seconds: 60 };
  },
  'presiding.handTo': () => ({ type: 'presiding.handTo', participantId: P.viceCept }),
  'presiding.resume': (room) => {
    if (room.meeting.presidingParticipantId === P.chair) {
      room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceCept });
    }
    return { type: 'presiding.resume' };
  },
  'proposal.create': () => ({
    type: 'proposal.create',
    symbol: 'ACP/67A1/1',
    title: 'Res. 31',
    submittedBy: 'APT',
  }),
  'proposal.update': (room, actor, owner) => {
    const proposalId = createProposal(room, owner === 'own' ? actor.id : P.france);
    return { type: 'proposal.update', proposalId, title: 'Revised' };
  },
  'proposal.setStatus': (room) => ({
    type: 'proposal.setStatus',
    proposalId: createProposal(room, P.france),
    status: 'under-consideration',
  }),
  'proposal.lock': (room) => ({ type: 'proposal.lock', proposalId: createProposal(room, P.france) }),
  'proposal.unlock': (room) => {
    const proposalId = createProposal(room, P.france);
    room.must(P.secretariat, { type: 'proposal.lock', proposalId });
    return { type: 'proposal.unlock', proposalId };
  },
  'proposal.publishRevision': (room) => ({
    type: 'proposal.publishRevision',
    proposalId: textProposal(room),
  }),
  'consensus.ask': (room) => ({
    type: 'consensus.ask',
    proposalId: textProposal(room),
    paragraphIds: ['b2'],
  }),
  'consensus.object': (room) => ({ type: 'consensus.object', checkId: askCheck(room), reason: 'Not yet' }),
  // An objection is the delegation's: the own case withdraws the actor's delegation's objection;
  // the other case has only Brazil's standing.
  'consensus.withdrawObjection': (room, actor, owner) => {
    const checkId = askCheck(room);
    room.must(owner === 'own' ? actor.id : P.brazil, { type: 'consensus.object', checkId });
    return { type: 'consensus.withdrawObjection', checkId };
  },
  'consensus.close': (room) => ({ type: 'consensus.close', checkId: askCheck(room) }),
  'paragraph.setStatus': (room) => ({
    type: 'paragraph.setStatus',
    proposalId: textProposal(room),
    paragraphId: 'b1',
    status: 'agreed',
  }),
  'paragraph.linkIntervention': (room) => {
    const proposalId = textProposal(room);
    room.giveTo(P.brazil);
    return { type: 'paragraph.linkIntervention', proposalId, paragraphId: 'b2', note: 'to add “digital”' };
  },
  'paragraph.unlinkIntervention': (room) => {
    const proposalId = textProposal(room);
    room.giveTo(P.brazil);
    const [event] = room.must(P.secretariat, {
      type: 'paragraph.linkIntervention',
      proposalId,
      paragraphId: 'b2',
    });
    if (event?.type !== 'paragraph.interventionLinked')
      throw new Error('expected paragraph.interventionLinked');
    return { type: 'paragraph.unlinkIntervention', linkId: event.link.id };
  },
  'screen.show': (room) => ({ type: 'screen.show', proposalId: textProposal(room), paragraphId: 'b1' }),
};

/** A proposal whose text the room can read: two paragraphs, no brackets. */
function textProposal(room: Room): ProposalId {
  const proposalId = createProposal(room, P.france);
  room.setText(proposalId, paragraphs('Recognizes the role of ICTs', 'Invites Member States to act'));
  return proposalId;
}

/** The chair asks "any objection?" on paragraph 2 of a new proposal; returns the check's id. */
function askCheck(room: Room): CheckId {
  return askedCheck(
    room.must(P.chair, { type: 'consensus.ask', proposalId: textProposal(room), paragraphIds: ['b2'] }),
  );
}

/** Creates a proposal by `author` and returns its id. */
function createProposal(room: Room, author: ParticipantId): ProposalId {
  const [event] = room.must(author, {
    type: 'proposal.create',
    symbol: 'ECP/EUR/1',
    title: 'T',
    submittedBy: 'CEPT',
  });
  if (event?.type !== 'proposal.created') throw new Error('expected proposal.created');
  return event.proposal.id;
}

/**
 * A room with an open meeting and item 2 under discussion (a scheduled meeting for meeting.open);
 * presiding handed over to the actor if asked.
 */
function roomFor(actor: Actor, type: CommandType): Room {
  const room = new Room(type === 'meeting.open' ? { open: false } : { openItem: ITEM.rtoReports });
  if (actor.role === 'vice-chair' && actor.presiding) {
    room.must(P.chair, { type: 'presiding.handTo', participantId: actor.id });
  }
  return room;
}

const CELLS = COMMAND_TYPES.flatMap((type) =>
  ACTORS.map((actor) => ({
    type,
    actor,
    label: actor.label,
    access: PERMISSIONS[type][actor.role],
    resolved: resolve(PERMISSIONS[type][actor.role], actor.presiding),
  })),
);

describe('the permission table', () => {
  it('has a row for every command type and a cell for every role', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const type of COMMAND_TYPES)
      expect(Object.keys(PERMISSIONS[type]).sort()).toEqual([...ROLES].sort());
  });

  it('gives the chair every command but the delegations’ objections', () => {
    // The presiding officer asks "any objection?"; objecting is for the delegations in the room.
    const delegations: CommandType[] = ['consensus.object', 'consensus.withdrawObjection'];
    for (const type of COMMAND_TYPES)
      expect(resolve(PERMISSIONS[type].chair, true) === 'no', type).toBe(delegations.includes(type));
  });

  // The walk below derives its expectations from the table, so pin the rules of DOMAIN.md here.
  it.each<[CommandType, Role, Access]>([
    ['floor.request', 'observer', 'no'], // an observer speaks only when the chair queues them
    ['floor.request', 'delegate', 'yes'],
    ['floor.give', 'delegate', 'no'], // nobody speaks without the chair's consent
    ['floor.give', 'secretariat', 'no'],
    ['floor.give', 'vice-chair', 'presiding'],
    ['floor.end', 'delegate', 'own'], // a speaker may yield the floor
    ['floor.withdraw', 'chair', 'own'], // others' requests are removed, not withdrawn
    ['presiding.handTo', 'chair', 'yes'],
    ['presiding.handTo', 'vice-chair', 'no'],
    ['agenda.add', 'secretariat', 'yes'], // the secretariat prepares the agenda
    ['agenda.open', 'secretariat', 'no'], // but the chair runs it
    ['proposal.update', 'delegate', 'own'],
    ['proposal.setStatus', 'secretariat', 'yes'], // the secretariat records outcomes
    ['proposal.setStatus', 'delegate', 'no'],
    ['meeting.close', 'secretariat', 'no'],
    ['consensus.ask', 'secretariat', 'no'], // the presiding officer asks "any objection?"
    ['consensus.close', 'vice-chair', 'presiding'],
    ['consensus.object', 'delegate', 'yes'], // delegations object, officers do not
    ['consensus.object', 'spokesperson', 'yes'],
    ['consensus.object', 'chair', 'no'],
    ['consensus.object', 'observer', 'no'],
    ['consensus.withdrawObjection', 'delegate', 'own'],
    ['paragraph.setStatus', 'secretariat', 'yes'], // decide keeps reopening an agreed one to presiding
    ['paragraph.setStatus', 'delegate', 'no'],
    ['screen.show', 'secretariat', 'yes'],
  ])('%s × %s is %s', (type, role, access) => {
    expect(PERMISSIONS[type][role]).toBe(access);
  });

  it.each(CELLS)('accessOf agrees with the table: $type × $label', ({ type, actor, resolved }) => {
    const room = roomFor(actor, type);
    expect(accessOf(room.meeting, room.participant(actor.id), type)).toBe(resolved);
  });
});

describe('decide follows the permission table cell by cell', () => {
  it.each(CELLS)('$type × $label ($access)', ({ type, actor, resolved }) => {
    // `own` cells act on the actor's own thing; the others act on someone else's
    const room = roomFor(actor, type);
    const input = SCENARIOS[type](room, actor, resolved === 'own' ? 'own' : 'other');
    const before = room.meeting;
    const decision = room.run(actor.id, input);
    if (resolved === 'no') {
      expect(decision).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(room.meeting).toBe(before);
    } else {
      // the scenario is valid, so a permitted actor gets through every other check as well
      expect(decision.ok ? 'ok' : `${decision.error.code}: ${decision.error.message}`).toBe('ok');
    }
  });

  const ownCells = CELLS.filter((c) => c.resolved === 'own');
  it.each(ownCells)('$type × $label on someone else’s thing is refused', ({ type, actor }) => {
    const room = roomFor(actor, type);
    const input = SCENARIOS[type](room, actor, 'other');
    const before = room.meeting;
    const decision = room.run(actor.id, input);
    // A withdrawal names no objection, only the check: it withdraws the actor's delegation's, and
    // finds none when only another delegation objected.
    const code = type === 'consensus.withdrawObjection' ? 'not_found' : 'forbidden';
    expect(decision).toMatchObject({ ok: false, error: { code } });
    expect(room.meeting).toBe(before);
  });

  const yesWithOwnScenario = CELLS.filter(
    (c) => c.resolved === 'yes' && (c.type === 'floor.end' || c.type === 'proposal.update'),
  );
  it.each(yesWithOwnScenario)('$type × $label also works on their own thing', ({ type, actor }) => {
    const room = roomFor(actor, type);
    const input = SCENARIOS[type](room, actor, 'own');
    expect(room.run(actor.id, input).ok).toBe(true);
  });

  it('the vice-chair loses presiding powers when the chair resumes', () => {
    const room = new Room({ openItem: ITEM.rtoReports });
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceAtu });
    room.must(P.viceAtu, { type: 'floor.close' });
    room.must(P.chair, { type: 'presiding.resume' });
    expect(room.run(P.viceAtu, { type: 'floor.reopen' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // handing to another vice-chair also takes the powers from the first
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceAtu });
    room.must(P.chair, { type: 'presiding.handTo', participantId: P.viceRcc });
    expect(room.run(P.viceAtu, { type: 'floor.reopen' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(room.run(P.viceRcc, { type: 'floor.reopen' }).ok).toBe(true);
  });

  it('counts the cells it walked', () => {
    expect(CELLS).toHaveLength(COMMAND_TYPES.length * ACTORS.length);
    expect(new Set(CELLS.map((c) => c.resolved))).toEqual(new Set(['no', 'own', 'yes']));
  });
});
