/** A rate: `burst` at once, refilled at `perSecond`. */
export interface Rate {
  burst: number;
  perSecond: number;
}

/**
 * A token bucket that takes any amount: `take(n)` only when `n` is available; `charge(n)` after the
 * fact (what a message actually cost once sent), which may leave it in debt until it refills.
 */
export class Budget {
  private available: number;
  private last: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.available = rate.burst;
    this.last = now();
  }

  /** Takes `amount` if the budget holds it; false (and nothing taken) otherwise. */
  take(amount = 1): boolean {
    this.refill();
    if (amount > this.available) return false;
    this.available -= amount;
    return true;
  }

  /** Whether anything is left (a message whose cost is known only once sent may go ahead). */
  positive(): boolean {
    this.refill();
    return this.available > 0;
  }

  /** Charges `amount` already spent: may go below zero. */
  charge(amount: number): void {
    this.refill();
    this.available -= amount;
  }

  /** Full again: nothing spent for long enough that forgetting the bucket changes nothing. */
  full(): boolean {
    this.refill();
    return this.available >= this.rate.burst;
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(
      this.rate.burst,
      this.available + ((t - this.last) / 1000) * this.rate.perSecond,
    );
    this.last = t;
  }
}
