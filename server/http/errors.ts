import type { Response } from 'express';
import { HTTP_STATUS, type HttpErrorCode } from '../../shared';

/** Every HTTP error has the same shape as a refused command: `{error: {code, message}}`. */
export function sendError(res: Response, code: HttpErrorCode, message: string): void {
  res.status(HTTP_STATUS[code]).json({ error: { code, message } });
}
