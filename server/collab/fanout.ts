/**
 * How the collab server shares live documents with other server processes (scale-out). One process
 * owns nothing: any process may serve any connection of any proposal, all over one shared DocStore.
 *
 * - Text: a process validates, applies and stores (`appendDocUpdate`) an update from its own client,
 *   then publishes it; every other process with the document loaded applies it to its in-memory
 *   document (not stored again, not published again) and relays it to its own clients.
 * - Awareness: states already sanitised by the process that holds the client's connection are
 *   published the same way, so carets show across processes.
 * - Compaction reads the store (not memory, which may lag behind other processes) and runs under a
 *   lease, so two processes never compact the same document at once.
 *
 * `LOCAL_FANOUT` (single process) does none of this: the collab server behaves exactly as without it.
 * The Redis implementation is `server/cluster/docFanout.ts`.
 */

export type FanoutKind = 'update' | 'awareness';

export interface FanoutMessage {
  kind: FanoutKind;
  /** A Yjs update (already stored), or an awareness update (y-protocols format, sanitised). */
  data: Uint8Array;
}

export type CompactionResult<T> = { ran: true; value: T } | { ran: false };

export interface DocFanout {
  /** True when other processes serve the same documents (publish, subscribe and the lease matter). */
  readonly shared: boolean;
  /**
   * An opaque position in the document's streams. Note it *before* loading the document from the
   * store and subscribe from it: nothing published between the load and the subscription is missed
   * (what is both loaded and read again is harmless to Yjs).
   */
  position(docId: string): Promise<string>;
  /** Sends a message to the other processes (never back to this one). Best effort: see the impl. */
  publish(docId: string, message: FanoutMessage): Promise<void>;
  /**
   * Calls `onMessage` for every message other processes publish after `from` (a `position`), in
   * order per kind, until the returned function is called.
   */
  subscribe(docId: string, from: string, onMessage: (message: FanoutMessage) => void): () => void;
  /**
   * Runs `fn` while holding the document's compaction lease; `{ ran: false }` without running it
   * when another process holds the lease.
   */
  withCompactionLease<T>(docId: string, fn: () => Promise<T>): Promise<CompactionResult<T>>;
}

/** The single-process default: nothing is shared, compaction needs no lease (the queue serialises it). */
export const LOCAL_FANOUT: DocFanout = {
  shared: false,
  position: async () => '',
  publish: async () => {},
  subscribe: () => () => {},
  withCompactionLease: async (_docId, fn) => ({ ran: true, value: await fn() }),
};

/** The origin of Yjs and awareness changes that came from another process. */
export const REMOTE_ORIGIN = 'remote';
