import { describe, expect, it } from 'vitest';
import { ITEM, P, T0, testContext } from '../domain/fixtures';
import { updateMeeting } from '../domain/secretariat';
import { buildRecord } from './fold';
import { TestLog } from './testLog';
import { utcOffsetOf, zonedTime } from './zonedTime';

/** Summer time in Zurich ends on 26 October 2025 at 03:00 CEST, 01:00 UTC: 02:00-03:00 comes twice. */
const DST_END = Date.UTC(2025, 9, 26, 1, 0, 0);

describe('zonedTime', () => {
  it.each([
    ['the demo meeting’s start in Zurich', T0, 'Europe/Zurich', '2025-07-14T13:00:00+02:00'],
    ['UTC, with its offset written out', T0, 'UTC', '2025-07-14T11:00:00+00:00'],
    ['a half-hour offset', T0, 'Asia/Kolkata', '2025-07-14T16:30:00+05:30'],
    ['a quarter-hour offset', T0, 'Asia/Kathmandu', '2025-07-14T16:45:00+05:45'],
    [
      'west of Greenwich, the day before',
      Date.UTC(2025, 6, 14, 2, 0),
      'America/Los_Angeles',
      '2025-07-13T19:00:00-07:00',
    ],
    ['winter in the south', T0, 'Australia/Sydney', '2025-07-14T21:00:00+10:00'],
    ['midnight is 00, not 24', Date.UTC(2025, 6, 13, 22, 0), 'Europe/Zurich', '2025-07-14T00:00:00+02:00'],
    ['milliseconds are cut, not rounded up', T0 + 999, 'Europe/Zurich', '2025-07-14T13:00:00+02:00'],
    ['the last second of summer time', DST_END - 1000, 'Europe/Zurich', '2025-10-26T02:59:59+02:00'],
    ['the first second of winter time', DST_END, 'Europe/Zurich', '2025-10-26T02:00:00+01:00'],
    ['02:30 the first time', DST_END - 1_800_000, 'Europe/Zurich', '2025-10-26T02:30:00+02:00'],
    ['02:30 the second time', DST_END + 1_800_000, 'Europe/Zurich', '2025-10-26T02:30:00+01:00'],
  ])('%s', (_name, ms, zone, expected) => {
    expect(zonedTime(ms, zone)).toBe(expected);
  });

  it('writes what Intl writes, at any instant: through changes of offset, in odd zones, in other centuries', () => {
    const intl = new Map<string, Intl.DateTimeFormat>();
    /** The zoned time as Intl writes it, every part asked for: what the quick path must equal. */
    const exact = (ms: number, zone: string): string => {
      let format = intl.get(zone);
      if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          timeZoneName: 'longOffset',
        });
        intl.set(zone, format);
      }
      const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
      const offset = String(part.timeZoneName).replace(/^GMT/, '') || '+00:00';
      return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
    };
    const offsetAt = (ms: number, zone: string) => exact(ms, zone).slice(19);
    const zones = [
      'Europe/Zurich',
      'UTC',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Asia/Tehran',
      'America/St_Johns',
      'America/Los_Angeles',
      'America/Sao_Paulo',
      'Australia/Lord_Howe', // summer time of half an hour
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'Europe/Dublin', // summer time is its standard time
      'Antarctica/Troll',
      'Africa/Monrovia', // -00:44:30 until 1972
    ];
    let random = 42; // a fixed walk through three centuries
    const next = () => {
      random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
      return random / 4_294_967_296;
    };
    const mismatches: string[] = [];
    let checked = 0;
    let changes = 0;
    for (const zone of zones) {
      const year: number[] = [];
      // A day and 13 minutes and 1.5 s apart: every hour of the day comes round, to the millisecond.
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 87_181_500) year.push(ms);
      const instants = [
        ...year,
        Date.UTC(1890, 0, 1),
        Date.UTC(1971, 6, 1),
        T0 + 999,
        Date.UTC(999, 5, 1),
        Date.UTC(10_000, 5, 1),
      ];
      for (let k = 0; k < 100; k++)
        instants.push(Date.UTC(1850, 0, 1) + Math.floor(next() * 300 * 365.25 * 86_400_000));
      // Each change of offset in 2025, found to the second, and the seconds either side of it.
      for (let k = 1; k < year.length; k++) {
        let [before, after] = [year[k - 1]!, year[k]!];
        if (offsetAt(before, zone) === offsetAt(after, zone)) continue;
        changes++;
        while (after - before > 1000) {
          const middle = before + Math.floor((after - before) / 2000) * 1000;
          if (offsetAt(middle, zone) === offsetAt(before, zone)) before = middle;
          else after = middle;
        }
        instants.push(before - 1000, before, before + 999, after, after + 1000);
      }
      for (const ms of instants) {
        const [ours, theirs] = [zonedTime(ms, zone), exact(ms, zone)];
        if (ours !== theirs) mismatches.push(`${zone} at ${ms}: ${ours}, not ${theirs}`);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(zones.length * 450);
    // Zurich, Los Angeles, St John's, Lord Howe, Chatham, Dublin and Troll change twice in 2025.
    expect(changes).toBe(14);
  });

  it('names the same instant, to the second, in every zone', () => {
    const zones = ['Europe/Zurich', 'UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham'];
    // Every 7 hours 13 minutes and 1.5 seconds through 2025: both changes of summer time, both hemispheres.
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 25_981_500) {
      for (const zone of zones) expect(Date.parse(zonedTime(ms, zone))).toBe(Math.floor(ms / 1000) * 1000);
    }
  });

  it('gives the UTC offset of a zoned time for headings', () => {
    expect(utcOffsetOf('2025-07-14T13:00:00+02:00')).toBe('UTC+02:00');
    expect(utcOffsetOf('2025-07-14T11:00:00+00:00')).toBe('UTC+00:00');
    expect(utcOffsetOf('2025-07-13T19:00:00-07:00')).toBe('UTC-07:00');
  });
});

describe('the record’s times are in the meeting’s zone', () => {
  it('across the end of summer time: an item opened at 02:30 CEST and concluded at 02:30 CET took an hour', () => {
    const log = new TestLog({ ctx: testContext(DST_END - 1_800_000), openItem: ITEM.opening });
    log.advance(3600).must(P.chair, { type: 'agenda.conclude', itemId: ITEM.opening });
    const record = buildRecord(log.stored());
    expect(record.meeting).toMatchObject({
      timezone: 'Europe/Zurich',
      openedAt: '2025-10-26T02:30:00+02:00',
      asOf: '2025-10-26T02:30:00+01:00',
    });
    expect(record.items[0]).toMatchObject({
      sessions: [
        { openedAt: '2025-10-26T02:30:00+02:00', endedAt: '2025-10-26T02:30:00+01:00', ended: 'concluded' },
      ],
      spentSeconds: 3600,
      overPlan: true,
    });
  });

  it.each([
    ['UTC', '2025-07-14T11:00:00+00:00', '2025-07-14T11:01:30+00:00'],
    ['Asia/Kolkata', '2025-07-14T16:30:00+05:30', '2025-07-14T16:31:30+05:30'],
  ])('in %s once the secretariat sets it: every time, from the first event on', (zone, opened, ended) => {
    const log = new TestLog({ openItem: ITEM.opening });
    log.giveTo(P.kenya);
    log.advance(90).must(P.chair, { type: 'floor.end' });
    log.accept(
      updateMeeting(log.meeting, { id: P.secretariat, role: 'secretariat' }, { timezone: zone }, log.ctx),
    );
    const record = buildRecord(log.stored());
    expect(record.meeting).toMatchObject({ timezone: zone, openedAt: opened, asOf: ended });
    expect(record.items[0]?.interventions).toMatchObject([{ startedAt: opened, endedAt: ended }]);
    expect(record.attendance.participants[0]?.sessions).toEqual([{ joinedAt: opened, leftAt: null }]);
  });
});
