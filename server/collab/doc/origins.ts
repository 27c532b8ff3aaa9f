import type { Connection } from '../connection';

/** A change made by a client of this process, over one of its connections. */
export interface ConnectionOrigin {
  readonly kind: 'connection';
  readonly conn: Connection;
}

/** A change another server process made and published (server/collab/fanout.ts). */
export interface RemoteOrigin {
  readonly kind: 'remote';
}

/**
 * Who made a change to a live document: the `origin` of every Yjs transaction the server runs on
 * one. The document's update handler routes each change by it (stored? relayed? told to the
 * worker's mirror?), so every `Y.applyUpdate` on a live document passes one of these.
 *
 * - `connection`: a client's update, judged by the worker (its mirror has it already); stored, then
 *   relayed to the other connections.
 * - `remote`: already judged and stored by the process that published it; relayed to this process's
 *   connections only.
 * - `seed`: the base text of a new proposal; stored and relayed like a client's update.
 * - `load`: the stored log, applied when the document is loaded; neither stored nor relayed.
 *
 * (Compaction folds the stored log in a worker thread, doc/folder.ts: it changes no live document.)
 */
export type DocOrigin =
  | ConnectionOrigin
  | RemoteOrigin
  | { readonly kind: 'seed' }
  | { readonly kind: 'load' };

/**
 * Who made a change to a live document's awareness (carets, who is in the text): the `origin` of
 * every awareness update.
 *
 * - `connection`: a client's state, sanitised; `remote`: another process's clients' states;
 * - `closed`: the state of a connection that closed, removed;
 * - `expired`: a state not renewed for 30 s, removed by y-protocols itself (which passes the string
 *   `'timeout'`; {@link awarenessOriginOf} tags it).
 */
export type AwarenessOrigin =
  | ConnectionOrigin
  | RemoteOrigin
  | { readonly kind: 'closed' }
  | { readonly kind: 'expired' };

export const REMOTE: RemoteOrigin = { kind: 'remote' };
export const SEED: DocOrigin = { kind: 'seed' };
export const LOAD: DocOrigin = { kind: 'load' };
export const CLOSED: AwarenessOrigin = { kind: 'closed' };
const EXPIRED: AwarenessOrigin = { kind: 'expired' };

export const fromConnection = (conn: Connection): ConnectionOrigin => ({ kind: 'connection', conn });

const isTagged = (origin: unknown): origin is { kind: unknown } =>
  typeof origin === 'object' && origin !== null && 'kind' in origin;

/**
 * The origin Yjs hands an update handler, as a {@link DocOrigin}. Every transaction the server runs
 * passes one; anything else would be a transaction nobody routed, taken as the safest kind: `load`
 * (neither stored nor relayed, and told to the worker's mirror).
 */
export function docOriginOf(origin: unknown): DocOrigin {
  return isTagged(origin) ? (origin as DocOrigin) : LOAD;
}

/** The origin y-protocols hands an awareness handler, as an {@link AwarenessOrigin}. */
export function awarenessOriginOf(origin: unknown): AwarenessOrigin {
  return isTagged(origin) ? (origin as AwarenessOrigin) : EXPIRED;
}
