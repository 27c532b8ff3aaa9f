import type { Request, Response, Router } from 'express';
import {
  type Actor,
  draftChairSummary,
  type Language,
  type Meeting,
  type Proposal,
  summaryRefusal,
} from '../../shared';
import { type BulkGate, bulkKey } from '../http/bulkGate';
import { sendError } from '../http/errors';
import { actorOf, type FindMeeting, type Permission } from '../http/meetingAccess';
import { sendRefusal, submitAs } from '../http/submit';
import type { Logger } from '../observability/logger';
import type { RecordCache } from './recordCache';
import { RECORD_REFUSALS, recordCost, sendRecordUnavailable } from './recordLimits';
import { summaryRequest } from './recordQuery';
import { RenderFailed, sendRenderFailed } from './renderFailure';
import type { RenderPool } from './renderPool';

interface SummaryDeps {
  meetingOf: FindMeeting;
  gate: BulkGate;
  cache: RecordCache;
  /** Drafts the summary off the main thread, as it renders the exports. */
  renders: RenderPool;
  log: Logger;
}

const SUMMARY: Permission = {
  action: 'summary.create',
  refusal: 'only the chair, the vice-chairs, the secretariat or the administrator draft the summary',
};

/**
 * `POST /api/meetings/:id/summary` `{lang?}` → `201 {proposal}`: a new draft of the chair's summary,
 * written from the record in `lang` (default: the caller's registered language, else English) and
 * created as a text of kind `chair-summary` whose version 0 is the draft (the collab server seeds
 * it from `proposal.created`'s base text, as for any proposal). The draft is written in the render
 * pool's worker (a meeting of thousands of items is a second of CPU); one it could not write is
 * `503 unavailable`, as an export.
 */
export function summaryRoutes(api: Router, { meetingOf, gate, cache, renders, log }: SummaryDeps): void {
  api.post('/meetings/:id/summary', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: SUMMARY });
    if (!found) return;
    const body = summaryRequest(req, res);
    if (!body) return;
    const { meetingId, room } = found;
    const caller = req.caller!;
    const actor = actorOf(room.state, caller);
    if (!actor) return sendError(res, 'forbidden', SUMMARY.refusal);
    // Refused before the work when it would be refused after it (archived, the drafts' quota).
    const refusal = summaryRefusal(room.state, actor);
    if (refusal) return sendRefusal(res, refusal);
    const lang = body.lang ?? languageOf(room.state, actor);

    // Charged before any work, as an export is.
    const key = bulkKey(caller, meetingId);
    const turn = gate.admit(key, recordCost('summary', cache.latest(meetingId), room.seq));
    if (turn) return sendError(res, 'rate_limited', RECORD_REFUSALS[turn]);
    const read = await cache.read(meetingId, room.seq);
    if (!read.ok) {
      gate.release(key);
      return sendRecordUnavailable(res, read);
    }
    const drafted = await gate.run(key, async () => {
      try {
        return { ok: true as const, draft: await renders.draftSummary(read.record, lang) };
      } catch (error) {
        if (error instanceof RenderFailed) return { ok: false as const, error };
        throw error;
      }
    });
    if (!drafted.ok) {
      const { error } = drafted;
      log.warn({ err: error, meetingId }, `chair's summary not drafted: ${error.reason}`);
      return sendRenderFailed(res, error, 'summary');
    }

    // Answered with the proposal as stored: its event is acknowledged only once it is durable.
    let created: Proposal | undefined;
    const stored = await submitAs(room, caller, res, (meeting, as, ctx) => {
      const decision = draftChairSummary(meeting, as, drafted.draft, ctx);
      if (decision.ok)
        for (const event of decision.events) if (event.type === 'proposal.created') created = event.proposal;
      return decision;
    });
    if (!stored || !created) return;
    res.status(201).json({ proposal: created });
  });
}

/** The caller's registered language; the administrator's (who has none) is English. */
function languageOf(meeting: Meeting, actor: Actor): Language {
  return meeting.participants.find((p) => p.id === actor.id)?.lang ?? 'en';
}
