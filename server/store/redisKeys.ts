/**
 * Every Redis key name RedisStore uses, built here and nowhere else.
 *
 * Per-meeting and per-document keys carry the id as a Redis Cluster hash tag (`{meetingId}`,
 * `{docId}`), so all keys of one meeting (or one proposal text) hash to the same slot and one Lua
 * script may touch them together. The two global keys (the meeting index and its counter) have no
 * tag: see the Cluster note on RedisStore; nor do the process registry and presence sweep lease.
 */

/** Default key prefix. */
const DEFAULT_PREFIX = 'irm:';

export interface RedisKeys {
  readonly prefix: string;
  /** Sorted set: meeting id scored by createdAt (ms). */
  meetings(): string;
  /** Counter handing out an insertion number per meeting, to order meetings created in the same ms. */
  meetingsCounter(): string;
  /** Hash: `title`, `createdAt`, `n` (insertion number) of one meeting. */
  meetingMeta(meetingId: string): string;
  /** List of event JSON (`StoredEvent`); index = seq - 1, so appends are gap-free RPUSHes. */
  meetingEvents(meetingId: string): string;
  /** String: the last stored seq (absent = 0). Always equals the length of the events list. */
  meetingSeq(meetingId: string): string;
  /** Hash: JSON `[participantId, commandId]` → ack JSON (first answer wins, HSETNX). */
  meetingCommands(meetingId: string): string;
  /** Sorted set: snapshot JSON scored by seq; the latest few are kept. */
  meetingSnapshots(meetingId: string): string;
  /** Hash: update id (decimal) → Yjs update bytes, for updates not yet folded into the snapshot. */
  docUpdates(docId: string): string;
  /** String: the last update id handed out (INCR); never goes down, also across compactions. */
  docLastId(docId: string): string;
  /** Hash: `state` (bytes) and `upTo` (last update id folded into it). */
  docSnapshot(docId: string): string;
  /** List of version ids in the order they were saved (breaks ties between equal createdAt). */
  docVersions(docId: string): string;
  /** Hash: version id → JSON `{ id, name, createdBy, createdAt }`. */
  docVersionMeta(docId: string): string;
  /** Hash: version id → Yjs state bytes. */
  docVersionStates(docId: string): string;
  /**
   * Stream of stored Yjs updates for the other server processes (server/cluster/docFanout.ts):
   * fields `i` (publishing instance) and `d` (update bytes); trimmed (MAXLEN ~), not the durable log.
   */
  docStream(docId: string): string;
  /** Stream of sanitised awareness updates across processes (same fields), trimmed short. */
  docAwarenessStream(docId: string): string;
  /** String: the compaction lease (a random token, SET NX PX; released by compare-and-delete). */
  docCompactionLease(docId: string): string;
  /** Pub/sub channel: "meeting M advanced to seq N" notices between server processes. */
  meetingBusChannel(): string;
  /** Hash: `processId|participantId` → that process's live connections of the participant. */
  meetingPresence(meetingId: string): string;
  /** Sorted set: server process id scored by its last presence heartbeat (ms). */
  processes(): string;
  /** String: which process reconciles the stored online flags this round (SET NX PX). */
  presenceSweepLease(): string;
}

/** The key names under `prefix` (default `irm:`). */
export function redisKeys(prefix: string = DEFAULT_PREFIX): RedisKeys {
  // Braces in the prefix would become the hash tag and put every key in one slot.
  if (/[{}]/.test(prefix)) throw new Error(`redis key prefix must not contain braces: ${prefix}`);
  const m = (id: string, what: string) => `${prefix}m:{${id}}:${what}`;
  const d = (id: string, what: string) => `${prefix}d:{${id}}:${what}`;
  return {
    prefix,
    meetings: () => `${prefix}meetings`,
    meetingsCounter: () => `${prefix}meetings:n`,
    meetingMeta: (id) => m(id, 'meta'),
    meetingEvents: (id) => m(id, 'events'),
    meetingSeq: (id) => m(id, 'seq'),
    meetingCommands: (id) => m(id, 'cmd'),
    meetingSnapshots: (id) => m(id, 'snap'),
    docUpdates: (id) => d(id, 'updates'),
    docLastId: (id) => d(id, 'lastid'),
    docSnapshot: (id) => d(id, 'snap'),
    docVersions: (id) => d(id, 'versions'),
    docVersionMeta: (id) => d(id, 'vmeta'),
    docVersionStates: (id) => d(id, 'vstates'),
    docStream: (id) => d(id, 'stream'),
    docAwarenessStream: (id) => d(id, 'aware'),
    docCompactionLease: (id) => d(id, 'lease'),
    meetingBusChannel: () => `${prefix}bus:meetings`,
    meetingPresence: (id) => m(id, 'presence'),
    processes: () => `${prefix}processes`,
    presenceSweepLease: () => `${prefix}presence:sweep`,
  };
}
