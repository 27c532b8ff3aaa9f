import { describe, expect, it } from 'vitest';
import { clock, displayRange, displayTime, linesOf, oneLine, percent, tableTime } from './format';

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
