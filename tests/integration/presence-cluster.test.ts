import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import { TokenService } from '../../server/auth/tokens';
import { newId } from '../../server/ids';
import { LOCAL_BUS } from '../../server/meeting/bus';
import { MeetingService } from '../../server/meeting/service';
import { RedisStore } from '../../server/store/redis';
import type { Meeting } from '../../shared';
import { api, connect, type TestClient } from '../support/client';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/** Waits until `check` holds for the meeting as `client` sees it. */
const until = (client: TestClient, check: (m: Meeting) => boolean, what: string, timeoutMs = 10_000) =>
  waitFor(() => check(client.meeting()), what, { timeoutMs, everyMs: 20 });

const online = (m: Meeting, participantId: string) =>
  m.participants.find((p) => p.id === participantId)?.online;

describe('presence across server processes sharing Redis', () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  const adminToken = randomBytes(32).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const dirs: string[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'irmpresence:',
      IRM_SECRET: secret,
      IRM_ADMIN_TOKEN: adminToken,
      // A dead process counts as gone after 3 beats (900 ms) rather than 15 s.
      IRM_PRESENCE_HEARTBEAT_MS: '300',
    };
    for (let i = 0; i < 2; i++) dirs.push(await tempDir('irm-presence-'));
    a = await spawnServer(dirs[0]!, env); // seeds the demo meeting into Redis
    b = await spawnServer(dirs[1]!, env);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of [a, b]) p?.child.kill('SIGKILL');
    await redis?.stop();
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  const join = async (server: ServerProcess, token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };
  const link = (delegation: string) => a.links.find((l) => l.delegation.includes(delegation))!.token;

  it('serves a meeting created on another process whose notice never came, with no wait for the poll', async () => {
    // A third writer that announces nothing (as if its pub/sub notice were lost): A and B would only
    // learn of the meeting from their store poll, a second later, without loading on demand.
    const store = await RedisStore.connect(redis.url, { prefix: 'irmpresence:' });
    const silent = await MeetingService.load(store, { newId, bus: LOCAL_BUS, presenceSweepMs: 0 });
    const created = await silent.createMeeting({ title: 'IRM-2 (created elsewhere)' });
    await silent.close();
    await store.close();
    const { id } = created.meeting;
    const tokens = new TokenService(secret, adminToken, 3600);
    const chairToken = await tokens.sign({ meetingId: id, participantId: created.chair.id, role: 'chair' });
    // At once on B: the chair adds a delegate there, who joins on A; nobody waited for the poll.
    const added = await api<{ token: string; participant: { id: string } }>(
      b.url,
      'POST',
      `/api/meetings/${id}/participants`,
      chairToken,
      { name: 'Delegate of Kenya', delegation: 'Kenya', role: 'delegate', region: 'AFR' },
    );
    expect(added.status).toBe(201);
    const delegate = await join(a, added.body.token); // added on B, joins on A at once
    expect(delegate.snapshot.you.participantId).toBe(added.body.participant.id);
    const fetched = await api<{ meeting: Meeting }>(b.url, 'GET', `/api/meetings/${id}`, added.body.token);
    expect(fetched.status).toBe(200);
    expect(fetched.body.meeting.participants.map((p) => p.delegation)).toContain('Kenya');
    const chair = await join(b, chairToken);
    await until(
      chair,
      (m) => online(m, added.body.participant.id) === true,
      'the delegate online, seen on B',
    );
  });

  it('counts connections on every process, and a dead process takes its participants offline', async () => {
    const chairLink = a.links.find((l) => l.role === 'chair')!;
    const delegates = a.links.filter((l) => l.role === 'delegate');
    expect(delegates.length).toBeGreaterThanOrEqual(2);
    const chair = await join(b, chairLink.token);
    const [x, y, z] = delegates as [(typeof delegates)[0], (typeof delegates)[0], (typeof delegates)[0]];

    // X is connected to both processes, Y only to A.
    const xOnA = await join(a, link(x.delegation));
    const xId = xOnA.snapshot.you.participantId!;
    await join(b, link(x.delegation));
    const yOnA = await join(a, link(y.delegation));
    const yId = yOnA.snapshot.you.participantId!;
    // Z, only on A, is the marker: it leaves A just after X does, so once Z's offline (held for the
    // offline grace) has arrived, an offline for X would have arrived before it.
    const zOnA = await join(a, link(z.delegation));
    const zId = zOnA.snapshot.you.participantId!;
    await until(
      chair,
      (m) => online(m, xId) === true && online(m, yId) === true && online(m, zId) === true,
      'X, Y and Z online',
    );

    // X leaves A but is still on B: no offline event for X at all.
    const eventsBefore = chair.events.length;
    xOnA.close();
    zOnA.close();
    await until(chair, (m) => online(m, zId) === false, 'Z offline (the marker)');
    expect(online(chair.meeting(), xId)).toBe(true);
    const xWentOffline = chair.events
      .slice(eventsBefore)
      .some((e) => e.event.type === 'participant.offline' && e.event.participantId === xId);
    expect(xWentOffline).toBe(false);

    // Process A dies without a word (no graceful disconnects): Y goes offline, seen on B.
    await join(a, link(x.delegation)); // X back on A too: must stay online through A's death
    a.child.kill('SIGKILL');
    await a.exited;
    await until(chair, (m) => online(m, yId) === false, 'Y offline after A died', 8000);
    expect(online(chair.meeting(), xId)).toBe(true);

    // Y reconnects to B: online again.
    await join(b, link(y.delegation));
    await until(chair, (m) => online(m, yId) === true, 'Y online again on B');
  });
});
