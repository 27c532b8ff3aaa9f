import { HTTP_STATUS, type HttpErrorCode } from '../../../../shared';

/**
 * The HTTP answers of the workspace's in-memory APIs (test/fakeApi.ts, participants/fakeApi.ts),
 * shaped as the server's.
 */

/** A JSON answer. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A refusal: `{error: {code, message}}` with the code's status. */
export const refusal = (code: HttpErrorCode, message: string) =>
  json(HTTP_STATUS[code], { error: { code, message } });
