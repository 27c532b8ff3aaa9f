import type { CommandType } from '../protocol/commands';
import type { Meeting, Participant, Role } from './model';

/**
 * What a role may do with a command:
 * - `yes`: always;
 * - `presiding`: only while presiding (the chair always counts as presiding, so the chair can take
 *   presiding back; a vice-chair only after the chair has handed it over);
 * - `own`: only on the actor's own things (own request, the actor's own intervention); decide checks it;
 * - `presidingElseOwn`: anything while presiding, else only the actor's own things;
 * - `no`: never.
 */
export type Access = 'yes' | 'presiding' | 'presidingElseOwn' | 'own' | 'no';

type Row = Record<Role, Access>;
const row = (chair: Access, vice: Access, sec: Access, spoke: Access, del: Access, obs: Access): Row => ({
  chair,
  'vice-chair': vice,
  secretariat: sec,
  spokesperson: spoke,
  delegate: del,
  observer: obs,
});

const P = 'presiding';
const presideOnly = row(P, P, 'no', 'no', 'no', 'no');
const presideOrSecretariat = row(P, P, 'yes', 'no', 'no', 'no');

/** The one table of command × role. Tests walk it cell by cell. */
export const PERMISSIONS: Record<CommandType, Row> = {
  'meeting.open': presideOnly,
  'meeting.suspend': presideOnly,
  'meeting.resume': presideOnly,
  'meeting.close': presideOnly,
  'meeting.setOptions': presideOrSecretariat,
  'agenda.add': presideOrSecretariat,
  'agenda.update': presideOrSecretariat,
  'agenda.remove': presideOrSecretariat,
  'agenda.move': presideOrSecretariat,
  'agenda.open': presideOnly,
  'agenda.conclude': presideOnly,
  'agenda.defer': presideOnly,
  // Observers speak only when the presiding officer queues them (floor.request with participantId).
  'floor.request': row('yes', 'yes', 'yes', 'yes', 'yes', 'no'),
  'floor.withdraw': row('own', 'own', 'own', 'own', 'own', 'own'),
  'floor.give': presideOnly,
  'floor.next': presideOnly,
  // A speaker may yield the floor early; the presiding officer may end anyone's intervention.
  'floor.end': row(P, 'presidingElseOwn', 'own', 'own', 'own', 'own'),
  'floor.move': presideOnly,
  'floor.remove': presideOnly,
  'floor.close': presideOnly,
  'floor.reopen': presideOnly,
  'floor.setLimit': presideOnly,
  'floor.extend': presideOnly,
  'floor.rtoRound': presideOnly,
  'presiding.handTo': row('yes', 'no', 'no', 'no', 'no', 'no'),
  'presiding.resume': row('yes', 'no', 'no', 'no', 'no', 'no'),
  'proposal.create': row('yes', 'yes', 'yes', 'yes', 'yes', 'no'),
  'proposal.update': row(P, 'presidingElseOwn', 'yes', 'own', 'own', 'no'),
  'proposal.setStatus': presideOrSecretariat,
  'proposal.lock': presideOrSecretariat,
  'proposal.unlock': presideOrSecretariat,
};

/** Whether the actor holds the presiding officer's powers now. */
export const presides = (meeting: Meeting, actor: Participant): boolean =>
  actor.role === 'chair' || (actor.role === 'vice-chair' && meeting.presidingParticipantId === actor.id);

/** Access after resolving `presiding` against the meeting: `yes`, `own` or `no`. */
export function accessOf(meeting: Meeting, actor: Participant, type: CommandType): 'yes' | 'own' | 'no' {
  const access = PERMISSIONS[type][actor.role];
  if (access === 'presiding') return presides(meeting, actor) ? 'yes' : 'no';
  if (access === 'presidingElseOwn') return presides(meeting, actor) ? 'yes' : 'own';
  return access;
}
