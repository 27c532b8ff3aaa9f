import * as Y from 'yjs';
import type { ProposalId } from '../../shared';
import { DOC_FIELDS } from '../../shared/collab/schema';
import { encodeVersionNotice } from '../../shared/collab/versionNotice';
import { assertNever } from '../../shared/domain/errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { DocStore, DocVersionMeta } from '../store/types';
import { AwarenessRelay } from './awarenessRelay';
import type { Connection } from './connection';
import { baseTextUpdate, saveBaseVersion } from './doc/baseText';
import type { DocFolder } from './doc/folder';
import { DocJobQueue, type MessageBatch } from './doc/jobQueue';
import { judgeUpdate, participantWriter } from './doc/judge';
import { docOriginOf, fromConnection, REMOTE, SEED } from './doc/origins';
import { DocPersistence } from './doc/persistence';
import { DocRefusals } from './doc/refusals';
import { saveFixedVersion } from './doc/serverVersions';
import type { DocFanout, FanoutMessage } from './fanout';
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
import type { UpdateValidator, Verdict, Writer } from './validate';

/** What a live document needs from the server around it. */
export interface LiveDocDeps {
  store: DocStore;
  validator: UpdateValidator;
  metrics: Metrics;
  log: Logger;
  /** Fold the update log into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Folds update logs into snapshots off the main thread (doc/folder.ts). */
  folder: DocFolder;
  /** Called when the last connection leaves (the registry schedules an unload). */
  onIdle: (live: LiveDoc) => void;
  /** Called once when the document had to be dropped (a write failed; memory is ahead of the store). */
  onBroken: (live: LiveDoc) => void;
  /**
   * The other processes serving the same documents (server/collab/fanout.ts); `LOCAL_FANOUT` when
   * this process is alone. The document publishes, subscribes and compacts the same way in both.
   */
  fanout: DocFanout;
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

/**
 * One proposal's Yjs document in memory, with its connections and awareness.
 *
 * Everything that reads or changes the document runs in its queue (doc/jobQueue.ts), in arrival
 * order: client messages (in batches), changes from other processes, and tasks (initial sync,
 * versions, seeding, compaction, unload). A batch of client messages is handled in three steps:
 * updates are validated (worker pool) and applied; what the document actually changed is appended to
 * the store in one write; only after that write has resolved are the change, the sync replies and the
 * awareness changes sent out. So no client ever receives text that is not on disk, and a reply to a
 * sync request never includes an update still being written.
 *
 * Every change to the document carries a tagged origin (doc/origins.ts), and the update handler
 * routes it by that alone: what to store, what to relay, what the worker's mirror must be told.
 */
export class LiveDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  private readonly awareness: AwarenessRelay;
  private readonly queue: DocJobQueue;
  private readonly persistence: DocPersistence;
  private readonly refusals: DocRefusals;
  private readonly fanout: DocFanout;
  /** Changes of this process's own (clients, seeding) since the last store write: stored next. */
  private captured: Uint8Array[] = [];
  /** Changes from other processes being applied: relayed to this process's connections. */
  private relayed: Uint8Array[] = [];
  /** Changes so far, and the document encoded at one of them (for the worker's mirror loads). */
  private version = 0;
  private encoded: { version: number; bytes: Uint8Array } | null = null;
  /** Sends held back until the current batch's write has resolved. */
  private outbox: Array<() => void> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Loaded with nothing at all in the store (a new document). */
  empty = false;
  /** Dropped: no job runs any more; the registry forgets it. */
  destroyed = false;

  constructor(
    readonly id: ProposalId,
    private readonly deps: LiveDocDeps,
  ) {
    this.fanout = deps.fanout;
    this.persistence = new DocPersistence(id, deps);
    this.refusals = new DocRefusals(id, deps);
    this.awareness = new AwarenessRelay(
      this.doc,
      (message, origin) => {
        if (this.destroyed) return;
        const send = () => {
          for (const conn of this.conns) {
            if (origin.kind !== 'connection' || origin.conn !== conn) conn.send(message);
          }
        };
        if (this.outbox) this.outbox.push(send);
        else send();
      },
      (update) => this.publish({ kind: 'awareness', data: update }),
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.version++;
      const from = docOriginOf(origin);
      switch (from.kind) {
        case 'connection':
          // Judged on the worker's mirror, which applied it already.
          this.captured.push(update);
          return;
        case 'seed':
          this.captured.push(update);
          return this.deps.validator.track(this.id, update);
        case 'remote':
          this.relayed.push(update);
          return this.deps.validator.track(this.id, update);
        case 'load':
          return this.deps.validator.track(this.id, update);
        default:
          assertNever(from);
      }
    });
    const loaded = this.load();
    // A failed load is handled by the queue (broken); this only keeps it from being unhandled.
    loaded.catch(() => {});
    this.queue = new DocJobQueue(id, loaded, {
      messages: (batch) => this.handleBatch(batch),
      remote: (batch) => this.handleRemote(batch),
      broken: (error, what) => {
        const message = what === 'load' ? 'document could not be loaded' : 'collab batch failed';
        this.deps.log.error({ err: error, doc: this.id }, message);
        this.breakDown();
      },
    });
  }

  /** Queues a client message. */
  receive(conn: Connection, data: Uint8Array): void {
    this.queue.message(conn, data);
  }

  /**
   * Runs `fn` in the document's queue, between batches: it sees exactly what is stored. Rejects with
   * `DocumentGone` if the document is dropped first.
   */
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.queue.run(fn);
  }

  /** Jobs waiting behind the one running (an unload goes ahead only when nothing waits). */
  get waiting(): number {
    return this.queue.waiting;
  }

  attach(conn: Connection): void {
    this.conns.add(conn);
    void this.run(() => {
      conn.send(syncStep1Message(this.doc));
      if (this.awareness.size > 0) conn.send(this.awareness.statesMessage());
    }).catch(() => {});
  }

  detach(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.awareness.release(conn);
    if (this.conns.size === 0 && !this.destroyed) this.deps.onIdle(this);
  }

  /**
   * Seeds an empty document with a proposal's base text (doc/baseText.ts), stores it, and keeps it as
   * the first version ("Base text", by nobody). Does nothing to a document that has text or versions
   * already, so it can be repeated after a crash or by several processes at once. Call it from
   * inside `run`.
   */
  async seedBaseText(baseText: string): Promise<void> {
    if (this.doc.getXmlFragment(DOC_FIELDS.text).length === 0) {
      Y.applyUpdate(this.doc, baseTextUpdate(this.id, baseText), SEED);
      if (!(await this.commit(new Set()))) throw new Error(`document ${this.id}: base text not stored`);
    }
    await saveBaseVersion(this.deps.store, this.id, () => Y.encodeStateAsUpdate(this.doc));
  }

  /** Stores the current (stored) state as a named version. Call it from inside `run`. */
  async saveVersion(meta: DocVersionMeta): Promise<void> {
    await this.deps.store.saveVersion(this.id, meta, Y.encodeStateAsUpdate(this.doc));
    this.announce(meta);
  }

  /**
   * Stores the current state as each of the versions the server keeps under fixed ids (revisions)
   * that the store lacks, once however often or by however many processes it is asked
   * (doc/serverVersions.ts). Call it from inside `run`.
   */
  async saveServerVersions(metas: readonly DocVersionMeta[]): Promise<void> {
    if (metas.length === 0) return;
    const saved = await this.deps.store.listVersions(this.id);
    const state = () => Y.encodeStateAsUpdate(this.doc);
    for (const meta of metas) {
      if (await saveFixedVersion(this.deps.store, this.id, meta, state, saved)) this.announce(meta);
    }
  }

  /** Everyone with the text open sees a new version at once; the list itself stays on HTTP. */
  private announce(meta: DocVersionMeta): void {
    const notice = encodeVersionNotice(meta);
    for (const conn of this.conns) conn.send(notice);
    // And to the text's connections on the other processes.
    this.publish({ kind: 'version', data: notice });
  }

  /** Folds the update log into a snapshot (doc/persistence.ts). Call it from inside `run`. */
  compact(): Promise<void> {
    return this.persistence.compact();
  }

  /** Closes every connection and frees the document. Call it from inside `run` (or after a failure). */
  destroy(close: { code: number; reason: string } = CLOSE.goingAway): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.queue.stop();
    for (const conn of [...this.conns]) conn.close(close);
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
    this.encoded = null;
    this.deps.validator.forget(this.id, { unload: true });
  }

  private async load(): Promise<void> {
    // The stream position is noted before the load, so nothing stored after the load was read and
    // published before the subscription is missed (alone: no stream, nothing to miss).
    const from = await this.fanout.position(this.id);
    ({ empty: this.empty } = await this.persistence.loadInto(this.doc));
    if (!this.destroyed) this.unsubscribe = this.fanout.subscribe(this.id, from, (m) => this.queue.remote(m));
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
    for (const message of batch) {
      try {
        if (message.kind === 'update') Y.applyUpdate(this.doc, message.data, REMOTE);
        else if (message.kind === 'awareness') this.awareness.receiveRemote(message.data);
        // A version another process saved: its notice, as that process sent it to its own clients.
        else for (const conn of this.conns) conn.send(message.data);
      } catch (error) {
        this.deps.log.error(
          { err: error, doc: this.id, kind: message.kind },
          'remote change does not apply; skipped',
        );
      }
    }
    const changes = this.relayed.splice(0);
    if (changes.length === 0) return;
    const message = updateMessage(changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes));
    for (const conn of this.conns) conn.send(message);
  }

  private async handleBatch(batch: MessageBatch): Promise<void> {
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
            this.refusals.reject(conn, 'malformed', message.why);
            break;
          case 'ignored':
            break;
          case 'syncStep1':
            // Computed when sent, i.e. after this batch is stored.
            outbox.push(() => this.refusals.answer(conn, () => this.syncStep2For(message.stateVector)));
            break;
          case 'queryAwareness':
            outbox.push(() => this.refusals.answer(conn, () => this.awareness.statesMessage()));
            break;
          case 'awareness':
            try {
              this.awareness.receive(conn, message.update);
            } catch (error) {
              this.refusals.reject(conn, 'malformed', error instanceof Error ? error.message : 'awareness');
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
              this.refusals.refuse(conn, verdict);
              break;
            }
            if (conn.readOnly !== null || conn.rejected || this.destroyed) {
              // Locked (or closed) while it was being judged: the mirror took it, the document will not.
              validator.forget(this.id);
              break;
            }
            try {
              Y.applyUpdate(this.doc, message.update, fromConnection(conn));
              origins.add(conn);
              metrics.collabUpdates.inc({ result: 'applied' });
            } catch (error) {
              // The worker applied the same bytes to the same state; a throw here would be a Yjs bug.
              // What the document did take is in `captured` and is stored and relayed as usual.
              log.error({ err: error, doc: this.id }, 'validated update failed to apply');
              validator.forget(this.id);
              this.refusals.reject(conn, 'invalid', 'update failed to apply');
            }
            this.dropPending(conn);
            break;
          }
          default:
            assertNever(message);
        }
      }
    } finally {
      this.outbox = null;
    }
    if (!(await this.commit(origins))) return;
    for (const send of outbox) send();
    if (this.persistence.compactionDue) {
      await this.compact().catch((error) =>
        log.error({ err: error, doc: this.id }, 'compaction failed; the update log is kept'),
      );
    }
  }

  /**
   * Stores what the document captured since the last write as one update, publishes it to the other
   * processes, then relays it to every connection but its only origin. False (and the document is
   * dropped) when the write failed.
   */
  private async commit(origins: Set<Connection>): Promise<boolean> {
    const effective = this.captured.splice(0);
    if (effective.length === 0) return true;
    const merged = effective.length === 1 ? effective[0]! : Y.mergeUpdates(effective);
    try {
      await this.persistence.append(merged);
    } catch (error) {
      this.deps.log.error({ err: error, doc: this.id }, 'document update not stored; dropping the document');
      this.breakDown();
      return false;
    }
    this.publish({ kind: 'update', data: merged });
    const message = updateMessage(merged);
    const skip = origins.size === 1 ? [...origins][0] : undefined;
    for (const conn of this.conns) if (conn !== skip) conn.send(message);
    return true;
  }

  private judge(conn: Connection, update: Uint8Array): Promise<Verdict> {
    const { validator, log } = this.deps;
    const deps = {
      validator,
      writerOf: this.deps.writerOf ?? participantWriter,
      retryTimeoutMs: this.deps.retryTimeoutMs ?? 5000,
      onRetry: (c: Connection, first: Extract<Verdict, { ok: false }>) =>
        log.warn(
          { doc: this.id, participantId: c.participantId, reason: first.reason, detail: first.detail },
          'update not judged; retrying on a fresh worker',
        ),
    };
    return judgeUpdate(
      deps,
      this.id,
      conn,
      update,
      () => this.encodedState(),
      () => this.destroyed,
    );
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

  /** The store is behind memory (or the load failed): drop everything; clients reconnect and resync. */
  private breakDown(): void {
    if (this.destroyed) return;
    this.deps.metrics.collabUpdates.inc({ result: 'store_failed' });
    this.destroy(CLOSE.unavailable);
    this.deps.onBroken(this);
  }
}
