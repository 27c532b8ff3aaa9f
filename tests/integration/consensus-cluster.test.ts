import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import { RedisStore } from '../../server/store/redis';
import type { MeetingEvent, MeetingId, StoredEvent } from '../../shared';
import { plainText } from '../../shared/collab/schema';
import { applied, connect, type TestClient } from '../support/client';
import { openEditor, waitUntil } from '../support/collab';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';

type Closed = Extract<MeetingEvent, { type: 'consensus.closed' }>;

/** Every stored event of a meeting, read back from Redis. */
async function storedLog(store: RedisStore, meetingId: MeetingId): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (;;) {
    const page = await store.readEvents(meetingId, all.at(-1)?.seq ?? 0, 1000);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/**
 * Two `server/main.ts` processes over one Redis both hold the demo meeting, and each arms its own
 * timer for a check's deadline: the store's seq ordering lets one close it, so the log holds one
 * `consensus.closed`, and the clients of both processes see it.
 */
describe('a check deadline with two processes on Redis', () => {
  let redis: RedisServer;
  let store: RedisStore;
  const prefix = `irmtest-consensus-${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('base64url');
  const adminToken = randomBytes(32).toString('base64url');
  const dirs: string[] = [];
  const processes: ServerProcess[] = [];
  const clients: TestClient[] = [];

  const spawn = async (name: string) => {
    const dir = await tempDir(`irm-consensus-${name}-`);
    dirs.push(dir);
    const server = await spawnServer(dir, {
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      IRM_SECRET: secret,
      IRM_ADMIN_TOKEN: adminToken,
    });
    processes.push(server);
    return server;
  };
  const join = async (server: ServerProcess, token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    redis = await startRedis();
    store = await RedisStore.connect(redis.url, { prefix });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await store?.close().catch(() => undefined);
    await redis?.stop();
    await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
  });

  it('one consensus.closed in the log; the clients of both processes see the outcome', async () => {
    const a = await spawn('a');
    const b = await spawn('b');
    const link = (delegation: string) => a.links.find((l) => l.delegation === delegation)!;
    const chairLink = a.links.find((l) => l.role === 'chair')!;
    const chair = await join(a, chairLink.token);
    const france = await join(a, link('France').token);
    const egypt = await join(b, link('Egypt').token);
    const nigeria = await join(b, link('Nigeria').token);
    const everyone = [chair, france, egypt, nigeria];
    const meetingId = chair.snapshot.meeting.id;
    const proposal = chair.meeting().proposals.find((p) => p.symbol === 'IRM1/DT/1')!;
    const editor = openEditor(b.url, proposal.id, link('Nigeria').token);
    await waitUntil(() => plainText(editor.doc).includes('Recognizing'), 'the demo text on B');
    editor.destroy();

    await applied(chair, { type: 'meeting.open' });
    await applied(chair, {
      type: 'consensus.ask',
      proposalId: proposal.id,
      paragraphIds: ['b3'],
      seconds: 5,
    });
    const check = chair.meeting().consensus.checks.at(-1)!;
    expect(check.paragraphNumbers).toEqual([2]);
    // Asked on A, objected to on B and withdrawn there: commands of both processes count.
    await egypt.waitForSeq(chair.seq());
    await applied(egypt, {
      type: 'consensus.object',
      checkId: check.id,
      reason: 'Egypt would like time to consult.',
    });
    await applied(egypt, { type: 'consensus.withdrawObjection', checkId: check.id });
    await applied(nigeria, { type: 'consensus.object', checkId: check.id });

    const closedOf = (c: TestClient) =>
      c.events.map((s) => s.event).filter((e): e is Closed => e.type === 'consensus.closed');
    await waitFor(() => everyone.every((c) => closedOf(c).length === 1), 'the outcome on every client', {
      timeoutMs: 15_000,
    });
    for (const c of everyone) {
      expect(closedOf(c)[0]).toMatchObject({
        checkId: check.id,
        outcome: 'objected',
        closedBy: null,
        objections: [{ delegation: 'Nigeria', reason: '' }],
      });
      expect(c.meeting().consensus.checks.find((k) => k.id === check.id)?.result?.outcome).toBe('objected');
    }

    // Both processes' timers have fired by now (the deadline is behind): still one in the log.
    await waitFor(
      async () => (await store.lastSeq(meetingId)) === chair.seq(),
      'the store and the chair agree',
    );
    const closedInLog = (await storedLog(store, meetingId)).filter(
      (s) => s.event.type === 'consensus.closed',
    );
    expect(closedInLog).toHaveLength(1);
  }, 60_000);
});
