import { describe, expect, it } from 'vitest';
import { RefetchThrottle, type ThrottleClock } from './refetchThrottle';

/** A clock that moves only when told, running its timers as it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
      await flush();
    }
    now = until;
    await flush();
  };
  return { clock, advance, pending: () => timers.length };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A load whose answers the test gives one at a time. */
function loads() {
  const started: number[] = [];
  const answers: (() => void)[] = [];
  return {
    started,
    load: (now: () => number) => () =>
      new Promise<void>((resolve) => {
        started.push(now());
        answers.push(resolve);
      }),
    answer: async () => {
      answers.shift()?.();
      await flush();
    },
  };
}

describe('RefetchThrottle', () => {
  it('runs the first ask at once', () => {
    const { clock } = manualClock();
    const l = loads();
    new RefetchThrottle(l.load(clock.now), 3000, clock).request();
    expect(l.started).toEqual([0]);
  });

  it('never runs two at once, and folds the asks made meanwhile into one run', async () => {
    const { clock, advance } = manualClock();
    const l = loads();
    const throttle = new RefetchThrottle(l.load(clock.now), 3000, clock);
    throttle.request();
    for (let i = 0; i < 10; i++) {
      await advance(1000);
      throttle.request();
    }
    // Ten seconds and ten asks, but the first run has not answered: nothing else started.
    expect(l.started).toEqual([0]);
    await l.answer();
    // The asks made meanwhile: one run, at once (the gap since the first start has long passed).
    expect(l.started).toEqual([0, 10_000]);
    await l.answer();
    await advance(10_000);
    expect(l.started).toEqual([0, 10_000]);
  });

  it('keeps starts at least the gap apart, and runs the last ask once the gap allows', async () => {
    const { clock, advance } = manualClock();
    const l = loads();
    const throttle = new RefetchThrottle(l.load(clock.now), 3000, clock);
    throttle.request();
    await advance(100);
    await l.answer();
    throttle.request();
    await advance(500);
    throttle.request();
    expect(l.started).toEqual([0]);
    await advance(2399);
    expect(l.started).toEqual([0]);
    await advance(1);
    expect(l.started).toEqual([0, 3000]);
  });

  it('runs an urgent ask without waiting for the gap, but not while one is under way', async () => {
    const { clock, advance } = manualClock();
    const l = loads();
    const throttle = new RefetchThrottle(l.load(clock.now), 3000, clock);
    throttle.request();
    throttle.requestNow();
    expect(l.started).toEqual([0]);
    await advance(200);
    await l.answer();
    expect(l.started).toEqual([0, 200]);
    await l.answer();
    throttle.request();
    await advance(100);
    expect(l.started).toEqual([0, 200]);
    throttle.requestNow();
    expect(l.started).toEqual([0, 200, 300]);
  });

  it('runs again after a failed run', async () => {
    const { clock, advance } = manualClock();
    let runs = 0;
    const throttle = new RefetchThrottle(
      () => {
        runs++;
        return Promise.reject(new Error('network'));
      },
      3000,
      clock,
    );
    throttle.request();
    await flush();
    throttle.request();
    await advance(3000);
    expect(runs).toBe(2);
  });

  it('runs nothing more once disposed', async () => {
    const { clock, advance, pending } = manualClock();
    const l = loads();
    const throttle = new RefetchThrottle(l.load(clock.now), 3000, clock);
    throttle.request();
    await l.answer();
    throttle.request();
    expect(pending()).toBe(1);
    throttle.dispose();
    expect(pending()).toBe(0);
    await advance(10_000);
    expect(l.started).toEqual([0]);
  });
});
