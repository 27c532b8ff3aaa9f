import { Budget, type Rate } from '../limits/budget';
import type { Caller } from './auth';

/** How much bulk work (registration lists, lists of join links) a caller, a meeting and the process take on. */
export interface BulkLimits {
  /** Cost per caller, in bytes of list: about one full registration list every few seconds. */
  caller: Rate;
  /** Cost per meeting, over all its callers (a meeting with many secretariat members). */
  meeting: Rate;
  /** Lists waiting for the one being worked on, over every caller; more are refused. */
  maxWaiting: number;
}

const DEFAULT_BULK_LIMITS: BulkLimits = {
  caller: { burst: 4 * 1024 * 1024, perSecond: 256 * 1024 },
  meeting: { burst: 8 * 1024 * 1024, perSecond: 512 * 1024 },
  maxWaiting: 8,
};

/** Why a list is not taken now: said to the caller, who tries again later (429). */
export type BulkRefusal = 'budget' | 'busy' | 'queue';

/** Who asks, and for which meeting. */
export interface BulkKey {
  caller: string;
  meeting: string;
}

/** A participant of a meeting, or the administrator, asking about `meetingId`. */
export const bulkKey = (caller: Caller, meetingId: string): BulkKey => ({
  caller: caller.kind === 'admin' ? 'admin' : `${caller.claims.meetingId}|${caller.claims.participantId}`,
  meeting: meetingId,
});

/**
 * Reading a registration list or signing a list of join links is main-thread work in proportion to
 * its size (a full list of 2000 rows costs a tenth of a second or more). The gate bounds it whoever
 * asks: each caller and each meeting has a budget (charged before the work, from its declared size),
 * a caller has one list at a time, and the process works on one list at a time, so other meetings'
 * commands and edits get the thread between lists.
 */
export class BulkGate {
  private readonly budgets = new Map<string, Budget>();
  private readonly inFlight = new Set<string>();
  private readonly waiting: Array<() => void> = [];
  private running = false;

  constructor(
    private readonly limits: BulkLimits = DEFAULT_BULK_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits work of `cost` for `key`, or says why not (nothing is charged then). */
  admit(key: BulkKey, cost: number): BulkRefusal | null {
    if (this.inFlight.has(key.caller)) return 'busy';
    if (this.waiting.length >= this.limits.maxWaiting) return 'queue';
    this.forgetIdle();
    const caller = this.budget(`caller:${key.caller}`, this.limits.caller);
    const meeting = this.budget(`meeting:${key.meeting}`, this.limits.meeting);
    const amount = Math.max(1, cost);
    if (!caller.take(amount)) return 'budget';
    if (!meeting.take(amount)) {
      caller.charge(-amount); // given back: only what is admitted is charged
      return 'budget';
    }
    this.inFlight.add(key.caller);
    return null;
  }

  /** Runs admitted work when no other list is being worked on; always call after `admit`. */
  async run<T>(key: BulkKey, work: () => Promise<T>): Promise<T> {
    if (this.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running = true;
    try {
      return await work();
    } finally {
      this.inFlight.delete(key.caller);
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }

  /** Admitted work that will not run after all (its body could not be read): frees the caller's turn. */
  release(key: BulkKey): void {
    this.inFlight.delete(key.caller);
  }

  private budget(name: string, rate: Rate): Budget {
    let budget = this.budgets.get(name);
    if (!budget) {
      budget = new Budget(rate, this.now);
      this.budgets.set(name, budget);
    }
    return budget;
  }

  /** Budgets full again are forgotten, so the map holds only recent callers and meetings. */
  private forgetIdle(): void {
    for (const [name, budget] of this.budgets) if (budget.full()) this.budgets.delete(name);
  }
}

/** The refusals in words. */
export const BULK_REFUSALS: Record<BulkRefusal, string> = {
  budget: 'too many lists at once: wait a few seconds, then try again',
  busy: 'your previous list is still being prepared: wait for its answer',
  queue: 'the server is preparing other lists: try again in a few seconds',
};
