import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import {
  type DecideContext,
  type ImportError,
  type ImportPlan,
  type ImportResult,
  idFactories,
  planImport,
} from '../../shared';
import { newId } from '../ids';
import { readRegistrationCsv } from '../secretariat/registrationCsv';
import { BULK_REFUSALS, type BulkGate, bulkKey } from './bulkGate';
import { sendError } from './errors';
import { actorOf, type FindMeeting, type MeetingAccess, type Permission } from './meetingAccess';
import { sendRefusal, submitAs } from './submit';

interface ImportDeps {
  meetingOf: FindMeeting;
  /** How much bulk work a caller, a meeting and the process take on (./bulkGate.ts). */
  gate: BulkGate;
}

const MANAGE: Permission = {
  action: 'participant.manage',
  refusal: 'only the secretariat or the administrator imports participants',
};
/** A registration list is text: a few hundred rows are tens of kilobytes, 2000 well under this. */
const MAX_LIST_BYTES = 1024 * 1024;
// The bytes as sent: the reader checks they are UTF-8 (decoding them here would turn another
// encoding's letters into replacement characters, stored as names).
const csvBody = express.raw({ type: 'text/csv', limit: MAX_LIST_BYTES });

/**
 * `POST /api/meetings/:id/participants/import`: a registration list (CSV) creates or updates
 * participants, all or nothing. `?dryRun=1` answers what it would do and writes nothing; without
 * it, a list with any bad row is refused (422) with the same answer, and a good one is stored as
 * one append, so the room sees the whole list arrive at once or not at all.
 *
 * Who may import is checked before the body is read, and the list is admitted by the import gate
 * (a byte budget per caller, one list at a time per process) from its declared size.
 */
export function importRoutes(api: Router, { meetingOf, gate }: ImportDeps): void {
  const admit = async (req: Request, res: Response, next: NextFunction) => {
    const found = await meetingOf(req, res, { fresh: true, may: MANAGE });
    if (!found) return;
    const mode = modeOf(req);
    if (mode === 'unknown')
      return sendError(res, 'invalid', 'the only parameter is dryRun=1 (a preview) or dryRun=0 (the import)');
    const declared = Number(req.get('content-length') ?? MAX_LIST_BYTES);
    const key = bulkKey(req.caller!, found.meetingId);
    const refusal = gate.admit(key, Number.isFinite(declared) ? declared : MAX_LIST_BYTES);
    if (refusal) return sendError(res, 'rate_limited', BULK_REFUSALS[refusal]);
    res.locals.found = found;
    res.locals.dryRun = mode === 'preview';
    next();
  };
  // A body that cannot be read (too large, cut off) gives the caller's turn back.
  const body = (req: Request, res: Response, next: NextFunction) =>
    csvBody(req, res, (error?: unknown) => {
      if (error) gate.release(bulkKey(req.caller!, (res.locals.found as MeetingAccess).meetingId));
      next(error);
    });

  api.post('/meetings/:id/participants/import', admit, body, async (req: Request, res: Response) => {
    const caller = req.caller!;
    const { room, meetingId } = res.locals.found as MeetingAccess;
    await gate.run(bulkKey(caller, meetingId), async () => {
      if (!Buffer.isBuffer(req.body))
        return sendError(res, 'invalid', 'send the registration list as CSV, with Content-Type: text/csv');
      const { rows, errors: unreadable } = readRegistrationCsv(req.body);
      // Reading and planning are each up to a tenth of a second: other meetings' work goes between.
      await new Promise((resolve) => setImmediate(resolve));
      const actor = actorOf(room.state, caller);
      if (!actor) return sendError(res, 'forbidden', 'you are no longer a participant of this meeting');
      const preview = planImport(room.state, actor, rows, contextNow());
      if ('refused' in preview) return sendRefusal(res, preview.refused);
      const result = resultOf(preview, unreadable);
      if (res.locals.dryRun === true) return res.json(result);
      if (result.errors.length > 0) {
        return res.status(422).json({
          error: {
            code: 'invalid',
            message: `${problems(result.errors.length)} in the list (see errors, by line): nothing was imported; fix the list and import it again`,
          },
          ...result,
        });
      }
      // Planned again inside the writer, against the state it appends to: a participant added or
      // changed since the preview above cannot slip between the plan and its events.
      let stored: ImportResult = result;
      const ok = await submitAs(room, caller, res, (meeting, as, ctx) => {
        const plan = planImport(meeting, as, rows, ctx);
        if ('refused' in plan) return { ok: false, error: plan.refused };
        if (plan.errors.length > 0)
          return {
            ok: false,
            error: {
              code: 'conflict',
              message: 'the participants changed while the list was being imported: preview it again',
            },
          };
        stored = resultOf(plan, []);
        return { ok: true, events: plan.events };
      });
      if (ok) res.json(stored);
    });
  });
}

/** The answer: what the plan creates and changes, and every bad row (unreadable or refused) by line. */
function resultOf(plan: ImportPlan, unreadable: ImportError[]): ImportResult {
  const errors = [...unreadable, ...plan.errors].sort((a, b) => a.line - b.line);
  return { created: plan.created, updated: plan.updated, unchanged: plan.unchanged, errors };
}

/**
 * A preview (`dryRun=1` or `true`) or the import (no parameter, `dryRun=0` or `false`); anything
 * else is refused rather than guessed: a misspelt preview must not import.
 */
function modeOf(req: Request): 'preview' | 'import' | 'unknown' {
  const keys = Object.keys(req.query);
  if (keys.length === 0) return 'import';
  const value = req.query.dryRun;
  if (keys.length > 1 || typeof value !== 'string') return 'unknown';
  if (value === '1' || value === 'true') return 'preview';
  if (value === '0' || value === 'false') return 'import';
  return 'unknown';
}

/** For the preview: its ids are thrown away, the stored ones are the writer's. */
const contextNow = (): DecideContext => ({ now: Date.now(), ids: idFactories(newId) });

const problems = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);
