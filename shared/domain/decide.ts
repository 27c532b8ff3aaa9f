import type { IdFactories, MeetingId, ParticipantId } from '../ids';
import type { AddParticipantBody, Command, CommandOf, CreateMeetingBody } from '../protocol/commands';
import {
  extendedLimit,
  leavingCurrent,
  leavingIfCurrent,
  presidesWhenAdded,
  removalOf,
  restoresList,
} from './consequences';
import { assertNever, type DomainError, refuse } from './errors';
import type { MeetingEvent } from './events';
import { evolve } from './evolve';
import type { FloorRequest, Meeting, Participant } from './model';
import { accessOf, can } from './permissions';
import { clampMove, insertionIndex, priorityFor } from './queue';
import { AGENDA_QUOTA, PARTICIPANT_QUOTA, PROPOSAL_QUOTA } from './quotas';

/** What the domain needs from the outside world: the time and fresh ids. */
export interface DecideContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** Fresh unique ids of each kind, e.g. `ids.request()` → `"r_…"`. */
  ids: IdFactories;
}

/** The outcome of a command: the events that follow, or why it was refused. */
export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: DomainError };

const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
const reject = (code: DomainError['code'], message: string): Decision => ({
  ok: false,
  error: refuse(code, message),
});

const DEFAULT_SPEAKING_SECONDS = 180;

/** Events that create a meeting. The first participant (the chair) is added separately. */
export function createMeeting(id: MeetingId, body: CreateMeetingBody, ctx: DecideContext): MeetingEvent[] {
  return [
    {
      type: 'meeting.created',
      meetingId: id,
      title: body.title,
      timezone: body.timezone ?? 'UTC',
      defaultSpeakingSeconds: body.defaultSpeakingSeconds ?? DEFAULT_SPEAKING_SECONDS,
      at: ctx.now,
    },
  ];
}

/** Adds a participant (an HTTP action of the secretariat or an administrator, not a socket command). */
export function addParticipant(meeting: Meeting, body: AddParticipantBody, ctx: DecideContext): Decision {
  if (meeting.status === 'closed') return reject('conflict', 'the meeting is closed');
  if (meeting.participants.length >= PARTICIPANT_QUOTA.perMeeting) {
    return reject(
      'rate_limited',
      `participant quota reached: at most ${PARTICIPANT_QUOTA.perMeeting} participants per meeting`,
    );
  }
  const rto = body.rto ?? null;
  return accept({
    type: 'participant.added',
    presides: presidesWhenAdded(meeting, body),
    participant: {
      id: ctx.ids.participant(),
      name: body.name,
      delegation: body.delegation,
      role: body.role,
      category: body.category ?? (body.role === 'spokesperson' ? 'rto' : 'member-state'),
      region: body.region ?? 'none',
      rto,
    },
  });
}

/**
 * Decides what a command from `actorId` does to `meeting`. Pure: it never reads a clock or makes
 * ids itself, and a refusal leaves nothing behind.
 */
export function decide(
  meeting: Meeting,
  command: Command,
  actorId: ParticipantId,
  ctx: DecideContext,
): Decision {
  const actor = meeting.participants.find((p) => p.id === actorId);
  if (!actor) return reject('forbidden', 'you are not a participant of this meeting');
  const access = accessOf(meeting, actor, command.type);
  if (access === 'no') return reject('forbidden', `a ${actor.role} may not ${command.type}`);
  if (meeting.status === 'closed') return reject('conflict', 'the meeting is closed');
  const own = access === 'own';

  switch (command.type) {
    case 'meeting.open':
      if (meeting.status !== 'scheduled') return reject('conflict', `the meeting is ${meeting.status}`);
      return accept({ type: 'meeting.opened', at: ctx.now });
    case 'meeting.suspend':
      if (meeting.status !== 'open') return reject('conflict', `the meeting is ${meeting.status}`);
      return accept(...endCurrent(meeting, ctx), { type: 'meeting.suspended', at: ctx.now });
    case 'meeting.resume':
      if (meeting.status !== 'suspended') return reject('conflict', `the meeting is ${meeting.status}`);
      return accept({ type: 'meeting.resumed', at: ctx.now });
    case 'meeting.close':
      return accept(...endCurrent(meeting, ctx), { type: 'meeting.closed', at: ctx.now });
    case 'meeting.setOptions':
      return accept({
        type: 'meeting.optionsSet',
        options: {
          rtoSpokespersonsFirst: command.rtoSpokespersonsFirst ?? meeting.options.rtoSpokespersonsFirst,
          newDelegationsFirst: command.newDelegationsFirst ?? meeting.options.newDelegationsFirst,
        },
      });
    case 'agenda.add':
      if (meeting.agenda.length >= AGENDA_QUOTA.perMeeting) {
        return reject(
          'rate_limited',
          `agenda quota reached: at most ${AGENDA_QUOTA.perMeeting} agenda items per meeting`,
        );
      }
      return accept({
        type: 'agenda.itemAdded',
        item: {
          id: ctx.ids.item(),
          number: command.number ?? String(meeting.agenda.length + 1),
          title: command.title,
          description: command.description ?? '',
          plannedMinutes: command.plannedMinutes ?? 0,
          status: 'pending',
          outcome: '',
        },
        index: Math.min(command.toIndex ?? meeting.agenda.length, meeting.agenda.length),
      });
    case 'agenda.update': {
      if (!findItem(meeting, command.itemId)) return reject('not_found', 'no such agenda item');
      const { id: _id, type: _type, itemId, ...changes } = command;
      return accept({ type: 'agenda.itemUpdated', itemId, changes: defined(changes) });
    }
    case 'agenda.remove':
      if (!findItem(meeting, command.itemId)) return reject('not_found', 'no such agenda item');
      if (meeting.currentItemId === command.itemId) {
        return reject('conflict', 'the item is open: conclude or defer it first');
      }
      return accept({
        type: 'agenda.itemRemoved',
        itemId: command.itemId,
        ...removalOf(meeting, command.itemId),
      });
    case 'agenda.move':
      if (!findItem(meeting, command.itemId)) return reject('not_found', 'no such agenda item');
      return accept({
        type: 'agenda.itemMoved',
        itemId: command.itemId,
        toIndex: Math.min(command.toIndex, meeting.agenda.length - 1),
      });
    case 'agenda.open':
      if (!findItem(meeting, command.itemId)) return reject('not_found', 'no such agenda item');
      if (meeting.status !== 'open') return reject('conflict', `the meeting is ${meeting.status}`);
      if (meeting.currentItemId === command.itemId) return reject('conflict', 'the item is already open');
      return accept(...endCurrent(meeting, ctx), {
        type: 'agenda.itemOpened',
        itemId: command.itemId,
        at: ctx.now,
        left: leavingCurrent(meeting),
        restoresList: restoresList(meeting, command.itemId),
      });
    case 'agenda.conclude': {
      const item = findItem(meeting, command.itemId);
      if (!item) return reject('not_found', 'no such agenda item');
      if (item.status === 'concluded') return reject('conflict', 'the item is already concluded');
      const ending = meeting.currentItemId === item.id ? endCurrent(meeting, ctx) : [];
      return accept(...ending, {
        type: 'agenda.itemConcluded',
        itemId: item.id,
        outcome: command.outcome ?? '',
        at: ctx.now,
        left: leavingIfCurrent(meeting, item.id),
      });
    }
    case 'agenda.defer': {
      const item = findItem(meeting, command.itemId);
      if (!item) return reject('not_found', 'no such agenda item');
      if (item.status !== 'pending' && item.status !== 'open') {
        return reject('conflict', `a ${item.status} item cannot be deferred`);
      }
      const ending = meeting.currentItemId === item.id ? endCurrent(meeting, ctx) : [];
      return accept(...ending, {
        type: 'agenda.itemDeferred',
        itemId: item.id,
        at: ctx.now,
        left: leavingIfCurrent(meeting, item.id),
      });
    }
    case 'floor.request':
      return requestFloor(meeting, actor, command, ctx);
    case 'floor.rtoRound':
      return rtoRound(meeting, actor, command, ctx);
    case 'floor.withdraw': {
      const mine = meeting.floor.queue.filter((r) => r.participantId === actor.id);
      const request = command.requestId
        ? meeting.floor.queue.find((r) => r.id === command.requestId)
        : mine.at(-1);
      if (!request) return reject('not_found', 'no such request in the list of speakers');
      if (request.participantId !== actor.id) {
        return reject('forbidden', 'only your own request can be withdrawn; the chair removes others');
      }
      return accept({ type: 'floor.withdrawn', requestId: request.id });
    }
    case 'floor.give': {
      const request = meeting.floor.queue.find((r) => r.id === command.requestId);
      if (!request) return reject('not_found', 'no such request in the list of speakers');
      return giveFloor(meeting, request, ctx);
    }
    case 'floor.next': {
      const request = meeting.floor.queue[0];
      if (!request) return reject('conflict', 'the list of speakers is empty');
      return giveFloor(meeting, request, ctx);
    }
    case 'floor.end': {
      const current = meeting.floor.current;
      if (!current) return reject('conflict', 'nobody has the floor');
      if (own && current.participantId !== actor.id) return reject('forbidden', 'you do not have the floor');
      return accept(...endCurrent(meeting, ctx));
    }
    case 'floor.move': {
      const request = meeting.floor.queue.find((r) => r.id === command.requestId);
      if (!request) return reject('not_found', 'no such request in the list of speakers');
      const toIndex = clampMove(meeting.floor.queue, request.id, command.toIndex);
      if (meeting.floor.queue.indexOf(request) === toIndex) return accept();
      return accept({ type: 'floor.moved', requestId: request.id, toIndex });
    }
    case 'floor.remove':
      if (!meeting.floor.queue.some((r) => r.id === command.requestId)) {
        return reject('not_found', 'no such request in the list of speakers');
      }
      return accept({ type: 'floor.removed', requestId: command.requestId });
    case 'floor.close':
      if (!meeting.currentItemId) return reject('conflict', 'no agenda item is open');
      if (meeting.floor.closed) return reject('conflict', 'the list of speakers is already closed');
      return accept({ type: 'floor.closed' });
    case 'floor.reopen':
      if (!meeting.floor.closed) return reject('conflict', 'the list of speakers is open');
      return accept({ type: 'floor.reopened' });
    case 'floor.setLimit':
      if (command.requestId && !meeting.floor.queue.some((r) => r.id === command.requestId)) {
        return reject('not_found', 'no such request in the list of speakers');
      }
      return accept({
        type: 'floor.limitSet',
        seconds: command.seconds,
        requestId: command.requestId ?? null,
      });
    case 'floor.extend':
      if (!meeting.floor.current) return reject('conflict', 'nobody has the floor');
      return accept({
        type: 'floor.extended',
        seconds: command.seconds,
        limitSeconds: extendedLimit(meeting, command.seconds),
      });
    case 'presiding.handTo': {
      const target = meeting.participants.find((p) => p.id === command.participantId);
      if (!target) return reject('not_found', 'no such participant');
      if (target.role !== 'vice-chair')
        return reject('conflict', 'only a vice-chair can be asked to preside');
      if (meeting.presidingParticipantId === target.id) return reject('conflict', 'already presiding');
      return accept({ type: 'presiding.handed', participantId: target.id });
    }
    case 'presiding.resume':
      if (meeting.presidingParticipantId === actor.id) return reject('conflict', 'you are already presiding');
      return accept({ type: 'presiding.resumed', participantId: actor.id });
    case 'proposal.create': {
      const quota = proposalQuotaReached(meeting, actor);
      if (quota) return reject('rate_limited', quota);
      if (meeting.proposals.some((p) => p.symbol === command.symbol)) {
        return reject('conflict', `a proposal ${command.symbol} exists already`);
      }
      if (command.itemId && !findItem(meeting, command.itemId))
        return reject('not_found', 'no such agenda item');
      return accept({
        type: 'proposal.created',
        proposal: {
          id: ctx.ids.proposal(),
          symbol: command.symbol,
          title: command.title,
          submittedBy: command.submittedBy,
          itemId: command.itemId ?? null,
          status: 'draft',
          locked: false,
          createdBy: actor.id,
          createdAt: ctx.now,
        },
        ...(command.baseText ? { baseText: command.baseText } : {}),
      });
    }
    case 'proposal.update': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', 'no such proposal');
      if (own && proposal.createdBy !== actor.id)
        return reject('forbidden', 'only its author may edit this proposal');
      if (proposal.locked) return reject('conflict', 'the proposal is locked');
      if (
        command.symbol &&
        meeting.proposals.some((p) => p.symbol === command.symbol && p.id !== proposal.id)
      ) {
        return reject('conflict', `a proposal ${command.symbol} exists already`);
      }
      if (command.itemId && !findItem(meeting, command.itemId))
        return reject('not_found', 'no such agenda item');
      const { id: _id, type: _type, proposalId: _p, itemId, ...rest } = command;
      const changes = defined({ ...rest, itemId });
      return accept({ type: 'proposal.updated', proposalId: proposal.id, changes });
    }
    case 'proposal.setStatus': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', 'no such proposal');
      if (proposal.status === command.status) return accept();
      return accept({ type: 'proposal.statusSet', proposalId: proposal.id, status: command.status });
    }
    case 'proposal.lock':
    case 'proposal.unlock': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', 'no such proposal');
      const locking = command.type === 'proposal.lock';
      if (proposal.locked === locking)
        return reject('conflict', `the proposal is already ${locking ? 'locked' : 'unlocked'}`);
      return accept({ type: locking ? 'proposal.locked' : 'proposal.unlocked', proposalId: proposal.id });
    }
    default:
      return assertNever(command);
  }
}

function requestFloor(
  meeting: Meeting,
  actor: Participant,
  command: CommandOf<'floor.request'>,
  ctx: DecideContext,
): Decision {
  const onBehalf = command.participantId !== undefined && command.participantId !== actor.id;
  if (onBehalf && !can(meeting, actor, 'floor.requestFor')) {
    return reject('forbidden', 'only the presiding officer or the secretariat may queue someone else');
  }
  const target = onBehalf ? meeting.participants.find((p) => p.id === command.participantId) : actor;
  if (!target) return reject('not_found', 'no such participant');
  if (meeting.status !== 'open') return reject('conflict', `the meeting is ${meeting.status}`);
  if (!meeting.currentItemId) return reject('conflict', 'no agenda item is open');
  if (meeting.floor.current?.participantId === target.id) return reject('conflict', 'already has the floor');
  if (meeting.floor.queue.some((r) => r.participantId === target.id && r.kind === command.kind)) {
    return reject('conflict', `already has a ${command.kind} request in the list`);
  }
  if (meeting.floor.closed && command.kind === 'speak') {
    return reject('conflict', 'the list of speakers is closed: only points of order and replies');
  }
  const request: FloorRequest = {
    id: ctx.ids.request(),
    participantId: target.id,
    kind: command.kind,
    requestedAt: ctx.now,
    priority: priorityFor(meeting, target, command.kind),
    limitSeconds: null,
  };
  return accept({ type: 'floor.requested', request, index: insertionIndex(meeting.floor.queue, request) });
}

/**
 * One floor.requested per RTO spokesperson, in the chair's order; spokespersons already queued to
 * speak (or speaking) keep their place. The queue rules still place each request.
 */
function rtoRound(
  meeting: Meeting,
  actor: Participant,
  command: CommandOf<'floor.rtoRound'>,
  ctx: DecideContext,
): Decision {
  const events: MeetingEvent[] = [];
  let working = meeting;
  const missing: string[] = [];
  for (const rto of command.rtos) {
    const spokesperson = meeting.participants.find((p) => p.role === 'spokesperson' && p.rto === rto);
    if (!spokesperson) {
      missing.push(rto);
      continue;
    }
    const queued = working.floor.queue.some((r) => r.participantId === spokesperson.id && r.kind === 'speak');
    if (queued || working.floor.current?.participantId === spokesperson.id) continue;
    const decision = requestFloor(
      working,
      actor,
      { id: command.id, type: 'floor.request', kind: 'speak', participantId: spokesperson.id },
      ctx,
    );
    if (!decision.ok) return decision;
    for (const event of decision.events) {
      events.push(event);
      working = evolve(working, event);
    }
  }
  if (missing.length === command.rtos.length) {
    return reject('not_found', `no spokesperson for ${missing.join(', ')}`);
  }
  return accept(...events);
}

function giveFloor(meeting: Meeting, request: FloorRequest, ctx: DecideContext): Decision {
  if (meeting.status !== 'open') return reject('conflict', `the meeting is ${meeting.status}`);
  return accept(...endCurrent(meeting, ctx), {
    type: 'floor.given',
    requestId: request.id,
    participantId: request.participantId,
    kind: request.kind,
    startedAt: ctx.now,
    limitSeconds: request.limitSeconds ?? meeting.floor.limitSeconds,
  });
}

/** Ends the current intervention, if any, and logs it. */
function endCurrent(meeting: Meeting, ctx: DecideContext): MeetingEvent[] {
  const current = meeting.floor.current;
  if (!current) return [];
  const speaker = meeting.participants.find((p) => p.id === current.participantId);
  const durationSeconds = Math.max(0, Math.round((ctx.now - current.startedAt) / 1000));
  return [
    {
      type: 'floor.ended',
      intervention: {
        id: ctx.ids.intervention(),
        requestId: current.requestId,
        participantId: current.participantId,
        delegation: speaker?.delegation ?? '',
        region: speaker?.region ?? 'none',
        rto: speaker?.rto ?? null,
        itemId: meeting.currentItemId,
        kind: current.kind,
        startedAt: current.startedAt,
        endedAt: ctx.now,
        durationSeconds,
        limitSeconds: current.limitSeconds,
        overrunSeconds: Math.max(0, durationSeconds - current.limitSeconds),
      },
    },
  ];
}

/** Which proposal quota a new proposal by `actor` would exceed, as the refusal's message. */
function proposalQuotaReached(meeting: Meeting, actor: Participant): string | null {
  if (meeting.proposals.length >= PROPOSAL_QUOTA.perMeeting) {
    return `proposal quota reached: at most ${PROPOSAL_QUOTA.perMeeting} proposals per meeting`;
  }
  const own = meeting.proposals.filter((p) => p.createdBy === actor.id).length;
  if (own >= PROPOSAL_QUOTA.perParticipant) {
    return `proposal quota reached: at most ${PROPOSAL_QUOTA.perParticipant} proposals per participant`;
  }
  return null;
}

const findItem = (meeting: Meeting, itemId: string) => meeting.agenda.find((i) => i.id === itemId);

/** Drops keys whose value is undefined, so a change lists only what was sent. */
function defined<T extends object>(changes: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
