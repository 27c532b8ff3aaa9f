import express, { type Request, type Response, type Router } from 'express';
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
import { sendError } from './errors';
import { callerMay, type FindMeeting } from './meetingAccess';
import { sendRefusal, submitAs } from './submit';

interface ImportDeps {
  meetingOf: FindMeeting;
}

/** A registration list is text: a few hundred rows are tens of kilobytes, 2000 well under this. */
const csvBody = express.text({ type: 'text/csv', limit: '1mb' });

/**
 * `POST /api/meetings/:id/participants/import`: a registration list (CSV) creates or updates
 * participants, all or nothing. `?dryRun=1` answers what it would do and writes nothing; without
 * it, a list with any bad row is refused (422) with the same answer, and a good one is stored as
 * one append, so the room sees the whole list arrive at once or not at all.
 */
export function importRoutes(api: Router, { meetingOf }: ImportDeps): void {
  api.post('/meetings/:id/participants/import', csvBody, async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { room } = found;
    const caller = req.caller!;
    const actor = callerMay(
      room.state,
      caller,
      'participant.manage',
      res,
      'only the secretariat or the administrator imports participants',
    );
    if (!actor) return;
    if (typeof req.body !== 'string')
      return sendError(res, 'invalid', 'send the registration list as CSV, with Content-Type: text/csv');
    const { rows, errors: unreadable } = readRegistrationCsv(req.body);
    const preview = planImport(room.state, actor, rows, contextNow());
    if ('refused' in preview) return sendRefusal(res, preview.refused);
    const result = resultOf(preview, unreadable);
    if (dryRun(req)) return res.json(result);
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
}

/** The answer: what the plan creates and changes, and every bad row (unreadable or refused) by line. */
function resultOf(plan: ImportPlan, unreadable: ImportError[]): ImportResult {
  const errors = [...unreadable, ...plan.errors].sort((a, b) => a.line - b.line);
  return { created: plan.created, updated: plan.updated, unchanged: plan.unchanged, errors };
}

const dryRun = (req: Request) => ['1', 'true'].includes(String(req.query.dryRun ?? ''));

/** For the preview: its ids are thrown away, the stored ones are the writer's. */
const contextNow = (): DecideContext => ({ now: Date.now(), ids: idFactories(newId) });

const problems = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);
