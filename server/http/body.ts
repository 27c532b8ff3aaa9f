import type { Response } from 'express';
import type { z } from 'zod';
import { sendError } from './errors';

const issueText = (issue: { path: PropertyKey[]; message: string }) =>
  `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`;

/**
 * The request body parsed by `schema`, or undefined once `400 invalid` is sent, naming each
 * problem by its path (`documents.0.url: not an http(s) address`).
 */
export function parseBody<T>(schema: z.ZodType<T, unknown>, body: unknown, res: Response): T | undefined {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  sendError(res, 'invalid', parsed.error.issues.map(issueText).join('; '));
  return undefined;
}
