import type { MeetingId, ParticipantId } from '../../shared';
import { Budget, type Rate } from './budget';

/** Limits shared by all the connections of one participant (one token) on one channel. */
export interface ParticipantLimitOptions<B extends string> {
  /** Connections open at once; a new one beyond this closes the oldest. */
  maxConnections: number;
  /** Connection attempts (handshakes that passed authentication). */
  handshakes: Rate;
  /** Budgets shared across the participant's connections (messages, bytes...). */
  budgets: Record<B, Rate>;
}

/** One participant's state: its open connections, oldest first, and its shared budgets. */
export interface ParticipantEntry<C, B extends string> {
  readonly connections: C[];
  readonly budgets: Record<B, Budget>;
  readonly handshakes: Budget;
}

/**
 * The key that limits are kept under: a participant of a meeting, or the meeting's projector view
 * token, which names nobody and so counts as one participant ("view") per meeting.
 */
export const participantKey = (meetingId: MeetingId, participantId: ParticipantId | null): string =>
  `${meetingId}|${participantId ?? 'view'}`;

/**
 * Per-participant limits of one channel (Socket.IO, or /collab), per process: with N processes
 * behind a balancer each process applies them on its own (docs/protocol.md, "Limits").
 *
 * Only authenticated participants get an entry, so the map is bounded by the participants of the
 * meetings served. An entry outlives its connections until its budgets are full again, so
 * reconnecting does not reset them.
 */
export class ParticipantLimits<C, B extends string> {
  private readonly entries = new Map<string, ParticipantEntry<C, B>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly options: ParticipantLimitOptions<B>,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  /** Takes one handshake from the participant's budget; false: refuse this connection attempt. */
  admitHandshake(key: string): boolean {
    return this.entry(key).handshakes.take();
  }

  /**
   * Registers an open connection and returns the ones it pushes over the cap (oldest first): the
   * caller closes them with a reason that tells their clients not to reconnect.
   */
  add(key: string, connection: C): { entry: ParticipantEntry<C, B>; evicted: C[] } {
    const entry = this.entry(key);
    entry.connections.push(connection);
    const evicted = entry.connections.splice(
      0,
      Math.max(0, entry.connections.length - this.options.maxConnections),
    );
    return { entry, evicted };
  }

  remove(key: string, connection: C): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const at = entry.connections.indexOf(connection);
    if (at >= 0) entry.connections.splice(at, 1);
  }

  /** Open connections of a participant. */
  count(key: string): number {
    return this.entries.get(key)?.connections.length ?? 0;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  /** The participant's entry (created on first use): its budgets, to hand to a new connection. */
  entry(key: string): ParticipantEntry<C, B> {
    let entry = this.entries.get(key);
    if (!entry) {
      const budgets = {} as Record<B, Budget>;
      for (const name of Object.keys(this.options.budgets) as B[]) {
        budgets[name] = new Budget(this.options.budgets[name], this.now);
      }
      entry = { connections: [], budgets, handshakes: new Budget(this.options.handshakes, this.now) };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Forgets idle participants whose budgets have refilled: keeping them would change nothing. */
  private sweep(): void {
    for (const [key, entry] of this.entries) {
      if (entry.connections.length > 0 || !entry.handshakes.full()) continue;
      if (Object.values<Budget>(entry.budgets).every((b) => b.full())) this.entries.delete(key);
    }
  }
}
