import type { Request, Response } from 'express';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../shared';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import type { ExportOptions, RecordExport } from './render';

const language = z.enum(LANGUAGES, { error: `a language of the meeting: one of ${LANGUAGES.join(', ')}` });

/**
 * The query of every record route's GET: `?lang=` (the language of the headings; English by default). Any
 * other parameter, or `lang` given twice, is refused rather than ignored, as for `invitations.csv`.
 */
const recordQuerySchema = z.strictObject({ lang: language.optional() });

/**
 * The query of `interventions.csv`, `attendance.csv` and `checks.csv`: `?lang=` and `delimiter=semicolon` for a
 * spreadsheet that splits on ";" (Excel in French, Spanish or Russian settings), `comma` by default,
 * the words of `invitations.csv`.
 */
const recordCsvQuerySchema = recordQuerySchema.extend({
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});

/** The body of `POST /api/meetings/:id/summary`: the draft's language (default: the caller's). */
const summaryBodySchema = z.strictObject({ lang: language.optional() });

/** What `POST /api/meetings/:id/summary` is asked for. */
export type SummaryBody = z.infer<typeof summaryBodySchema>;

/** What an export is asked for: the language of its headings and how it is written. */
export interface ExportQuery {
  lang: Language;
  options: ExportOptions;
}

/** The exports whose cells a `delimiter` separates. */
const CSV_EXPORTS: ReadonlySet<RecordExport> = new Set(['interventions.csv', 'attendance.csv', 'checks.csv']);

/** The query parsed by `schema`, or undefined once `400 invalid` is sent, naming each problem. */
function parseQuery<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(query)'}: ${issue.message}`,
  );
  sendError(res, 'invalid', problems.join('; '));
  return undefined;
}

/** The language a record route was asked for, or undefined once `400 invalid` is sent. */
export function recordLanguage(req: Request, res: Response): Language | undefined {
  const query = parseQuery(recordQuerySchema, req, res);
  return query && (query.lang ?? 'en');
}

/**
 * What export `name` was asked for, or undefined once `400 invalid` is sent: `delimiter` is taken
 * by the CSV exports only, and refused by the others like any unknown parameter.
 */
export function exportQuery(name: RecordExport, req: Request, res: Response): ExportQuery | undefined {
  if (!CSV_EXPORTS.has(name)) {
    const lang = recordLanguage(req, res);
    return lang && { lang, options: {} };
  }
  const query = parseQuery(recordCsvQuerySchema, req, res);
  return (
    query && {
      lang: query.lang ?? 'en',
      options: { delimiter: query.delimiter === 'semicolon' ? ';' : ',' },
    }
  );
}

/**
 * Whether the request carries a body: a POST without one from `fetch` or curl says
 * `Content-Length: 0`, and has no Content-Type to check.
 */
const sendsBody = (req: Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;

/**
 * The body of `POST /api/meetings/:id/summary`, or undefined once the refusal is sent: `400
 * invalid` for a query (the language goes in the body) or a body not of the schema; `415
 * unsupported` for a body that is not JSON (express.json left it unread: a form, text or CSV would
 * otherwise be drafted in the default language as if nothing had been asked).
 */
export function summaryRequest(req: Request, res: Response): SummaryBody | undefined {
  if (Object.keys(req.query).length > 0) {
    sendError(
      res,
      'invalid',
      '(query): this route takes no parameter; the language goes in the body: {"lang": "fr"}',
    );
    return undefined;
  }
  if (sendsBody(req) && !req.is('application/json')) {
    sendError(
      res,
      'unsupported',
      'send the body as JSON, with Content-Type: application/json (or send no body)',
    );
    return undefined;
  }
  return parseBody(summaryBodySchema, req.body, res);
}
