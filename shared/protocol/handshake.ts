import { z } from 'zod';
import { PROTOCOL_VERSION } from './messages';

/**
 * Longest token a handshake may carry. The server's own tokens are a few hundred characters; this
 * bounds what it reads before it refuses (a megabyte "token" is refused unread, not verified).
 */
export const MAX_TOKEN_LENGTH = 2048;

/**
 * The Socket.IO handshake payload, `io(url, { auth })` (docs/protocol.md, "Socket.IO"). The server
 * checks `protocol` first (another version is refused `protocol_mismatch`: its `auth` may be shaped
 * differently), then parses the rest with this schema (a field of the wrong type is refused
 * `invalid_handshake`). Keys it does not know are ignored, so a newer client's hints do not break an
 * older server of the same version.
 * @example { token: 'eyJhbGciOiJIUzI1NiJ9…', protocol: 1, batch: true, sinceSeq: 42 }
 */
export const handshakeAuthSchema = z.object({
  /** The participant or projector token (docs/protocol.md, "Tokens and roles"). */
  token: z.string().max(MAX_TOKEN_LENGTH),
  /** The protocol version the client speaks; a client that sends none is version 1. */
  protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
  /** Receive events as batched `events` arrays instead of one `event` each. */
  batch: z.boolean().default(false),
  /** On reconnect: the last seq this client holds; it then gets the missed events, not a snapshot. */
  sinceSeq: z.number().int().min(0).optional(),
});

/** What a client sends as `auth`: only `token` is required. */
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;
/** A handshake as the server read it: defaults filled in (`protocol` 1, `batch` false). */
export type Handshake = z.output<typeof handshakeAuthSchema>;
