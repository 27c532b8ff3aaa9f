import type { WebSocket } from 'ws';
import { TokenBucket } from '../realtime/rateLimit';
import type { Identity, ReadOnlyReason } from './access';
import { type AwarenessUser, userOf } from './awareness';
import { CLOSE } from './protocol';

/** Per-connection limits (docs/collab.md, "Limits"). */
export interface ConnectionLimits {
  /** Messages: burst and sustained rate (token bucket). */
  rate: { burst: number; perSecond: number };
  /** Bytes received: burst and sustained rate. Bounds the decoding work one client can cause. */
  bytes: { burst: number; perSecond: number };
  /** Unsent bytes a client may leave queued before it is dropped as too slow. */
  maxBufferedBytes: number;
}

/** A byte budget refilled at a steady rate; like TokenBucket, but takes any amount. */
class ByteBudget {
  private available: number;
  private last = Date.now();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.available = capacity;
  }

  take(bytes: number): boolean {
    const now = Date.now();
    this.available = Math.min(this.capacity, this.available + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (bytes > this.available) return false;
    this.available -= bytes;
    return true;
  }
}

let counter = 0;

/**
 * One client's WebSocket on one proposal document: who it is, whether it may write (recomputed when
 * the meeting changes), the awareness client id it owns, and its rate limits.
 */
export class Connection {
  readonly id = ++counter;
  /** Null while the connection may change the text; else why not. */
  readOnly: ReadOnlyReason | null;
  /** The one awareness client id this connection speaks for (the first it announced), once claimed. */
  awarenessId: number | null = null;
  /** Set once the server refused this connection's traffic; its queued messages are skipped. */
  rejected = false;
  /** Answered the last keep-alive ping. */
  alive = true;
  private readonly messages: TokenBucket;
  private readonly bytes: ByteBudget;

  constructor(
    readonly ws: WebSocket,
    readonly meetingId: string,
    readonly proposalId: string,
    readonly identity: Identity,
    readOnly: ReadOnlyReason | null,
    private readonly limits: ConnectionLimits,
  ) {
    this.readOnly = readOnly;
    this.messages = new TokenBucket(limits.rate.burst, limits.rate.perSecond);
    this.bytes = new ByteBudget(limits.bytes.burst, limits.bytes.perSecond);
  }

  get participantId(): string | null {
    return this.identity.kind === 'participant' ? this.identity.participant.id : null;
  }

  /** What awareness shows for this connection; null for the projector, which shows nobody. */
  get user(): AwarenessUser | null {
    return this.identity.kind === 'participant' ? userOf(this.identity.participant) : null;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** Takes one message of `size` bytes from the budgets; false when over either. */
  admit(size: number): boolean {
    return this.messages.take() && this.bytes.take(size);
  }

  send(data: Uint8Array): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE.slowConsumer);
      return;
    }
    this.ws.send(data);
  }

  close(how: { code: number; reason: string }): void {
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    this.ws.close(how.code, how.reason);
  }
}
