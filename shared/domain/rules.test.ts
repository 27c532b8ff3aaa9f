import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../protocol/commands';
import { ITEM, P, Room } from './fixtures';
import { ROLES, type Role } from './model';
import {
  ACTOR_ROLES,
  type Access,
  type Action,
  type Actor,
  type ActorRole,
  ADMIN,
  accessOf,
  addParticipantAction,
  can,
  EDGE_ACTIONS,
  PERMISSIONS,
  RULES,
  textReadOnly,
  VIEWER,
} from './permissions';

/**
 * The whole table, commands and edge actions, for every kind of actor, including the administrator
 * and the projector. permissions.test.ts walks the commands through `decide`; this file walks
 * `can` over every cell and pins the edge rules the HTTP routes and the client rely on.
 */
const room = () => new Room({ openItem: ITEM.rtoReports });
const handedTo = (vice: string) => {
  const r = room();
  r.must(P.chair, { type: 'presiding.handTo', participantId: vice });
  return r;
};

const ACTORS: Array<{ label: string; role: ActorRole; actor: (r: Room) => Actor; presiding: boolean }> = [
  { label: 'chair', role: 'chair', actor: (r) => r.participant(P.chair), presiding: true },
  { label: 'vice-chair', role: 'vice-chair', actor: (r) => r.participant(P.viceAtu), presiding: false },
  {
    label: 'presiding vice-chair',
    role: 'vice-chair',
    actor: (r) => r.participant(P.viceAtu),
    presiding: true,
  },
  { label: 'secretariat', role: 'secretariat', actor: (r) => r.participant(P.secretariat), presiding: false },
  { label: 'spokesperson', role: 'spokesperson', actor: (r) => r.participant(P.spokesApt), presiding: false },
  { label: 'delegate', role: 'delegate', actor: (r) => r.participant(P.kenya), presiding: false },
  { label: 'observer', role: 'observer', actor: (r) => r.participant(P.observer), presiding: false },
  { label: 'admin', role: 'admin', actor: () => ADMIN, presiding: false },
  { label: 'projector', role: 'viewer', actor: () => VIEWER, presiding: false },
];

const resolve = (access: Access, presiding: boolean): 'yes' | 'own' | 'no' =>
  access === 'presiding'
    ? presiding
      ? 'yes'
      : 'no'
    : access === 'presidingElseOwn'
      ? presiding
        ? 'yes'
        : 'own'
      : access;

const ACTIONS = Object.keys(RULES) as Action[];
const CELLS = ACTIONS.flatMap((action) =>
  ACTORS.map((a) => ({ action, ...a, resolved: resolve(RULES[action][a.role], a.presiding) })),
);

describe('the one rule table', () => {
  it('has a row for every command and edge action, and a cell for every actor role', () => {
    expect(ACTIONS.sort()).toEqual([...COMMAND_TYPES, ...EDGE_ACTIONS].sort());
    for (const action of ACTIONS) expect(Object.keys(RULES[action]).sort()).toEqual([...ACTOR_ROLES].sort());
  });

  it('PERMISSIONS is its command part, cell for cell', () => {
    for (const type of COMMAND_TYPES)
      for (const role of ROLES) expect(PERMISSIONS[type][role]).toBe(RULES[type][role]);
  });

  it('lets neither the administrator nor the projector send a command, and the projector nothing', () => {
    for (const type of COMMAND_TYPES) expect(RULES[type].admin).toBe('no');
    for (const action of ACTIONS) expect(RULES[action].viewer).toBe('no');
  });

  it.each(CELLS)('can agrees with the table: $action × $label ($resolved)', (cell) => {
    const r = cell.presiding && cell.role === 'vice-chair' ? handedTo(P.viceAtu) : room();
    const actor = cell.actor(r);
    expect(accessOf(r.meeting, actor, cell.action)).toBe(cell.resolved);
    // an `own` cell allows the actor's own thing only
    expect(can(r.meeting, actor, cell.action, actor.id ?? undefined)).toBe(cell.resolved !== 'no');
    expect(can(r.meeting, actor, cell.action, P.brazil)).toBe(cell.resolved === 'yes');
    expect(can(r.meeting, actor, cell.action)).toBe(cell.resolved === 'yes');
  });

  // The walk derives its expectations from the table, so pin the rules issue 10 asks for here.
  it.each<[Action, ActorRole, Access]>([
    ['participant.appointChair', 'admin', 'yes'], // only the administrator appoints a chair
    ['participant.appointChair', 'secretariat', 'no'],
    ['participant.appointChair', 'chair', 'no'],
    ['participant.appointViceChair', 'chair', 'yes'],
    ['participant.appointViceChair', 'secretariat', 'no'],
    ['participant.appointViceChair', 'vice-chair', 'no'],
    ['participant.add', 'secretariat', 'yes'],
    ['participant.add', 'vice-chair', 'no'],
    ['meeting.projectorLink', 'secretariat', 'yes'],
    ['meeting.projectorLink', 'vice-chair', 'presiding'],
    ['meeting.projectorLink', 'delegate', 'no'],
    ['proposal.editText', 'observer', 'no'],
    ['proposal.saveVersion', 'admin', 'no'],
    ['floor.requestFor', 'secretariat', 'yes'],
    ['floor.requestFor', 'vice-chair', 'presiding'],
    ['floor.requestFor', 'delegate', 'no'],
    ['comment.moderate', 'secretariat', 'yes'],
    ['comment.moderate', 'vice-chair', 'presiding'],
    ['comment.moderate', 'delegate', 'no'],
  ])('%s × %s is %s', (action, role, access) => {
    expect(RULES[action][role]).toBe(access);
  });

  it('maps a new participant’s role to the appointment it takes', () => {
    const expected: Record<Role, string> = {
      chair: 'participant.appointChair',
      'vice-chair': 'participant.appointViceChair',
      secretariat: 'participant.add',
      spokesperson: 'participant.add',
      delegate: 'participant.add',
      observer: 'participant.add',
    };
    for (const role of ROLES) expect(addParticipantAction(role)).toBe(expected[role]);
  });
});

describe('textReadOnly: the co-editing rule from the table', () => {
  it('keeps observers and the projector read-only, and everyone once locked or closed', () => {
    const r = room();
    const open = { locked: false, kind: 'proposal' } as const;
    expect(textReadOnly(r.meeting, r.participant(P.kenya), open)).toBeNull();
    expect(textReadOnly(r.meeting, r.participant(P.observer), open)).toBe('role');
    expect(textReadOnly(r.meeting, VIEWER, open)).toBe('role');
    expect(textReadOnly(r.meeting, ADMIN, open)).toBe('role');
    expect(textReadOnly(r.meeting, r.participant(P.chair), { locked: true, kind: 'proposal' })).toBe(
      'locked',
    );
    r.must(P.chair, { type: 'meeting.close' });
    expect(textReadOnly(r.meeting, r.participant(P.chair), open)).toBe('closed');
  });

  it("lets only those who write the chair's summary change it", () => {
    const r = room();
    const summary = { locked: false, kind: 'chair-summary' } as const;
    expect(textReadOnly(r.meeting, r.participant(P.chair), summary)).toBeNull();
    expect(textReadOnly(r.meeting, r.participant(P.kenya), summary)).toBe('role');
    expect(textReadOnly(r.meeting, r.participant(P.observer), summary)).toBe('role');
  });
});

describe('floor.requestFor in decide', () => {
  it.each([
    ['presiding vice-chair', P.viceAtu, true],
    ['secretariat', P.secretariat, true],
    ['vice-chair not presiding', P.viceCept, false],
    ['delegate', P.kenya, false],
  ] as const)('%s queueing the observer: %s', (_label, actor, allowed) => {
    const r = handedTo(P.viceAtu);
    const decision = r.run(actor, { type: 'floor.request', kind: 'speak', participantId: P.observer });
    if (allowed) expect(decision.ok).toBe(true);
    else expect(decision).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
