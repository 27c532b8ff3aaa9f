import { describe, expect, it } from 'vitest';
import type { FloorKind, RecordIntervention, Region, RtoCode } from '../../../shared';
import { IRM1_RECORD } from './fixtures';
import { floorIncidents, speakersByRegion } from './speakers';

const base = IRM1_RECORD.items[3]!.interventions[0]!;
const at = (hhmm: string) => `2025-07-14T${hhmm}:00+02:00`;

/** An intervention of `delegation` in the parts given ("10:00-10:01"). */
function spoke(
  delegation: string,
  kind: FloorKind,
  parts: string[],
  more: { region?: Region; onBehalfOf?: RtoCode; endedWhileSuspended?: boolean } = {},
): RecordIntervention {
  const spans = parts.map((p) => p.split('-').map(at) as [string, string]);
  return {
    ...base,
    delegation,
    kind,
    region: more.region ?? 'EUR',
    onBehalfOf: more.onBehalfOf ?? null,
    startedAt: spans[0]![0],
    endedAt: spans.at(-1)![1],
    parts: spans.map(([startedAt, endedAt]) => ({
      startedAt,
      endedAt,
      seconds: (Date.parse(endedAt) - Date.parse(startedAt)) / 1000,
    })),
    suspended: spans.length > 1 || !!more.endedWhileSuspended,
    endedWhileSuspended: !!more.endedWhileSuspended,
  };
}

const named = (incidents: ReturnType<typeof floorIncidents>) =>
  incidents.map((i) => [
    i.kind,
    i.by.delegation,
    i.interrupted?.speaker.delegation ?? null,
    i.interrupted?.resumed ?? null,
  ]);

describe('points of order and rights of reply', () => {
  it.each([
    {
      case: 'a point of order while nobody was suspended',
      log: [spoke('France', 'speak', ['10:00-10:03']), spoke('Egypt', 'point_of_order', ['10:04-10:05'])],
      told: [['point_of_order', 'Egypt', null, null]],
    },
    {
      case: 'a speaker suspended and resumed',
      log: [
        spoke('France', 'speak', ['10:00-10:01', '10:03-10:05']),
        spoke('Egypt', 'point_of_order', ['10:01-10:03']),
      ],
      told: [['point_of_order', 'Egypt', 'France', true]],
    },
    {
      case: 'a point of order on a point of order interrupts the inner one',
      log: [
        spoke('France', 'speak', ['10:00-10:01', '10:05-10:06']),
        spoke('Egypt', 'point_of_order', ['10:01-10:02', '10:03-10:04']),
        spoke('China', 'point_of_order', ['10:02-10:03']),
      ],
      told: [
        ['point_of_order', 'Egypt', 'France', true],
        ['point_of_order', 'China', 'Egypt', true],
      ],
    },
    {
      case: 'a speaker ended while suspended',
      log: [
        spoke('France', 'speak', ['10:00-10:01'], { endedWhileSuspended: true }),
        spoke('Egypt', 'reply', ['10:01-10:02']),
      ],
      told: [['reply', 'Egypt', 'France', false]],
    },
    {
      case: 'a reply after a resumed speaker finished',
      log: [
        spoke('France', 'speak', ['10:00-10:01', '10:02-10:03']),
        spoke('Egypt', 'point_of_order', ['10:01-10:02']),
        spoke('Brazil', 'reply', ['10:04-10:05']),
      ],
      told: [
        ['point_of_order', 'Egypt', 'France', true],
        ['reply', 'Brazil', null, null],
      ],
    },
  ])('$case', ({ log, told }) => {
    expect(named(floorIncidents(log))).toEqual(told);
  });
});

describe('speakers by region', () => {
  it('orders regions as they first took the floor in any way, and names each speaker once', () => {
    const log = [
      spoke('Egypt', 'point_of_order', ['09:59-10:00'], { region: 'ARB' }),
      spoke('Kenya', 'speak', ['10:00-10:01'], { region: 'AFR', onBehalfOf: 'ATU' }),
      spoke('Nigeria', 'speak', ['10:01-10:02'], { region: 'AFR' }),
      spoke('Kenya', 'speak', ['10:02-10:03'], { region: 'AFR' }),
      spoke('Saudi Arabia', 'speak', ['10:03-10:04'], { region: 'ARB' }),
      spoke('Kenya', 'speak', ['10:04-10:05'], { region: 'AFR', onBehalfOf: 'ATU' }),
      spoke('France', 'reply', ['10:05-10:06'], { region: 'EUR' }),
    ];
    expect(speakersByRegion(log)).toEqual([
      { region: 'ARB', speakers: [{ delegation: 'Saudi Arabia', onBehalfOf: null, times: 1 }] },
      {
        region: 'AFR',
        speakers: [
          { delegation: 'Kenya', onBehalfOf: 'ATU', times: 2 },
          { delegation: 'Nigeria', onBehalfOf: null, times: 1 },
          { delegation: 'Kenya', onBehalfOf: null, times: 1 },
        ],
      },
    ]);
  });

  it('puts a delegation typed over several lines on one', () => {
    const [group] = speakersByRegion([spoke('Republic\n\nof Example', 'speak', ['10:00-10:01'])]);
    expect(group?.speakers[0]?.delegation).toBe('Republic of Example');
  });
});
