import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asId,
  buildRecord,
  EVENT_VERSION,
  type MeetingId,
  type StoredEvent,
  storedEvent,
} from '../../shared';
import { P, Room, T0 } from '../../shared/domain/fixtures';
import { SqliteStore } from '../store/sqlite';
import { RecordCache } from './recordCache';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function openStore(): SqliteStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irm-record-cache-'));
  const store = SqliteStore.open(path.join(dir, 'irm.sqlite'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => void store.close());
  return store;
}

/** The store's `readEvents`, counting what it is asked for (and the page sizes asked). */
function counted(store: SqliteStore) {
  const calls: Array<{ afterSeq: number; returned: number }> = [];
  const limits: Array<number | undefined> = [];
  const readEvents = async (meetingId: MeetingId, afterSeq: number, limit?: number) => {
    const events = await store.readEvents(meetingId, afterSeq, limit);
    calls.push({ afterSeq, returned: events.length });
    limits.push(limit);
    return events;
  };
  return { calls, limits, readEvents };
}

/** A demo meeting's log as stored, one second apart, with a speaker and a concluded item. */
function sessionLog(): StoredEvent[] {
  const room = new Room({ openItem: true });
  room.giveTo(P.brazil);
  room.ctx.advance(40);
  room.must(P.chair, { type: 'floor.end' });
  return room.events.map((event, i) => storedEvent(i + 1, T0 + i * 1000, event));
}

async function stored(store: SqliteStore, meetingId: MeetingId, events: StoredEvent[], after = 0) {
  await store.append(meetingId, after, events, [], after === 0 ? { title: 'IRM' } : undefined);
}

const asText = (value: unknown) => JSON.stringify(value);

/** The session's log, then Brazil's connection dropping and coming back until it is `length` events long. */
function longLog(length: number): StoredEvent[] {
  const log = sessionLog();
  const last = log.at(-1)!;
  for (let seq = log.length + 1; seq <= length; seq++) {
    const type = seq % 2 === 0 ? 'participant.offline' : 'participant.online';
    log.push(storedEvent(seq, last.at + seq * 1000, { type, participantId: P.brazil }));
  }
  return log;
}

/** Counts the turns of the event loop (each a round of immediates) until stopped. */
function countTurns() {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

describe('RecordCache', () => {
  const meetingId = asId<MeetingId>('m_cache');

  it('folds the log once, then only the events stored since, to the record of the whole log', async () => {
    const store = openStore();
    const log = sessionLog();
    const [first, rest] = [log.slice(0, 40), log.slice(40)];
    await stored(store, meetingId, first);
    const reader = counted(store);
    const cache = new RecordCache(reader.readEvents, { pageSize: 16 });

    const before = await cache.read(meetingId, 40);
    expect(before.ok && asText(before.record)).toBe(asText(buildRecord(first)));
    // 40 events in pages of 16: three reads, the last one short.
    expect(reader.calls.map((c) => c.afterSeq)).toEqual([0, 16, 32]);

    await stored(store, meetingId, rest, 40);
    reader.calls.length = 0;
    const after = await cache.read(meetingId, log.length);
    expect(after.ok && asText(after.record)).toBe(asText(buildRecord(log)));
    expect(reader.calls[0]).toEqual({ afterSeq: 40, returned: Math.min(16, rest.length) });
    expect(reader.calls.reduce((n, c) => n + c.returned, 0)).toBe(rest.length);
  });

  it('folds a long log in pages of at most 250 events, giving the event loop a turn between pages', async () => {
    // A page is folded in one go, and its cost is its events times the meeting's size (`evolve`
    // copies the lists an event changes): so the bound is on the events a page holds, counted here,
    // rather than on a time a loaded machine could miss.
    const store = openStore();
    const log = longLog(1200);
    await stored(store, meetingId, log);
    const reader = counted(store);
    const cache = new RecordCache(reader.readEvents);
    const turns = countTurns();
    const read = await cache.read(meetingId, log.length);
    const turned = turns.stop();
    expect(read.ok && asText(read.record)).toBe(asText(buildRecord(log)));
    expect(Math.max(...reader.limits.map((limit) => limit ?? Number.POSITIVE_INFINITY))).toBeLessThanOrEqual(
      250,
    );
    const pages = reader.calls.filter((c) => c.returned > 0).length;
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(log.length / 250));
    // Other work ran between every two pages: at least one turn per page after the first.
    expect(turned).toBeGreaterThanOrEqual(pages - 1);
  });

  it('answers the same record without reading while the log has not moved', async () => {
    const store = openStore();
    const log = sessionLog();
    await stored(store, meetingId, log);
    const reader = counted(store);
    const cache = new RecordCache(reader.readEvents);
    const first = await cache.read(meetingId, log.length);
    const reads = reader.calls.length;
    const second = await cache.read(meetingId, log.length);
    expect(reader.calls.length).toBe(reads);
    expect(first.ok && second.ok && first.record === second.record).toBe(true);
  });

  it('shares one catch-up between requests that arrive together', async () => {
    const store = openStore();
    const log = sessionLog();
    await stored(store, meetingId, log);
    const reader = counted(store);
    const cache = new RecordCache(reader.readEvents, { pageSize: 10 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.read(meetingId, log.length)));
    // Each event read once: the waiting requests found the fold already there.
    expect(reader.calls.reduce((n, c) => n + c.returned, 0)).toBe(log.length);
    const records = new Set(answers.map((a) => (a.ok ? a.record : null)));
    expect(records.size).toBe(1);
    expect([...records][0]).not.toBeNull();
  });

  it('keeps at most maxMeetings folds, dropping the least recently asked for', async () => {
    const store = openStore();
    const log = sessionLog();
    const ids = ['m_a', 'm_b', 'm_c'].map((id) => asId<MeetingId>(id));
    for (const id of ids) await stored(store, id, log);
    const reader = counted(store);
    const cache = new RecordCache(reader.readEvents, { maxMeetings: 2 });
    await cache.read(ids[0]!, log.length);
    await cache.read(ids[1]!, log.length);
    await cache.read(ids[0]!, log.length); // a is now the most recent: b goes first
    await cache.read(ids[2]!, log.length);
    expect(cache.size).toBe(2);
    reader.calls.length = 0;
    await cache.read(ids[0]!, log.length);
    expect(reader.calls).toEqual([]);
    await cache.read(ids[1]!, log.length);
    expect(reader.calls[0]?.afterSeq).toBe(0);
  });

  it('refuses an event written by a newer version, keeping what it folded before it', async () => {
    const store = openStore();
    const log = sessionLog();
    await stored(store, meetingId, log);
    const newer = {
      seq: log.length + 1,
      at: T0,
      v: EVENT_VERSION + 1,
      event: { type: 'floor.closed' as const },
    };
    await stored(store, meetingId, [newer], log.length);
    const cache = new RecordCache(counted(store).readEvents);
    const read = await cache.read(meetingId, log.length + 1);
    expect(read).toMatchObject({ ok: false, problem: 'unreadable', seq: log.length + 1 });
    if (!read.ok && read.problem === 'unreadable') expect(read.reason).toMatch(/version/);
    // What came before is still there for a request that asks no further.
    const before = await cache.read(meetingId, log.length);
    expect(before.ok && before.record.meeting.lastSeq).toBe(log.length);
  });
});
