import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../../shared';
import { recordClock } from './recordClock';
import { at, recordFixture } from './test/recordFixture';

const withMeeting = (changes: Partial<MeetingRecord['meeting']>): MeetingRecord => {
  const record = recordFixture();
  return { ...record, meeting: { ...record.meeting, ...changes } };
};

describe('recordClock', () => {
  it('writes times on the meeting’s clock in the interface language, and names the offset once', () => {
    const en = recordClock(recordFixture(), 'en');
    expect(en.offset).toBe('UTC+02:00');
    expect(en.zone).toBe('Europe/Zurich');
    expect(en.short(at('13:05'))).toBe('01:05 PM');
    expect(recordClock(recordFixture(), 'fr').short(at('13:05'))).toBe('13:05');
    expect(en.long(at('13:05:09'))).toBe('7/14/25, 1:05:09 PM (UTC+02:00)');
  });

  it('reads the instant, not the digits: a time written with another offset lands on the meeting’s clock', () => {
    const fr = recordClock(recordFixture(), 'fr');
    // 11:05 UTC is 13:05 in Geneva in July; its own offset differs from the heading's, so it is said.
    expect(fr.short('2025-07-14T11:05:00+00:00')).toBe('13:05 (UTC+00:00)');
  });

  it('adds the date when the record spans more than one day', () => {
    const twoDays = withMeeting({ openedAt: at('13:00'), asOf: '2025-07-15T10:00:00+02:00' });
    expect(recordClock(twoDays, 'fr').short(at('13:05'))).toBe('14/07/2025 13:05');
  });
});
