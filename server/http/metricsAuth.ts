import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { bearer } from './auth';
import { sendError } from './errors';

/** Compares in constant time, so the answer's timing tells nothing of the token. */
const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Guards `/metrics`: `Authorization: Bearer <IRM_METRICS_TOKEN>` or the admin token, else 401 with
 * the usual error body (README, docs/deploy.md).
 */
export const metricsAuth =
  (adminToken: string, metricsToken: string | undefined) =>
  (req: Request, res: Response, next: NextFunction): void => {
    const token = bearer(req);
    const accepted = [adminToken, metricsToken].filter((t): t is string => !!t);
    if (token && accepted.some((t) => same(token, t))) return next();
    res.set('www-authenticate', 'Bearer realm="metrics"');
    sendError(res, 'unauthorized', 'the metrics token (IRM_METRICS_TOKEN) or the admin token is required');
  };
