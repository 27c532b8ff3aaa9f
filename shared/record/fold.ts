import type { MeetingEvent, StoredEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import type { Meeting, ProposalStatus, Role, RtoCode } from '../domain/model';
import { describeUnreadable, readStoredEvent } from '../domain/upgrade';
import type { InterventionId, ItemId, ParticipantId, ProposalId, RequestId } from '../ids';
import { type ConsensusFacts, emptyConsensusFacts, noteConsensus } from './consensusFold';
import type { ItemSessionEnd, MeetingRecord } from './model';
import { recordOf } from './recordOf';

/** A stretch of time in ms since the epoch; `to` null while it runs. */
export interface Span {
  from: number;
  to: number | null;
}

/** A stretch of an item as the current one, in ms. */
interface ItemSpan extends Span {
  ended: ItemSessionEnd | null;
}

/** A proposal's change of standing, in ms. */
type ProposalMark =
  | { at: number; change: 'status'; status: ProposalStatus }
  | { at: number; change: 'locked' | 'unlocked' };

/**
 * What the record needs beyond the meeting's state, gathered while the log is folded: the state
 * keeps where things stand, the log says when they happened. Read by `recordOf`.
 */
export interface RecordFacts {
  /**
   * The meeting's state, but for the participants' `online` flags, which stay as they were added:
   * the record takes presence from `presence`, and keeping the flags would copy the list of
   * participants at every connection change (quadratic over a long meeting of 2000 people).
   */
  meeting: Meeting;
  lastSeq: number;
  /** The time of the last event. */
  lastAt: number;
  openedAt: number | null;
  closedAt: number | null;
  suspensions: Span[];
  itemSpans: Map<ItemId, ItemSpan[]>;
  /** Each item's last conclusion. */
  concludedAt: Map<ItemId, number>;
  /** Each item's deferrals, in order (a pending item's too: it has no session to end). */
  deferredAt: Map<ItemId, number[]>;
  /** The RTO each intervention was made on behalf of (the speaker was its spokesperson then). */
  onBehalfOf: Map<InterventionId, RtoCode>;
  /** Each participant's role now, so an ending intervention finds its speaker's without a scan. */
  roles: Map<ParticipantId, Role>;
  /**
   * The order the floor was given in, by request: two interventions that started in the same
   * millisecond (one batch) are listed in the order they started, not the order they were logged.
   */
  givenOrder: Map<RequestId, number>;
  proposalMarks: Map<ProposalId, ProposalMark[]>;
  /** Everyone ever added, in that order. */
  added: ParticipantId[];
  presence: Map<ParticipantId, Span[]>;
  removedAt: Map<ParticipantId, number>;
  /** Every check, objection and paragraph status, which the state keeps only in part. */
  consensus: ConsensusFacts;
}

/** Why an event could not be folded (written by newer code, or not an event of this meeting's log). */
export type FoldRefusal = { ok: false; reason: string };

/**
 * Folds a meeting's event log, one stored event at a time, into what its record is made of. Pure:
 * the same events in the same order give the same facts, whatever the process or the clock. The
 * server keeps one per meeting and folds only the events stored since (server/record).
 */
export class RecordFold {
  private facts: RecordFacts | null = null;

  /** The sequence number of the last event folded (0: none). */
  get lastSeq(): number {
    return this.facts?.lastSeq ?? 0;
  }

  /**
   * Folds the next stored event of the log (any version: it is read into the current form). An
   * event already folded (its seq not above `lastSeq`) is skipped; one that cannot be read, or that
   * does not follow `lastSeq` (events are missing in between), is refused and leaves the fold as it was.
   */
  apply(stored: StoredEvent): { ok: true } | FoldRefusal {
    if (stored.seq <= this.lastSeq) return { ok: true };
    // A gap would give a record that looks whole and is not: the caller reads the missing events.
    if (this.facts && stored.seq !== this.lastSeq + 1)
      return { ok: false, reason: `event ${stored.seq} follows ${this.lastSeq}: events are missing` };
    const read = readStoredEvent(stored, this.facts?.meeting ?? null);
    if (!read.ok) return { ok: false, reason: describeUnreadable(read) };
    const { event, at: storedAt } = read.stored;
    if (!this.facts) {
      if (event.type !== 'meeting.created')
        return { ok: false, reason: `the log starts with ${event.type}, not meeting.created` };
      this.facts = {
        meeting: evolve(null, event),
        lastSeq: stored.seq,
        lastAt: storedAt,
        openedAt: null,
        closedAt: null,
        suspensions: [],
        itemSpans: new Map(),
        concludedAt: new Map(),
        deferredAt: new Map(),
        onBehalfOf: new Map(),
        roles: new Map(),
        givenOrder: new Map(),
        proposalMarks: new Map(),
        added: [],
        presence: new Map(),
        removedAt: new Map(),
        consensus: emptyConsensusFacts(),
      };
      return { ok: true };
    }
    const facts = this.facts;
    noteFacts(facts, event, storedAt);
    if (event.type !== 'participant.online' && event.type !== 'participant.offline')
      facts.meeting = evolve(facts.meeting, event);
    facts.lastSeq = stored.seq;
    facts.lastAt = Math.max(facts.lastAt, storedAt);
    return { ok: true };
  }

  /** The record as of the last event folded, or null before the meeting's first event. */
  record(): MeetingRecord | null {
    return this.facts ? recordOf(this.facts) : null;
  }
}

/** The record of a whole log; throws on an event that cannot be read (tests, one-off tools). */
export function buildRecord(events: Iterable<StoredEvent>): MeetingRecord {
  const fold = new RecordFold();
  for (const stored of events) {
    const result = fold.apply(stored);
    if (!result.ok) throw new Error(result.reason);
  }
  const record = fold.record();
  if (!record) throw new Error('an empty log has no record');
  return record;
}

const lastOpen = <T extends Span>(spans: T[] | undefined): T | undefined => {
  const last = spans?.[spans.length - 1];
  return last && last.to === null ? last : undefined;
};

function endItemSpan(facts: RecordFacts, itemId: ItemId, at: number, ended: ItemSessionEnd): void {
  const open = lastOpen(facts.itemSpans.get(itemId));
  if (open) {
    open.to = at;
    open.ended = ended;
  }
}

function markProposal(facts: RecordFacts, proposalId: ProposalId, mark: ProposalMark): void {
  const marks = facts.proposalMarks.get(proposalId);
  if (marks) marks.push(mark);
  else facts.proposalMarks.set(proposalId, [mark]);
}

/**
 * Records when things happened, from one event, before the state takes it in: the roles are those
 * the speakers held when they spoke.
 */
function noteFacts(facts: RecordFacts, event: MeetingEvent, storedAt: number): void {
  switch (event.type) {
    case 'meeting.opened':
      facts.openedAt ??= event.at;
      facts.closedAt = null;
      return;
    case 'meeting.closed': {
      // Closed while suspended: the suspension ends with the meeting, it is not "still suspended".
      const open = lastOpen(facts.suspensions);
      if (open) open.to = event.at;
      facts.closedAt = event.at;
      return;
    }
    case 'meeting.suspended':
      facts.suspensions.push({ from: event.at, to: null });
      return;
    case 'meeting.resumed': {
      const open = lastOpen(facts.suspensions);
      if (open) open.to = event.at;
      return;
    }
    case 'participant.added':
      facts.added.push(event.participant.id);
      facts.roles.set(event.participant.id, event.participant.role);
      return;
    case 'participant.updated':
      if (event.changes.role) facts.roles.set(event.participantId, event.changes.role);
      return;
    case 'participant.online': {
      // As `evolve` does: only a participant of the meeting connects (a removed one cannot sign in).
      if (!facts.roles.has(event.participantId) || facts.removedAt.has(event.participantId)) return;
      const spans = facts.presence.get(event.participantId) ?? [];
      if (!lastOpen(spans)) spans.push({ from: storedAt, to: null });
      facts.presence.set(event.participantId, spans);
      return;
    }
    case 'participant.offline': {
      const open = lastOpen(facts.presence.get(event.participantId));
      if (open) open.to = storedAt;
      return;
    }
    case 'participant.removed': {
      const open = lastOpen(facts.presence.get(event.participantId));
      if (open) open.to = event.at;
      facts.removedAt.set(event.participantId, event.at);
      return;
    }
    case 'agenda.itemOpened': {
      if (event.left) endItemSpan(facts, event.left.itemId, event.at, 'left');
      const spans = facts.itemSpans.get(event.itemId) ?? [];
      spans.push({ from: event.at, to: null, ended: null });
      facts.itemSpans.set(event.itemId, spans);
      return;
    }
    case 'agenda.itemConcluded':
      endItemSpan(facts, event.itemId, event.at, 'concluded');
      facts.concludedAt.set(event.itemId, event.at);
      return;
    case 'agenda.itemDeferred': {
      endItemSpan(facts, event.itemId, event.at, 'deferred');
      const deferrals = facts.deferredAt.get(event.itemId);
      if (deferrals) deferrals.push(event.at);
      else facts.deferredAt.set(event.itemId, [event.at]);
      return;
    }
    case 'floor.given':
      facts.givenOrder.set(event.requestId, facts.givenOrder.size);
      return;
    case 'floor.ended':
    case 'floor.endedWhileSuspended': {
      const { intervention } = event;
      if (facts.roles.get(intervention.participantId) === 'spokesperson' && intervention.rto)
        facts.onBehalfOf.set(intervention.id, intervention.rto);
      return;
    }
    case 'proposal.statusSet':
      markProposal(facts, event.proposalId, { at: storedAt, change: 'status', status: event.status });
      return;
    case 'proposal.locked':
    case 'proposal.unlocked':
      markProposal(facts, event.proposalId, {
        at: storedAt,
        change: event.type === 'proposal.locked' ? 'locked' : 'unlocked',
      });
      return;
    case 'consensus.asked':
    case 'consensus.objected':
    case 'consensus.objectionWithdrawn':
    case 'consensus.closed':
    case 'paragraph.statusSet':
      noteConsensus(facts.consensus, event);
      return;
    default:
      // Every other event changes only where things stand, which the state keeps.
      return;
  }
}
