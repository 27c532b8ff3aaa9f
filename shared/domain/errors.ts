/**
 * Error codes of refused commands, the same on every transport.
 * - invalid: the payload does not match the protocol.
 * - forbidden: the actor's role may not do this.
 * - conflict: allowed, but not in the meeting's current state (e.g. the list is closed).
 * - not_found: the item, request, participant or proposal does not exist.
 * - rate_limited: too many messages (retry later), or a quota is reached (the message names it).
 * - unavailable: the server could not confirm that the command was stored (e.g. its store is
 *   unreachable); retrying with the same command id applies it at most once.
 * - internal: a bug in the server; nothing was applied, and retrying would meet the same bug.
 * - offline: the floor would go to a participant who is not connected; send the command again with
 *   `confirmOffline: true` to give it anyway (the message names the delegation).
 */
export const ERROR_CODES = [
  'invalid',
  'forbidden',
  'conflict',
  'not_found',
  'rate_limited',
  'unavailable',
  'internal',
  'offline',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal as a value, never an exception. */
export interface DomainError {
  code: ErrorCode;
  message: string;
}

export const refuse = (code: ErrorCode, message: string): DomainError => ({ code, message });

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
