import type { ProposalId } from '../../../shared';
import { assertNever } from '../../../shared/domain/errors';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { Connection } from '../connection';
import { CLOSE } from '../protocol';
import type { Verdict } from '../validate';

/** Why a connection's message was refused, as `irm_collab_updates_total{result}` counts it. */
export type RefusedAs = 'malformed' | 'invalid' | 'over_limit' | 'unjudged';

/**
 * How one document turns a connection away: counted, logged (`collab message refused`) and closed
 * with the code docs/collab.md gives for the reason. A refused connection's queued messages are
 * skipped (`conn.rejected`).
 */
export class DocRefusals {
  constructor(
    private readonly docId: ProposalId,
    private readonly deps: { metrics: Metrics; log: Logger },
  ) {}

  /**
   * Sends `conn` an answer it asked for, charged to its participant's answer budget; one asked while
   * the budget is spent closes the connection with 4529 (it reconnects and resyncs after its backoff).
   */
  answer(conn: Connection, build: () => Uint8Array): void {
    if (conn.rejected || !conn.open) return;
    if (!conn.mayBeAnswered()) {
      this.deps.metrics.collabUpdates.inc({ result: 'rate_limited' });
      this.deps.log.warn(
        {
          doc: this.docId,
          participantId: conn.participantId,
          reason: 'answers',
          code: CLOSE.rateLimited.code,
        },
        'collab message refused',
      );
      conn.rejected = true;
      return conn.close(CLOSE.rateLimited);
    }
    conn.answer(build());
  }

  /**
   * Closes the author of a refused update: 4400 when it is proven invalid (a stock client never sends
   * it), 4413 when it is over a limit an honest user can reach, 4513 (retryable: the provider
   * reconnects and sends it again) when it could not be judged, 1001 when the server is closing.
   */
  refuse(conn: Connection, verdict: Extract<Verdict, { ok: false }>): void {
    switch (verdict.reason) {
      case 'invalid':
        return this.reject(conn, 'invalid', verdict.detail);
      case 'limit':
      case 'memory':
        return this.reject(conn, 'over_limit', verdict.detail, CLOSE.overLimit);
      case 'closed':
        conn.rejected = true;
        return conn.close(CLOSE.goingAway);
      case 'timeout':
      case 'crashed':
        return this.reject(conn, 'unjudged', `${verdict.reason}: ${verdict.detail}`, CLOSE.unjudged);
      default:
        assertNever(verdict.reason);
    }
  }

  /** Refuses a connection's traffic and closes it (4400 unless said otherwise). */
  reject(
    conn: Connection,
    reason: RefusedAs,
    detail: string,
    close: { code: number; reason: string } = CLOSE.invalid,
  ): void {
    this.deps.metrics.collabUpdates.inc({ result: reason });
    this.deps.log.warn(
      { doc: this.docId, participantId: conn.participantId, reason, detail, code: close.code },
      'collab message refused',
    );
    conn.rejected = true;
    conn.close(close);
  }
}
