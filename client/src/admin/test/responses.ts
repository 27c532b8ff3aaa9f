import type { ErrorCode } from '../../../../shared';

/**
 * The HTTP answers of the workspace's in-memory APIs (test/fakeApi.ts, participants/fakeApi.ts),
 * shaped as the server's.
 */

/** The HTTP status of each error code, as server/http/errors.ts sends them. */
const STATUS: Record<ErrorCode | 'unauthorized', number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  offline: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A JSON answer. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A refusal: `{error: {code, message}}` with the code's status. */
export const refusal = (code: ErrorCode | 'unauthorized', message: string) =>
  json(STATUS[code], { error: { code, message } });
