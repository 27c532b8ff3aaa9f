import type { Response } from 'express';
import type { MeetingRecord } from '../../shared';
import type { BulkRefusal } from '../http/bulkGate';
import { sendError } from '../http/errors';
import type { RecordRead } from './recordCache';
import type { RecordExport } from './render';

const KiB = 1024;

/**
 * What one event of the log costs against the bulk gate's byte budgets (server/http/bulkGate.ts), as
 * a row of a registration list would: about its size as stored. The log is read and folded for
 * every job, and sent whole as `events.jsonl`.
 */
const COST_PER_EVENT = 100;

/**
 * The most one job costs: a caller's burst (4 MiB), so the largest record can still be exported;
 * beyond it, the gate's one-at-a-time rule bounds it.
 */
const MAX_COST = 4 * 1024 * KiB;

/**
 * What each job costs per row of the record (an item, an intervention, a participant) and at least,
 * at 2 MiB of budget per second of the worker's CPU: a caller's rate (256 KiB a second) then keeps
 * the worker busy an eighth of the time at most, a meeting's (512 KiB) a quarter. Measured on
 * 2 cores: the .docx takes a quarter of a second for a near-empty record (the docx library) and
 * 0.2 ms more per row, the workbook 70 ms and 0.1 ms per row, Markdown and the CSVs 0.03 ms a row
 * at most; the summary up to 0.03 ms a row (its lists shortened again and again for a meeting of
 * thousands of items). So the .docx of 5000 interventions and 2000 participants costs the whole
 * burst, where it cost under half of it by its log's events alone.
 */
const WORK_COST: Record<RecordExport | 'summary', { base: number; perRow: number }> = {
  'record.docx': { base: 512 * KiB, perRow: 512 },
  'record.xlsx': { base: 144 * KiB, perRow: 256 },
  'record.md': { base: 4 * KiB, perRow: 64 },
  'interventions.csv': { base: 4 * KiB, perRow: 64 },
  'attendance.csv': { base: 4 * KiB, perRow: 64 },
  'checks.csv': { base: 4 * KiB, perRow: 64 },
  summary: { base: 4 * KiB, perRow: 64 },
};

/** The rows the exports and the summary are made of: items, interventions and participants. */
export function recordRows(record: MeetingRecord): number {
  let rows = record.items.length + record.outsideAgenda.length + record.attendance.participants.length;
  for (const item of record.items) rows += item.interventions.length;
  return rows;
}

/** The gate's cost of sending, or reading and folding, a log of `seq` events (`events.jsonl`). */
export const logCost = (seq: number): number => Math.min(Math.max(1, seq) * COST_PER_EVENT, MAX_COST);

/**
 * The gate's cost of an export or of the summary's draft, charged before the work: by the rows of
 * the record last made of the meeting (`record`, null before the first), or by its log's `seq`
 * events where they are more (the fold, the record sent to the worker), at most a caller's burst.
 */
export function recordCost(
  work: RecordExport | 'summary',
  record: MeetingRecord | null,
  seq: number,
): number {
  const { base, perRow } = WORK_COST[work];
  const byRows = base + (record ? recordRows(record) : 0) * perRow;
  return Math.min(Math.max(byRows, logCost(seq)), MAX_COST);
}

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
