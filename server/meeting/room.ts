import {
  type Ack,
  type DecideContext,
  type Decision,
  evolve,
  type Meeting,
  type MeetingEvent,
  type StoredEvent,
} from '../../shared';
import type { CommandRecord, MeetingStore } from '../store/types';

/** Where stored events go next (Socket.IO rooms; later a Redis pub/sub). */
export interface EventSink {
  publish(meetingId: string, events: readonly StoredEvent[]): void;
}

/** One unit of work for a room: a decision against the state of the moment it runs. */
export interface Job {
  decide: (meeting: Meeting, ctx: DecideContext) => Decision;
  /** `participantId:commandId`; the same key is applied once and always gets the same ack. */
  idempotencyKey?: string;
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
  onError?: (error: unknown) => void;
}

export const SNAPSHOT_SCHEMA_VERSION = 1;
const MAX_REMEMBERED_ACKS = 20_000;

interface Pending {
  job: Job;
  resolve: (ack: Ack) => void;
}

/**
 * The live state of one meeting and the single writer of its log.
 *
 * Jobs queue up and are handled in batches (group commit): each is decided against the state left by
 * the previous one, all resulting events are written in one durable transaction, and only then are
 * the jobs acknowledged and the events published. If the write fails, the state stays as it was and
 * every accepted job is answered `unavailable`.
 */
export class MeetingRoom {
  private pending: Pending[] = [];
  private flushing = false;
  private readonly acks = new Map<string, Ack>();
  private recent: StoredEvent[] = [];
  private lastSnapshotSeq: number;

  constructor(
    readonly id: string,
    private meeting: Meeting,
    private seqValue: number,
    private readonly options: RoomOptions,
  ) {
    this.lastSnapshotSeq = seqValue;
  }

  get state(): Meeting {
    return this.meeting;
  }

  get seq(): number {
    return this.seqValue;
  }

  /** Queues a job; resolves with its ack once its events are durably stored (or it was refused). */
  submit(job: Job): Promise<Ack> {
    const remembered = job.idempotencyKey ? this.acks.get(job.idempotencyKey) : undefined;
    if (remembered) return Promise.resolve(remembered);
    return new Promise<Ack>((resolve) => {
      this.pending.push({ job, resolve });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
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

  /** Remembers acks loaded from the store (after a restart) so a retried command is not applied twice. */
  rememberAck(key: string, ack: Ack): void {
    this.remember(key, ack);
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.options.maxBatch ?? 500);
        await this.runBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    const ctx: DecideContext = { now, newId: this.options.newId };
    let working = this.meeting;
    let seq = this.seqValue;
    const stored: StoredEvent[] = [];
    const records: CommandRecord[] = [];
    const answers: Array<{ pending: Pending; ack: Ack; accepted: boolean }> = [];
    const inBatch = new Map<string, Ack>();

    for (const pending of batch) {
      const key = pending.job.idempotencyKey;
      const earlier = key ? (this.acks.get(key) ?? inBatch.get(key)) : undefined;
      if (earlier) {
        answers.push({ pending, ack: earlier, accepted: false });
        continue;
      }
      const decision = safeApply(pending.job, working, ctx, this.options.onError);
      let ack: Ack;
      if (decision.ok) {
        working = decision.next;
        for (const event of decision.events) stored.push({ seq: ++seq, at: now, event });
        ack = { ok: true, seq };
        if (key) {
          const [participantId = '', commandId = ''] = splitKey(key);
          records.push({ participantId, commandId, ack });
        }
      } else {
        ack = { ok: false, error: decision.error };
      }
      if (key) inBatch.set(key, ack);
      answers.push({ pending, ack, accepted: decision.ok });
    }

    if (stored.length > 0 || records.length > 0) {
      try {
        await this.options.store.append(this.id, this.seqValue, stored, records);
      } catch (error) {
        this.options.onError?.(error);
        const unavailable: Ack = {
          ok: false,
          error: { code: 'unavailable', message: 'the command could not be stored; nothing was applied' },
        };
        for (const a of answers) a.pending.resolve(a.accepted ? unavailable : a.ack);
        return;
      }
    }

    this.meeting = working;
    this.seqValue = seq;
    for (const [key, ack] of inBatch) this.remember(key, ack);
    this.keepRecent(stored);
    if (stored.length > 0) {
      this.options.onAppend?.(stored.length);
      this.options.sink.publish(this.id, stored);
    }
    for (const a of answers) a.pending.resolve(a.ack);
    this.maybeSnapshot();
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

/**
 * Decides a job and applies its events. A bug (an exception in decide or evolve) refuses that one
 * job instead of taking the room down.
 */
function safeApply(
  job: Job,
  meeting: Meeting,
  ctx: DecideContext,
  onError?: (e: unknown) => void,
): (Decision & { ok: false }) | { ok: true; events: MeetingEvent[]; next: Meeting } {
  try {
    const decision = job.decide(meeting, ctx);
    if (!decision.ok) return decision;
    return { ok: true, events: decision.events, next: decision.events.reduce(evolve, meeting) };
  } catch (error) {
    onError?.(error);
    return { ok: false, error: { code: 'unavailable', message: 'internal error; nothing was applied' } };
  }
}

const splitKey = (key: string): [string, string] => {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** Builds a key from its parts; participant ids never contain ':'. */
export const idempotencyKey = (participantId: string, commandId: string) => `${participantId}:${commandId}`;
