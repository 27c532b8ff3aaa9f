import type { Response } from 'express';
import type { ErrorCode } from '../../shared';

export type HttpErrorCode = ErrorCode | 'unauthorized';

const STATUS: Record<HttpErrorCode, number> = {
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

/** Every HTTP error has the same shape as a refused command: `{error: {code, message}}`. */
export function sendError(res: Response, code: HttpErrorCode, message: string): void {
  res.status(STATUS[code]).json({ error: { code, message } });
}
