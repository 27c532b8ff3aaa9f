import type { MeetingEvent, StoredEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import type { Meeting, ProposalStatus, RtoCode } from '../domain/model';
import { describeUnreadable, readStoredEvent } from '../domain/upgrade';
import type { InterventionId, ItemId, ParticipantId, ProposalId } from '../ids';
import type { ItemSessionEnd, MeetingRecord } from './model';
import { recordOf } from './recordOf';

/** A stretch of time in ms since the epoch; `to` null while it runs. */
export interface Span {
  from: number;
  to: number | null;
}

/** A stretch of an item as the current one, in ms. */
export interface ItemSpan extends Span {
  ended: ItemSessionEnd | null;
}

/** A proposal's change of standing, in ms. */
export type ProposalMark =
  | { at: number; change: 'status'; status: ProposalStatus }
  | { at: number; change: 'locked' | 'unlocked' };

/**
 * What the record needs beyond the meeting's state, gathered while the log is folded: the state
 * keeps where things stand, the log says when they happened. Read by `recordOf`.
 */
export interface RecordFacts {
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
  /** The RTO each intervention was made on behalf of (the speaker was its spokesperson then). */
  onBehalfOf: Map<InterventionId, RtoCode>;
  proposalMarks: Map<ProposalId, ProposalMark[]>;
  /** Everyone ever added, in that order. */
  added: ParticipantId[];
  presence: Map<ParticipantId, Span[]>;
  removedAt: Map<ParticipantId, number>;
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
   * event already folded (its seq not above `lastSeq`) is skipped; one that cannot be read is
   * refused and leaves the fold as it was.
   */
  apply(stored: StoredEvent): { ok: true } | FoldRefusal {
    if (stored.seq <= this.lastSeq) return { ok: true };
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
        onBehalfOf: new Map(),
        proposalMarks: new Map(),
        added: [],
        presence: new Map(),
        removedAt: new Map(),
      };
      return { ok: true };
    }
    const facts = this.facts;
    const before = facts.meeting;
    // Before `evolve`: the roles are those the speakers held when they spoke.
    noteFacts(facts, before, event, storedAt);
    facts.meeting = evolve(before, event);
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

/** Records when things happened, from one event and the state it applies to. */
function noteFacts(facts: RecordFacts, meeting: Meeting, event: MeetingEvent, storedAt: number): void {
  switch (event.type) {
    case 'meeting.opened':
      facts.openedAt ??= event.at;
      facts.closedAt = null;
      return;
    case 'meeting.closed':
      facts.closedAt = event.at;
      return;
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
      return;
    case 'participant.online': {
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
    case 'agenda.itemDeferred':
      endItemSpan(facts, event.itemId, event.at, 'deferred');
      return;
    case 'floor.ended':
    case 'floor.endedWhileSuspended': {
      const { intervention } = event;
      const speaker = meeting.participants.find((p) => p.id === intervention.participantId);
      if (speaker?.role === 'spokesperson' && intervention.rto)
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
    default:
      // Every other event changes only where things stand, which the state keeps.
      return;
  }
}
