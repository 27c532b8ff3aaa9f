import type { NextFunction, Request, Response } from 'express';
import { mayCatchUp, tokenCurrent } from '../auth/current';
import type { ParticipantClaims, TokenService } from '../auth/tokens';
import type { MeetingService } from '../meeting/service';
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

/**
 * Resolves the bearer token into `req.caller`; answers 401 when there is none, it is invalid, or
 * it no longer signs anyone in (the participant was removed or their link reissued: ../auth/current.ts).
 */
export const authenticate =
  (tokens: TokenService, service: MeetingService) =>
  async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (token && tokens.isAdmin(token)) {
      req.caller = { kind: 'admin' };
      return next();
    }
    const claims = token ? await tokens.verify(token) : null;
    if (!claims) return sendError(res, 'unauthorized', 'a valid bearer token is required');
    if (!(await stillCurrent(service, claims)))
      return sendError(res, 'unauthorized', 'this link was replaced or withdrawn: use your latest link');
    req.caller = { kind: 'participant', claims };
    next();
  };

/**
 * Whether the token still signs its holder in. A meeting that does not exist is left to the route
 * (which answers 404); a participant added or reissued on another process a moment ago is caught
 * up with once before the refusal.
 */
async function stillCurrent(service: MeetingService, claims: ParticipantClaims): Promise<boolean> {
  const room = await service.ensureRoom(claims.meetingId);
  if (!room || tokenCurrent(room.state, claims)) return true;
  if (!mayCatchUp(room.state, claims)) return false;
  const refreshed = await service.refresh(claims.meetingId).catch(() => undefined);
  return refreshed !== undefined && tokenCurrent(refreshed.state, claims);
}
