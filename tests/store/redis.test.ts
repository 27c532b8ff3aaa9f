import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import { RedisStore } from '../../server/store/redis';
import { redisKeys } from '../../server/store/redisKeys';
import { SeqConflictError } from '../../server/store/types';
import { asId, type MeetingId, type ParticipantId, type ProposalId } from '../../shared';
import { describeStoreConformance } from './conformance';
import { describeDocStoreConformance } from './doc-conformance';

const participantIdOf = asId<ParticipantId>;

const meetingIdOf = asId<MeetingId>;
const proposalIdOf = asId<ProposalId>;

let server: RedisServer;
/** A plain client to the test server, to look at and tamper with keys. */
let admin: Redis;

beforeAll(async () => {
  server = await startRedis();
  admin = new Redis(server.url);
});
afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

const freshPrefix = () => `t${randomBytes(6).toString('hex')}:`;

/** Deletes every key under `prefix`. */
async function dropPrefix(prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await admin.del(...keys);
  } while (cursor !== '0');
}

/** Stores over one fresh prefix; `cleanup` closes them all and deletes the prefix's keys. */
function storesOnFreshPrefix() {
  const prefix = freshPrefix();
  const opened: RedisStore[] = [];
  const open = async () => {
    const store = await RedisStore.connect(server.url, { prefix });
    opened.push(store);
    return store;
  };
  const cleanup = async () => {
    for (const store of opened) await store.close();
    await dropPrefix(prefix);
  };
  return { prefix, open, cleanup };
}

describeStoreConformance('RedisStore', async () => {
  const { open, cleanup } = storesOnFreshPrefix();
  return { store: await open(), reopen: open, cleanup };
});

describeDocStoreConformance('RedisStore', async () => {
  const { open, cleanup } = storesOnFreshPrefix();
  const opened = [await open()];
  return {
    store: opened[0]!,
    reopen: async () => {
      // DocStore has no close: close the store handed out before opening the next.
      await opened.at(-1)!.close();
      const store = await open();
      opened.push(store);
      return store;
    },
    cleanup,
  };
});

const event = (seq: number) => ({
  seq,
  at: 1000 + seq,
  event: { type: 'floor.extended' as const, seconds: seq, limitSeconds: seq },
});
const events = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));

describe('RedisStore', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  function fresh() {
    const s = storesOnFreshPrefix();
    cleanups.push(s.cleanup);
    return s;
  }

  it('keeps every key under its prefix, with the id as hash tag', async () => {
    const { prefix, open } = fresh();
    const store = await open();
    await store.append(
      meetingIdOf('m_a'),
      0,
      events(1, 2),
      [{ participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 2 } }],
      {
        title: 'A',
      },
    );
    await store.saveSnapshot(meetingIdOf('m_a'), {
      seq: 2,
      schemaVersion: 1,
      meeting: { title: 'x' } as never,
    });
    await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([1]));
    await store.compactDoc(proposalIdOf('d_a'), new Uint8Array([2]), 1);
    await store.saveVersion(
      proposalIdOf('d_a'),
      { id: 'v_0', name: 'Base', createdBy: null, createdAt: 5 },
      new Uint8Array([3]),
    );
    const keys = (await admin.keys(`${prefix}*`)).sort();
    const k = redisKeys(prefix);
    expect(keys).toEqual(
      [
        k.meetings(),
        k.meetingsCounter(),
        k.meetingMeta('m_a'),
        k.meetingEvents('m_a'),
        k.meetingSeq('m_a'),
        k.meetingCommands('m_a'),
        k.meetingSnapshots('m_a'),
        k.docLastId('d_a'),
        k.docSnapshot('d_a'),
        k.docVersions('d_a'),
        k.docVersionMeta('d_a'),
        k.docVersionStates('d_a'),
      ].sort(),
    );
    expect(k.meetingEvents('m_a')).toBe(`${prefix}m:{m_a}:events`);
    expect(k.docUpdates('d_a')).toBe(`${prefix}d:{d_a}:updates`);
    expect(redisKeys().meetings()).toBe('irm:meetings');
    expect(() => redisKeys('a{b}:')).toThrow(/braces/);
  });

  it('keeps two prefixes on the same Redis apart', async () => {
    const a = await fresh().open();
    const b = await fresh().open();
    await a.append(meetingIdOf('m_a'), 0, events(1, 3), [], { title: 'A' });
    expect(await b.lastSeq(meetingIdOf('m_a'))).toBe(0);
    expect(await b.listMeetings()).toEqual([]);
    await b.append(meetingIdOf('m_a'), 0, events(1, 1), [], { title: 'B' });
    expect(await a.lastSeq(meetingIdOf('m_a'))).toBe(3);
  });

  it('lets exactly one of two clients win each race on the same expectedSeq, with no gap or duplicate', async () => {
    const { open } = fresh();
    const a = await open();
    const b = await open();
    let seq = 0;
    for (let round = 0; round < 100; round++) {
      const lenA = 1 + (round % 3);
      const lenB = 1 + ((round + 1) % 4);
      const results = await Promise.allSettled([
        a.append(
          meetingIdOf('m_race'),
          seq,
          events(seq + 1, seq + lenA),
          [
            {
              participantId: participantIdOf('p_a'),
              commandId: `c_${round}`,
              ack: { ok: true, seq: seq + lenA },
            },
          ],
          { title: 'race' },
        ),
        b.append(
          meetingIdOf('m_race'),
          seq,
          events(seq + 1, seq + lenB),
          [
            {
              participantId: participantIdOf('p_b'),
              commandId: `c_${round}`,
              ack: { ok: true, seq: seq + lenB },
            },
          ],
          { title: 'race' },
        ),
      ]);
      const won = results.map((r) => r.status === 'fulfilled');
      expect(won.filter(Boolean)).toHaveLength(1);
      const winnerLen = won[0] ? lenA : lenB;
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(SeqConflictError);
      expect(lost.reason).toMatchObject({ expectedSeq: seq, actualSeq: seq + winnerLen });
      expect(
        await a.findCommand(meetingIdOf('m_race'), participantIdOf(won[0] ? 'p_b' : 'p_a'), `c_${round}`),
      ).toBeNull();
      expect(
        await b.findCommand(meetingIdOf('m_race'), participantIdOf(won[0] ? 'p_a' : 'p_b'), `c_${round}`),
      ).toEqual({
        ok: true,
        seq: seq + winnerLen,
      });
      seq += winnerLen;
    }
    const stored = await b.readEvents(meetingIdOf('m_race'), 0);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(stored).toEqual(events(1, seq));
    expect(await a.lastSeq(meetingIdOf('m_race'))).toBe(seq);
    expect(await a.listMeetings()).toEqual([{ id: 'm_race', title: 'race', createdAt: 1001 }]);
  });

  it('hands out distinct, increasing doc update ids to concurrent clients', async () => {
    const { open } = fresh();
    const clients = await Promise.all([open(), open(), open()]);
    const ids = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        clients[i % 3]!.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([i])),
      ),
    );
    expect([...ids].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await clients[1]!.compactDoc(proposalIdOf('d_a'), new Uint8Array([99]), 60);
    expect(await clients[2]!.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([60]))).toBe(61);
  });

  it('appends a batch bigger than one RPUSH chunk', async () => {
    const store = await fresh().open();
    await store.append(meetingIdOf('m_a'), 0, events(1, 2500), [], { title: 'A' });
    expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(2500);
    expect(await store.readEvents(meetingIdOf('m_a'), 2498)).toEqual(events(2499, 2500));
    expect(await store.readEvents(meetingIdOf('m_a'), 999, 2)).toEqual(events(1000, 1001));
  });

  describe('a failing script leaves nothing half-written', () => {
    it('when a key it writes late holds the wrong type', async () => {
      const { prefix, open } = fresh();
      const store = await open();
      const k = redisKeys(prefix);
      await store.append(meetingIdOf('m_a'), 0, events(1, 2), [], { title: 'A' });
      // The commands hash is written after the events: a WRONGTYPE there must not leave the events.
      await admin.set(k.meetingCommands('m_a'), 'not a hash');
      const failed = store.append(meetingIdOf('m_a'), 2, events(3, 4), [
        { participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 4 } },
      ]);
      await expect(failed).rejects.toThrow(/holds a string, expected a hash/);
      await expect(failed).rejects.not.toBeInstanceOf(SeqConflictError);
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(2);
      expect(await admin.llen(k.meetingEvents('m_a'))).toBe(2);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 2));

      // Same for a first append: the meeting is not created.
      await admin.set(k.meetingCommands('m_b'), 'not a hash');
      await expect(
        store.append(
          meetingIdOf('m_b'),
          0,
          events(1, 1),
          [{ participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 1 } }],
          {
            title: 'B',
          },
        ),
      ).rejects.toThrow(Error);
      expect((await store.listMeetings()).map((m) => m.id)).toEqual(['m_a']);
      expect(await admin.exists(k.meetingMeta('m_b'), k.meetingEvents('m_b'), k.meetingSeq('m_b'))).toBe(0);
      expect(await admin.get(k.meetingsCounter())).toBe('1');

      await admin.del(k.meetingCommands('m_a'));
      await store.append(meetingIdOf('m_a'), 2, events(3, 4), []);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 4));
    });

    it('when the seq and the event list disagree (corrupt data), it refuses to write', async () => {
      const { prefix, open } = fresh();
      const store = await open();
      const k = redisKeys(prefix);
      await store.append(meetingIdOf('m_a'), 0, events(1, 2), [], { title: 'A' });
      await admin.set(k.meetingSeq('m_a'), '5');
      await expect(store.append(meetingIdOf('m_a'), 5, events(6, 6), [])).rejects.toThrow(
        /holds 2 events but the seq is 5/,
      );
      expect(await admin.llen(k.meetingEvents('m_a'))).toBe(2);
    });

    it('when Redis is out of memory: refused at the first write, nothing stored, then fine again', async () => {
      const { prefix, open } = fresh();
      const store = await open();
      const k = redisKeys(prefix);
      await store.append(meetingIdOf('m_a'), 0, events(1, 2), [], { title: 'A' });
      await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([1]));
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      await admin.config('SET', 'maxmemory', '1');
      try {
        await expect(
          store.append(meetingIdOf('m_a'), 2, events(3, 4), [
            { participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 4 } },
          ]),
        ).rejects.toThrow(/OOM/);
        await expect(store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([2]))).rejects.toThrow(/OOM/);
        // (A compaction is not refused: its first write is an HDEL, which frees memory, and Redis lets
        // a script that has written go on, so it applies whole.)
      } finally {
        await admin.config('SET', 'maxmemory', '0');
      }
      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(2);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 2));
      expect(await store.findCommand(meetingIdOf('m_a'), participantIdOf('p_1'), 'c_1')).toBeNull();
      expect(await admin.get(k.docLastId('d_a'))).toBe('1');
      expect(await store.loadDoc(proposalIdOf('d_a'))).toMatchObject({ snapshot: null, lastUpdateId: 1 });
      await store.append(meetingIdOf('m_a'), 2, events(3, 4), []);
      expect(await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([2]))).toBe(2);
    });
  });

  it('connect rejects when no Redis answers', async () => {
    const port = server.port;
    await expect(
      RedisStore.connect(`redis://127.0.0.1:${port === 1 ? 2 : 1}`, { redis: { retryStrategy: () => null } }),
    ).rejects.toThrow();
  });
});

describe('RedisStore on a Redis with appendonly yes, appendfsync always', () => {
  let aof: RedisServer;
  beforeAll(async () => {
    aof = await startRedis({ appendOnly: true });
  });
  afterAll(async () => {
    await aof?.stop();
  });

  it('keeps every acknowledged write across a SIGKILL of Redis, and the client reconnects', async () => {
    const store = await RedisStore.connect(aof.url, { prefix: freshPrefix() });
    try {
      for (let seq = 0; seq < 50; seq += 5) {
        await store.append(
          meetingIdOf('m_a'),
          seq,
          events(seq + 1, seq + 5),
          [{ participantId: participantIdOf('p_1'), commandId: `c_${seq}`, ack: { ok: true, seq: seq + 5 } }],
          seq === 0 ? { title: 'A' } : undefined,
        );
      }
      const ids: number[] = [];
      for (let i = 0; i < 10; i++)
        ids.push(await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([0, 0xff, i])));
      await store.compactDoc(proposalIdOf('d_a'), new Uint8Array([7, 7]), ids[5]!);

      await aof.restart({ kill: true });

      expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(50);
      expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual(events(1, 50));
      expect(await store.findCommand(meetingIdOf('m_a'), participantIdOf('p_1'), 'c_45')).toEqual({
        ok: true,
        seq: 50,
      });
      expect(await store.listMeetings()).toEqual([{ id: 'm_a', title: 'A', createdAt: 1001 }]);
      const loaded = await store.loadDoc(proposalIdOf('d_a'));
      expect([...loaded.snapshot!]).toEqual([7, 7]);
      expect(loaded.updates.map((u) => [...u])).toEqual([6, 7, 8, 9].map((i) => [0, 0xff, i]));
      expect(loaded.lastUpdateId).toBe(ids[9]);
      // The scripts are gone from the restarted Redis: ioredis loads them again (NOSCRIPT → EVAL).
      await store.append(meetingIdOf('m_a'), 50, events(51, 51), []);
      expect(await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([1]))).toBe(ids[9]! + 1);
    } finally {
      await store.close();
    }
  });
});
