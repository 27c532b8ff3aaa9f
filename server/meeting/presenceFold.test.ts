import { describe, expect, it } from 'vitest';
import { PresenceFold } from './presenceFold';

describe('PresenceFold', () => {
  const setup = () => {
    const clock = { now: 0 };
    const fold = new PresenceFold(
      { offlineGraceMs: 3000, writes: { burst: 4, perSecond: 1 / 15 } },
      () => clock.now,
    );
    return { clock, fold };
  };

  it('holds an offline seen here for the grace period; a reconnect within it writes nothing', () => {
    const { clock, fold } = setup();
    fold.disconnected('m', 'p');
    clock.now = 1000;
    expect(fold.allow('m', 'p', false)).toBe(3000);
    clock.now = 3000;
    expect(fold.allow('m', 'p', false)).toBe(true);
  });

  it('writes an offline not seen here (a dead process, a restart) at once', () => {
    const { fold } = setup();
    expect(fold.allow('m', 'p', false)).toBe(true);
  });

  it('bounds the writes per participant, then one per 15 s', () => {
    const { clock, fold } = setup();
    const results = Array.from({ length: 6 }, (_, i) => fold.allow('m', 'p', i % 2 === 0));
    expect(results.slice(0, 4)).toEqual([true, true, true, true]);
    expect(results[4]).toBe(15_000);
    expect(fold.allow('m', 'other', true)).toBe(true);
    clock.now = 15_000;
    expect(fold.allow('m', 'p', true)).toBe(true);
    expect(fold.allow('m', 'p', false)).not.toBe(true);
  });
});
