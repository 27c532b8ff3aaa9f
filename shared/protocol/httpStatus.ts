import type { ErrorCode } from '../domain/errors';

/**
 * An error code of the HTTP API: a refused command's codes, and those of HTTP alone: `unauthorized`
 * (no valid token), `too_large` (a body over the route's limit) and `unsupported` (a body of a type,
 * encoding or charset the route does not read).
 */
export type HttpErrorCode = ErrorCode | 'unauthorized' | 'too_large' | 'unsupported';

/**
 * The HTTP status each error code is sent with (docs/protocol.md, "Errors"): one table for the
 * server and for the client's in-memory test APIs, which answer as the server does.
 */
export const HTTP_STATUS: Record<HttpErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  offline: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
