import { describe, expect, it } from 'vitest';
import {
  clock,
  displayRange,
  displayTime,
  linesOf,
  oneLine,
  percent,
  points,
  pointsBetween,
  tableRange,
  tableTime,
} from './format';

const range = (from: string, to: string) => `${from}–${to}`;

describe('record formats', () => {
  it.each([
    [0, '0:00'],
    [45, '0:45'],
    [200, '3:20'],
    [3600, '1:00:00'],
    [3910, '1:05:10'],
    [-5, '0:00'],
  ])('writes %i seconds as the clock %s', (seconds, expected) => {
    expect(clock(seconds)).toBe(expected);
  });

  it('shows a time with its UTC offset, short in a table on the day and offset of the reference', () => {
    expect(displayTime('2025-07-14T13:05:00+02:00')).toBe('2025-07-14 13:05 (UTC+02:00)');
    expect(tableTime('2025-07-14T13:05:20+02:00', '2025-07-14T13:00:00+02:00')).toBe('13:05:20');
    expect(tableTime('2025-07-15T09:00:10+02:00', '2025-07-14T13:00:00+02:00')).toBe(
      '2025-07-15 09:00:10 (UTC+02:00)',
    );
    // Same day, other offset (the clocks changed): in full.
    expect(tableTime('2025-10-26T09:00:00+01:00', '2025-10-26T01:00:00+02:00')).toBe(
      '2025-10-26 09:00:00 (UTC+01:00)',
    );
    expect(tableTime('2025-07-14T13:05:20+02:00', null)).toBe('2025-07-14 13:05:20 (UTC+02:00)');
  });

  it('writes a stretch of time once for the day, in full across days, open-ended when running', () => {
    expect(displayRange('2025-07-14T14:35:00+02:00', '2025-07-14T14:50:00+02:00', range, 'still')).toBe(
      '2025-07-14 14:35–14:50 (UTC+02:00)',
    );
    expect(displayRange('2025-07-14T23:50:00+02:00', '2025-07-15T00:10:00+02:00', range, 'still')).toBe(
      '2025-07-14 23:50 (UTC+02:00)–2025-07-15 00:10 (UTC+02:00)',
    );
    expect(displayRange('2025-07-14T14:35:00+02:00', null, range, 'still suspended')).toBe(
      '2025-07-14 14:35 (UTC+02:00)–still suspended',
    );
  });

  it('writes a stretch in a table short on the reference day, dated once on another day, in full across days', () => {
    const reference = '2025-07-14T13:00:00+02:00';
    const stretch = (from: string, to: string | null) => tableRange(from, to, reference, range, 'still');
    expect(stretch('2025-07-14T13:05:20+02:00', '2025-07-14T13:09:00+02:00')).toBe('13:05:20–13:09:00');
    expect(stretch('2025-07-15T09:00:10+02:00', '2025-07-15T09:40:00+02:00')).toBe(
      '2025-07-15 09:00:10–09:40:00 (UTC+02:00)',
    );
    expect(stretch('2025-07-14T23:50:00+02:00', '2025-07-15T00:10:00+02:00')).toBe(
      '23:50:00–2025-07-15 00:10:00 (UTC+02:00)',
    );
    expect(stretch('2025-07-15T08:55:00+02:00', null)).toBe('2025-07-15 08:55:00 (UTC+02:00)–still');
    expect(stretch('2025-07-14T12:55:00+02:00', null)).toBe('12:55:00–still');
    expect(tableRange('2025-07-14T13:05:20+02:00', '2025-07-14T13:09:00+02:00', null, range, '')).toBe(
      '2025-07-14 13:05:20–13:09:00 (UTC+02:00)',
    );
  });

  it('writes the difference of two shares in signed percentage points, without a per cent sign', () => {
    expect(pointsBetween(0.2914, 0.25)).toBe(4.14);
    expect(pointsBetween(0.0714, 0.5064)).toBe(-43.5);
    expect(points(43.5, 'en-GB')).toBe('+43.5');
    expect(points(-4.14, 'en-GB')).toBe('-4.1');
    expect(points(0, 'en-GB')).toBe('0');
    expect(points(-0.04, 'en-GB')).toBe('0'); // no "-0"
    expect(points(43.5, 'fr-FR')).toBe('+43,5');
    expect(points(-12.5, 'ru-RU')).toMatch(/^-12,5$/);
    for (const locale of ['ar-u-nu-latn', 'zh-CN', 'es-ES']) expect(points(43.5, locale)).not.toContain('%');
  });

  it('writes shares as each language does', () => {
    expect(percent(0.2914, 'en-GB')).toBe('29.1%');
    expect(percent(0.2914, 'fr-FR')).toMatch(/^29,1\s%$/); // a no-break space, narrow or not by ICU version
    expect(percent(0.2914, 'ar-u-nu-latn')).toMatch(/29\.1/);
  });

  it('puts typed text on one line, or in lines, without what XML cannot hold', () => {
    expect(oneLine('  Kenya |\r\n Nairobi\u2028x\u0000 ')).toBe('Kenya | Nairobi x');
    expect(linesOf('first\n\n  second \r\nthird\u0007')).toEqual(['first', 'second', 'third']);
    expect(oneLine('😀 \ud83d')).toBe('😀');
  });
});
