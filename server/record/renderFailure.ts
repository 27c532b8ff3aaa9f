import type { Response } from 'express';
import { sendError } from '../http/errors';

/**
 * Why an export was not rendered, or the summary not drafted (server/record/renderPool.ts):
 * - `timeout`: the render took longer than the pool allows (its worker is replaced);
 * - `memory`: the worker ran out of its heap (the record is too large for the limit);
 * - `crashed`: the worker died, or did not start in time;
 * - `threw`: the renderer threw (a bug: the renderers are pure functions of the record);
 * - `closed`: the server is shutting down.
 */
export type RenderFailureReason = 'timeout' | 'memory' | 'crashed' | 'threw' | 'closed';

/** An export or a draft that failed in the render pool; `message` has the detail, for the log. */
export class RenderFailed extends Error {
  constructor(
    readonly reason: RenderFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'RenderFailed';
  }
}

/** The failures in words, for the caller (the log has the detail), by the work that failed. */
const FAILURES: Record<'export' | 'summary', Record<RenderFailureReason, string>> = {
  export: {
    timeout:
      'the export took longer than this server allows and was stopped; try again later, or ask the administrator',
    memory:
      'the record is too large for this export on this server; the CSV exports need less, or ask the administrator',
    crashed: 'the export could not be prepared (the server restarted its exporter); try again',
    threw: 'the export could not be prepared because of an error on the server; try again later',
    closed: 'the server is shutting down; try again in a moment',
  },
  summary: {
    timeout:
      'drafting the summary took longer than this server allows and was stopped; try again later, or ask the administrator',
    memory: 'the record is too large to draft its summary on this server; ask the administrator',
    crashed: 'the summary could not be drafted (the server restarted its worker); try again',
    threw: 'the summary could not be drafted because of an error on the server; try again later',
    closed: 'the server is shutting down; try again in a moment',
  },
};

/** `503 unavailable`: the export or the draft failed on the server's side, and nothing was made of it. */
export function sendRenderFailed(res: Response, failure: RenderFailed, work: 'export' | 'summary'): void {
  sendError(res, 'unavailable', FAILURES[work][failure.reason]);
}
