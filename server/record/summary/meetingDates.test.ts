import { describe, expect, it } from 'vitest';
import type { RecordMeeting } from '../../../shared';
import { IRM1_RECORD } from './fixtures';
import { meetingDates } from './meetingDates';

const meeting = (over: Partial<RecordMeeting>): RecordMeeting => ({ ...IRM1_RECORD.meeting, ...over });

describe('when the meeting sat', () => {
  it('gives each day its hours, less the suspensions', () => {
    expect(meetingDates(IRM1_RECORD.meeting)).toEqual({
      days: [
        { date: '2025-07-14', from: '13:00', to: '16:00' },
        { date: '2025-07-15', from: '13:00', to: '16:05' },
      ],
      hours: true,
      offsets: ['UTC+02:00'],
    });
  });

  it('cuts a sitting that went on past midnight into its two days', () => {
    const late = meeting({
      openedAt: '2025-07-14T22:00:00+02:00',
      closedAt: '2025-07-15T01:30:00+02:00',
      suspensions: [],
    });
    expect(meetingDates(late)?.days).toEqual([
      { date: '2025-07-14', from: '22:00', to: '24:00' },
      { date: '2025-07-15', from: '00:00', to: '01:30' },
    ]);
  });

  it('counts a meeting still suspended up to its suspension, and names both offsets across a change of time', () => {
    const autumn = meeting({
      openedAt: '2025-10-25T13:00:00+02:00',
      closedAt: null,
      suspensions: [
        { from: '2025-10-25T16:00:00+02:00', to: '2025-10-27T13:00:00+01:00' },
        { from: '2025-10-27T15:00:00+01:00', to: null },
      ],
      asOf: '2025-10-27T18:00:00+01:00',
    });
    expect(meetingDates(autumn)).toEqual({
      days: [
        { date: '2025-10-25', from: '13:00', to: '16:00' },
        { date: '2025-10-27', from: '13:00', to: '15:00' },
      ],
      hours: true,
      offsets: ['UTC+01:00', 'UTC+02:00'],
    });
  });

  it('gives only the planned dates of a meeting not yet opened, and nothing without dates', () => {
    const planned = meeting({ openedAt: null, closedAt: null, suspensions: [] });
    expect(meetingDates(planned)).toEqual({
      days: [
        { date: '2025-07-14', from: '', to: '' },
        { date: '2025-07-15', from: '', to: '' },
      ],
      hours: false,
      offsets: ['UTC+02:00'],
    });
    expect(meetingDates({ ...planned, startsAt: null, endsAt: null })).toBeNull();
  });
});
