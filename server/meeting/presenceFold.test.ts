import { describe, expect, it } from 'vitest';
import { asId, type MeetingId, type ParticipantId } from '../../shared';
import { PresenceFold } from './presenceFold';

const participantIdOf = asId<ParticipantId>;

const meetingIdOf = asId<MeetingId>;

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
    fold.disconnected(meetingIdOf('m'), participantIdOf('p'));
    clock.now = 1000;
    expect(fold.allow(meetingIdOf('m'), participantIdOf('p'), false)).toBe(3000);
    clock.now = 3000;
    expect(fold.allow(meetingIdOf('m'), participantIdOf('p'), false)).toBe(true);
  });

  it('writes an offline not seen here (a dead process, a restart) at once', () => {
    const { fold } = setup();
    expect(fold.allow(meetingIdOf('m'), participantIdOf('p'), false)).toBe(true);
  });

  it('bounds the writes per participant, then one per 15 s', () => {
    const { clock, fold } = setup();
    const results = Array.from({ length: 6 }, (_, i) =>
      fold.allow(meetingIdOf('m'), participantIdOf('p'), i % 2 === 0),
    );
    expect(results.slice(0, 4)).toEqual([true, true, true, true]);
    expect(results[4]).toBe(15_000);
    expect(fold.allow(meetingIdOf('m'), participantIdOf('other'), true)).toBe(true);
    clock.now = 15_000;
    expect(fold.allow(meetingIdOf('m'), participantIdOf('p'), true)).toBe(true);
    expect(fold.allow(meetingIdOf('m'), participantIdOf('p'), false)).not.toBe(true);
  });
});
