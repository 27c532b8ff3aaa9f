import type { Response } from 'express';
import type { BulkRefusal } from '../http/bulkGate';
import { sendError } from '../http/errors';
import type { RecordRead } from './recordCache';

/**
 * What one event of the log costs against the bulk gate's byte budgets (server/http/bulkGate.ts), as
 * a row of a registration list would: about its size as stored. An export, the log and a draft of
 * the summary are each work in proportion to the log.
 */
const COST_PER_EVENT = 100;
/**
 * The most one export costs: under a caller's burst (4 MiB), so the largest log can still be
 * exported; the gate's one-at-a-time rule bounds it beyond that.
 */
const MAX_COST = 2 * 1024 * 1024;

/** The gate's cost of work over a log of `seq` events. */
export const recordCost = (seq: number): number => Math.min(Math.max(1, seq) * COST_PER_EVENT, MAX_COST);

/** The gate's refusals in the record's words (429: the caller tries again later). */
export const RECORD_REFUSALS: Record<BulkRefusal, string> = {
  budget: 'too many exports of the record at once: wait a few seconds, then try again',
  busy: 'your previous export of the record is still being prepared: wait for its answer, then ask again',
  queue: 'the server is preparing other exports and lists: try again in a few seconds',
};

/**
 * `503 unavailable` for a record this process cannot make: an event of the log written by a newer
 * version of the server (during a rolling upgrade; the record is back once this one is upgraded).
 */
export function sendRecordUnavailable(res: Response, read: Exclude<RecordRead, { ok: true }>): void {
  const message =
    read.problem === 'unreadable'
      ? `the record is unavailable on this server: it cannot read event ${read.seq} of the meeting's log (${read.reason}); try again once the server is upgraded`
      : 'the record is unavailable: the meeting has no events in the store';
  sendError(res, 'unavailable', message);
}
