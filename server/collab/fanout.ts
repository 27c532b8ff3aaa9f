/**
 * How the collab server shares live documents with other server processes (scale-out). One process
 * owns nothing: any process may serve any connection of any proposal, all over one shared DocStore.
 *
 * - Text: a process validates, applies and stores (`appendDocUpdate`) an update from its own client,
 *   then publishes it; every other process with the document loaded applies it to its in-memory
 *   document (not stored again, not published again) and relays it to its own clients.
 * - Awareness: states already sanitised by the process that holds the client's connection are
 *   published the same way, so carets show across processes.
 * - Compaction runs under a lease, so two processes never fold the same document's log at once
 *   (server/collab/doc/persistence.ts).
 *
 * A live document uses its fanout the same way whether other processes exist or not: a process that
 * is alone has `LOCAL_FANOUT`, which publishes to nobody, delivers nothing and always grants the
 * lease. The Redis implementation is `server/cluster/docFanout.ts`.
 */

/**
 * `update`: a stored Yjs update; `awareness`: sanitised awareness; `version`: a version saved on the
 * publishing process, as the encoded notice its connections got (shared/collab/versionNotice.ts).
 */
export type FanoutKind = 'update' | 'awareness' | 'version';

export interface FanoutMessage {
  kind: FanoutKind;
  /** A Yjs update (already stored), an awareness update (y-protocols format, sanitised) or a version notice. */
  data: Uint8Array;
}

export type CompactionResult<T> = { ran: true; value: T } | { ran: false };

export interface DocFanout {
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

/**
 * The fanout of a process that is alone: nobody to publish to, nothing to receive, and the lease is
 * always granted (the document's queue already runs one compaction at a time).
 */
export const LOCAL_FANOUT: DocFanout = {
  position: async () => '',
  publish: async () => {},
  subscribe: () => () => {},
  withCompactionLease: async (_docId, fn) => ({ ran: true, value: await fn() }),
};
