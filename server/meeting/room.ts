import {
  type Ack,
  type DecideContext,
  type Decision,
  evolve,
  idFactories,
  type Meeting,
  type MeetingEvent,
  type MeetingId,
  type ParticipantId,
  type StoredEvent,
  storedEvent,
} from '../../shared';
import { type CommandRecord, type MeetingStore, SeqConflictError } from '../store/types';
import type { MeetingBus } from './bus';
import { applyStored, MeetingUnreadable } from './unreadable';

/** Where a room's stored events go, once each and in seq order (MeetingService fans them out). */
export interface EventSink {
  publish(meetingId: MeetingId, events: readonly StoredEvent[]): void;
  /** The room cannot read its log any more and refuses the meeting: its clients should go elsewhere. */
  unreadable?(meetingId: MeetingId, problem: MeetingUnreadable): void;
}

/** A client command's identity: the same key is applied once and always gets the same ack. */
interface IdempotencyKey {
  participantId: ParticipantId;
  commandId: string;
}

/** One unit of work for a room: a decision against the state of the moment it runs. */
export interface RoomJob {
  decide: (meeting: Meeting, ctx: DecideContext) => Decision;
  /**
   * Set for a client command: the room looks the key up (in memory, then in the store) before
   * deciding, so a command is applied once, also across restarts and processes.
   */
  idempotencyKey?: IdempotencyKey;
}

/** What the room tells about a job whose decide or evolve threw (a bug): logged with these ids. */
export interface InternalErrorContext {
  meetingId: MeetingId;
  participantId?: ParticipantId;
  commandId?: string;
}

export interface RoomOptions {
  store: MeetingStore;
  sink: EventSink;
  newId: (prefix: string) => string;
  now?: () => number;
  /** Largest number of jobs decided and written in one transaction. */
  maxBatch?: number;
  /** Events kept in memory for `resync`; older gaps get a snapshot. */
  recentEvents?: number;
  /** A snapshot is written every this many events. */
  snapshotEvery?: number;
  onAppend?: (events: number) => void;
  /** A store call failed (or another error outside any one job). */
  onError?: (error: unknown) => void;
  /** A job's decide or evolve threw: a bug, answered `internal`. */
  onInternalError?: (error: unknown, context: InternalErrorContext) => void;
  /**
   * Tells the other processes writing the same store of the room's appends (LOCAL_BUS when alone);
   * the owner of the subscription (MeetingService) calls `advanced` when another process announces one.
   */
  bus: MeetingBus;
  /** Tries at appending one batch when other writers keep getting there first (default 8). */
  maxAppendAttempts?: number;
  /** Base of the jittered exponential backoff between those tries, in ms (default 2). */
  retryBackoffMs?: number;
  /** Called when another writer got there first and the batch is decided again (a metric). */
  onConflict?: (attempt: number) => void;
}

// 2: the floor has suspended speakers and the meeting keeps its recent removals for undo.
// 3: settings (dates, video call, archived), former participants, contacts and token versions of
// participants, documents of agenda items.
// 4: proposals have a kind (a chair's summary).
// 5: paragraph consensus (statuses, checks, revisions, intervention links, the screen).
export const SNAPSHOT_SCHEMA_VERSION = 5;
const MAX_REMEMBERED_ACKS = 20_000;
/** Events read from the store per query when catching up. */
const CATCH_UP_PAGE = 1000;
const MAX_BACKOFF_MS = 100;
/** A bug, not a store failure: retrying would hit it again, so the client is not invited to. */
const INTERNAL: Ack = {
  ok: false,
  error: { code: 'internal', message: 'internal error; nothing was applied' },
};
const UNAVAILABLE: Ack = {
  ok: false,
  // "Not confirmed" rather than "not stored": a write may reach Redis and time out on the way back.
  // The command id makes a retry safe either way (applied at most once, same ack).
  error: {
    code: 'unavailable',
    message: 'the command was not confirmed as stored; send it again with the same id (applied at most once)',
  },
};

const UNREADABLE: Ack = {
  ok: false,
  error: { code: 'unavailable', message: 'this server cannot read this meeting; reconnect (another can)' },
};

interface Pending {
  job: RoomJob;
  resolve: (ack: Ack) => void;
  /** The room's epoch when the store last had no record of this job's idempotency key. */
  checkedAt: number;
}

/**
 * The live state of one meeting and the single writer of its log.
 *
 * Jobs queue up and are handled in batches (group commit): each is decided against the state left by
 * the previous one, all resulting events are written in one durable transaction, and only then are
 * the jobs acknowledged and the events published. If the write fails, the state stays as it was and
 * every accepted job is answered `unavailable`.
 *
 * Other processes may write the same meeting to the same store. The store refuses an append whose
 * expected seq is stale (SeqConflictError); the room then catches up (reads the events it lacks,
 * applies and publishes them, looks up again the idempotency records of its pending commands) and
 * decides the batch again against the new state, a few times with a jittered backoff before it
 * answers `unavailable`. A bus notification (`advanced`) catches it up the same way when idle, so its
 * sink gets every event of the meeting once, in seq order, whichever process wrote it.
 */
export class MeetingRoom {
  private pending: Pending[] = [];
  private flushing = false;
  private readonly acks = new Map<string, Ack>();
  private recent: StoredEvent[] = [];
  private lastSnapshotSeq: number;
  /** The highest seq the store is known to hold (from bus notifications and our own appends). */
  private knownSeq: number;
  private epochValue = 0;
  private refusal: MeetingUnreadable | undefined;

  constructor(
    readonly id: MeetingId,
    private meeting: Meeting,
    private seqValue: number,
    private readonly options: RoomOptions,
  ) {
    this.lastSnapshotSeq = seqValue;
    this.knownSeq = seqValue;
  }

  get state(): Meeting {
    return this.meeting;
  }

  get seq(): number {
    return this.seqValue;
  }

  /**
   * Counts the catch-ups that applied events from other writers: a command looked up before the
   * epoch changed is looked up again before it is decided.
   */
  get epoch(): number {
    return this.epochValue;
  }

  /** Set once the room met an event it cannot read: it serves the meeting no more. */
  get unreadable(): MeetingUnreadable | undefined {
    return this.refusal;
  }

  /**
   * Queues a job; resolves with its ack once its events are durably stored (or it was refused). A
   * command (a job with an idempotency key) seen before, in memory or in the store, gets its first
   * ack and is not queued. Rejects when the store cannot be asked.
   */
  async submit(job: RoomJob): Promise<Ack> {
    if (this.refusal) return UNREADABLE;
    const key = job.idempotencyKey;
    if (!key) return this.enqueue(job, this.epochValue);
    const remembered = this.acks.get(ackKey(key));
    if (remembered) return remembered;
    // Noted before the look-up: if another writer's events arrive meanwhile, it is looked up again.
    const checkedAt = this.epochValue;
    const stored = await this.options.store.findCommand(this.id, key.participantId, key.commandId);
    if (stored) {
      this.remember(ackKey(key), stored);
      return stored;
    }
    return this.enqueue(job, checkedAt);
  }

  /**
   * Another process says the store holds this meeting's events up to `seq`: the room reads and
   * publishes the ones it lacks (between batches, never in the middle of one).
   */
  advanced(seq: number): void {
    if (seq <= this.knownSeq || this.refusal) return;
    this.knownSeq = seq;
    this.kick();
  }

  /**
   * Catches up with the store until the room holds `seq` (or the store has nothing newer, or
   * `timeoutMs` passed): a client reconnecting from another process may hold a seq this room lacks.
   */
  async syncTo(seq: number, timeoutMs: number): Promise<void> {
    if (seq <= this.seqValue) return;
    this.advanced(seq);
    const deadline = Date.now() + timeoutMs;
    while (this.seqValue < seq && (this.flushing || this.knownSeq > this.seqValue) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Events after `sinceSeq` if still in memory, else null (the caller sends a snapshot). */
  eventsSince(sinceSeq: number): StoredEvent[] | null {
    if (sinceSeq >= this.seqValue) return [];
    const first = this.recent[0];
    if (!first || first.seq > sinceSeq + 1) return null;
    return this.recent.slice(sinceSeq + 1 - first.seq);
  }

  /** Waits until everything queued so far is written (used on shutdown). */
  async drain(): Promise<void> {
    while (this.flushing || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private enqueue(job: RoomJob, checkedAt: number): Promise<Ack> {
    return new Promise<Ack>((resolve) => {
      this.pending.push({ job, resolve, checkedAt });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => void this.flush());
  }

  /** The only place the state changes: batches and catch-ups, one at a time. */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.knownSeq > this.seqValue) {
        if (this.knownSeq > this.seqValue) {
          try {
            await this.catchUp();
          } catch (error) {
            this.options.onError?.(error);
          }
          // Whatever was announced and is not readable waits for the next notification or conflict.
          this.knownSeq = this.seqValue;
        }
        if (this.pending.length > 0) {
          const batch = this.pending.splice(0, this.options.maxBatch ?? 500);
          await this.runBatch(batch);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Reads the events stored after the local seq (written by other processes), applies them,
   * remembers them for `eventsSince` and publishes them to the sink, in seq order.
   */
  private async catchUp(): Promise<void> {
    for (;;) {
      const events = await this.options.store.readEvents(this.id, this.seqValue, CATCH_UP_PAGE);
      if (events.length === 0) break;
      let meeting = this.meeting;
      let seq = this.seqValue;
      // Events as this process reads them (an older version upgraded), which is how its clients get them.
      const read: StoredEvent[] = [];
      for (const stored of events) {
        if (stored.seq !== seq + 1) {
          throw new Error(`meeting ${this.id}: the store returned seq ${stored.seq} after ${seq}`);
        }
        const applied = this.readOrRefuse(meeting, stored);
        meeting = applied.meeting;
        read.push(applied.stored);
        seq = stored.seq;
      }
      this.meeting = meeting;
      this.seqValue = seq;
      this.epochValue += 1;
      this.keepRecent(read);
      this.options.sink.publish(this.id, read);
      if (events.length < CATCH_UP_PAGE) break;
    }
    if (this.knownSeq < this.seqValue) this.knownSeq = this.seqValue;
    this.maybeSnapshot();
  }

  /** Applies a stored event; one this code cannot read makes the room refuse the meeting for good. */
  private readOrRefuse(meeting: Meeting, stored: StoredEvent) {
    try {
      return applyStored(this.id, meeting, stored);
    } catch (error) {
      if (error instanceof MeetingUnreadable && !this.refusal) {
        this.refusal = error;
        this.options.sink.unreadable?.(this.id, error);
      }
      throw error;
    }
  }

  /**
   * Looks up in the store the idempotency keys of jobs that may have been applied by another process
   * since they were last looked up; a found ack is remembered, so the job gets it and is not decided.
   */
  private async recheckCommands(batch: Pending[]): Promise<void> {
    const epoch = this.epochValue;
    // All at once: with another writer active, nearly every job of a batch needs the look-up, and
    // one round trip after another would add up to tens of milliseconds per batch.
    await Promise.all(
      batch.map(async (pending) => {
        const key = pending.job.idempotencyKey;
        if (!key || pending.checkedAt === epoch) return;
        if (!this.acks.has(ackKey(key))) {
          const stored = await this.options.store.findCommand(this.id, key.participantId, key.commandId);
          if (stored) this.remember(ackKey(key), stored);
        }
        pending.checkedAt = epoch;
      }),
    );
  }

  /**
   * Decides, writes and answers one batch. On a seq conflict (another process appended first) it
   * catches up and decides the batch again, so nothing is acknowledged that is not stored in seq order.
   */
  private async runBatch(batch: Pending[]): Promise<void> {
    const maxAttempts = Math.max(1, this.options.maxAppendAttempts ?? 8);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.recheckCommands(batch);
      } catch (error) {
        this.answerUnavailable(
          batch.map((pending) => ({ pending, ack: UNAVAILABLE, accepted: true })),
          error,
        );
        return;
      }
      const decided = this.decideBatch(batch);
      const { stored, records, answers } = decided;
      if (stored.length > 0 || records.length > 0) {
        try {
          await this.options.store.append(this.id, this.seqValue, stored, records);
        } catch (error) {
          if (!(error instanceof SeqConflictError) || attempt >= maxAttempts) {
            this.answerUnavailable(answers, error);
            return;
          }
          this.options.onConflict?.(attempt);
          await this.backoff(attempt);
          try {
            await this.catchUp();
          } catch (readError) {
            this.answerUnavailable(answers, readError);
            return;
          }
          continue;
        }
      }
      this.commit(decided);
      return;
    }
  }

  private decideBatch(batch: Pending[]): Decided {
    const now = (this.options.now ?? Date.now)();
    const ctx: DecideContext = { now, ids: idFactories(this.options.newId) };
    let working = this.meeting;
    let seq = this.seqValue;
    const stored: StoredEvent[] = [];
    const records: CommandRecord[] = [];
    const answers: Answer[] = [];
    const inBatch = new Map<string, Ack>();

    for (const pending of batch) {
      const key = pending.job.idempotencyKey;
      const earlier = key ? (this.acks.get(ackKey(key)) ?? inBatch.get(ackKey(key))) : undefined;
      if (earlier) {
        answers.push({ pending, ack: earlier, accepted: false });
        continue;
      }
      const decision = this.safeApply(pending.job, working, ctx);
      let ack: Ack;
      if (decision.ok) {
        working = decision.next;
        for (const event of decision.events) stored.push(storedEvent(++seq, now, event));
        ack = { ok: true, seq };
        if (key) records.push({ participantId: key.participantId, commandId: key.commandId, ack });
      } else {
        ack = decision.ack;
      }
      if (key) inBatch.set(ackKey(key), ack);
      answers.push({ pending, ack, accepted: decision.ok });
    }
    return { working, seq, stored, records, answers, inBatch };
  }

  private commit({ working, seq, stored, answers, inBatch }: Decided): void {
    this.meeting = working;
    this.seqValue = seq;
    if (this.knownSeq < seq) this.knownSeq = seq;
    for (const [key, ack] of inBatch) this.remember(key, ack);
    this.keepRecent(stored);
    if (stored.length > 0) {
      this.options.onAppend?.(stored.length);
      this.options.sink.publish(this.id, stored);
      this.options.bus.publishAdvanced(this.id, seq);
    }
    for (const a of answers) a.pending.resolve(a.ack);
    this.maybeSnapshot();
  }

  /** Nothing of the batch was stored: accepted jobs get `unavailable`, refused ones their refusal. */
  private answerUnavailable(answers: Answer[], error: unknown): void {
    this.options.onError?.(error);
    for (const a of answers) a.pending.resolve(a.accepted ? UNAVAILABLE : a.ack);
  }

  /**
   * Decides a job and applies its events. A bug (an exception in decide or evolve) refuses that one
   * job `internal` instead of taking the room down.
   */
  private safeApply(
    job: RoomJob,
    meeting: Meeting,
    ctx: DecideContext,
  ): { ok: false; ack: Ack } | { ok: true; events: MeetingEvent[]; next: Meeting } {
    try {
      const decision = job.decide(meeting, ctx);
      if (!decision.ok) return { ok: false, ack: { ok: false, error: decision.error } };
      return { ok: true, events: decision.events, next: decision.events.reduce(evolve, meeting) };
    } catch (error) {
      this.options.onInternalError?.(error, { meetingId: this.id, ...job.idempotencyKey });
      return { ok: false, ack: INTERNAL };
    }
  }

  private backoff(attempt: number): Promise<void> {
    const base = this.options.retryBackoffMs ?? 2;
    const ms = Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1)) * (0.5 + Math.random());
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private remember(key: string, ack: Ack): void {
    this.acks.set(key, ack);
    if (this.acks.size > MAX_REMEMBERED_ACKS) {
      const oldest = this.acks.keys().next().value;
      if (oldest !== undefined) this.acks.delete(oldest);
    }
  }

  private keepRecent(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const limit = this.options.recentEvents ?? 5000;
    this.recent.push(...events);
    if (this.recent.length > limit * 2) this.recent = this.recent.slice(-limit);
  }

  private maybeSnapshot(): void {
    if (this.seqValue - this.lastSnapshotSeq < (this.options.snapshotEvery ?? 1000)) return;
    this.lastSnapshotSeq = this.seqValue;
    const snapshot = { seq: this.seqValue, schemaVersion: SNAPSHOT_SCHEMA_VERSION, meeting: this.meeting };
    this.options.store.saveSnapshot(this.id, snapshot).catch((error) => this.options.onError?.(error));
  }
}

interface Answer {
  pending: Pending;
  ack: Ack;
  accepted: boolean;
}

interface Decided {
  working: Meeting;
  seq: number;
  stored: StoredEvent[];
  records: CommandRecord[];
  answers: Answer[];
  inBatch: Map<string, Ack>;
}

/** The key of a command in the room's maps: one string per (participant, command), never split. */
const ackKey = ({ participantId, commandId }: IdempotencyKey): string =>
  JSON.stringify([participantId, commandId]);
