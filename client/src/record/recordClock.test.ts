import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../../shared';
import { recordClock, timeLocale } from './recordClock';
import { at, recordFixture } from './test/recordFixture';

const withMeeting = (changes: Partial<MeetingRecord['meeting']>): MeetingRecord => {
  const record = recordFixture();
  return { ...record, meeting: { ...record.meeting, ...changes } };
};

/** A browser that asks for nothing in particular: the interface language alone decides. */
const NO_PREFERENCE: string[] = [];

describe('recordClock', () => {
  it('writes times on the meeting’s clock in the interface language, and names the offset once', () => {
    const en = recordClock(recordFixture(), 'en', NO_PREFERENCE);
    expect(en.offset).toBe('UTC+02:00');
    expect(en.zone).toBe('Europe/Zurich');
    expect(en.short(at('13:05'))).toBe('01:05 PM');
    expect(en.precise(at('13:05:09'))).toBe('01:05:09 PM');
    const fr = recordClock(recordFixture(), 'fr', NO_PREFERENCE);
    expect(fr.short(at('13:05'))).toBe('13:05');
    expect(fr.precise(at('13:05:09'))).toBe('13:05:09');
    expect(en.long(at('13:05:09'))).toBe('7/14/25, 1:05:09 PM (UTC+02:00)');
  });

  it('follows the browser’s variant of the interface language: en-GB reads a 24-hour clock', () => {
    const gb = recordClock(recordFixture(), 'en', ['en-GB', 'fr-FR']);
    expect(gb.short(at('18:25'))).toBe('18:25');
    expect(gb.precise(at('18:25:12'))).toBe('18:25:12');
    expect(gb.long(at('18:25:12'))).toBe('14/07/2025, 18:25:12 (UTC+02:00)');
    // A browser in English does not change the clock of a page in French, nor in Arabic.
    expect(recordClock(recordFixture(), 'fr', ['en-US']).short(at('18:25'))).toBe('18:25');
    expect(recordClock(recordFixture(), 'ar', ['en-GB']).short(at('18:25'))).toBe(
      recordClock(recordFixture(), 'ar', NO_PREFERENCE).short(at('18:25')),
    );
  });

  it('reads the instant, not the digits: a time written with another offset lands on the meeting’s clock', () => {
    const fr = recordClock(recordFixture(), 'fr', NO_PREFERENCE);
    // 11:05 UTC is 13:05 in Geneva in July; its own offset differs from the heading's, so it is said.
    expect(fr.short('2025-07-14T11:05:00+00:00')).toBe('13:05 (UTC+00:00)');
  });

  it('adds the date when the record spans more than one day, to the second where asked', () => {
    const twoDays = withMeeting({ openedAt: at('13:00'), asOf: '2025-07-15T10:00:00+02:00' });
    const fr = recordClock(twoDays, 'fr', NO_PREFERENCE);
    expect(fr.short(at('13:05'))).toBe('14/07/2025 13:05');
    expect(fr.precise(at('13:05:09'))).toBe('14/07/2025 13:05:09');
    // A time on another day than a one-day meeting's (a connection the evening before) says its date too.
    expect(recordClock(recordFixture(), 'fr', NO_PREFERENCE).short('2025-07-13T21:00:00+02:00')).toBe(
      '13/07/2025 21:00',
    );
  });
});

describe('timeLocale', () => {
  it.each<[string, string[], string]>([
    ['en', ['en-GB', 'fr'], 'en-GB'],
    ['en', ['fr-FR', 'en-AU'], 'en-AU'],
    ['fr', ['fr-CA'], 'fr-CA'],
    ['ar', ['en-GB'], 'ar'],
    ['zh', [], 'zh'],
    // A tag Intl rejects is passed over.
    ['en', ['en-', 'en-IE'], 'en-IE'],
  ])('%s with a browser asking for %j writes times in %s', (language, browser, expected) => {
    expect(timeLocale(language, browser)).toBe(expected);
  });
});
