import { Budget, type Rate } from '../limits/budget';

/** How much registration-list work a caller and the process take on. */
export interface ImportLimits {
  /** Bytes of lists (previews and imports) per caller: about one full list every few seconds. */
  bytes: Rate;
  /** Lists waiting for the one being read, over every caller; more are refused. */
  maxWaiting: number;
}

const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  bytes: { burst: 4 * 1024 * 1024, perSecond: 256 * 1024 },
  maxWaiting: 8,
};

/** Why a list is not taken now: said to the caller, who tries again later (429). */
export type ImportRefusal = 'budget' | 'busy' | 'queue';

/**
 * Reading and planning a registration list is main-thread work in proportion to its size (a full
 * list of 2000 rows costs about a tenth of a second). The gate bounds it whoever sends them: each
 * caller (a participant, or the administrator) has a byte budget and one list at a time, and the
 * process reads one list at a time, so other meetings' commands and edits get the thread between
 * lists. Charged before the body is read, from its declared length.
 */
export class ImportGate {
  private readonly budgets = new Map<string, Budget>();
  private readonly inFlight = new Set<string>();
  private readonly waiting: Array<() => void> = [];
  private running = false;

  constructor(
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits a list of `bytes` from `caller`, or says why not (nothing is charged then). */
  admit(caller: string, bytes: number): ImportRefusal | null {
    if (this.inFlight.has(caller)) return 'busy';
    if (this.waiting.length >= this.limits.maxWaiting) return 'queue';
    this.forgetIdle();
    let budget = this.budgets.get(caller);
    if (!budget) {
      budget = new Budget(this.limits.bytes, this.now);
      this.budgets.set(caller, budget);
    }
    if (!budget.take(Math.max(1, bytes))) return 'budget';
    this.inFlight.add(caller);
    return null;
  }

  /** Runs the admitted caller's work when no other list is being read; always call after `admit`. */
  async run<T>(caller: string, work: () => Promise<T>): Promise<T> {
    if (this.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running = true;
    try {
      return await work();
    } finally {
      this.inFlight.delete(caller);
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }

  /** The caller's list was not read after all (its body could not be taken): frees its turn. */
  release(caller: string): void {
    this.inFlight.delete(caller);
  }

  /** Budgets full again are forgotten, so the map holds only recent callers. */
  private forgetIdle(): void {
    for (const [caller, budget] of this.budgets)
      if (!this.inFlight.has(caller) && budget.full()) this.budgets.delete(caller);
  }
}

/** The refusal in words. */
export const IMPORT_REFUSALS: Record<ImportRefusal, string> = {
  budget: 'too many registration lists at once: wait a few seconds, then try again',
  busy: 'your previous registration list is still being read: wait for its answer',
  queue: 'the server is reading other registration lists: try again in a few seconds',
};
