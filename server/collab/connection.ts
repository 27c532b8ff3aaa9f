import type { WebSocket } from 'ws';
import type { MeetingId, ProposalId } from '../../shared';
import { Budget } from '../limits/budget';
import type { Identity, ReadOnlyReason } from './access';
import { type AwarenessUser, userOf } from './awareness';
import { CLOSE } from './protocol';

/** Co-editing limits (docs/collab.md, "Limits"). */
export interface ConnectionLimits {
  /**
   * Messages received, per participant across all its co-editing connections (on any document) on
   * this process: burst and sustained rate (token bucket).
   */
  rate: { burst: number; perSecond: number };
  /** Bytes received, per participant likewise. Bounds the decoding work one participant can cause. */
  bytes: { burst: number; perSecond: number };
  /**
   * Bytes of answers the server computes on request, per participant likewise: sync step 2 answers
   * to a sync step 1 (the whole text, for an empty state vector) and awareness query answers. Each is
   * encoded on the main thread, so asking for a large text again and again must be bounded.
   */
  answers: { burst: number; perSecond: number };
  /** Unsent bytes one connection may leave queued before it is dropped as too slow. */
  maxBufferedBytes: number;
}

/** The participant's budgets this connection draws on (shared with its other connections). */
export interface ConnectionBudgets {
  messages: Budget;
  bytes: Budget;
  answers: Budget;
}

let counter = 0;

/**
 * One client's WebSocket on one proposal document: who it is, whether it may write (recomputed when
 * the meeting changes), the awareness client id it owns, and the participant's budgets it draws on.
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
  private readonly budgets: ConnectionBudgets;

  constructor(
    readonly ws: WebSocket,
    readonly meetingId: MeetingId,
    readonly proposalId: ProposalId,
    readonly identity: Identity,
    readOnly: ReadOnlyReason | null,
    private readonly limits: ConnectionLimits,
    /** The participant's shared budgets; omitted: this connection's own (tests). */
    budgets?: ConnectionBudgets,
    /** Told when the server closes this connection, with why (metrics, logs). */
    private readonly onClose: (how: { code: number; reason: string }) => void = () => {},
  ) {
    this.readOnly = readOnly;
    this.budgets = budgets ?? {
      messages: new Budget(limits.rate),
      bytes: new Budget(limits.bytes),
      answers: new Budget(limits.answers),
    };
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

  /** Takes one message of `size` bytes from the participant's budgets; false when over either. */
  admit(size: number): boolean {
    return this.budgets.messages.take() && this.budgets.bytes.take(size);
  }

  /** Whether the participant's answer budget has anything left (the answer's cost is known once built). */
  mayBeAnswered(): boolean {
    return this.budgets.answers.positive();
  }

  /** Sends an answer it asked for, charged to the participant's answer budget. */
  answer(data: Uint8Array): void {
    this.budgets.answers.charge(data.byteLength);
    this.send(data);
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
    this.onClose(how);
    this.ws.close(how.code, how.reason);
  }
}
