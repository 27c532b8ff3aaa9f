import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CommandRecord, type MeetingStore, SeqConflictError } from '../../server/store/types';
import {
  asId,
  EVENT_VERSION,
  type MeetingEvent,
  type MeetingId,
  type ParticipantId,
  type StoredEvent,
} from '../../shared';
import { demoMeeting } from '../../shared/domain/fixtures';
import type { Ack } from '../../shared/protocol/messages';

const participantIdOf = asId<ParticipantId>;

const meetingIdOf = asId<MeetingId>;

/**
 * What a store factory gives the suite, for one test:
 * - `store`: an open store over fresh, empty data;
 * - `reopen`: opens a new store over the same data (the suite closes the previous one first);
 * - `cleanup`: closes every store it opened that is still open and removes the data.
 */
export interface StoreUnderTest {
  store: MeetingStore;
  reopen: () => Promise<MeetingStore>;
  cleanup: () => Promise<void>;
}

const T0 = Date.UTC(2025, 6, 14, 11, 0, 0);
const P1 = asId<ParticipantId>('p_1');
const P2 = asId<ParticipantId>('p_2');

/** A small, valid event whose content depends on its seq, so a mix-up shows. */
function eventFor(seq: number): MeetingEvent {
  switch (seq % 3) {
    case 0:
      return { type: 'participant.online', participantId: asId<ParticipantId>(`p_${seq}`) };
    case 1:
      return { type: 'floor.limitSet', seconds: seq, requestId: null };
    default:
      return { type: 'floor.extended', seconds: seq, limitSeconds: seq };
  }
}

/** Stored events `from..to` (inclusive), one second apart. */
function events(from: number, to: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let seq = from; seq <= to; seq++) out.push({ seq, at: T0 + seq * 1000, event: eventFor(seq) });
  return out;
}

const ok = (seq: number): Ack => ({ ok: true, seq });
const refused: Ack = { ok: false, error: { code: 'conflict', message: 'the list is closed' } };
const cmd = (participantId: ParticipantId, commandId: string, ack: Ack): CommandRecord => ({
  participantId,
  commandId,
  ack,
});

/**
 * The MeetingStore contract (server/store/types.ts), for every implementation: SqliteStore runs it in
 * tests/store/sqlite.test.ts; a RedisStore must pass it too.
 */
export function describeStoreConformance(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`MeetingStore conformance: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: MeetingStore;

    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    async function reopen(): Promise<MeetingStore> {
      await store.close();
      store = await sut.reopen();
      return store;
    }

    it('is empty at first', async () => {
      expect(await store.listMeetings()).toEqual([]);
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(0);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual([]);
      expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_1')).toBeNull();
      expect(await store.latestSnapshot(meetingIdOf('m_a'))).toBeNull();
    });

    it('reads back appended events in seq order, equal to what was appended', async () => {
      await store.append(meetingIdOf('m_a'), 0, events(1, 3), [], { title: 'A' });
      await store.append(meetingIdOf('m_a'), 3, events(4, 4), []);
      await store.append(meetingIdOf('m_a'), 4, events(5, 9), []);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 9));
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(9);
    });

    it('keeps every kind of event body intact', async () => {
      const meeting = demoMeeting();
      const rich: StoredEvent[] = [
        {
          seq: 1,
          at: T0,
          event: {
            type: 'meeting.created',
            meetingId: meeting.id,
            title: 'Réunion « IRM » — 2025 ✓',
            timezone: 'Europe/Geneva',
            defaultSpeakingSeconds: 180,
            at: T0,
          },
        },
        { seq: 2, at: T0 + 1, event: { type: 'floor.closed' } },
        {
          seq: 3,
          at: T0 + 2,
          event: { type: 'agenda.itemUpdated', itemId: meeting.agenda[0]!.id, changes: { title: 'x\n"y"' } },
        },
      ];
      await store.append(meetingIdOf('m_a'), 0, rich, [], { title: 'A' });
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(rich);
    });

    it('keeps the format version of each event; one stored without a version reads back without one', async () => {
      const versioned: StoredEvent[] = [
        { seq: 1, at: T0, event: { type: 'floor.closed' } },
        { seq: 2, at: T0 + 1, v: EVENT_VERSION, event: { type: 'floor.reopened' } },
        { seq: 3, at: T0 + 2, v: EVENT_VERSION + 1, event: { type: 'floor.closed' } },
      ];
      await store.append(meetingIdOf('m_a'), 0, versioned, [], { title: 'A' });
      const read = await store.readEvents(meetingIdOf('m_a'), 0);
      expect(read).toEqual(versioned);
      expect('v' in read[0]!).toBe(false);
    });

    it('accepts an append with no events (commands only) when expectedSeq matches', async () => {
      await store.append(meetingIdOf('m_a'), 0, events(1, 2), [], { title: 'A' });
      await store.append(meetingIdOf('m_a'), 2, [], [cmd(P1, 'c_refused', refused)]);
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(2);
      expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_refused')).toEqual(refused);
    });

    describe('gap-free seqs', () => {
      beforeEach(async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 3), [cmd(P1, 'c_1', ok(3))], { title: 'A' });
      });

      const bad: Array<[string, StoredEvent[]]> = [
        ['does not start at expectedSeq + 1', events(5, 6)],
        ['restarts an existing seq', events(3, 4)],
        ['has a gap inside the batch', [...events(4, 4), ...events(6, 6)]],
        ['repeats a seq inside the batch', [...events(4, 4), ...events(4, 4)]],
        ['is out of order', [...events(5, 5), ...events(4, 4)]],
      ];
      for (const [what, batch] of bad) {
        it(`rejects a batch that ${what}, storing nothing of it`, async () => {
          const failed = store.append(meetingIdOf('m_a'), 3, batch, [cmd(P1, 'c_2', ok(9))]);
          await expect(failed).rejects.toThrow(Error);
          await expect(failed).rejects.not.toBeInstanceOf(SeqConflictError);
          expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(3);
          expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 3));
          expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_2')).toBeNull();
          expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_1')).toEqual(ok(3));
        });
      }

      it('rejects a gap on the first append and does not create the meeting', async () => {
        await expect(store.append(meetingIdOf('m_b'), 0, events(2, 3), [], { title: 'B' })).rejects.toThrow(
          Error,
        );
        expect(await store.lastSeq(meetingIdOf('m_b'))).toBe(0);
        expect((await store.listMeetings()).map((m) => m.id)).toEqual(['m_a']);
      });
    });

    describe('expectedSeq', () => {
      beforeEach(async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 3), [], { title: 'A' });
      });

      for (const expectedSeq of [0, 2, 4, 10]) {
        it(`throws SeqConflictError when expectedSeq is ${expectedSeq} but the store has 3, storing nothing`, async () => {
          const batch = events(expectedSeq + 1, expectedSeq + 2);
          const error = await store
            .append(meetingIdOf('m_a'), expectedSeq, batch, [cmd(P2, 'c_x', ok(expectedSeq + 2))], {
              title: 'other',
            })
            .then(
              () => null,
              (e: unknown) => e,
            );
          expect(error).toBeInstanceOf(SeqConflictError);
          expect(error).toMatchObject({ meetingId: 'm_a', expectedSeq, actualSeq: 3 });
          expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(3);
          expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 3));
          expect(await store.findCommand(meetingIdOf('m_a'), P2, 'c_x')).toBeNull();
          expect(await store.listMeetings()).toEqual([{ id: 'm_a', title: 'A', createdAt: T0 + 1000 }]);
        });
      }

      it('lets exactly one of two concurrent appends with the same expectedSeq win', async () => {
        const results = await Promise.allSettled([
          store.append(meetingIdOf('m_a'), 3, events(4, 5), [cmd(P1, 'c_a', ok(5))]),
          store.append(meetingIdOf('m_a'), 3, events(4, 4), [cmd(P2, 'c_b', ok(4))]),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(SeqConflictError);
        const stored = await store.readEvents(meetingIdOf('m_a'), 0);
        expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
        const winners = [
          await store.findCommand(meetingIdOf('m_a'), P1, 'c_a'),
          await store.findCommand(meetingIdOf('m_a'), P2, 'c_b'),
        ];
        expect(winners.filter((w) => w !== null)).toHaveLength(1);
      });
    });

    describe('readEvents', () => {
      beforeEach(async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 10), [], { title: 'A' });
      });

      it('returns the events after afterSeq', async () => {
        expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 10));
        expect(await store.readEvents(meetingIdOf('m_a'), 4)).toEqual(events(5, 10));
        expect(await store.readEvents(meetingIdOf('m_a'), 9)).toEqual(events(10, 10));
        expect(await store.readEvents(meetingIdOf('m_a'), 10)).toEqual([]);
        expect(await store.readEvents(meetingIdOf('m_a'), 50)).toEqual([]);
      });

      it('returns at most limit events, the first ones', async () => {
        expect(await store.readEvents(meetingIdOf('m_a'), 0, 3)).toEqual(events(1, 3));
        expect(await store.readEvents(meetingIdOf('m_a'), 3, 2)).toEqual(events(4, 5));
        expect(await store.readEvents(meetingIdOf('m_a'), 8, 5)).toEqual(events(9, 10));
        expect(await store.readEvents(meetingIdOf('m_a'), 0, 10)).toEqual(events(1, 10));
        expect(await store.readEvents(meetingIdOf('m_a'), 0, 1000)).toEqual(events(1, 10));
      });

      it('pages through the whole log with afterSeq + limit', async () => {
        const read: StoredEvent[] = [];
        for (let after = 0; ; ) {
          const page = await store.readEvents(meetingIdOf('m_a'), after, 4);
          if (page.length === 0) break;
          read.push(...page);
          after = page.at(-1)!.seq;
        }
        expect(read).toEqual(events(1, 10));
      });

      it('returns nothing for an unknown meeting', async () => {
        expect(await store.readEvents(meetingIdOf('m_nope'), 0)).toEqual([]);
        expect(await store.readEvents(meetingIdOf('m_nope'), 0, 5)).toEqual([]);
      });
    });

    it('lastSeq follows appends and ignores failed ones', async () => {
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(0);
      await store.append(meetingIdOf('m_a'), 0, events(1, 1), [], { title: 'A' });
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(1);
      await store.append(meetingIdOf('m_a'), 1, events(2, 7), []);
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(7);
      await expect(store.append(meetingIdOf('m_a'), 6, events(7, 8), [])).rejects.toBeInstanceOf(
        SeqConflictError,
      );
      await expect(store.append(meetingIdOf('m_a'), 7, events(9, 9), [])).rejects.toThrow(Error);
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(7);
    });

    it('lists meetings oldest first, with their title and the time of their first event', async () => {
      await store.append(meetingIdOf('m_b'), 0, [{ seq: 1, at: T0, event: eventFor(1) }], [], {
        title: 'First',
      });
      await store.append(meetingIdOf('m_a'), 0, [{ seq: 1, at: T0 + 60_000, event: eventFor(1) }], [], {
        title: 'Second',
      });
      await store.append(meetingIdOf('m_c'), 0, [{ seq: 1, at: T0 + 120_000, event: eventFor(1) }], [], {
        title: 'Third, « accentué »',
      });
      await store.append(meetingIdOf('m_b'), 1, events(2, 5), []);
      expect(await store.listMeetings()).toEqual([
        { id: 'm_b', title: 'First', createdAt: T0 },
        { id: 'm_a', title: 'Second', createdAt: T0 + 60_000 },
        { id: 'm_c', title: 'Third, « accentué »', createdAt: T0 + 120_000 },
      ]);
    });

    describe('command records', () => {
      it('keeps the ack of each (meeting, participant, command id)', async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 2), [cmd(P1, 'c_1', ok(2))], { title: 'A' });
        await store.append(meetingIdOf('m_a'), 2, events(3, 3), [
          cmd(P1, 'c_2', ok(3)),
          cmd(P2, 'c_1', refused),
        ]);
        await store.append(meetingIdOf('m_a'), 3, [], [cmd(P2, 'c_2', refused)]);
        expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_1')).toEqual(ok(2));
        expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_2')).toEqual(ok(3));
        expect(await store.findCommand(meetingIdOf('m_a'), P2, 'c_1')).toEqual(refused);
        expect(await store.findCommand(meetingIdOf('m_a'), P2, 'c_2')).toEqual(refused);
        expect(await store.findCommand(meetingIdOf('m_a'), P2, 'c_3')).toBeNull();
        expect(await store.findCommand(meetingIdOf('m_a'), participantIdOf('p_other'), 'c_1')).toBeNull();
        expect(await store.findCommand(meetingIdOf('m_other'), P1, 'c_1')).toBeNull();
      });

      it('stores the commands of a batch only if its events are stored', async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 2), [], { title: 'A' });
        await expect(
          store.append(meetingIdOf('m_a'), 1, events(2, 2), [cmd(P1, 'c_late', ok(2))]),
        ).rejects.toThrow();
        expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_late')).toBeNull();
        await store.append(meetingIdOf('m_a'), 2, events(3, 3), [cmd(P1, 'c_late', ok(3))]);
        expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_late')).toEqual(ok(3));
      });
    });

    describe('snapshots', () => {
      const meeting = demoMeeting();

      it('returns the snapshot with the highest seq', async () => {
        await store.append(meetingIdOf('m_a'), 0, events(1, 30), [], { title: 'A' });
        await store.saveSnapshot(meetingIdOf('m_a'), { seq: 10, schemaVersion: 1, meeting });
        expect(await store.latestSnapshot(meetingIdOf('m_a'))).toEqual({
          seq: 10,
          schemaVersion: 1,
          meeting,
        });
        const later = { ...meeting, title: 'later' };
        await store.saveSnapshot(meetingIdOf('m_a'), { seq: 20, schemaVersion: 2, meeting: later });
        expect(await store.latestSnapshot(meetingIdOf('m_a'))).toEqual({
          seq: 20,
          schemaVersion: 2,
          meeting: later,
        });
        // A slow, older save arriving last does not replace a newer one.
        await store.saveSnapshot(meetingIdOf('m_a'), { seq: 15, schemaVersion: 1, meeting });
        expect(await store.latestSnapshot(meetingIdOf('m_a'))).toEqual({
          seq: 20,
          schemaVersion: 2,
          meeting: later,
        });
      });

      it('keeps working after many snapshots', async () => {
        for (let seq = 1; seq <= 12; seq++) {
          await store.saveSnapshot(meetingIdOf('m_a'), {
            seq,
            schemaVersion: 1,
            meeting: { ...meeting, title: `t${seq}` },
          });
        }
        expect(await store.latestSnapshot(meetingIdOf('m_a'))).toEqual({
          seq: 12,
          schemaVersion: 1,
          meeting: { ...meeting, title: 't12' },
        });
      });

      it('are per meeting', async () => {
        await store.saveSnapshot(meetingIdOf('m_a'), { seq: 5, schemaVersion: 1, meeting });
        expect(await store.latestSnapshot(meetingIdOf('m_b'))).toBeNull();
      });
    });

    it('keeps everything across close and reopen, and appends continue from there', async () => {
      const meeting = demoMeeting();
      await store.append(meetingIdOf('m_a'), 0, events(1, 5), [cmd(P1, 'c_1', ok(5))], { title: 'A' });
      await store.append(meetingIdOf('m_a'), 5, events(6, 8), [cmd(P2, 'c_2', refused)]);
      await store.append(meetingIdOf('m_b'), 0, events(1, 1), [], { title: 'B' });
      await store.saveSnapshot(meetingIdOf('m_a'), { seq: 8, schemaVersion: 1, meeting });

      const again = await reopen();
      expect(await again.listMeetings()).toEqual([
        { id: 'm_a', title: 'A', createdAt: T0 + 1000 },
        { id: 'm_b', title: 'B', createdAt: T0 + 1000 },
      ]);
      expect(await again.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 8));
      expect(await again.readEvents(meetingIdOf('m_b'), 0)).toEqual(events(1, 1));
      expect(await again.lastSeq(meetingIdOf('m_a'))).toBe(8);
      expect(await again.findCommand(meetingIdOf('m_a'), P1, 'c_1')).toEqual(ok(5));
      expect(await again.findCommand(meetingIdOf('m_a'), P2, 'c_2')).toEqual(refused);
      expect(await again.latestSnapshot(meetingIdOf('m_a'))).toEqual({ seq: 8, schemaVersion: 1, meeting });

      await expect(again.append(meetingIdOf('m_a'), 5, events(6, 6), [])).rejects.toBeInstanceOf(
        SeqConflictError,
      );
      await again.append(meetingIdOf('m_a'), 8, events(9, 10), []);
      const third = await reopen();
      expect(await third.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 10));
    });

    it('keeps two meetings independent', async () => {
      await store.append(meetingIdOf('m_a'), 0, events(1, 4), [cmd(P1, 'c_1', ok(4))], { title: 'A' });
      await store.append(meetingIdOf('m_b'), 0, events(1, 2), [cmd(P1, 'c_1', refused)], { title: 'B' });
      await expect(store.append(meetingIdOf('m_b'), 4, events(5, 5), [])).rejects.toBeInstanceOf(
        SeqConflictError,
      );
      await store.append(meetingIdOf('m_a'), 4, events(5, 6), []);
      await store.append(meetingIdOf('m_b'), 2, events(3, 3), []);

      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(6);
      expect(await store.lastSeq(meetingIdOf('m_b'))).toBe(3);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 6));
      expect(await store.readEvents(meetingIdOf('m_b'), 0)).toEqual(events(1, 3));
      expect(await store.readEvents(meetingIdOf('m_b'), 1, 1)).toEqual(events(2, 2));
      expect(await store.findCommand(meetingIdOf('m_a'), P1, 'c_1')).toEqual(ok(4));
      expect(await store.findCommand(meetingIdOf('m_b'), P1, 'c_1')).toEqual(refused);
    });
  });
}
