import * as Y from 'yjs';
import { writerName } from '../../shared/collab/limits';
import { DOC_FIELDS, seedDoc } from '../../shared/collab/schema';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { DocStore, DocVersionMeta } from '../store/types';
import { AwarenessRelay } from './awarenessRelay';
import type { Connection } from './connection';
import { type DocFanout, type FanoutMessage, LOCAL_FANOUT, REMOTE_ORIGIN } from './fanout';
import {
  CLOSE,
  hasStructs,
  isEmptyUpdate,
  parseMessage,
  syncStep1Message,
  syncStep2Message,
  syncStep2OfUpdate,
  updateMessage,
} from './protocol';
import type { DocContext, UpdateValidator, Verdict, Writer } from './validate';

/** What a live document needs from the server around it. */
export interface LiveDocDeps {
  store: DocStore;
  validator: UpdateValidator;
  metrics: Metrics;
  log: Logger;
  /** Fold the update log into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Called when the last connection leaves (the registry schedules an unload). */
  onIdle: (live: LiveDoc) => void;
  /** Called once when the document had to be dropped (a write failed; memory is ahead of the store). */
  onBroken: (live: LiveDoc) => void;
  /** Other processes serving the same documents (server/collab/fanout.ts); default: none. */
  fanout?: DocFanout;
  /**
   * Who writes on a connection, for the document's authorship rules; default: its participant, with
   * the chair and the secretariat as moderators (the server also counts a presiding vice-chair).
   */
  writerOf?: (conn: Connection) => Writer | null;
  /**
   * An update not judged in time (or whose worker died) is tried once more on a fresh worker with
   * this timeout before its connection is closed, with a retryable code (4513); default 5000 ms.
   */
  retryTimeoutMs?: number;
}

/** Validation failures that may be ours (a busy machine, a worker full of other documents). */
const RETRYABLE = new Set(['timeout', 'memory', 'crashed']);

/** The default {@link LiveDocDeps.writerOf}. */
export function participantWriter(conn: Connection): Writer | null {
  if (conn.identity.kind !== 'participant') return null;
  const p = conn.identity.participant;
  return {
    participantId: p.id,
    name: p.name,
    delegation: p.delegation,
    displayName: writerName(p),
    // Without the meeting at hand the table cannot be asked (server.ts writerOf does): least privilege.
    moderates: false,
  };
}

type Job =
  | { kind: 'message'; conn: Connection; data: Uint8Array }
  | { kind: 'remote'; message: FanoutMessage }
  | { kind: 'task'; run: () => Promise<void>; cancel: () => void };

/** Raised by `LiveDoc.run` when the document was dropped before the task ran. */
export class DocumentGone extends Error {
  constructor(readonly docId: string) {
    super(`document ${docId} was unloaded`);
    this.name = 'DocumentGone';
  }
}

/** A fixed Yjs client id per document for its base text (FNV-1a of the id, 31 bits, never 0). */
function seedClientId(docId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < docId.length; i++) hash = Math.imul(hash ^ docId.charCodeAt(i), 0x01000193) >>> 0;
  return hash & 0x7fffffff || 1;
}

/** Messages handled together: their updates are validated in parallel and stored in one write. */
const MAX_BATCH = 100;

/**
 * One proposal's Yjs document in memory, with its connections and awareness.
 *
 * Everything that reads or changes the document runs in one queue per document, in arrival order:
 * client messages (in batches) and tasks (initial sync, versions, seeding, compaction, unload). A batch
 * is handled in three steps: updates are validated (worker pool) and applied; what the document
 * actually changed is appended to the store in one write; only after that write has resolved are the
 * change, the sync replies and the awareness changes sent out. So no client ever receives text that is
 * not on disk, and a reply to a sync request never includes an update still being written.
 */
export class LiveDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  private readonly presence: AwarenessRelay;
  private jobs: Job[] = [];
  private draining = false;
  /** Updates the document emitted since the last store write (what is relayed next). */
  private captured: Uint8Array[] = [];
  private capturing = false;
  /** True while an update the worker judged (and so already applied to its mirror) is applied. */
  private applyingJudged = false;
  /** Changes so far, and the document encoded at one of them (for the worker's mirror loads). */
  private version = 0;
  private encoded: { version: number; bytes: Uint8Array } | null = null;
  /** Sends held back until the current batch's write has resolved. */
  private outbox: Array<() => void> | null = null;
  private lastUpdateId = 0;
  private sinceCompact = 0;
  private readonly ready: Promise<void>;
  private readonly fanout: DocFanout;
  private unsubscribe: (() => void) | null = null;
  /** Loaded with nothing at all in the store (a new document). */
  empty = false;
  /** Dropped: no job runs any more; the registry forgets it. */
  destroyed = false;

  constructor(
    readonly id: string,
    private readonly deps: LiveDocDeps,
  ) {
    this.fanout = deps.fanout ?? LOCAL_FANOUT;
    this.presence = new AwarenessRelay(
      this.doc,
      (message, origin) => {
        if (this.destroyed) return;
        const send = () => {
          for (const conn of this.conns) if (conn !== origin) conn.send(message);
        };
        if (this.outbox) this.outbox.push(send);
        else send();
      },
      this.fanout.shared ? (update) => this.publish({ kind: 'awareness', data: update }) : undefined,
    );
    this.doc.on('update', (update: Uint8Array) => {
      this.version++;
      if (this.capturing) this.captured.push(update);
      // The worker's mirror already holds what it judged; everything else (other processes,
      // seeding) it is told about, in order.
      if (!this.applyingJudged) this.deps.validator.track(this.id, update);
    });
    this.ready = this.load();
    // A failed load is handled in drain(); this only keeps it from being an unhandled rejection.
    this.ready.catch(() => {});
  }

  /** Queues a client message. */
  receive(conn: Connection, data: Uint8Array): void {
    this.enqueue({ kind: 'message', conn, data });
  }

  /**
   * Runs `fn` in the document's queue, between batches: it sees exactly what is stored. Rejects with
   * {@link DocumentGone} if the document is dropped first.
   */
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        kind: 'task',
        run: async () => {
          try {
            resolve(await fn());
          } catch (error) {
            reject(error);
          }
        },
        cancel: () => reject(new DocumentGone(this.id)),
      });
    });
  }

  /** Jobs waiting behind the one running (an unload goes ahead only when nothing waits). */
  get waiting(): number {
    return this.jobs.length;
  }

  attach(conn: Connection): void {
    this.conns.add(conn);
    void this.run(() => {
      conn.send(syncStep1Message(this.doc));
      if (this.presence.size > 0) conn.send(this.presence.statesMessage());
    }).catch(() => {});
  }

  detach(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.presence.release(conn);
    if (this.conns.size === 0 && !this.destroyed) this.deps.onIdle(this);
  }

  /**
   * Seeds an empty document with a proposal's base text, stores it, and keeps it as the first version
   * ("Base text", by nobody). Does nothing to a document that has text or versions already, so it can
   * be repeated after a crash. Call it from inside `run`.
   */
  async seedBaseText(baseText: string, newVersionId: () => string): Promise<void> {
    if (this.doc.getXmlFragment(DOC_FIELDS.text).length === 0) {
      this.capturing = true;
      try {
        if (this.fanout.shared) {
          // Several processes may find the document empty and seed it at once (one on
          // proposal.created, another recovering on first load): seeded under a client id derived
          // from the document id, their seeds are the same Yjs structs, which merge into one text.
          const seed = new Y.Doc({ gc: true });
          seed.clientID = seedClientId(this.id);
          seedDoc(seed, baseText);
          Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(seed));
          seed.destroy();
        } else {
          seedDoc(this.doc, baseText);
        }
      } finally {
        this.capturing = false;
      }
      if (!(await this.commit(new Set()))) throw new Error(`document ${this.id}: base text not stored`);
    }
    if ((await this.deps.store.listVersions(this.id)).length > 0) return;
    // Shared: another process may be saving the same first version right now. One fixed id per
    // document lets the store keep only one of them (a second save of an id is refused).
    const id = this.fanout.shared ? `v_base_${this.id}` : newVersionId();
    try {
      await this.saveVersion({ id, name: 'Base text', createdBy: null, createdAt: Date.now() });
    } catch (error) {
      const saved = await this.deps.store.listVersions(this.id);
      if (!saved.some((v) => v.id === id)) throw error;
    }
  }

  /** Stores the current (stored) state as a named version. Call it from inside `run`. */
  async saveVersion(meta: DocVersionMeta): Promise<void> {
    await this.deps.store.saveVersion(this.id, meta, Y.encodeStateAsUpdate(this.doc));
  }

  /**
   * Folds the update log into a snapshot, if anything was appended since the last one.
   *
   * Shared (several processes): memory may lag behind updates other processes stored (their stream
   * entries may not have arrived yet), so the snapshot is made from the store itself, under the
   * document's compaction lease; if another process holds the lease, it is compacting: nothing to do.
   */
  async compact(): Promise<void> {
    if (this.sinceCompact === 0) return;
    if (!this.fanout.shared) {
      const upTo = this.lastUpdateId;
      await this.deps.store.compactDoc(this.id, Y.encodeStateAsUpdate(this.doc), upTo);
      this.sinceCompact = 0;
      return;
    }
    await this.fanout.withCompactionLease(this.id, async () => {
      const { snapshot, updates, lastUpdateId } = await this.deps.store.loadDoc(this.id);
      if (updates.length === 0) return;
      const folded = new Y.Doc({ gc: true });
      try {
        for (const update of snapshot ? [snapshot, ...updates] : updates) {
          try {
            Y.applyUpdate(folded, update);
          } catch (error) {
            this.deps.log.error(
              { err: error, doc: this.id },
              'stored document update does not apply; skipped',
            );
          }
        }
        await this.deps.store.compactDoc(this.id, Y.encodeStateAsUpdate(folded), lastUpdateId);
      } finally {
        folded.destroy();
      }
    });
    this.sinceCompact = 0;
  }

  /** Closes every connection and frees the document. Call it from inside `run` (or after a failure). */
  destroy(close: { code: number; reason: string } = CLOSE.goingAway): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const job of this.jobs.splice(0)) if (job.kind === 'task') job.cancel();
    for (const conn of [...this.conns]) conn.close(close);
    this.conns.clear();
    this.presence.destroy();
    this.doc.destroy();
    this.encoded = null;
    this.deps.validator.forget(this.id, { unload: true });
  }

  private async load(): Promise<void> {
    // Shared: the stream position is noted before the load, so nothing stored after the load was read
    // and published before the subscription is missed.
    const from = this.fanout.shared ? await this.fanout.position(this.id) : '';
    const { snapshot, updates, lastUpdateId } = await this.deps.store.loadDoc(this.id);
    this.empty = snapshot === null && updates.length === 0;
    // Everything stored was validated before it was written, so it is applied here directly.
    for (const update of snapshot ? [snapshot, ...updates] : updates) {
      try {
        Y.applyUpdate(this.doc, update);
      } catch (error) {
        this.deps.log.error({ err: error, doc: this.id }, 'stored document update does not apply; skipped');
      }
    }
    this.lastUpdateId = lastUpdateId;
    this.sinceCompact = updates.length;
    if (this.fanout.shared && !this.destroyed) {
      this.unsubscribe = this.fanout.subscribe(this.id, from, (message) =>
        this.enqueue({ kind: 'remote', message }),
      );
    }
  }

  /** Sends an update this process stored, or an awareness change of its own clients, to the others. */
  private publish(message: FanoutMessage): void {
    if (this.destroyed) return;
    this.fanout
      .publish(this.id, message)
      .catch((error) =>
        this.deps.log.error({ err: error, doc: this.id, kind: message.kind }, 'collab fanout publish failed'),
      );
  }

  /**
   * Applies what other processes published: updates they validated, authorised and stored (so they
   * are neither validated, stored nor published again here), and their clients' sanitised awareness.
   * What the document actually changed is relayed to every connection of this process.
   */
  private handleRemote(batch: FanoutMessage[]): void {
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) changes.push(update);
    };
    this.doc.on('update', collect);
    try {
      for (const message of batch) {
        try {
          if (message.kind === 'update') Y.applyUpdate(this.doc, message.data, REMOTE_ORIGIN);
          else this.presence.receiveRemote(message.data);
        } catch (error) {
          this.deps.log.error(
            { err: error, doc: this.id, kind: message.kind },
            'remote change does not apply; skipped',
          );
        }
      }
    } finally {
      this.doc.off('update', collect);
    }
    if (changes.length === 0) return;
    const message = updateMessage(changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes));
    for (const conn of this.conns) conn.send(message);
  }

  private enqueue(job: Job): void {
    if (this.destroyed) {
      if (job.kind === 'task') job.cancel();
      return;
    }
    this.jobs.push(job);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      try {
        await this.ready;
      } catch (error) {
        this.deps.log.error({ err: error, doc: this.id }, 'document could not be loaded');
        this.breakDown();
        return;
      }
      while (this.jobs.length > 0 && !this.destroyed) {
        const first = this.jobs[0]!;
        if (first.kind === 'task') {
          this.jobs.shift();
          await first.run();
          continue;
        }
        if (first.kind === 'remote') {
          let r = 0;
          while (r < this.jobs.length && r < MAX_BATCH && this.jobs[r]!.kind === 'remote') r++;
          const remote = this.jobs.splice(0, r) as Array<Extract<Job, { kind: 'remote' }>>;
          this.handleRemote(remote.map((job) => job.message));
          continue;
        }
        let n = 0;
        while (n < this.jobs.length && n < MAX_BATCH && this.jobs[n]!.kind === 'message') n++;
        const batch = this.jobs.splice(0, n) as Array<Extract<Job, { kind: 'message' }>>;
        try {
          await this.handleBatch(batch);
        } catch (error) {
          // Not expected (each step guards itself); the document may be ahead of the store, so it goes.
          this.deps.log.error({ err: error, doc: this.id }, 'collab batch failed');
          this.breakDown();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async handleBatch(batch: Array<{ conn: Connection; data: Uint8Array }>): Promise<void> {
    const { metrics, validator, log } = this.deps;
    const messages = batch.map(({ conn, data }) => ({ conn, message: parseMessage(data) }));
    const origins = new Set<Connection>();
    const outbox: Array<() => void> = [];
    this.outbox = outbox;
    try {
      for (const { conn, message } of messages) {
        if (conn.rejected) continue;
        switch (message.type) {
          case 'invalid':
            this.reject(conn, 'malformed', message.why);
            break;
          case 'ignored':
            break;
          case 'syncStep1':
            // Computed when sent, i.e. after this batch is stored.
            outbox.push(() => this.answer(conn, () => this.syncStep2For(message.stateVector)));
            break;
          case 'queryAwareness':
            outbox.push(() => this.answer(conn, () => this.presence.statesMessage()));
            break;
          case 'awareness':
            try {
              this.presence.receive(conn, message.update);
            } catch (error) {
              this.reject(conn, 'malformed', error instanceof Error ? error.message : 'awareness');
            }
            break;
          case 'syncStep2':
          case 'update': {
            if (isEmptyUpdate(message.update)) break;
            if (conn.readOnly !== null) {
              // Refused silently: the client derives read-only from the meeting state (docs/collab.md).
              // A step 2 without structs is the automatic answer to our step 1, not an edit.
              if (message.type === 'update' || hasStructs(message.update)) {
                metrics.collabUpdates.inc({ result: 'read_only' });
              }
              break;
            }
            // Judged one at a time, on the document exactly as it will be applied to (the worker's
            // mirror); documents are judged in parallel on the pool's workers.
            const verdict = await this.judge(conn, message.update);
            if (!verdict.ok) {
              this.refuse(conn, verdict);
              break;
            }
            if (conn.readOnly !== null || conn.rejected || this.destroyed) {
              // Locked (or closed) while it was being judged: the mirror took it, the document will not.
              validator.forget(this.id);
              break;
            }
            this.capturing = true;
            this.applyingJudged = true;
            try {
              Y.applyUpdate(this.doc, message.update, conn);
              origins.add(conn);
              metrics.collabUpdates.inc({ result: 'applied' });
            } catch (error) {
              // The worker applied the same bytes to the same state; a throw here would be a Yjs bug.
              // What the document did take is in `captured` and is stored and relayed as usual.
              log.error({ err: error, doc: this.id }, 'validated update failed to apply');
              validator.forget(this.id);
              this.reject(conn, 'invalid', 'update failed to apply');
            } finally {
              this.capturing = false;
              this.applyingJudged = false;
            }
            this.dropPending(conn);
            break;
          }
        }
      }
    } finally {
      this.outbox = null;
    }
    if (!(await this.commit(origins))) return;
    for (const send of outbox) send();
    if (this.sinceCompact >= this.deps.compactEvery) {
      await this.compact().catch((error) =>
        log.error({ err: error, doc: this.id }, 'compaction failed; the update log is kept'),
      );
    }
  }

  /**
   * Stores what the document emitted since the last write as one update, then relays it to every
   * connection but its only origin. False (and the document is dropped) when the write failed.
   */
  private async commit(origins: Set<Connection>): Promise<boolean> {
    const effective = this.captured.splice(0);
    if (effective.length === 0) return true;
    const merged = effective.length === 1 ? effective[0]! : Y.mergeUpdates(effective);
    try {
      this.lastUpdateId = await this.deps.store.appendDocUpdate(this.id, merged);
    } catch (error) {
      this.deps.log.error({ err: error, doc: this.id }, 'document update not stored; dropping the document');
      this.breakDown();
      return false;
    }
    this.sinceCompact++;
    if (this.fanout.shared) this.publish({ kind: 'update', data: merged });
    const message = updateMessage(merged);
    const skip = origins.size === 1 ? [...origins][0] : undefined;
    for (const conn of this.conns) if (conn !== skip) conn.send(message);
    return true;
  }

  /**
   * Judges a client's update on the worker's mirror of this document. A failure that may be ours
   * (timeout, a dead worker) is tried once more, on a fresh worker, with a longer timeout.
   */
  private async judge(conn: Connection, update: Uint8Array): Promise<Verdict> {
    const writer = (this.deps.writerOf ?? participantWriter)(conn);
    if (!writer) return { ok: false, reason: 'invalid', detail: 'nobody to write as' };
    const context: DocContext = { docId: this.id, state: () => this.encodedState(), writer };
    const first = await this.deps.validator.validate(update, context);
    if (first.ok || !RETRYABLE.has(first.reason) || this.destroyed) return first;
    this.deps.log.warn(
      { doc: this.id, participantId: conn.participantId, reason: first.reason, detail: first.detail },
      'update not judged; retrying on a fresh worker',
    );
    return this.deps.validator.validate(update, { ...context, timeoutMs: this.deps.retryTimeoutMs ?? 5000 });
  }

  /**
   * Sends `conn` an answer it asked for, charged to its participant's answer budget; one asked while
   * the budget is spent closes the connection with 4529 (it reconnects and resyncs after its backoff).
   */
  private answer(conn: Connection, build: () => Uint8Array): void {
    if (conn.rejected || !conn.open) return;
    if (!conn.mayBeAnswered()) {
      this.deps.metrics.collabUpdates.inc({ result: 'rate_limited' });
      this.deps.log.warn(
        { doc: this.id, participantId: conn.participantId, reason: 'answers', code: CLOSE.rateLimited.code },
        'collab message refused',
      );
      conn.rejected = true;
      return conn.close(CLOSE.rateLimited);
    }
    conn.answer(build());
  }

  /**
   * The sync step 2 answering `stateVector`. For an empty one (a client that has nothing: every
   * editor opening the text) it is the cached encoding of the whole document, computed once per
   * change however many clients ask.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === 1 && stateVector[0] === 0) return syncStep2OfUpdate(this.encodedState());
    return syncStep2Message(this.doc, stateVector);
  }

  /**
   * The document encoded, for a mirror load. Kept until the document changes: a refusal that broke
   * the mirror (and a reconnecting offender repeating it) costs the main thread no new encoding.
   */
  private encodedState(): Uint8Array {
    if (this.encoded?.version !== this.version)
      this.encoded = { version: this.version, bytes: Y.encodeStateAsUpdate(this.doc) };
    return this.encoded.bytes;
  }

  /**
   * Closes the author of a refused update: 4400 when it is proven invalid (a stock client never sends
   * it), 4413 when it is over a limit an honest user can reach, 4513 (retryable: the provider
   * reconnects and sends it again) when it could not be judged, 1001 when the server is closing.
   */
  private refuse(conn: Connection, verdict: Extract<Verdict, { ok: false }>): void {
    switch (verdict.reason) {
      case 'invalid':
        return this.reject(conn, 'invalid', verdict.detail);
      case 'limit':
      case 'memory':
        return this.reject(conn, 'over_limit', verdict.detail, CLOSE.overLimit);
      case 'closed':
        conn.rejected = true;
        return conn.close(CLOSE.goingAway);
      default:
        return this.reject(conn, 'unjudged', `${verdict.reason}: ${verdict.detail}`, CLOSE.unjudged);
    }
  }

  /**
   * Yjs keeps what refers to changes it lacks as pending and re-merges it on every later update. The
   * worker refuses such updates; should one ever get here (the mirror was out of step), it is
   * dropped rather than kept, and the mirror reloaded.
   */
  private dropPending(conn: Connection): void {
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return;
    store.pendingStructs = null;
    store.pendingDs = null;
    this.deps.validator.forget(this.id);
    this.deps.log.error(
      { doc: this.id, participantId: conn.participantId },
      'judged update left pending parts; dropped',
    );
  }

  /** Refuses a connection's traffic and closes it (4400 unless said otherwise). */
  private reject(
    conn: Connection,
    reason: string,
    detail: string,
    close: { code: number; reason: string } = CLOSE.invalid,
  ): void {
    const result =
      reason === 'malformed' || reason === 'over_limit' || reason === 'unjudged' ? reason : 'invalid';
    this.deps.metrics.collabUpdates.inc({ result });
    this.deps.log.warn(
      { doc: this.id, participantId: conn.participantId, reason, detail, code: close.code },
      'collab message refused',
    );
    conn.rejected = true;
    conn.close(close);
  }

  /** The store is behind memory (or the load failed): drop everything; clients reconnect and resync. */
  private breakDown(): void {
    if (this.destroyed) return;
    this.deps.metrics.collabUpdates.inc({ result: 'store_failed' });
    this.destroy(CLOSE.unavailable);
    this.deps.onBroken(this);
  }
}
