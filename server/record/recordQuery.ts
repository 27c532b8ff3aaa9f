import type { Request, Response } from 'express';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../shared';
import { sendError } from '../http/errors';

const language = z.enum(LANGUAGES, { error: `a language of the meeting: one of ${LANGUAGES.join(', ')}` });

/**
 * The query of every record route: `?lang=` (the language of the headings; English by default). Any
 * other parameter, or `lang` given twice, is refused rather than ignored, as for `invitations.csv`.
 */
const recordQuerySchema = z.strictObject({ lang: language.optional() });

/** The body of `POST /api/meetings/:id/summary`: the draft's language (default: the caller's). */
export const summaryBodySchema = z.strictObject({ lang: language.optional() });

/** The language a record route was asked for, or undefined once `400 invalid` is sent. */
export function recordLanguage(req: Request, res: Response): Language | undefined {
  const parsed = recordQuerySchema.safeParse(req.query);
  if (parsed.success) return parsed.data.lang ?? 'en';
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(query)'}: ${issue.message}`,
  );
  sendError(res, 'invalid', problems.join('; '));
  return undefined;
}
