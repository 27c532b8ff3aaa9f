import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';

/** Where a connection was refused or closed. */
export type Channel = 'socket.io' | 'collab';

/** At most this many refusal lines per second are logged; the rest are counted and summarised. */
const LINES_PER_SECOND = 20;

/**
 * Logs refused handshakes and upgrades (issue 10, item 8) with the reason and the remote address,
 * never the token; counts them in `irm_refusals_total{channel,reason}`. A flood of refusals must not
 * become a flood of log lines, so beyond LINES_PER_SECOND a second they are only counted, and the
 * number left out is logged with the next line.
 */
export class RefusalLog {
  private windowStart = 0;
  private lines = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /**
   * One refusal. `details` must never hold a token: only addresses, origins, ids.
   * Warn for what suggests an attack or a misconfiguration (origin), info for the rest.
   */
  refused(channel: Channel, reason: string, details: Record<string, unknown>): void {
    this.metrics.refusals.inc({ channel, reason });
    this.write(reason === 'origin' ? 'warn' : 'info', { channel, reason, ...details }, 'connection refused');
  }

  /** A connection the server closed because of a limit (counted in `irm_disconnects_total`). */
  closed(channel: Channel, reason: string, details: Record<string, unknown>): void {
    this.metrics.disconnects.inc({ channel, reason });
    this.write('info', { channel, reason, ...details }, 'connection closed by a limit');
  }

  private write(level: 'info' | 'warn', line: Record<string, unknown>, message: string): void {
    const now = Date.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.lines = 0;
    }
    if (++this.lines > LINES_PER_SECOND) {
      this.suppressed++;
      return;
    }
    const withSuppressed = this.suppressed ? { ...line, suppressedBefore: this.suppressed } : line;
    this.suppressed = 0;
    this.log[level](withSuppressed, message);
  }
}

/** The client's address as the socket sees it (behind a proxy: the proxy's). */
export const remoteOf = (socket: { remoteAddress?: string | undefined } | undefined): string =>
  socket?.remoteAddress ?? 'unknown';
