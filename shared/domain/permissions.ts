import type { ParticipantId } from '../ids';
import type { CommandType } from '../protocol/commands';
import type { Meeting, Proposal, ProposalKind, Role } from './model';
import { ROLES } from './model';

/**
 * What a role may do:
 * - `yes`: always;
 * - `presiding`: only while presiding (the chair always counts as presiding, so the chair can take
 *   presiding back; a vice-chair only after the chair has handed it over);
 * - `own`: only on the actor's own things (own request, the actor's own intervention); decide checks it;
 * - `presidingElseOwn`: anything while presiding, else only the actor's own things;
 * - `no`: never.
 */
export type Access = 'yes' | 'presiding' | 'presidingElseOwn' | 'own' | 'no';

/**
 * What is decided outside the meeting's commands, at the server's edges (HTTP, co-editing) and
 * mirrored by the client's controls:
 * - `participant.add`: add a secretariat member, spokesperson, delegate or observer
 *   (`POST /api/meetings/:id/participants`);
 * - `participant.appointViceChair`, `participant.appointChair`: the same with those roles: who may
 *   create someone who can preside;
 * - `meeting.projectorLink`: get the read-only projector link (`GET /api/meetings/:id/projector`);
 * - `proposal.editText`: change a proposal's text (the role part; a lock or a closed meeting makes
 *   everyone read-only, see `textReadOnly`);
 * - `proposal.saveVersion`: save a named version (`POST /api/proposals/:id/versions`);
 * - `floor.requestFor`: queue someone else (`floor.request` with another `participantId`);
 * - `comment.moderate`: delete another participant's comment in a proposal's text (the co-editing
 *   server enforces it on every Yjs update; anyone who may edit resolves and reopens comments).
 * - `meeting.configure`: change the meeting's settings and agenda documents (`PATCH /api/meetings/:id`);
 * - `meeting.archive`: archive a meeting or bring it back (`PATCH` with `archived`);
 * - `participant.read`: the participants table with e-mail addresses and invitation status
 *   (`GET /api/meetings/:id/participants`);
 * - `participant.manage`: change, remove, import, invite participants and reissue their links
 *   (a change to or from chair or vice-chair also takes the appointment).
 * - `meeting.record`: read the meeting's record and its exports (`GET /api/meetings/:id/record`…);
 * - `summary.create`: draft the chair's summary from the record (`POST /api/meetings/:id/summary`);
 * - `summary.editText`: change a chair's summary's text (in place of `proposal.editText` for a text
 *   of kind `chair-summary`: those who write the summary, not the delegations).
 */
export const EDGE_ACTIONS = [
  'participant.add',
  'participant.appointViceChair',
  'participant.appointChair',
  'meeting.projectorLink',
  'proposal.editText',
  'proposal.saveVersion',
  'floor.requestFor',
  'comment.moderate',
  'meeting.configure',
  'meeting.archive',
  'participant.read',
  'participant.manage',
  'meeting.record',
  'summary.create',
  'summary.editText',
] as const;
type EdgeAction = (typeof EDGE_ACTIONS)[number];

/** Everything the table rules on: every command type and every edge action. */
export type Action = CommandType | EdgeAction;

/**
 * Who can act: a meeting role, the administrator (the admin token: no participant, no socket) or
 * the projector (a view token: reads, never acts).
 */
export const ACTOR_ROLES = [...ROLES, 'admin', 'viewer'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** The one asking: a participant (`id`, `role`), or the administrator or projector (`id: null`). */
export interface Actor {
  id: ParticipantId | null;
  role: ActorRole;
}

/** The administrator, as an actor. */
export const ADMIN: Actor = { id: null, role: 'admin' };
/** The projector's view token, as an actor. */
export const VIEWER: Actor = { id: null, role: 'viewer' };

/** One row of the table: a cell per actor role. */
export type Row = Record<ActorRole, Access>;

const row = (
  chair: Access,
  vice: Access,
  sec: Access,
  spoke: Access,
  del: Access,
  obs: Access,
  admin: Access = 'no',
): Row => ({
  chair,
  'vice-chair': vice,
  secretariat: sec,
  spokesperson: spoke,
  delegate: del,
  observer: obs,
  admin,
  // The projector never acts: it has no row of its own to keep in step.
  viewer: 'no',
});

const P = 'presiding';
const presideOnly = row(P, P, 'no', 'no', 'no', 'no');
const presideOrSecretariat = row(P, P, 'yes', 'no', 'no', 'no');
const everyoneButObservers = row('yes', 'yes', 'yes', 'yes', 'yes', 'no');

/**
 * The one table of action × actor role: every permission rule of the server and the client.
 * Commands are decided by `decide` over Socket.IO, which the administrator and the projector never
 * reach; edge actions by the HTTP routes and the co-editing server. Tests walk it cell by cell.
 */
export const RULES: Record<Action, Row> = {
  'meeting.open': presideOnly,
  'meeting.suspend': presideOnly,
  'meeting.resume': presideOnly,
  'meeting.close': presideOnly,
  'meeting.setOptions': presideOrSecretariat,
  'agenda.add': presideOrSecretariat,
  'agenda.update': presideOrSecretariat,
  'agenda.remove': presideOrSecretariat,
  // Undo is allowed to whoever may do what it undoes.
  'agenda.restore': presideOrSecretariat,
  'agenda.move': presideOrSecretariat,
  'agenda.open': presideOnly,
  'agenda.conclude': presideOnly,
  'agenda.defer': presideOnly,
  // Observers speak only when the presiding officer queues them (floor.requestFor).
  'floor.request': everyoneButObservers,
  'floor.withdraw': row('own', 'own', 'own', 'own', 'own', 'own'),
  'floor.give': presideOnly,
  'floor.next': presideOnly,
  // A speaker may yield the floor early; the presiding officer may end anyone's intervention.
  'floor.end': row(P, 'presidingElseOwn', 'own', 'own', 'own', 'own'),
  'floor.endSuspended': presideOnly,
  'floor.move': presideOnly,
  'floor.remove': presideOnly,
  'floor.clear': presideOnly,
  'floor.restore': presideOnly,
  'floor.close': presideOnly,
  'floor.reopen': presideOnly,
  'floor.setLimit': presideOnly,
  'floor.extend': presideOnly,
  'floor.rtoRound': presideOnly,
  'presiding.handTo': row('yes', 'no', 'no', 'no', 'no', 'no'),
  'presiding.resume': row('yes', 'no', 'no', 'no', 'no', 'no'),
  'proposal.create': everyoneButObservers,
  'proposal.update': row(P, 'presidingElseOwn', 'yes', 'own', 'own', 'no'),
  'proposal.setStatus': presideOrSecretariat,
  'proposal.lock': presideOrSecretariat,
  'proposal.unlock': presideOrSecretariat,
  'proposal.publishRevision': presideOrSecretariat,
  // The presiding officer asks and closes; delegations (a delegate or their RTO's spokesperson)
  // object. Officers and the secretariat run the meeting, they do not object in it.
  'consensus.ask': presideOnly,
  'consensus.object': row('no', 'no', 'no', 'yes', 'yes', 'no'),
  'consensus.withdrawObjection': row('no', 'no', 'no', 'own', 'own', 'no'),
  'consensus.close': presideOnly,
  // Reopening an agreed paragraph is the presiding officer's alone (decide checks it).
  'paragraph.setStatus': presideOrSecretariat,
  'paragraph.linkIntervention': presideOrSecretariat,
  'paragraph.unlinkIntervention': presideOrSecretariat,
  'screen.show': presideOrSecretariat,

  // The secretariat registers participants; whoever can preside is appointed higher up: a chair
  // only by the administrator (a secretariat-made chair would preside at once), a vice-chair by the
  // administrator or the chair (who alone hands presiding over). A presiding vice-chair runs the
  // meeting but does not compose it.
  'participant.add': row('yes', 'no', 'yes', 'no', 'no', 'no', 'yes'),
  'participant.appointViceChair': row('yes', 'no', 'no', 'no', 'no', 'no', 'yes'),
  'participant.appointChair': row('no', 'no', 'no', 'no', 'no', 'no', 'yes'),
  // Whoever presides shares the screen; the secretariat too (it often runs the projector).
  'meeting.projectorLink': row(P, P, 'yes', 'no', 'no', 'no', 'yes'),
  'proposal.editText': everyoneButObservers,
  'proposal.saveVersion': everyoneButObservers,
  'floor.requestFor': presideOrSecretariat,
  'comment.moderate': presideOrSecretariat,
  // The secretariat prepares the meeting; the chair and vice-chairs read who takes part. Archiving
  // takes a meeting out of use: the administrator's call.
  'meeting.configure': row('no', 'no', 'yes', 'no', 'no', 'no', 'yes'),
  'meeting.archive': row('no', 'no', 'no', 'no', 'no', 'no', 'yes'),
  'participant.read': row('yes', 'yes', 'yes', 'no', 'no', 'no', 'yes'),
  'participant.manage': row('no', 'no', 'yes', 'no', 'no', 'no', 'yes'),
  // The record is the officers' and the secretariat's working material; the chair's summary is the
  // chair's text, which the secretariat drafts and the officers edit with it.
  'meeting.record': row('yes', 'yes', 'yes', 'no', 'no', 'no', 'yes'),
  'summary.create': row('yes', 'yes', 'yes', 'no', 'no', 'no', 'yes'),
  'summary.editText': row('yes', 'yes', 'yes', 'no', 'no', 'no', 'no'),
};

/**
 * The command rows for the meeting roles: what `decide` enforces. A view of `RULES`, kept for
 * callers that walk commands only.
 */
export const PERMISSIONS = Object.fromEntries(
  Object.entries(RULES)
    .filter(([action]) => !(EDGE_ACTIONS as readonly string[]).includes(action))
    .map(([action, cells]) => [action, Object.fromEntries(ROLES.map((r) => [r, cells[r]]))]),
) as Record<CommandType, Record<Role, Access>>;

/** Whether the actor holds the presiding officer's powers now. */
export const presides = (meeting: Meeting, actor: Actor): boolean =>
  actor.role === 'chair' || (actor.role === 'vice-chair' && meeting.presidingParticipantId === actor.id);

/** Access after resolving `presiding` against the meeting: `yes`, `own` or `no`. */
export function accessOf(meeting: Meeting, actor: Actor, action: Action): 'yes' | 'own' | 'no' {
  const access = RULES[action][actor.role];
  if (access === 'presiding') return presides(meeting, actor) ? 'yes' : 'no';
  if (access === 'presidingElseOwn') return presides(meeting, actor) ? 'yes' : 'own';
  return access;
}

/**
 * Whether `actor` may do `action` in `meeting` now. For `own` cells, `owner` is whose thing it acts
 * on (the request's or intervention's participant, the proposal's author): allowed only when that is
 * the actor; without an owner an `own` cell answers false. The server's edges and the client's
 * controls ask this; `decide` uses `accessOf` to word its refusals.
 */
export function can(meeting: Meeting, actor: Actor, action: Action, owner?: string | null): boolean {
  const access = accessOf(meeting, actor, action);
  return access === 'yes' || (access === 'own' && actor.id !== null && owner === actor.id);
}

/** The edge actions that add a participant. */
export type Appointment = Extract<
  EdgeAction,
  'participant.add' | 'participant.appointViceChair' | 'participant.appointChair'
>;

/** The edge action that adding a participant with `role` takes. */
export const addParticipantAction = (role: Role): Appointment =>
  role === 'chair'
    ? 'participant.appointChair'
    : role === 'vice-chair'
      ? 'participant.appointViceChair'
      : 'participant.add';

/**
 * How each kind of text is written: the action that changes its text and saves its versions, and
 * whether it stays in use once the meeting is closed. A chair's summary is its writers' (not every
 * delegation's) and is written after the session.
 */
export const TEXT_RULES: Record<
  ProposalKind,
  { edit: 'proposal.editText' | 'summary.editText'; saveVersion: Action; outlivesSession: boolean }
> = {
  proposal: { edit: 'proposal.editText', saveVersion: 'proposal.saveVersion', outlivesSession: false },
  'chair-summary': { edit: 'summary.editText', saveVersion: 'summary.editText', outlivesSession: true },
};

/** Why an actor may only read a proposal's text now, or null when they may change it. */
export type TextReadOnly = 'role' | 'closed' | 'locked';

/**
 * The co-editing rule (docs/collab.md), for the server's connections and the client's editor alike:
 * the projector and observers never write (the table's `proposal.editText`, `summary.editText` for
 * a chair's summary); nobody writes once the meeting is closed (a chair's summary excepted: it is
 * written after the session) or archived, or the proposal locked.
 */
export function textReadOnly(
  meeting: Meeting,
  actor: Actor,
  proposal: Pick<Proposal, 'locked' | 'kind'>,
): TextReadOnly | null {
  const rules = TEXT_RULES[proposal.kind];
  if (!can(meeting, actor, rules.edit)) return 'role';
  // An archived meeting is out of use: its texts are as final as a closed meeting's.
  if (meeting.archived || (meeting.status === 'closed' && !rules.outlivesSession)) return 'closed';
  if (proposal.locked) return 'locked';
  return null;
}
