/**
 * The record's cost is linear in the log, checked by counting, not timing (a loaded CI machine
 * cannot make it flake): the callbacks the fold and the record run over arrays, for a large meeting
 * and for one of half its size.
 *
 * For scale (2 cores, not asserted): the log of 5000 interventions and 2000 participants (about
 * 19 000 events) folds in about 50 ms and gives its record in about 25 ms, with some 90 000
 * callbacks. Before the fixes made with this test, the fold ran about 7 million (a scan of the
 * participants per intervention, a copy of them per connection) and the record took 100 ms (Intl
 * formatting every time). Not counted: the array copies `evolve` makes (a new list of
 * interventions per intervention), quadratic in elements but copied at memory speed (a few ms here).
 */
import { describe, expect, it } from 'vitest';
import { type MeetingEvent, type StoredEvent, storedEvent } from '../domain/events';
import { demoEvents, ITEM, P, replayAll, T0 } from '../domain/fixtures';
import {
  type CurrentSpeaker,
  type FloorKind,
  type Intervention,
  type InterventionPart,
  type Participant,
  REGIONS,
  RTO_CODES,
} from '../domain/model';
import { asId, type InterventionId, type ItemId, type ParticipantId, type RequestId } from '../ids';
import { buildRecord } from './fold';
import type { MeetingRecord } from './model';

/** What the demo meeting has already (the quota is 2000 participants a meeting). */
const DEMO_PEOPLE = Object.keys(P).length;
const ITEMS = [ITEM.opening, ITEM.rtoReports, ITEM.resolution31, ITEM.aob];
const SPOKESPERSONS = [P.spokesApt, P.spokesAtu, P.spokesCept, P.spokesCitel, P.spokesLas, P.spokesRcc];
const LIMIT_SECONDS = 180;

/**
 * A large meeting, its events written out (as `decide` would write them, at a fraction of the cost
 * of deciding them at this size): `people` in all, each connecting, dropping half-way and coming
 * back, and `interventions` on the four items in turn, one in ten a point of order suspending the
 * speaker, one in thirteen by an RTO's spokesperson.
 */
function largeLog(people: number, interventions: number): StoredEvent[] {
  const { events: demo } = demoEvents({ openItem: ITEM.opening });
  const stored = demo.map((event, i) => storedEvent(i + 1, T0, event));
  let now = T0;
  const push = (event: MeetingEvent) => stored.push(storedEvent(stored.length + 1, now, event));
  const online = (participantId: ParticipantId) => push({ type: 'participant.online', participantId });

  const everyone = new Map(replayAll(demo).participants.map((p) => [p.id, p]));
  for (const id of everyone.keys()) online(id);
  const delegates: Participant[] = [];
  for (let k = DEMO_PEOPLE; k < people; k++) {
    const delegate: Participant = {
      id: asId<ParticipantId>(`p_${k}`),
      name: `Delegate ${k}`,
      delegation: `Member State ${k % 193}`,
      role: 'delegate',
      category: 'member-state',
      region: REGIONS[k % 6]!,
      rto: null,
      email: null,
      lang: null,
      tokenVersion: 0,
      invitedAt: null,
      online: false,
    };
    const { online: _online, ...added } = delegate;
    push({ type: 'participant.added', participant: added, presides: false });
    online(delegate.id);
    delegates.push(delegate);
  }

  let item: ItemId = ITEM.opening;
  let serial = 0;
  /** The floor given to `who` now, for a fresh request. */
  const give = (who: Participant, kind: FloorKind): CurrentSpeaker => {
    serial++;
    const requestId = asId<RequestId>(`r_${serial}`);
    const current = { requestId, participantId: who.id, kind, startedAt: now, limitSeconds: LIMIT_SECONDS };
    push({ type: 'floor.given', ...current });
    return current;
  };
  /** The intervention of `who`, of these parts, logged. */
  const end = (who: Participant, speaker: CurrentSpeaker, parts: InterventionPart[]) => {
    const durationSeconds = parts.reduce((sum, p) => sum + (p.endedAt - p.startedAt) / 1000, 0);
    const intervention: Intervention = {
      id: asId<InterventionId>(`v_${speaker.requestId}`),
      requestId: speaker.requestId,
      participantId: who.id,
      delegation: who.delegation,
      region: who.region,
      rto: who.rto,
      itemId: item,
      kind: speaker.kind,
      startedAt: parts[0]!.startedAt,
      endedAt: parts.at(-1)!.endedAt,
      parts,
      durationSeconds,
      limitSeconds: LIMIT_SECONDS,
      overrunSeconds: Math.max(0, durationSeconds - LIMIT_SECONDS),
    };
    push({ type: 'floor.ended', intervention });
  };

  let spoken = 0;
  for (let turn = 1; spoken < interventions; turn++) {
    if (turn % 400 === 0) {
      const next = ITEMS[(turn / 400) % ITEMS.length]!;
      push({
        type: 'agenda.itemOpened',
        itemId: next,
        at: now,
        left: { itemId: item, parksList: false },
        restoresList: false,
      });
      item = next;
    }
    if (spoken === Math.floor(interventions / 2))
      for (const { id } of delegates) {
        push({ type: 'participant.offline', participantId: id });
        online(id);
      }
    const who =
      turn % 13 === 0 ? everyone.get(SPOKESPERSONS[turn % 6]!)! : delegates[(turn * 7) % delegates.length]!;
    now += 5000;
    const speaker = give(who, 'speak');
    const parts: InterventionPart[] = [];
    if (turn % 10 === 0 && spoken + 2 <= interventions) {
      now += 20_000;
      parts.push({ startedAt: speaker.startedAt, endedAt: now });
      push({
        type: 'floor.suspended',
        speaker: { ...speaker, remainingSeconds: LIMIT_SECONDS - 20, suspendedAt: now },
      });
      const objector = delegates[(turn * 11) % delegates.length]!;
      const pointOfOrder = give(objector, 'point_of_order');
      now += 15_000;
      end(objector, pointOfOrder, [{ startedAt: pointOfOrder.startedAt, endedAt: now }]);
      spoken++;
      const resumed = { ...speaker, startedAt: now, limitSeconds: LIMIT_SECONDS - 20, resumed: true };
      push({ type: 'floor.resumed', requestId: speaker.requestId, current: resumed });
    }
    const from = now;
    now += 40_000;
    end(who, speaker, [...parts, { startedAt: from, endedAt: now }]);
    spoken++;
  }
  return stored;
}

const ARRAY_METHODS = [
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
  'sort',
] as const;
type ArrayMethod = (this: unknown[], ...args: unknown[]) => unknown;

/**
 * Runs `work` with every callback given to an array method counted (the callbacks still run as
 * given): how many elements were visited, whoever visited them. Restored afterwards, whatever happens.
 */
function countingCallbacks<T>(work: () => T): { result: T; callbacks: number } {
  const methods = Array.prototype as unknown as Record<(typeof ARRAY_METHODS)[number], ArrayMethod>;
  const originals = ARRAY_METHODS.map((name) => [name, methods[name]] as const);
  let callbacks = 0;
  for (const [name, original] of originals) {
    methods[name] = function (this: unknown[], callback?: unknown, ...rest: unknown[]) {
      if (typeof callback !== 'function') return original.call(this, callback, ...rest);
      return original.call(
        this,
        function (this: unknown, ...args: unknown[]) {
          callbacks++;
          return callback.apply(this, args);
        },
        ...rest,
      );
    };
  }
  try {
    return { result: work(), callbacks };
  } finally {
    for (const [name, original] of originals) methods[name] = original;
  }
}

const interventionsOf = (record: MeetingRecord) =>
  record.items.reduce((sum, item) => sum + item.interventions.length, record.outsideAgenda.length);

describe('the record’s cost', () => {
  it('is linear in the log: 5000 interventions and 2000 participants cost twice what half of each does', () => {
    const half = largeLog(1000, 2500);
    const full = largeLog(2000, 5000);
    const small = countingCallbacks(() => buildRecord(half));
    const large = countingCallbacks(() => buildRecord(full));

    // The record is the size of what happened: every intervention, every participant, both of each one's connections.
    const record = large.result;
    expect(interventionsOf(record)).toBe(5000);
    expect(interventionsOf(small.result)).toBe(2500);
    expect(record.attendance.participants).toHaveLength(2000);
    expect(record.attendance.participants.reduce((sum, row) => sum + row.sessions.length, 0)).toBe(
      DEMO_PEOPLE + 2 * (2000 - DEMO_PEOPLE),
    );
    const suspended = record.items.flatMap((i) => i.interventions).filter((i) => i.suspended);
    expect(suspended.length).toBeGreaterThan(400);
    const onBehalf = record.items.flatMap((i) => i.interventions).filter((i) => i.onBehalfOf !== null);
    expect(onBehalf.map((i) => i.onBehalfOf).sort()).toEqual(expect.arrayContaining([...RTO_CODES]));
    const bytes = JSON.stringify(record).length / JSON.stringify(small.result).length;
    expect(bytes).toBeGreaterThan(1.8);
    expect(bytes).toBeLessThan(2.2);

    // Twice the log, about twice the work (a scan per event of what came before would be four times),
    // and a few callbacks an event.
    expect(full.length / half.length).toBeGreaterThan(1.9);
    expect(large.callbacks / small.callbacks).toBeLessThan(2.2);
    expect(large.callbacks).toBeLessThan(10 * full.length);
  });
});
