import { setImmediate as nextTurn } from 'node:timers/promises';
import { type MeetingId, type MeetingRecord, RecordFold } from '../../shared';
import type { MeetingStore } from '../store/types';

/** Where the cache reads a meeting's stored events from: the store's `readEvents`, nothing more. */
export type EventPages = MeetingStore['readEvents'];

/** How much the cache keeps and how it reads. */
export interface RecordCacheOptions {
  /** Meetings whose fold is kept in memory; the least recently asked for is dropped beyond it. */
  maxMeetings: number;
  /** Events read from the store at once; the event loop gets a turn between pages. */
  pageSize: number;
}

/**
 * A page is folded without a turn for anyone else, and an event's fold copies the lists it changes
 * (`evolve` is pure: a new list of interventions per intervention, of participants per change), so
 * a page costs its events times the meeting's size. At the largest meeting the quotas allow, a
 * page of 2000 events was a quarter of a second of main thread, other meetings' commands waiting
 * behind it; a page of 250 is an eighth of that (some 30 ms) at worst, and costs a read of the
 * store and a turn of the event loop per 250 events (a few ms over a log of 20 000 events).
 */
const DEFAULT_OPTIONS: RecordCacheOptions = { maxMeetings: 16, pageSize: 250 };

/**
 * A meeting's record, or why this process cannot make it: an event it cannot fold (written by a newer
 * version of the server, `unreadable`), or a meeting with no events in the store (`empty`).
 */
export type RecordRead =
  | {
      ok: true;
      record: MeetingRecord /** The record as JSON, written once per `lastSeq` for every caller. */;
      json: () => string;
    }
  | { ok: false; problem: 'unreadable'; seq: number; reason: string }
  | { ok: false; problem: 'empty' };

type Refusal = Exclude<RecordRead, { ok: true }>;

/** One meeting's fold, the record last computed from it, and the catch-ups queued on it. */
interface Entry {
  fold: RecordFold;
  memo: { seq: number; record: MeetingRecord; json: string | null } | null;
  /** The last catch-up queued: the next one starts after it, so no event is folded twice. */
  tail: Promise<unknown>;
}

/**
 * The records of the meetings this process is asked about, each kept as a `RecordFold` brought up
 * to date with only the events stored since its `lastSeq`: a request for the record of a meeting
 * that moved by ten events costs ten events, not the log. The record is computed once per `lastSeq`
 * and kept until the log moves. At most `maxMeetings` folds are kept (least recently used first out).
 */
export class RecordCache {
  private readonly entries = new Map<MeetingId, Entry>();
  private readonly options: RecordCacheOptions;

  constructor(
    private readonly readEvents: EventPages,
    options: Partial<RecordCacheOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /**
   * The record of the meeting as of at least `atLeastSeq` (the seq the caller knows is stored; more
   * if more is stored by the time the store is read). Requests arriving during a catch-up wait for
   * it and fold only what it left.
   */
  async read(meetingId: MeetingId, atLeastSeq: number): Promise<RecordRead> {
    const entry = this.entryOf(meetingId);
    if (entry.fold.lastSeq === 0 || entry.fold.lastSeq < atLeastSeq) {
      const refusal = await this.queueCatchUp(entry, meetingId, atLeastSeq);
      if (refusal) return refusal;
    }
    return this.recordOf(entry);
  }

  /** How many meetings' folds are kept (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** The meeting's entry, now the most recently used; the least recently used beyond the bound is dropped. */
  private entryOf(meetingId: MeetingId): Entry {
    let entry = this.entries.get(meetingId);
    if (entry) this.entries.delete(meetingId);
    else entry = { fold: new RecordFold(), memo: null, tail: Promise.resolve() };
    this.entries.set(meetingId, entry);
    // A dropped entry's catch-up in flight still answers those waiting on it.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxMeetings) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** Queues a catch-up after the one in flight; it does nothing if that one got far enough. */
  private queueCatchUp(entry: Entry, meetingId: MeetingId, atLeastSeq: number): Promise<Refusal | null> {
    const step = () =>
      entry.fold.lastSeq > 0 && entry.fold.lastSeq >= atLeastSeq
        ? null
        : this.catchUp(entry.fold, meetingId, atLeastSeq);
    // A failed read (the store unreachable) fails its own request, not those queued after it.
    const run = entry.tail.then(step, step);
    entry.tail = run.catch(() => undefined);
    return run;
  }

  /** Folds the events stored after the fold's `lastSeq`, page by page, up to `atLeastSeq` or the end. */
  private async catchUp(fold: RecordFold, meetingId: MeetingId, atLeastSeq: number): Promise<Refusal | null> {
    const { pageSize } = this.options;
    for (;;) {
      const page = await this.readEvents(meetingId, fold.lastSeq, pageSize);
      for (const stored of page) {
        const applied = fold.apply(stored);
        if (!applied.ok) return { ok: false, problem: 'unreadable', seq: stored.seq, reason: applied.reason };
      }
      if (page.length < pageSize || fold.lastSeq >= atLeastSeq) return null;
      // A long log is folded in turns: other meetings' commands go between its pages.
      await nextTurn();
    }
  }

  /** The record last computed for `meetingId`, whatever its seq, without reading or folding anything. */
  latest(meetingId: MeetingId): MeetingRecord | null {
    return this.entries.get(meetingId)?.memo?.record ?? null;
  }

  private recordOf(entry: Entry): RecordRead {
    const seq = entry.fold.lastSeq;
    if (entry.memo?.seq !== seq) {
      const record = entry.fold.record();
      if (!record) return { ok: false, problem: 'empty' };
      entry.memo = { seq, record, json: null };
    }
    const memo = entry.memo;
    const json = () => {
      memo.json ??= JSON.stringify(memo.record);
      return memo.json;
    };
    return { ok: true, record: memo.record, json };
  }
}
