import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import type { ClientToServerEvents, ServerToClientEvents, StatusMessage } from '../../shared';
import { connect, type TestClient } from '../support/client';
import { startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const waitUntil = (check: () => boolean, what: string, timeoutMs = 15_000) =>
  waitFor(check, what, { timeoutMs, everyMs: 20 });

const healthz = async (server: Server) => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; store: string } };
};

const storeGauge = async (server: Server) => {
  const text = await (
    await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).text();
  return Number(/^irm_store_available (\S+)$/m.exec(text)?.[1]);
};

/**
 * One server process on Redis, Redis taken away and brought back: commands are answered
 * `unavailable` meanwhile, clients are told (`status`), /healthz says 503, and everything resumes
 * when Redis is back, with no restart of the server.
 */
describe('store status: Redis goes away and comes back', () => {
  let redis: RedisServer;
  let server: Server;
  let chair: TestClient;
  let delegate: TestClient;
  let delegateToken: string;
  /** Every `status` message the chair's and the delegate's connections received, in order. */
  const chairStatus: StatusMessage[] = [];
  const delegateStatus: StatusMessage[] = [];
  const late: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];

  beforeAll(async () => {
    // Append-only with fsync always: what was stored before the outage is there after it.
    redis = await startRedis({ appendOnly: true });
    server = await startTestServer({ redisUrl: redis.url, redisPrefix: 'irmstatus:' });
    const { meeting, chair: chairP } = await server.service.createMeeting({ title: 'Status IRM' });
    const added = await server.service.addParticipant(meeting.id, {
      name: 'Ana',
      delegation: 'Brazil',
      role: 'delegate',
      region: 'AMS',
    });
    if ('error' in added) throw new Error(`add participant: ${JSON.stringify(added.error)}`);
    delegateToken = (await server.invites.for(meeting.id, added)).token;
    chair = await connect(server.url, (await server.invites.for(meeting.id, chairP)).token);
    delegate = await connect(server.url, delegateToken);
    chair.socket.on('status', (s) => chairStatus.push(s));
    delegate.socket.on('status', (s) => delegateStatus.push(s));
    expect(await chair.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'agenda.add', title: 'Outcomes of the RPMs' })).toMatchObject({
      ok: true,
    });
    const itemId = chair.meeting().agenda[0]!.id;
    expect(await chair.send({ type: 'agenda.open', itemId })).toMatchObject({ ok: true });
    await delegate.waitForSeq(chair.seq());
  });

  afterAll(async () => {
    for (const socket of late) socket.close();
    chair?.close();
    delegate?.close();
    await server?.stop();
    await redis?.stop();
  });

  it('is ok to begin with: no status sent, /healthz 200, gauge 1', async () => {
    expect(chairStatus).toEqual([]);
    expect(await healthz(server)).toEqual({
      status: 200,
      body: expect.objectContaining({ ok: true, store: 'ok' }),
    });
    expect(await storeGauge(server)).toBe(1);
  });

  it('while Redis is down: clients are told, commands are unavailable, /healthz 503', async () => {
    const seqBefore = chair.seq();
    await redis.halt();
    await waitUntil(() => chairStatus.length > 0 && delegateStatus.length > 0, 'status unavailable');
    expect(chairStatus).toEqual([{ store: 'unavailable' }]);
    expect(delegateStatus).toEqual([{ store: 'unavailable' }]);

    const refused = await delegate.send({ type: 'floor.request', kind: 'speak' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await chair.send({ type: 'floor.close' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    // Nothing was acknowledged, so nothing was published.
    expect(chair.seq()).toBe(seqBefore);

    expect(await healthz(server)).toEqual({
      status: 503,
      body: expect.objectContaining({ ok: false, store: 'unavailable' }),
    });
    expect(await storeGauge(server)).toBe(0);

    // A client connecting meanwhile (from the room's memory) is told at once.
    const statusOnConnect: StatusMessage[] = [];
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      auth: { token: delegateToken, batch: true },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    late.push(socket);
    socket.on('status', (s) => statusOnConnect.push(s));
    await waitUntil(() => statusOnConnect.length > 0, 'status on connect');
    expect(statusOnConnect).toEqual([{ store: 'unavailable' }]);
  });

  it('when Redis is back: status ok, commands go through, /healthz 200; the server never restarted', async () => {
    const seqBefore = chair.seq();
    await redis.start();
    await waitUntil(() => chairStatus.length > 1 && delegateStatus.length > 1, 'status ok');
    expect(chairStatus).toEqual([{ store: 'unavailable' }, { store: 'ok' }]);
    expect(delegateStatus).toEqual([{ store: 'unavailable' }, { store: 'ok' }]);

    const ack = await delegate.send({ type: 'floor.request', kind: 'speak' });
    expect(ack).toMatchObject({ ok: true, seq: seqBefore + 1 });
    await chair.waitForSeq(seqBefore + 1);
    expect(chair.meeting().floor.queue.map((r) => r.participantId)).toEqual([
      delegate.snapshot.you.participantId,
    ]);
    // Seqs go on from where they were: nothing was lost or skipped in the store.
    expect(chair.events.map((e) => e.seq)).toEqual(chair.events.map((_, i) => chair.snapshot.seq + i + 1));

    // A client that asks for what it missed by seq gets the events, not a snapshot.
    expect(await chair.socket.timeout(5000).emitWithAck('resync', { sinceSeq: seqBefore })).toEqual({
      ok: true,
      mode: 'events',
    });

    expect(await healthz(server)).toEqual({
      status: 200,
      body: expect.objectContaining({ ok: true, store: 'ok' }),
    });
    expect(await storeGauge(server)).toBe(1);
    // The same connections, never dropped.
    expect(chair.socket.connected && delegate.socket.connected).toBe(true);
  });
});
