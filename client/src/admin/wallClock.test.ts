import { describe, expect, it } from 'vitest';
import { instantOf, offsetLabel, wallTimeOf } from './wallClock';

const at = (iso: string) => Date.parse(iso);

describe('instantOf: a wall time in the meeting’s zone', () => {
  it.each([
    // Geneva (Europe/Zurich) in winter and in summer: the same 09:30 is an hour apart in UTC.
    ['Europe/Zurich', '2026-01-15', '09:30', '2026-01-15T08:30:00Z'],
    ['Europe/Zurich', '2026-07-14', '09:30', '2026-07-14T07:30:00Z'],
    // The hours around the change of the clocks (last Sunday of March: 02:00 → 03:00).
    ['Europe/Zurich', '2026-03-29', '01:59', '2026-03-29T00:59:00Z'],
    ['Europe/Zurich', '2026-03-29', '03:00', '2026-03-29T01:00:00Z'],
    // West of Greenwich, another day in UTC.
    ['America/New_York', '2026-03-08', '23:30', '2026-03-09T03:30:00Z'],
    ['America/Los_Angeles', '2026-11-01', '00:30', '2026-11-01T07:30:00Z'],
    // Zones off the hour and across the date line.
    ['Asia/Kathmandu', '2026-05-01', '00:10', '2026-04-30T18:25:00Z'],
    ['Pacific/Kiritimati', '2026-05-01', '09:00', '2026-04-30T19:00:00Z'],
    ['Australia/Lord_Howe', '2026-01-10', '12:00', '2026-01-10T01:00:00Z'],
    ['UTC', '2026-12-31', '23:59', '2026-12-31T23:59:00Z'],
  ])('%s %s %s is %s', (zone, date, time, iso) => {
    expect(instantOf({ date, time }, zone)).toEqual({ ok: true, ms: at(iso), ambiguous: false });
  });

  it('says a time the clocks jump over does not exist (spring forward)', () => {
    expect(instantOf({ date: '2026-03-29', time: '02:30' }, 'Europe/Zurich')).toEqual({
      ok: false,
      reason: 'gap',
    });
    expect(instantOf({ date: '2026-03-08', time: '02:00' }, 'America/New_York')).toEqual({
      ok: false,
      reason: 'gap',
    });
    // Lord Howe moves its clocks by half an hour only.
    expect(instantOf({ date: '2026-10-04', time: '02:15' }, 'Australia/Lord_Howe')).toEqual({
      ok: false,
      reason: 'gap',
    });
  });

  it('takes the first of a time that happens twice (fall back), and says so', () => {
    // 25 October 2026, 02:30 in Geneva: first in summer time (00:30 UTC), again in winter time (01:30 UTC).
    expect(instantOf({ date: '2026-10-25', time: '02:30' }, 'Europe/Zurich')).toEqual({
      ok: true,
      ms: at('2026-10-25T00:30:00Z'),
      ambiguous: true,
    });
    expect(instantOf({ date: '2026-11-01', time: '01:30' }, 'America/New_York')).toEqual({
      ok: true,
      ms: at('2026-11-01T05:30:00Z'),
      ambiguous: true,
    });
    // The hour after the overlap is plain again.
    expect(instantOf({ date: '2026-10-25', time: '03:00' }, 'Europe/Zurich')).toEqual({
      ok: true,
      ms: at('2026-10-25T02:00:00Z'),
      ambiguous: false,
    });
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-03-10', '24:00'],
    ['2026-03-10', '10:60'],
    ['', '10:00'],
    ['2026-03-10', ''],
  ])('refuses %j %j as no date and time', (date, time) => {
    expect(instantOf({ date, time }, 'Europe/Zurich')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('wallTimeOf: what the zone’s clock shows', () => {
  it('reads instants back as the wall time they were entered as, on both sides of the changes', () => {
    for (const [zone, date, time] of [
      ['Europe/Zurich', '2026-03-29', '03:00'],
      ['Europe/Zurich', '2026-10-25', '02:30'],
      ['America/New_York', '2026-11-01', '01:30'],
      ['Asia/Kathmandu', '2026-05-01', '00:10'],
      ['Africa/Addis_Ababa', '2026-02-28', '23:45'],
    ] as const) {
      const answer = instantOf({ date, time }, zone);
      expect(answer.ok).toBe(true);
      if (answer.ok) expect(wallTimeOf(answer.ms, zone)).toEqual({ date, time });
    }
  });

  it('shows the second 02:30 of the autumn night as 02:30 too', () => {
    expect(wallTimeOf(at('2026-10-25T01:30:00Z'), 'Europe/Zurich')).toEqual({
      date: '2026-10-25',
      time: '02:30',
    });
  });

  it('writes midnight as 00:00, not 24:00', () => {
    expect(wallTimeOf(at('2026-06-01T22:00:00Z'), 'Europe/Zurich')).toEqual({
      date: '2026-06-02',
      time: '00:00',
    });
  });
});

describe('offsetLabel', () => {
  it.each([
    ['Europe/Zurich', '2026-01-15T12:00:00Z', 'UTC+01:00'],
    ['Europe/Zurich', '2026-07-15T12:00:00Z', 'UTC+02:00'],
    ['America/St_Johns', '2026-01-15T12:00:00Z', 'UTC−03:30'],
    ['Asia/Kathmandu', '2026-01-15T12:00:00Z', 'UTC+05:45'],
    ['UTC', '2026-01-15T12:00:00Z', 'UTC'],
  ])('%s at %s is %s', (zone, iso, label) => {
    expect(offsetLabel(at(iso), zone)).toBe(label);
  });
});
