import type { Request, Response, Router } from 'express';
import { can } from '../../shared';
import { attachment } from '../http/attachment';
import { type BulkGate, bulkKey } from '../http/bulkGate';
import { sendError } from '../http/errors';
import { actorOf, type FindMeeting, type Permission } from '../http/meetingAccess';
import type { HttpReadBudget } from '../http/readBudget';
import type { Logger } from '../observability/logger';
import { sendEventsJsonl } from './eventsJsonl';
import { type EventPages, RecordCache } from './recordCache';
import { logCost, RECORD_REFUSALS, recordCost, sendRecordUnavailable } from './recordLimits';
import { exportQuery, recordLanguage } from './recordQuery';
import { RECORD_EXPORTS, type RecordExport } from './render';
import { exportFileName } from './render/fileName';
import { RenderFailed, sendRenderFailed } from './renderFailure';
import type { RenderPool } from './renderPool';
import { summaryRoutes } from './summaryRoutes';

/** What the record's routes need of the process. */
export interface RecordDeps {
  meetingOf: FindMeeting;
  /** The meeting reads' byte budget: the record as JSON counts against it. */
  reads: HttpReadBudget;
  /** The bulk gate shared with registration lists and join links: exports, the log and drafts pass it. */
  gate: BulkGate;
  /** The store's events, read page by page (for the record's fold and the log). */
  readEvents: EventPages;
  /** Renders the exports and drafts the summary off the main thread (./renderPool.ts). */
  renders: RenderPool;
  log: Logger;
}

const RECORD: Permission = {
  action: 'meeting.record',
  refusal: 'only the chair, the vice-chairs, the secretariat or the administrator read the record',
};

/** Content types of the downloads the server writes itself (the exports bring theirs). */
const JSONL = 'application/jsonl; charset=utf-8';

/** The ETag of the record at `seq`: the record is a function of the log up to it. */
const recordTag = (seq: number) => `"record-${seq}"`;

/**
 * The meeting's record (docs/protocol.md, "The meeting record"): `GET /api/meetings/:id/record` as
 * JSON, its exports (`record.docx`, `record.md`, `interventions.csv`, `attendance.csv`,
 * `checks.csv`, `record.xlsx`), the raw log (`events.jsonl`) and `POST /api/meetings/:id/summary`. One record
 * cache for the process: each request folds only the events stored since the last one. The exports
 * are rendered, and the summary drafted, in the render pool's worker thread; one it could not make
 * is `503 unavailable`.
 */
export function recordRoutes(
  api: Router,
  { meetingOf, reads, gate, readEvents, renders, log }: RecordDeps,
): void {
  const cache = new RecordCache(readEvents);

  api.get('/meetings/:id/record', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: RECORD });
    if (!found) return;
    // Accepted like every record route's, and ignored: the JSON has no headings.
    if (!recordLanguage(req, res)) return;
    const { meetingId, room } = found;
    const caller = req.caller!;
    // The record of a seq is the same for everyone: the Record view's live refetch asks again with
    // the ETag it has and gets a free 304 while the log has not moved.
    res.set('cache-control', 'private, no-cache');
    if (req.get('if-none-match') === recordTag(room.seq)) return res.status(304).end();
    if (reads.refused(res, caller, meetingId)) return;
    const read = await cache.read(meetingId, room.seq);
    if (!read.ok) return sendRecordUnavailable(res, read);
    res.set('etag', recordTag(read.record.meeting.lastSeq));
    reads.sendJson(res, caller, meetingId, read.json());
  });

  const exportRoute = (name: RecordExport) => async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: RECORD });
    if (!found) return;
    const query = exportQuery(name, req, res);
    if (!query) return;
    const { meetingId, room } = found;
    // Charged before any work: by the record last made of this meeting (its rows), else by its log.
    const key = bulkKey(req.caller!, meetingId);
    const refusal = gate.admit(key, recordCost(name, cache.latest(meetingId), room.seq));
    if (refusal) return sendError(res, 'rate_limited', RECORD_REFUSALS[refusal]);
    const read = await cache.read(meetingId, room.seq);
    if (!read.ok) {
      gate.release(key);
      return sendRecordUnavailable(res, read);
    }
    const rendered = await gate.run(key, async () => {
      try {
        return {
          ok: true as const,
          file: await renders.render(name, read.record, query.lang, query.options),
        };
      } catch (error) {
        if (error instanceof RenderFailed) return { ok: false as const, error };
        throw error;
      }
    });
    if (!rendered.ok) {
      const { error } = rendered;
      log.warn({ err: error, meetingId, export: name }, `record export failed: ${error.reason}`);
      return sendRenderFailed(res, error, 'export');
    }
    const { file } = rendered;
    res.set(downloadHeaders(file.fileName)).type(file.contentType).send(file.body);
  };
  for (const name of RECORD_EXPORTS) api.get(`/meetings/:id/${name}`, exportRoute(name));

  api.get('/meetings/:id/events.jsonl', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: RECORD });
    if (!found) return;
    // Accepted and ignored: the log is the events as stored, in no language.
    if (!recordLanguage(req, res)) return;
    const { meetingId, room } = found;
    const caller = req.caller!;
    const key = bulkKey(caller, meetingId);
    const refusal = gate.admit(key, logCost(room.seq));
    if (refusal) return sendError(res, 'rate_limited', RECORD_REFUSALS[refusal]);
    // Charged and one at a time per caller, but not in the gate's line: a download is paced by its
    // reader, and a slow one must not hold up everyone's exports and imports. Its pages take turns.
    try {
      // Folded first: every event sent is one this process can read, and so can strip of e-mail
      // addresses; the log ends where the record does.
      const read = await cache.read(meetingId, room.seq);
      if (!read.ok) return sendRecordUnavailable(res, read);
      const actor = actorOf(room.state, caller);
      const withContacts = actor !== null && can(room.state, actor, 'participant.manage');
      res.set(downloadHeaders(exportFileName(room.state.title, 'events', 'jsonl'))).type(JSONL);
      await sendEventsJsonl(res, readEvents, {
        meetingId,
        upToSeq: read.record.meeting.lastSeq,
        withContacts,
      });
    } catch (error) {
      if (!res.headersSent) throw error;
      // Cut short: the client sees an incomplete download, not a complete-looking one.
      log.warn({ err: error, meetingId }, 'events.jsonl failed while being sent');
      res.destroy();
    } finally {
      gate.release(key);
    }
  });

  summaryRoutes(api, { meetingOf, gate, cache, renders, log });
}

/** A download of the record: personal data (names, who was there), so not for caches. */
const downloadHeaders = (fileName: string) => ({
  'cache-control': 'no-store',
  'content-disposition': attachment(fileName),
  'x-content-type-options': 'nosniff',
});
