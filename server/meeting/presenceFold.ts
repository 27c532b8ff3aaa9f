import type { MeetingId, ParticipantId } from '../../shared';
import { Budget, type Rate } from '../limits/budget';

/** How presence churn is folded (docs/protocol.md, "Limits"). */
export interface PresenceFoldOptions {
  /**
   * A participant whose last connection to this process closed is written offline only once it has
   * stayed away this long: a reconnect within it (a reload, a network blip) writes nothing.
   */
  offlineGraceMs: number;
  /** Online/offline changes written per participant; beyond, the change waits for the budget. */
  writes: Rate;
}

/** Offline after 3 s away; 4 presence writes per participant, then one per 15 s. */
export const DEFAULT_PRESENCE_FOLD: PresenceFoldOptions = {
  offlineGraceMs: 3000,
  writes: { burst: 4, perSecond: 1 / 15 },
};

/**
 * Decides when a change of a participant's stored online flag may be written to the meeting log, so
 * that a client reconnecting in a loop (or many tabs coming and going) does not write an event per
 * connection. The stored flag still converges: a change that has to wait is retried (`retryAt`).
 */
export class PresenceFold {
  private readonly left = new Map<string, number>();
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly options: PresenceFoldOptions = DEFAULT_PRESENCE_FOLD,
    private readonly now: () => number = Date.now,
  ) {}

  /** A connection of the participant to this process closed: its offline waits for the grace. */
  disconnected(meetingId: MeetingId, participantId: ParticipantId): void {
    this.left.set(key(meetingId, participantId), this.now());
  }

  /**
   * Whether the participant's flag may change to `online` now: true (the write is charged), or the
   * time at which to ask again.
   */
  allow(meetingId: MeetingId, participantId: ParticipantId, online: boolean): true | number {
    const k = key(meetingId, participantId);
    const now = this.now();
    if (online) this.left.delete(k);
    else {
      const leftAt = this.left.get(k);
      if (leftAt !== undefined && now - leftAt < this.options.offlineGraceMs) {
        return leftAt + this.options.offlineGraceMs;
      }
      this.left.delete(k);
    }
    let budget = this.budgets.get(k);
    if (!budget) {
      budget = new Budget(this.options.writes, this.now);
      this.budgets.set(k, budget);
    }
    if (budget.take()) return true;
    return now + Math.ceil(1000 / this.options.writes.perSecond);
  }

  /** Forgets participants whose budgets have refilled and who are not in a grace period. */
  prune(): void {
    for (const [k, budget] of this.budgets) if (budget.full() && !this.left.has(k)) this.budgets.delete(k);
  }
}

const key = (meetingId: MeetingId, participantId: ParticipantId) => `${meetingId}|${participantId}`;
