import type { ItemId, MeetingId, ParticipantId } from '../ids';
import type {
  AddParticipantBody,
  CloneMeetingBody,
  CreateMeetingBody,
  ImportError,
  ImportReason,
  UpdateMeetingBody,
  UpdateParticipantBody,
} from '../protocol/secretariat';
import { presidesWhenAdded } from './consequences';
import type { DecideContext, Decision } from './decide';
import { type DomainError, refuse } from './errors';
import type { MeetingChanges, MeetingEvent, ParticipantChanges } from './events';
import { type AgendaDocument, type Meeting, type Participant, type Role, regionOfRto } from './model';
import { type Actor, addParticipantAction, can } from './permissions';
import { PARTICIPANT_QUOTA } from './quotas';
import { NO_SUCH_ITEM, statusWords } from './words';

/**
 * What the secretariat and the administrator do to a meeting outside its commands (over HTTP, not
 * the socket): settings, participants, documents, imports, invitations, clones. Pure, like `decide`:
 * the events say what happened, and a refusal leaves nothing behind. Who may do each is checked
 * here, from the one permission table, so every caller (HTTP, the demo seed, tests) gets the same
 * answer.
 */

const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
const reject = (code: DomainError['code'], message: string): Decision => ({
  ok: false,
  error: refuse(code, message),
});

const DEFAULT_SPEAKING_SECONDS = 180;
export const ARCHIVED_WORDS = 'this meeting is archived: bring it back from the archive to change it';
const NO_SUCH_PARTICIPANT = 'that participant does not exist (they may have been removed)';

/** Events that create a meeting with its settings. The first participant (the chair) is added separately. */
export function createMeeting(id: MeetingId, body: CreateMeetingBody, ctx: DecideContext): MeetingEvent[] {
  const events: MeetingEvent[] = [
    {
      type: 'meeting.created',
      meetingId: id,
      title: body.title,
      timezone: body.timezone ?? 'UTC',
      defaultSpeakingSeconds: body.defaultSpeakingSeconds ?? DEFAULT_SPEAKING_SECONDS,
      at: ctx.now,
    },
  ];
  const changes: MeetingChanges = {
    ...(body.startsAt != null ? { startsAt: body.startsAt } : {}),
    ...(body.endsAt != null ? { endsAt: body.endsAt } : {}),
    ...(body.videoUrl != null ? { videoUrl: body.videoUrl } : {}),
  };
  if (Object.keys(changes).length > 0) events.push({ type: 'meeting.updated', changes });
  return events;
}

/** Why the dates do not go together, or null. */
function datesProblem(startsAt: number | null, endsAt: number | null): string | null {
  return startsAt !== null && endsAt !== null && endsAt < startsAt
    ? 'the meeting cannot end before it starts'
    : null;
}

/**
 * Changes a meeting's settings (`PATCH /api/meetings/:id`): the secretariat or the administrator
 * (`meeting.configure`); archiving only the administrator (`meeting.archive`). An archived meeting
 * takes no change but being brought back.
 */
export function updateMeeting(
  meeting: Meeting,
  actor: Actor,
  body: UpdateMeetingBody,
  ctx: DecideContext,
): Decision {
  if (!can(meeting, actor, 'meeting.configure'))
    return reject('forbidden', 'only the secretariat or the administrator changes the settings');
  const { archived, options, ...settings } = body;
  if (archived !== undefined && !can(meeting, actor, 'meeting.archive'))
    return reject('forbidden', 'only the administrator archives a meeting');
  const settingsGiven = options !== undefined || Object.keys(settings).length > 0;
  if (meeting.archived && archived !== false)
    return settingsGiven ? reject('conflict', ARCHIVED_WORDS) : accept(); // archived again: nothing to do
  const problem = datesProblem(
    settings.startsAt !== undefined ? settings.startsAt : meeting.startsAt,
    settings.endsAt !== undefined ? settings.endsAt : meeting.endsAt,
  );
  if (problem) return reject('invalid', problem);

  const events: MeetingEvent[] = [];
  if (archived === false && meeting.archived) events.push({ type: 'meeting.unarchived', at: ctx.now });
  const changes: MeetingChanges = {};
  if (settings.title !== undefined && settings.title !== meeting.title) changes.title = settings.title;
  if (settings.timezone !== undefined && settings.timezone !== meeting.timezone)
    changes.timezone = settings.timezone;
  for (const key of ['startsAt', 'endsAt', 'videoUrl'] as const) {
    const value = settings[key];
    if (value !== undefined && value !== meeting[key]) Object.assign(changes, { [key]: value });
  }
  if (
    settings.defaultSpeakingSeconds !== undefined &&
    settings.defaultSpeakingSeconds !== meeting.floor.limitSeconds
  )
    changes.defaultSpeakingSeconds = settings.defaultSpeakingSeconds;
  if (Object.keys(changes).length > 0) events.push({ type: 'meeting.updated', changes });
  if (options) {
    const next = { ...meeting.options, ...options };
    if (
      next.rtoSpokespersonsFirst !== meeting.options.rtoSpokespersonsFirst ||
      next.newDelegationsFirst !== meeting.options.newDelegationsFirst
    )
      events.push({ type: 'meeting.optionsSet', options: next });
  }
  if (archived === true && !meeting.archived) events.push({ type: 'meeting.archived', at: ctx.now });
  return accept(...events);
}

/** Sets an agenda item's documents (`PUT /api/meetings/:id/agenda/:itemId/documents`). */
export function setDocuments(
  meeting: Meeting,
  actor: Actor,
  itemId: ItemId,
  documents: AgendaDocument[],
): Decision {
  if (!can(meeting, actor, 'meeting.configure'))
    return reject('forbidden', 'only the secretariat or the administrator lists documents');
  if (meeting.archived) return reject('conflict', ARCHIVED_WORDS);
  if (!meeting.agenda.some((i) => i.id === itemId)) return reject('not_found', NO_SUCH_ITEM);
  return accept({ type: 'agenda.documentsSet', itemId, documents });
}

/** The e-mail address as compared: without case. */
const emailKey = (email: string) => email.toLowerCase();

/** Who else in the meeting has this e-mail address. */
const emailHolder = (meeting: Meeting, email: string | null | undefined, except?: ParticipantId) =>
  email
    ? meeting.participants.find((p) => p.id !== except && p.email && emailKey(p.email) === emailKey(email))
    : undefined;

/**
 * The permission a role change takes: to or from chair only the administrator, to or from
 * vice-chair the administrator or the chair (those who can preside are appointed higher up).
 */
function roleChangeRefusal(meeting: Meeting, actor: Actor, from: Role | null, to: Role): string | null {
  for (const role of from === null ? [to] : [from, to]) {
    const refusal = roleRefusal(meeting, actor, role);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Why `actor` may not give, take away or act for the holder of `role`, or null: those who can
 * preside are appointed higher up (a chair by the administrator, a vice-chair by the administrator
 * or the chair), and a secretariat member, who manages the participants, only by those who manage
 * them (so a chair cannot make themselves a secretariat).
 */
function roleRefusal(meeting: Meeting, actor: Actor, role: Role): string | null {
  const action = addParticipantAction(role);
  if (action === 'participant.appointChair' && !can(meeting, actor, action))
    return 'only the administrator appoints a chair';
  if (action === 'participant.appointViceChair' && !can(meeting, actor, action))
    return 'only the administrator or the chair appoints a vice-chair';
  if (role === 'secretariat' && !can(meeting, actor, 'participant.manage'))
    return 'only the secretariat or the administrator appoints a secretariat member';
  return null;
}

/**
 * Why `actor` may not handle `participant`'s record and link (change, remove, reissue, read or send
 * the join link), or null: the secretariat manages the participants, but a chair's or vice-chair's
 * link signs in someone who can preside, so it is handled by whoever appoints them.
 */
export function handlingRefusal(
  meeting: Meeting,
  actor: Actor,
  participant: Participant,
): DomainError | null {
  if (!can(meeting, actor, 'participant.manage'))
    return refuse('forbidden', 'only the secretariat or the administrator manages participants');
  const refusal = participant.role === 'secretariat' ? null : roleRefusal(meeting, actor, participant.role);
  if (refusal)
    return refuse(
      'forbidden',
      participant.role === 'chair'
        ? "only the administrator handles the chair's record and link"
        : "only the administrator or the chair handles a vice-chair's record and link",
    );
  return null;
}

/** The participant record a body describes, with a fresh id and a first token version. */
function newParticipant(body: AddParticipantBody, id: ParticipantId): Omit<Participant, 'online'> {
  return {
    id,
    name: body.name,
    delegation: body.delegation,
    role: body.role,
    category: body.category ?? (body.role === 'spokesperson' ? 'rto' : 'member-state'),
    region: body.region ?? (body.rto ? regionOfRto(body.rto) : 'none'),
    rto: body.rto ?? null,
    email: body.email ?? null,
    lang: body.lang ?? null,
    tokenVersion: 0,
    invitedAt: null,
  };
}

/**
 * Adds a participant. Without `actor` (the meeting's own set-up: its first chair, the demo) no
 * permission is asked; with one, adding takes `participant.add` and a chair or vice-chair the
 * appointment.
 */
export function addParticipant(
  meeting: Meeting,
  body: AddParticipantBody,
  ctx: DecideContext,
  actor?: Actor,
): Decision {
  if (actor && !can(meeting, actor, 'participant.add'))
    return reject('forbidden', 'only the chair, the secretariat or the administrator');
  if (meeting.archived) return reject('conflict', ARCHIVED_WORDS);
  if (meeting.status === 'closed') return reject('conflict', statusWords('closed'));
  const refusal = creationRefusal(meeting, actor, body, meeting.participants.length);
  if (refusal) return { ok: false, error: refusal };
  const holder = emailHolder(meeting, body.email);
  if (holder) return reject('conflict', sameEmailWords(holder));
  return accept({
    type: 'participant.added',
    presides: presidesWhenAdded(meeting, body),
    participant: newParticipant(body, ctx.ids.participant()),
  });
}

const QUOTA_WORDS = `participant quota reached: at most ${PARTICIPANT_QUOTA.perMeeting} participants per meeting`;
const sameEmailWords = (holder: Participant) =>
  `${holder.name} (${holder.delegation}) already has this e-mail address`;

/**
 * Why a new participant cannot be added by `actor` to a meeting of `count` participants, or null:
 * the appointment a chair or vice-chair takes, the quota, an RTO for a spokesperson. The e-mail's
 * uniqueness is checked by the caller (one look-up or an index).
 */
function creationRefusal(
  meeting: Meeting,
  actor: Actor | undefined,
  body: AddParticipantBody,
  count: number,
): DomainError | null {
  if (actor) {
    const refusal = roleChangeRefusal(meeting, actor, null, body.role);
    if (refusal) return refuse('forbidden', refusal);
    if (body.role === 'spokesperson' && !body.rto)
      return refuse('invalid', 'a spokesperson speaks for an RTO: give the RTO');
  }
  if (count >= PARTICIPANT_QUOTA.perMeeting) return refuse('rate_limited', QUOTA_WORDS);
  return null;
}

/** The fields of `body` that differ from the participant's. */
function changesOf(participant: Participant, body: UpdateParticipantBody): ParticipantChanges {
  const changes: ParticipantChanges = {};
  for (const key of ['name', 'delegation', 'role', 'category', 'region', 'rto', 'email', 'lang'] as const) {
    const value = body[key];
    if (value !== undefined && value !== participant[key]) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/** Who else has an e-mail address: the meeting's participants, or an import's index of them. */
type EmailHolder = (email: string | null | undefined, except?: ParticipantId) => Participant | undefined;

/** Why `changes` cannot be made to `participant`, or null. */
function updateRefusal(
  meeting: Meeting,
  actor: Actor,
  participant: Participant,
  changes: ParticipantChanges,
  holderOf: EmailHolder = (email, except) => emailHolder(meeting, email, except),
): DomainError | null {
  const handling = handlingRefusal(meeting, actor, participant);
  if (handling) return handling;
  if (changes.role !== undefined) {
    const refusal = roleChangeRefusal(meeting, actor, participant.role, changes.role);
    if (refusal) return refuse('forbidden', refusal);
    if (actor.id === participant.id)
      return refuse(
        'forbidden',
        'you cannot change your own role: ask the administrator or another secretariat member',
      );
    if (meeting.presidingParticipantId === participant.id)
      return refuse('conflict', `${participant.name} presides: they take back or hand over the chair first`);
  }
  const rto = changes.rto !== undefined ? changes.rto : participant.rto;
  if ((changes.role ?? participant.role) === 'spokesperson' && rto === null)
    return refuse('invalid', 'a spokesperson speaks for an RTO: give the RTO');
  const holder = holderOf(changes.email, participant.id);
  if (holder) return refuse('conflict', sameEmailWords(holder));
  return null;
}

/**
 * The participant a manager acts on: refused unless the actor manages participants
 * (`participant.manage`, `refusedWords` saying what they tried), the meeting is not archived and
 * the participant is there.
 */
function managed(
  meeting: Meeting,
  actor: Actor,
  participantId: ParticipantId,
  refusedWords: string,
): Participant | Extract<Decision, { ok: false }> {
  if (!can(meeting, actor, 'participant.manage'))
    return { ok: false, error: refuse('forbidden', refusedWords) };
  if (meeting.archived) return { ok: false, error: refuse('conflict', ARCHIVED_WORDS) };
  const participant = meeting.participants.find((p) => p.id === participantId);
  if (!participant) return { ok: false, error: refuse('not_found', NO_SUCH_PARTICIPANT) };
  const refusal = handlingRefusal(meeting, actor, participant);
  return refusal ? { ok: false, error: refusal } : participant;
}

const isRefusal = (
  value: Participant | Extract<Decision, { ok: false }>,
): value is Extract<Decision, { ok: false }> => 'ok' in value;

/**
 * Changes a participant (`PATCH …/participants/:participantId`): the secretariat or the
 * administrator (`participant.manage`); a change of role to or from chair or vice-chair also takes
 * the appointment.
 */
export function updateParticipant(
  meeting: Meeting,
  actor: Actor,
  participantId: ParticipantId,
  body: UpdateParticipantBody,
): Decision {
  const participant = managed(
    meeting,
    actor,
    participantId,
    'only the secretariat or the administrator changes participants',
  );
  if (isRefusal(participant)) return participant;
  const changes = changesOf(participant, body);
  const refusal = updateRefusal(meeting, actor, participant, changes);
  if (refusal) return { ok: false, error: refusal };
  return Object.keys(changes).length === 0
    ? accept()
    : accept({ type: 'participant.updated', participantId, changes });
}

/**
 * Removes a participant (`DELETE …/participants/:participantId`): their waiting requests go, their
 * token stops working, their past interventions stay in the log. Not while they have the floor (or
 * are suspended in it), nor while they preside.
 */
export function removeParticipant(
  meeting: Meeting,
  actor: Actor,
  participantId: ParticipantId,
  ctx: DecideContext,
): Decision {
  const participant = managed(
    meeting,
    actor,
    participantId,
    'only the secretariat or the administrator removes participants',
  );
  if (isRefusal(participant)) return participant;
  if (actor.id === participantId)
    return reject(
      'forbidden',
      'you cannot remove yourself: ask the administrator or another secretariat member',
    );
  if (meeting.presidingParticipantId === participantId)
    return reject('conflict', `${participant.name} presides: they hand over the chair first`);
  const { current, suspended } = meeting.floor;
  if (current?.participantId === participantId || suspended.some((s) => s.participantId === participantId))
    return reject('conflict', `${participant.name} has the floor: end their intervention first`);
  const withdrawnRequestIds = [
    ...meeting.floor.queue,
    ...Object.values(meeting.parkedLists).flatMap((list) => list.queue),
  ]
    .filter((r) => r.participantId === participantId)
    .map((r) => r.id);
  return accept({ type: 'participant.removed', participantId, withdrawnRequestIds, at: ctx.now });
}

/** A new join link for a participant (`POST …/reissue`): every earlier token is refused from now on. */
export function reissueLink(
  meeting: Meeting,
  actor: Actor,
  participantId: ParticipantId,
  ctx: DecideContext,
): Decision {
  const participant = managed(
    meeting,
    actor,
    participantId,
    'only the secretariat or the administrator reissues links',
  );
  if (isRefusal(participant)) return participant;
  return accept({
    type: 'participant.reissued',
    participantId,
    tokenVersion: participant.tokenVersion + 1,
    at: ctx.now,
  });
}

/** Records that invitations went out by e-mail to these participants. */
export function markInvited(
  meeting: Meeting,
  actor: Actor,
  participantIds: ParticipantId[],
  ctx: DecideContext,
): Decision {
  if (!can(meeting, actor, 'participant.manage'))
    return reject('forbidden', 'only the secretariat or the administrator sends invitations');
  if (meeting.archived) return reject('conflict', ARCHIVED_WORDS);
  const known = new Set<string>(meeting.participants.map((p) => p.id));
  const invited = participantIds.filter((id) => known.has(id));
  return invited.length === 0
    ? accept()
    : accept({ type: 'participant.invited', participantIds: invited, at: ctx.now });
}

/**
 * One row of a registration list, validated (server/secretariat/registrationCsv.ts). Empty cells
 * are absent: an import never clears what the secretariat entered by hand, and a row without a role
 * creates a delegate but changes no one's role.
 */
export type RegistrationRow = Omit<AddParticipantBody, 'role'> & {
  role?: Role;
  /** Its line in the file (the header is line 1). */
  line: number;
};

/** What an import would do: the events, and per row what it creates or changes, or why it cannot. */
export interface ImportPlan {
  events: MeetingEvent[];
  created: { line: number; participant: Participant }[];
  updated: {
    line: number;
    participantId: ParticipantId;
    matchedBy: 'email' | 'name';
    changes: ParticipantChanges;
  }[];
  unchanged: number;
  errors: Required<ImportError>[];
}

/**
 * What a row changes of the participant it matched: what differs, not counting differences of case
 * or spacing in the name, delegation and e-mail (a list retyped in capitals changes nothing).
 */
function importChanges(match: Participant, body: UpdateParticipantBody): ParticipantChanges {
  const changes = changesOf(match, body);
  const same = (a: string, b: string) => nameKey(a, '') === nameKey(b, '');
  if (changes.name !== undefined && same(changes.name, match.name)) delete changes.name;
  if (changes.delegation !== undefined && same(changes.delegation, match.delegation))
    delete changes.delegation;
  if (changes.email && match.email && emailKey(changes.email) === emailKey(match.email)) delete changes.email;
  return changes;
}

/** How a row is matched to someone already there: name and delegation without case or extra spaces. */
const nameKey = (name: string, delegation: string) =>
  `${name.trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${delegation.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/**
 * The code of a row's refusal, for the client's words (the English ones stay the message). The
 * refusals above keep their words and logic; this maps their words, with the participants they
 * name: the row's `match` (who presides) and the e-mail's other `holder`. Words without a code here
 * are `refused`, said in English only (shared/domain/secretariat.test.ts checks each refusal).
 */
const REFUSAL_REASONS = new Map<string, ImportReason>([
  ['only the administrator appoints a chair', { code: 'appointment', role: 'chair' }],
  ['only the administrator or the chair appoints a vice-chair', { code: 'appointment', role: 'vice-chair' }],
  [
    'only the secretariat or the administrator appoints a secretariat member',
    { code: 'appointment', role: 'secretariat' },
  ],
  ["only the administrator handles the chair's record and link", { code: 'handling', role: 'chair' }],
  [
    "only the administrator or the chair handles a vice-chair's record and link",
    { code: 'handling', role: 'vice-chair' },
  ],
  ['only the secretariat or the administrator manages participants', { code: 'not_manager' }],
  [
    'you cannot change your own role: ask the administrator or another secretariat member',
    { code: 'own_role' },
  ],
  ['a spokesperson speaks for an RTO: give the RTO', { code: 'rto_needed' }],
  [QUOTA_WORDS, { code: 'quota', max: PARTICIPANT_QUOTA.perMeeting }],
]);

function refusalReason(refusal: DomainError, match?: Participant, holder?: Participant): ImportReason {
  const fixed = REFUSAL_REASONS.get(refusal.message);
  if (fixed) return fixed;
  if (holder && refusal.message === sameEmailWords(holder))
    return { code: 'email_taken', name: holder.name, delegation: holder.delegation };
  if (match && refusal.message.startsWith(`${match.name} presides: `))
    return { code: 'presides', name: match.name };
  return { code: 'refused' };
}

/**
 * Plans the import of a registration list (`POST …/participants/import`): each row creates a
 * participant or updates the one it matches (by e-mail, else by name and delegation). The plan is
 * all or nothing: the caller stores its events only when `errors` is empty.
 */
export function planImport(
  meeting: Meeting,
  actor: Actor,
  rows: RegistrationRow[],
  ctx: DecideContext,
): ImportPlan | { refused: DomainError } {
  if (!can(meeting, actor, 'participant.manage'))
    return { refused: refuse('forbidden', 'only the secretariat or the administrator imports participants') };
  if (meeting.archived) return { refused: refuse('conflict', ARCHIVED_WORDS) };
  if (meeting.status === 'closed') return { refused: refuse('conflict', statusWords('closed')) };
  const plan: ImportPlan = { events: [], created: [], updated: [], unchanged: 0, errors: [] };
  // Indexes of who is there (and who the plan adds), so a list of thousands costs thousands of
  // look-ups, not millions of comparisons.
  const byEmail = new Map<string, Participant>();
  const byName = new Map<string, Participant>();
  const index = (p: Participant) => {
    if (p.email) byEmail.set(emailKey(p.email), p);
    byName.set(nameKey(p.name, p.delegation), p);
  };
  const unindex = (p: Participant) => {
    if (p.email) byEmail.delete(emailKey(p.email));
    byName.delete(nameKey(p.name, p.delegation));
  };
  for (const p of meeting.participants) index(p);
  const holder = (email: string | null | undefined, except?: ParticipantId) => {
    const found = email ? byEmail.get(emailKey(email)) : undefined;
    return found && found.id !== except ? found : undefined;
  };
  const seenLine = new Map<string, number>(); // participant id → first line naming them
  let count = meeting.participants.length;
  let presiding = meeting.presidingParticipantId !== null;
  for (const row of rows) {
    const { line, ...given } = row;
    const body: AddParticipantBody = { ...given, role: given.role ?? 'delegate' };
    const fail = (message: string, reason: ImportReason) => plan.errors.push({ line, message, reason });
    const emailMatch = holder(body.email);
    const match = emailMatch ?? byName.get(nameKey(body.name, body.delegation));
    const earlier = match && seenLine.get(match.id);
    if (earlier !== undefined) {
      fail(`line ${earlier} already names this participant (the same e-mail, or name and delegation)`, {
        code: 'same_as_line',
        line: earlier,
      });
      continue;
    }
    if (match) {
      seenLine.set(match.id, line);
      const changes = importChanges(match, given);
      const refusal = updateRefusal(meeting, actor, match, changes, holder);
      if (refusal) fail(refusal.message, refusalReason(refusal, match, holder(changes.email, match.id)));
      else if (Object.keys(changes).length === 0) plan.unchanged++;
      else {
        plan.events.push({ type: 'participant.updated', participantId: match.id, changes });
        plan.updated.push({
          line,
          participantId: match.id,
          matchedBy: emailMatch ? 'email' : 'name',
          changes,
        });
        unindex(match);
        index({ ...match, ...changes });
      }
      continue;
    }
    const refusal = creationRefusal(meeting, actor, body, count);
    if (refusal) {
      fail(refusal.message, refusalReason(refusal));
      continue;
    }
    const participant = { ...newParticipant(body, ctx.ids.participant()), online: false };
    const presides = !presiding && participant.role === 'chair';
    presiding ||= presides;
    plan.events.push({ type: 'participant.added', presides, participant: withoutOnline(participant) });
    plan.created.push({ line, participant });
    seenLine.set(participant.id, line);
    index(participant);
    count++;
  }
  return plan;
}

const withoutOnline = ({ online: _online, ...rest }: Participant): Omit<Participant, 'online'> => rest;

/**
 * The clone's dates: those given; a start without an end keeps the source's length (IRM-2 is as
 * long as IRM-1), and a clone given no dates keeps the source's.
 */
function cloneDates(
  source: Meeting,
  body: CloneMeetingBody,
): { startsAt: number | null; endsAt: number | null } {
  const startsAt = body.startsAt !== undefined ? body.startsAt : source.startsAt;
  if (body.endsAt !== undefined) return { startsAt, endsAt: body.endsAt };
  const length = source.startsAt !== null && source.endsAt !== null ? source.endsAt - source.startsAt : null;
  if (body.startsAt === undefined || startsAt === null) return { startsAt, endsAt: source.endsAt };
  return { startsAt, endsAt: length === null ? null : startsAt + length };
}

/**
 * The events of a new meeting cloned from `source` (`POST /api/meetings/:id/clone`): its settings,
 * floor options, agenda (every item pending again, with its documents) and participants (fresh
 * ids, so fresh tokens), without its floor, interventions or proposals. IRM-2 from IRM-1.
 */
export function cloneMeeting(
  source: Meeting,
  id: MeetingId,
  body: CloneMeetingBody,
  ctx: DecideContext,
): MeetingEvent[] {
  const events = createMeeting(
    id,
    {
      title: body.title,
      timezone: source.timezone,
      defaultSpeakingSeconds: source.floor.limitSeconds,
      ...cloneDates(source, body),
      videoUrl: source.videoUrl,
    },
    ctx,
  );
  events.push({ type: 'meeting.optionsSet', options: source.options });
  let presiding = false;
  for (const p of source.participants) {
    const presides: boolean = !presiding && p.role === 'chair';
    presiding ||= presides;
    const { online: _online, ...rest } = p;
    events.push({
      type: 'participant.added',
      presides,
      participant: { ...rest, id: ctx.ids.participant(), tokenVersion: 0, invitedAt: null },
    });
  }
  source.agenda.forEach((item, index) => {
    events.push({
      type: 'agenda.itemAdded',
      index,
      item: {
        id: ctx.ids.item(),
        number: item.number,
        title: item.title,
        description: item.description,
        plannedMinutes: item.plannedMinutes,
        status: 'pending',
        outcome: '',
        documents: item.documents,
      },
    });
  });
  return events;
}
