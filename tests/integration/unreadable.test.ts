import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import { RedisMeetingBus } from '../../server/cluster/meetingBus';
import { RedisStore } from '../../server/store/redis';
import {
  asId,
  type ClosingMessage,
  CONNECT_ERRORS,
  DISCONNECT_REASONS,
  EVENT_VERSION,
  type MeetingId,
  type StoredEvent,
} from '../../shared';
import { api, connect, type TestClient } from '../support/client';
import { createMeetingWith } from '../support/meeting';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/** An event as code one version newer than this would write it (server/meeting/unreadable.test.ts). */
const fromTheFuture = (seq: number): StoredEvent => ({
  seq,
  at: Date.now(),
  v: EVENT_VERSION + 1,
  event: { type: 'floor.closed' },
});

/**
 * A rolling upgrade seen from the sockets: a real server process (A) on a Redis that a newer process
 * also writes to. The newer process is played by the test: a RedisStore and a RedisMeetingBus on A's
 * prefix, as server/main.ts builds them. When it appends an event A cannot read to meeting M and
 * announces it, A sends M's clients off (`meeting_unreadable`), refuses M (handshake `unavailable`,
 * HTTP 503) and logs what it cannot read, while meeting N on the same process carries on.
 */
describe('an older process and a meeting it cannot read', () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let dataDir: string;
  let store: RedisStore;
  let bus: RedisMeetingBus;
  const prefix = `unreadable-${randomBytes(4).toString('hex')}:`;
  const adminToken = randomBytes(32).toString('base64url');
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    dataDir = await tempDir('irm-unreadable-');
    a = await spawnServer(dataDir, {
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      IRM_SECRET: randomBytes(32).toString('base64url'),
      IRM_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'info',
    });
    store = await RedisStore.connect(redis.url, { prefix });
    bus = await RedisMeetingBus.connect(redis.url, { store, prefix });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    a?.child.kill('SIGTERM');
    await a?.exited;
    await bus?.close();
    await store?.close();
    await redis?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("sends M's clients off and refuses M; N's client carries on; the log names meeting, seq and version", async () => {
    const m = await createMeetingWith(a.url, adminToken, {});
    const n = await createMeetingWith(a.url, adminToken, {});
    const onM = await connect(a.url, m.chair.token);
    const onN = await connect(a.url, n.chair.token);
    clients.push(onM, onN);
    const closing: ClosingMessage[] = [];
    onM.socket.on('closing', (notice) => closing.push(notice));
    let disconnected = false;
    onM.socket.on('disconnect', () => {
      disconnected = true;
    });

    // The newer process: its event, then its announcement (the id came back from our own API).
    const meetingId = asId<MeetingId>(m.meetingId);
    const last = await store.lastSeq(meetingId);
    const seq = last + 1;
    await store.append(meetingId, last, [fromTheFuture(seq)], []);
    bus.publishAdvanced(meetingId, seq);

    await waitFor(() => disconnected, "A disconnecting M's client");
    expect(closing).toEqual([expect.objectContaining({ reason: DISCONNECT_REASONS.meetingUnreadable })]);

    await expect(connect(a.url, m.chair.token)).rejects.toThrow(CONNECT_ERRORS.unavailable);
    await waitFor(
      () =>
        a
          .stdout()
          .split('\n')
          .some(
            (line) => line.includes('connection refused') && line.includes('"reason":"meeting_unreadable"'),
          ),
      'the refused handshake logged as meeting_unreadable',
    );
    expect((await api(a.url, 'GET', `/api/meetings/${m.meetingId}`, adminToken)).status).toBe(503);

    const started = performance.now();
    const ack = await onN.send({ type: 'meeting.open' });
    const latencyMs = performance.now() - started;
    expect(ack).toMatchObject({ ok: true });
    expect(latencyMs).toBeLessThan(1000);
    expect(onN.socket.connected).toBe(true);

    const logged = a
      .stdout()
      .split('\n')
      .filter((line) => line.includes(m.meetingId) && line.includes(`version ${EVENT_VERSION + 1}`));
    expect(logged.join('\n')).toMatch(
      new RegExp(`meeting ${m.meetingId}: cannot read event seq ${seq} \\(version ${EVENT_VERSION + 1}\\)`),
    );
  }, 60_000);
});
