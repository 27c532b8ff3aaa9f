import type { NextFunction, Request, Response } from 'express';
import type { ParticipantClaims, TokenService } from '../auth/tokens';
import { sendError } from './errors';

/** Who is calling: the administrator, a participant (from a valid token), or nobody. */
export type Caller = { kind: 'admin' } | { kind: 'participant'; claims: ParticipantClaims };

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export const bearer = (req: Request): string | undefined => {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
};

/** Resolves the bearer token into `req.caller`; answers 401 when there is none or it is invalid. */
export const authenticate =
  (tokens: TokenService) => async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (token && tokens.isAdmin(token)) {
      req.caller = { kind: 'admin' };
      return next();
    }
    const claims = token ? await tokens.verify(token) : null;
    if (!claims) return sendError(res, 'unauthorized', 'a valid bearer token is required');
    req.caller = { kind: 'participant', claims };
    next();
  };
