import type { DomainError } from '../domain/errors';
import type { StoredEvent } from '../domain/events';
import type { Meeting, Role } from '../domain/model';
import type { ParticipantId } from '../ids';
import type { WireCommand } from './commands';
import type { ClosingMessage } from './disconnects';

/**
 * Version of the public protocol (docs/protocol.md). A client may send it as `auth.protocol` in the
 * Socket.IO handshake (./handshake.ts; none means 1); a mismatch is refused with `connect_error`
 * message `protocol_mismatch`.
 */
export const PROTOCOL_VERSION = 1;

/** Answer to every command: the seq after it was stored, or why it was refused (nothing changed). */
export type Ack = { ok: true; seq: number } | { ok: false; error: DomainError };

/**
 * Sent once on connect and whenever a resync is too far behind.
 * @example { seq: 42, serverTime: 1752490800000, meeting: {...}, you: { participantId: 'p_1', role: 'chair' } }
 */
export interface SnapshotMessage {
  seq: number;
  serverTime: number;
  meeting: Meeting;
  /** Who this connection is; the read-only projector view is `{participantId: null, role: 'viewer'}`. */
  you: { participantId: ParticipantId; role: Role } | { participantId: null; role: 'viewer' };
}

/** Whether this server can store commands: `unavailable` while its shared store (Redis) is unreachable. */
export type StoreState = 'ok' | 'unavailable';

/**
 * This server's health as it concerns its clients. Sent on connect only when not all is well, then
 * whenever it changes. While `store` is `unavailable`, commands are answered `unavailable` (nothing
 * is acknowledged that is not stored); when it is `ok` again, a client asks for what it missed
 * (`resync` with its last seq).
 * @example { store: 'unavailable' }
 */
export interface StatusMessage {
  store: StoreState;
}

/**
 * Socket.IO events the server emits. A client gets every stored event once, in seq order: as one
 * `event` per stored event, or, when it asked for `batch` in the handshake, as `events` arrays that
 * coalesce what was stored within a few milliseconds (one message instead of many under load).
 */
export interface ServerToClientEvents {
  snapshot: (message: SnapshotMessage) => void;
  event: (message: StoredEvent) => void;
  events: (messages: StoredEvent[]) => void;
  /** The server's status changed (or, on connect, is not `ok`); see StatusMessage. */
  status: (message: StatusMessage) => void;
  /** The server is about to disconnect this client, and why (shared/protocol/disconnects.ts). */
  closing: (message: ClosingMessage) => void;
}

/** Socket.IO events a client emits; both payloads are validated with zod on the server. */
export interface ClientToServerEvents {
  command: (command: WireCommand, ack: (ack: Ack) => void) => void;
  resync: (
    request: { sinceSeq: number },
    ack?: (answer: { ok: boolean; mode?: 'events' | 'snapshot' }) => void,
  ) => void;
  /** Clock sync: the ack carries the server's `Date.now()`; the client halves the round trip. */
  clock: (ack: (serverTime: number) => void) => void;
}
