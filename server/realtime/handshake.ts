import type { z } from 'zod';
import {
  CONNECT_ERRORS,
  type ConnectError,
  type Handshake,
  handshakeAuthSchema,
  PROTOCOL_VERSION,
} from '../../shared';

/**
 * Why a handshake was refused: the client's `connect_error` message (public, CONNECT_ERRORS), the
 * reason that is logged and counted (docs/protocol.md lists them), and what else may be logged.
 * Never the token.
 */
export interface HandshakeRefusal {
  error: ConnectError;
  reason: string;
  details?: Record<string, string>;
}

export const refusedAs = (
  error: ConnectError,
  reason: string,
  details?: Record<string, string>,
): HandshakeRefusal => ({ error, reason, ...(details ? { details } : {}) });

/** The handshake read once, or why it is refused before the token is even verified. */
export type HandshakeReading = { ok: true; handshake: Handshake } | { ok: false; refusal: HandshakeRefusal };

/**
 * Reads a Socket.IO handshake's `auth` against the public schema (shared/protocol/handshake.ts).
 * Never throws, whatever a client sends.
 */
export function readHandshake(auth: unknown): HandshakeReading {
  const fields: Record<string, unknown> = typeof auth === 'object' && auth !== null ? { ...auth } : {};
  // The version first: a client of another version may shape the rest of `auth` differently, and it
  // should hear that it speaks another version, not that its handshake is malformed.
  if (fields.protocol !== undefined && fields.protocol !== PROTOCOL_VERSION) {
    return refused(CONNECT_ERRORS.protocolMismatch, 'protocol_mismatch');
  }
  // No token at all is someone not signed in, as a bad token is, not a broken client.
  if (fields.token === undefined) return refused(CONNECT_ERRORS.unauthorized, 'bad_token');
  const parsed = handshakeAuthSchema.safeParse(fields);
  if (!parsed.success) {
    return refused(CONNECT_ERRORS.invalidHandshake, 'invalid_handshake', { issues: describe(parsed.error) });
  }
  return { ok: true, handshake: parsed.data };
}

const refused = (
  error: ConnectError,
  reason: string,
  details?: Record<string, string>,
): HandshakeReading => ({
  ok: false,
  refusal: refusedAs(error, reason, details),
});

/** Where and what, never the value: the value may be (part of) a token. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(auth)'}: ${issue.code}`)
    .join('; ');
}
