import type { IdFactories, ParticipantId } from '../ids';
import type { Command, CommandOf } from '../protocol/commands';
import { decideConsensus, roomCheckUnderWay } from './consensusDecide';
import type { TextFacts } from './consensusModel';
import { extendedLimit, leavingCurrent, leavingIfCurrent, removalOf, restoresList } from './consequences';
import { assertNever, type DomainError, refuse } from './errors';
import type { MeetingEvent } from './events';
import { evolve } from './evolve';
import { endAll, endCurrent, endFloor, endSuspended, giveFloor, nextSpeaker } from './floor';
import type { FloorRequest, Meeting, Participant } from './model';
import { accessOf, can, RULES, TEXT_RULES } from './permissions';
import { clampMove, insertionIndex, priorityFor } from './queue';
import { AGENDA_QUOTA, PROPOSAL_QUOTA } from './quotas';
import { ARCHIVED_WORDS } from './secretariat';
import { isSummarySymbol, SUMMARY_SYMBOL_WORDS } from './summary';
import { restoreItem, restoreRequests } from './undo';
import { kindWords, NO_ITEM_OPEN, NO_SUCH_ITEM, NO_SUCH_REQUEST, statusWords } from './words';

/** What the domain needs from the outside world: the time and fresh ids. */
export interface DecideContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** Fresh unique ids of each kind, e.g. `ids.request()` → `"r_…"`. */
  ids: IdFactories;
  /**
   * What the text of the command's proposal says (its paragraphs), read by the server before
   * deciding a command that needs it (`needsTextFacts`); absent otherwise.
   */
  text?: TextFacts;
}

/** The outcome of a command: the events that follow, or why it was refused. */
export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: DomainError };

const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
const reject = (code: DomainError['code'], message: string): Decision => ({
  ok: false,
  error: refuse(code, message),
});

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
  if (access === 'no') return reject('forbidden', forbiddenWords(actor, command.type));
  if (meeting.archived) return reject('conflict', ARCHIVED_WORDS);
  // The chair's summary is written after the session: its drafts stay in use once it closes.
  if (meeting.status === 'closed' && !onTextOutlivingSession(meeting, command))
    return reject('conflict', statusWords('closed'));
  const own = access === 'own';

  switch (command.type) {
    case 'meeting.open':
      if (meeting.status !== 'scheduled') return reject('conflict', statusWords(meeting.status));
      return accept({ type: 'meeting.opened', at: ctx.now });
    case 'meeting.suspend': {
      if (meeting.status !== 'open') return reject('conflict', statusWords(meeting.status));
      const checking = roomCheckUnderWay(meeting);
      if (checking) return reject('conflict', checking);
      // Interrupted speakers keep waiting through the suspension; the one speaking stops.
      return accept(...endCurrent(meeting, ctx), { type: 'meeting.suspended', at: ctx.now });
    }
    case 'meeting.resume':
      if (meeting.status !== 'suspended') {
        return reject(
          'conflict',
          meeting.status === 'open' ? 'the meeting is not suspended' : statusWords(meeting.status),
        );
      }
      return accept({ type: 'meeting.resumed', at: ctx.now });
    case 'meeting.close': {
      const checking = roomCheckUnderWay(meeting);
      if (checking) return reject('conflict', checking);
      return accept(...endAll(meeting, ctx), { type: 'meeting.closed', at: ctx.now });
    }
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
          documents: [],
        },
        index: Math.min(command.toIndex ?? meeting.agenda.length, meeting.agenda.length),
      });
    case 'agenda.update': {
      if (!findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      const { id: _id, type: _type, itemId, ...changes } = command;
      return accept({ type: 'agenda.itemUpdated', itemId, changes: defined(changes) });
    }
    case 'agenda.remove':
      if (!findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      if (meeting.currentItemId === command.itemId) {
        return reject('conflict', 'the item is open: conclude or defer it first');
      }
      return accept({
        type: 'agenda.itemRemoved',
        itemId: command.itemId,
        ...removalOf(meeting, command.itemId),
        at: ctx.now,
      });
    case 'agenda.restore':
      return restoreItem(meeting, command.itemId, ctx.now);
    case 'agenda.move':
      if (!findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      return accept({
        type: 'agenda.itemMoved',
        itemId: command.itemId,
        toIndex: Math.min(command.toIndex, meeting.agenda.length - 1),
      });
    case 'agenda.open':
      if (!findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      if (meeting.status !== 'open') return reject('conflict', statusWords(meeting.status));
      if (meeting.currentItemId === command.itemId) return reject('conflict', 'the item is already open');
      return accept(...endAll(meeting, ctx), {
        type: 'agenda.itemOpened',
        itemId: command.itemId,
        at: ctx.now,
        left: leavingCurrent(meeting),
        restoresList: restoresList(meeting, command.itemId),
      });
    case 'agenda.conclude': {
      const item = findItem(meeting, command.itemId);
      if (!item) return reject('not_found', NO_SUCH_ITEM);
      if (item.status === 'concluded') return reject('conflict', 'the item is already concluded');
      const ending = meeting.currentItemId === item.id ? endAll(meeting, ctx) : [];
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
      if (!item) return reject('not_found', NO_SUCH_ITEM);
      if (item.status !== 'pending' && item.status !== 'open') {
        return reject('conflict', `the item is ${item.status} already: it cannot be deferred`);
      }
      const ending = meeting.currentItemId === item.id ? endAll(meeting, ctx) : [];
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
      const request = command.requestId
        ? meeting.floor.queue.find((r) => r.id === command.requestId)
        : latestOwnRequest(meeting, actor);
      if (!request) {
        return reject(
          'not_found',
          command.requestId ? NO_SUCH_REQUEST : 'you have no request in the list of speakers',
        );
      }
      if (request.participantId !== actor.id) {
        return reject('forbidden', 'only your own request can be withdrawn; the chair removes others');
      }
      return accept({ type: 'floor.withdrawn', requestId: request.id });
    }
    case 'floor.give': {
      const request = meeting.floor.queue.find((r) => r.id === command.requestId);
      if (!request) return reject('not_found', NO_SUCH_REQUEST);
      return giveFloor(meeting, request, command, ctx);
    }
    case 'floor.next':
      return nextSpeaker(meeting, command, ctx);
    case 'floor.end': {
      const current = meeting.floor.current;
      if (!current) return reject('conflict', 'nobody has the floor');
      if (own && current.participantId !== actor.id) return reject('forbidden', 'you do not have the floor');
      return accept(...endFloor(meeting, ctx));
    }
    case 'floor.endSuspended':
      return endSuspended(meeting, ctx);
    case 'floor.move': {
      const request = meeting.floor.queue.find((r) => r.id === command.requestId);
      if (!request) return reject('not_found', NO_SUCH_REQUEST);
      const toIndex = clampMove(meeting.floor.queue, request.id, command.toIndex);
      if (meeting.floor.queue.indexOf(request) === toIndex) return accept();
      return accept({ type: 'floor.moved', requestId: request.id, toIndex });
    }
    case 'floor.remove':
      if (!meeting.floor.queue.some((r) => r.id === command.requestId)) {
        return reject('not_found', NO_SUCH_REQUEST);
      }
      return accept({ type: 'floor.removed', requestId: command.requestId, at: ctx.now });
    case 'floor.clear':
      if (meeting.floor.queue.length === 0)
        return reject('conflict', 'the list of speakers is empty already');
      return accept({ type: 'floor.cleared', requestIds: meeting.floor.queue.map((r) => r.id), at: ctx.now });
    case 'floor.restore':
      return restoreRequests(meeting, command.requestIds, ctx.now);
    case 'floor.close':
      if (!meeting.currentItemId) return reject('conflict', NO_ITEM_OPEN);
      if (meeting.floor.closed) return reject('conflict', 'the list of speakers is closed already');
      return accept({ type: 'floor.closed' });
    case 'floor.reopen':
      if (!meeting.floor.closed) return reject('conflict', 'the list of speakers is open already');
      return accept({ type: 'floor.reopened' });
    case 'floor.setLimit':
      if (command.requestId && !meeting.floor.queue.some((r) => r.id === command.requestId)) {
        return reject('not_found', NO_SUCH_REQUEST);
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
      if (!target) return reject('not_found', 'that participant is not in this meeting');
      if (target.role !== 'vice-chair')
        return reject('conflict', 'only a vice-chair can be asked to preside');
      if (meeting.presidingParticipantId === target.id) {
        return reject('conflict', 'that vice-chair is presiding already');
      }
      return accept({ type: 'presiding.handed', participantId: target.id });
    }
    case 'presiding.resume':
      if (meeting.presidingParticipantId === actor.id) return reject('conflict', 'you are already presiding');
      return accept({ type: 'presiding.resumed', participantId: actor.id });
    case 'proposal.create': {
      const quota = proposalQuotaReached(meeting, actor);
      if (quota) return reject('rate_limited', quota);
      if (meeting.proposals.some((p) => p.symbol === command.symbol)) {
        return reject('conflict', `a proposal ${command.symbol} exists already: choose another symbol`);
      }
      if (isSummarySymbol(command.symbol)) return reject('invalid', SUMMARY_SYMBOL_WORDS);
      if (command.itemId && !findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      return accept({
        type: 'proposal.created',
        proposal: {
          id: ctx.ids.proposal(),
          kind: 'proposal',
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
      if (!proposal) return reject('not_found', 'that proposal does not exist');
      if (own && proposal.createdBy !== actor.id)
        return reject('forbidden', 'only its author may edit this proposal');
      if (proposal.locked)
        return reject(
          'conflict',
          'the proposal is locked: the presiding officer or the secretariat can unlock it',
        );
      if (
        command.symbol &&
        meeting.proposals.some((p) => p.symbol === command.symbol && p.id !== proposal.id)
      ) {
        return reject('conflict', `a proposal ${command.symbol} exists already: choose another symbol`);
      }
      if (command.symbol && proposal.kind !== 'chair-summary' && isSummarySymbol(command.symbol))
        return reject('invalid', SUMMARY_SYMBOL_WORDS);
      if (command.itemId && !findItem(meeting, command.itemId)) return reject('not_found', NO_SUCH_ITEM);
      const { id: _id, type: _type, proposalId: _p, itemId, ...rest } = command;
      const changes = defined({ ...rest, itemId });
      return accept({ type: 'proposal.updated', proposalId: proposal.id, changes });
    }
    case 'proposal.setStatus': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', 'that proposal does not exist');
      if (proposal.status === command.status) return accept();
      return accept({ type: 'proposal.statusSet', proposalId: proposal.id, status: command.status });
    }
    case 'proposal.lock':
    case 'proposal.unlock': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', 'that proposal does not exist');
      const locking = command.type === 'proposal.lock';
      if (proposal.locked === locking)
        return reject('conflict', `the proposal is already ${locking ? 'locked' : 'unlocked'}`);
      return accept({ type: locking ? 'proposal.locked' : 'proposal.unlocked', proposalId: proposal.id });
    }
    case 'proposal.publishRevision':
    case 'consensus.ask':
    case 'consensus.object':
    case 'consensus.withdrawObjection':
    case 'consensus.close':
    case 'paragraph.setStatus':
    case 'paragraph.linkIntervention':
    case 'paragraph.unlinkIntervention':
    case 'screen.show':
      return decideConsensus(meeting, command, actor, ctx);
    default:
      return assertNever(command);
  }
}

/** Commands whose decision reads the proposal's text (`DecideContext.text`): the server reads it first. */
export const needsTextFacts = (
  command: Command,
): command is CommandOf<
  'proposal.publishRevision' | 'consensus.ask' | 'paragraph.setStatus' | 'paragraph.linkIntervention'
> =>
  command.type === 'proposal.publishRevision' ||
  command.type === 'consensus.ask' ||
  command.type === 'paragraph.setStatus' ||
  command.type === 'paragraph.linkIntervention';

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
  if (!target) return reject('not_found', 'that participant is not in this meeting');
  if (meeting.status !== 'open') return reject('conflict', statusWords(meeting.status));
  if (!meeting.currentItemId) return reject('conflict', NO_ITEM_OPEN);
  const who = onBehalf ? `${target.delegation} has` : 'you have';
  if (holdsFloor(meeting, target.id)) return reject('conflict', `${who} the floor already`);
  if (meeting.floor.queue.some((r) => r.participantId === target.id && r.kind === command.kind)) {
    return reject('conflict', `${who} ${kindWords(command.kind)} in the list already`);
  }
  if (meeting.floor.closed && command.kind === 'speak') {
    return reject(
      'conflict',
      'the list of speakers is closed: only a point of order or a right of reply can be requested',
    );
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
    if (queued || holdsFloor(working, spokesperson.id)) continue;
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
    return reject('not_found', `no spokesperson is registered for ${missing.join(', ')}`);
  }
  return accept(...events);
}

/** The most recently made of the actor's waiting requests (the default of `floor.withdraw`). */
function latestOwnRequest(meeting: Meeting, actor: Participant): FloorRequest | undefined {
  const mine = meeting.floor.queue.filter((r) => r.participantId === actor.id);
  // Later in the list wins a tie: it was placed after the other.
  return mine.reduce<FloorRequest | undefined>(
    (latest, r) => (!latest || r.requestedAt >= latest.requestedAt ? r : latest),
    undefined,
  );
}

/** Why the actor's role may not do this, and what they can do instead; never the command's name. */
function forbiddenWords(actor: Participant, type: Command['type']): string {
  if (RULES[type][actor.role] === 'presiding' || RULES[type][actor.role] === 'presidingElseOwn') {
    return 'only the presiding officer may do this: the chair can hand presiding to you';
  }
  const article = /^[aeiou]/.test(actor.role) ? 'an' : 'a';
  const whom =
    actor.role === 'secretariat' ? 'the presiding officer' : 'the presiding officer or the secretariat';
  return `as ${article} ${actor.role} you may not do this: ask ${whom}`;
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

/** Whether the participant has the floor, now or as a suspended speaker waiting to resume. */
const holdsFloor = (meeting: Meeting, participantId: string): boolean =>
  meeting.floor.current?.participantId === participantId ||
  meeting.floor.suspended.some((s) => s.participantId === participantId);

const findItem = (meeting: Meeting, itemId: string) => meeting.agenda.find((i) => i.id === itemId);

/** Drops keys whose value is undefined, so a change lists only what was sent. */
function defined<T extends object>(changes: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * Whether `command` acts on something that outlives the session: a chair's summary (its metadata,
 * status or lock), or a silence procedure (objections and its close run to its deadline).
 */
function onTextOutlivingSession(meeting: Meeting, command: Command): boolean {
  switch (command.type) {
    case 'consensus.object':
    case 'consensus.withdrawObjection':
    case 'consensus.close':
      return meeting.consensus.checks.some((c) => c.id === command.checkId && c.procedure === 'silence');
    case 'proposal.update':
    case 'proposal.setStatus':
    case 'proposal.lock':
    case 'proposal.unlock': {
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      return !!proposal && TEXT_RULES[proposal.kind].outlivesSession;
    }
    default:
      return false;
  }
}
