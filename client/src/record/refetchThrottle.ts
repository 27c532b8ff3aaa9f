/** The timers the throttle runs on: the browser's, or a test's fake ones. */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `load` when asked, but never two at once and never two starts closer than `minGapMs`: a
 * meeting in session logs several events a second (presence, the floor), and each asks for the
 * record again. Asks made meanwhile are folded into one run, made as soon as the gap allows, so the
 * last change is always fetched.
 *
 * @example
 * const throttle = new RefetchThrottle(() => api.load().then(show), 3_000);
 * throttle.request(); // at once
 * throttle.request(); // once the first is done and 3 s after it started
 */
export class RefetchThrottle {
  private running = false;
  private wanted = false;
  private urgent = false;
  private lastStart: number | null = null;
  private timer: unknown = null;
  private disposed = false;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly minGapMs = 3_000,
    private readonly clock: ThrottleClock = browserClock,
  ) {}

  /** Asks for a run: now if none is under way and the gap has passed, else once they allow. */
  request(): void {
    this.wanted = true;
    this.pump();
  }

  /**
   * Asks for a run without waiting for the gap (a person pressed "Try again"); still never while
   * one is under way.
   */
  requestNow(): void {
    this.urgent = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.request();
  }

  /** Stops: nothing waiting runs (a run under way finishes, but starts no other). */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.disposed || this.running || !this.wanted || this.timer !== null) return;
    const wait =
      this.lastStart === null || this.urgent ? 0 : this.lastStart + this.minGapMs - this.clock.now();
    if (wait > 0) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      return;
    }
    this.wanted = false;
    this.urgent = false;
    this.running = true;
    this.lastStart = this.clock.now();
    // `load` reports its own failures; whatever it does, the next ask may run.
    void this.load()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }
}
