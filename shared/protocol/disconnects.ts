/**
 * Why the server refused a Socket.IO handshake: the `message` of the client's `connect_error`
 * (docs/protocol.md, "Socket.IO"). Only `unavailable` and `rate_limited` are worth retrying, slowly.
 */
export const CONNECT_ERRORS = {
  /** A bad, foreign-signed or expired token, an unknown meeting, or a participant not in it. */
  unauthorized: 'unauthorized',
  /** `auth.protocol` names another protocol version. */
  protocolMismatch: 'protocol_mismatch',
  /**
   * `auth` does not match the handshake schema (shared/protocol/handshake.ts): a field of the wrong
   * type, a negative or fractional `sinceSeq`, a token longer than any the server signs. Permanent:
   * the same client would send the same handshake again.
   */
  invalidHandshake: 'invalid_handshake',
  /** The meeting could not be loaded (the store is unreachable); try again later. */
  unavailable: 'unavailable',
  /** Too many handshakes for this participant (token) lately; try again in a few seconds. */
  rateLimited: 'rate_limited',
} as const;
export type ConnectError = (typeof CONNECT_ERRORS)[keyof typeof CONNECT_ERRORS];

/**
 * Why the server closed a Socket.IO connection. The server sends a `closing` message with the reason
 * just before it disconnects, except to a slow consumer (it is not reading: the connection is
 * dropped and the client sees a transport close). `replaced`, `link_replaced` and `removed` are
 * permanent: the client must not reconnect by itself.
 */
export const DISCONNECT_REASONS = {
  /**
   * A newer connection of the same participant (token) took over: a participant may hold only a few
   * at once, and the oldest goes. Do NOT reconnect automatically: the two would take turns for ever.
   */
  replaced: 'replaced',
  /** Kept sending past its rate limit; reconnect after a pause. */
  rateLimited: 'rate_limited',
  /** Fell too far behind reading what the server sent; reconnect (with `sinceSeq`) and resync. */
  slowConsumer: 'slow_consumer',
  /** This server cannot read the meeting's log (newer events, a rolling upgrade); reconnect: another can. */
  meetingUnreadable: 'meeting_unreadable',
  /**
   * The participant's link was reissued (`participant.reissued`): the token this connection signed in
   * with no longer signs anyone in. Do NOT reconnect: the handshake would be refused `unauthorized`;
   * the participant needs the new link.
   */
  linkReplaced: 'link_replaced',
  /**
   * The participant was removed from the meeting (`participant.removed`): their token signs nobody
   * in any more. Do NOT reconnect.
   */
  removed: 'removed',
} as const;
export type DisconnectReason = (typeof DISCONNECT_REASONS)[keyof typeof DISCONNECT_REASONS];

/**
 * Sent just before the server disconnects a client (see DISCONNECT_REASONS).
 * @example { reason: 'replaced', message: 'this participant opened a newer connection' }
 */
export interface ClosingMessage {
  reason: DisconnectReason;
  message: string;
}
