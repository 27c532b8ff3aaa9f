import { SignJWT } from 'jose';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, type TestClient } from '../support/client';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Emits without an ack callback, as a misbehaving client would. */
const rawEmit = (client: TestClient, event: string, payload: unknown) =>
  (client.socket as unknown as { emit: (e: string, p: unknown) => void }).emit(event, payload);

describe('public protocol, checked from outside', () => {
  let server: Server;
  let meetingId: string;
  let chair: Invitee;
  let people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
  let itemId: string;
  const clients: TestClient[] = [];
  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    ({ meetingId, chair, people } = (await createMeetingWith(
      server.url,
      server.adminToken,
      STANDARD_PEOPLE,
    )) as {
      meetingId: string;
      chair: Invitee;
      people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
    });
    const c = await join(chair.token);
    expect(await c.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
    expect(
      await c.send({ type: 'agenda.add', title: 'Outcomes of the RPMs', plannedMinutes: 30 }),
    ).toMatchObject({
      ok: true,
    });
    itemId = c.meeting().agenda[0]!.id;
    expect(await c.send({ type: 'agenda.open', itemId })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('answers /healthz and /metrics (the latter with the admin token, issue 10)', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const metrics = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } })
    ).text();
    expect(metrics).toContain('irm_commands_total');
    expect(metrics).toContain('irm_socket_connections');
    expect(metrics).toContain('irm_command_duration_seconds_bucket');
    expect(metrics).toContain('nodejs_eventloop_lag_seconds');
  });

  it('GET /api/meetings/:id needs a token of that meeting', async () => {
    const ok = await api<{ seq: number; meeting: { id: string; title: string } }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      people.brazil.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.meeting).toMatchObject({ id: meetingId, title: 'Test IRM' });
    expect(ok.body.seq).toBeGreaterThan(0);
    expect((await api(server.url, 'GET', `/api/meetings/${meetingId}`, undefined)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/meetings/${meetingId}`, 'garbage')).status).toBe(401);
  });

  it('only the admin, chair or secretariat add participants; bad bodies are invalid', async () => {
    const body = { name: 'X', delegation: 'Chile', role: 'delegate', region: 'AMS' };
    const route = `/api/meetings/${meetingId}/participants`;
    expect((await api(server.url, 'POST', route, people.brazil.token, body)).status).toBe(403);
    expect((await api(server.url, 'POST', route, chair.token, body)).status).toBe(201);
    expect((await api(server.url, 'POST', route, people.secretariat.token, body)).status).toBe(201);
    const bad = await api<{ error: { code: string } }>(server.url, 'POST', route, chair.token, {
      ...body,
      role: 'king',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid');
    const notJson = await api<{ error: { code: string } }>(server.url, 'POST', route, chair.token, '{nope');
    expect(notJson.status).toBe(400);
    expect((await api(server.url, 'POST', '/api/meetings', chair.token, { title: 'x' })).status).toBe(403);
  });

  it('refuses a bad, foreign or expired token with connect_error "unauthorized"', async () => {
    await expect(connect(server.url, 'not-a-token')).rejects.toThrow('unauthorized');
    const other = await createMeetingWith(server.url, server.adminToken, {});
    // A valid token of another meeting is accepted for that meeting only.
    const foreign = await connect(server.url, other.chair.token);
    expect(foreign.snapshot.meeting.id).toBe(other.meetingId);
    foreign.close();
    const secret = new TextEncoder().encode('wrong secret');
    const forged = await new SignJWT({ mid: meetingId, role: 'chair' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(chair.participantId)
      .setIssuer('irm-room')
      .setAudience('irm-room:participant')
      .setExpirationTime('1h')
      .sign(secret);
    await expect(connect(server.url, forged)).rejects.toThrow('unauthorized');
    const expired = await server.tokens.sign(
      { meetingId, participantId: chair.participantId, role: 'chair' },
      -10,
    );
    await expect(connect(server.url, expired)).rejects.toThrow('unauthorized');
  });

  it('refuses a handshake from a foreign Origin, accepts its own', async () => {
    await expect(connect(server.url, chair.token, { origin: 'https://evil.example' })).rejects.toThrow();
    const same = await join(chair.token);
    expect(same.snapshot.you.role).toBe('chair');
    const sameOrigin = await connect(server.url, chair.token, { origin: server.url });
    sameOrigin.close();
  });

  it('a command from a wrong role is forbidden and changes nothing', async () => {
    const vice = await join(people.vice.token);
    const observer = await join(people.observer.token);
    const d = await join(people.brazil.token);
    const before = d.seq();
    const ack = await d.send({ type: 'floor.next' });
    expect(ack).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(await vice.send({ type: 'agenda.open', itemId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await observer.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const snap = await api<{ seq: number; meeting: unknown }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      chair.token,
    );
    expect(snap.body.seq).toBe(before);
    expect(snap.body.meeting).toEqual(d.meeting());
  });

  it('a malformed payload is invalid and nothing crashes', async () => {
    const d = await join(people.france.token);
    const emit = (payload: unknown) => d.socket.timeout(5000).emitWithAck('command', payload as never);
    for (const payload of [
      null,
      42,
      'floor.request',
      [],
      {},
      { id: 'x' },
      { id: 'x', type: 'floor.request' },
      { id: 'x', type: 'floor.request', kind: 'filibuster' },
      { id: 'x', type: 'floor.request', kind: 'speak', extra: true },
      { id: 'y'.repeat(500), type: 'floor.next' },
      { id: 'x', type: 'no.such.command' },
      { id: 'x', type: 'agenda.add', title: 'z'.repeat(5000) },
      { id: 'x', type: 'floor.setLimit', seconds: -1 },
      { id: 'x', type: '__proto__' },
    ]) {
      const ack = (await emit(payload)) as { ok: boolean; error: { code: string } };
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe('invalid');
    }
    // A command without an ack callback is dropped, and an oversized message closes only that socket.
    rawEmit(d, 'command', { id: 'n', type: 'floor.next' });
    const big = await join(people.egypt.token);
    const disconnected = new Promise((r) => big.socket.once('disconnect', r));
    rawEmit(big, 'command', { id: 'big', type: 'agenda.add', title: 'x'.repeat(200_000) });
    await disconnected;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await d.send({ type: 'floor.withdraw' })).ok).toBe(false);
  });

  it('three clients see the same events in the same order; a point of order goes first', async () => {
    const c = await join(chair.token);
    const a = await join(people.brazil.token);
    const b = await join(people.france.token);
    const start = c.seq();
    expect(await a.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({ ok: true });
    expect(await b.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({ ok: true });
    const poo = await b.send({ type: 'floor.request', kind: 'point_of_order' });
    expect(poo.ok).toBe(true);
    if (!poo.ok) return;
    await Promise.all([a, b, c].map((x) => x.waitForSeq(poo.seq)));
    const tail = (x: TestClient) => x.events.filter((e) => e.seq > start).map((e) => e.seq);
    expect(tail(a)).toEqual(tail(b));
    expect(tail(b)).toEqual(tail(c));
    expect(tail(a)).toEqual([...tail(a)].sort((p, q) => p - q));
    const queue = c.meeting().floor.queue;
    expect(queue.map((r) => [r.participantId, r.kind])).toEqual([
      [people.france.participantId, 'point_of_order'],
      [people.brazil.participantId, 'speak'],
      [people.france.participantId, 'speak'],
    ]);
    expect(a.meeting().floor).toEqual(c.meeting().floor);
    expect(b.meeting().floor).toEqual(c.meeting().floor);

    // The chair gives the floor; the intervention is timed and logged.
    expect(await c.send({ type: 'floor.next' })).toMatchObject({ ok: true });
    // The sender gets a command's events before its ack.
    expect(c.meeting().floor.current).toMatchObject({ participantId: people.france.participantId });
    const ended = await c.send({ type: 'floor.end' });
    expect(ended.ok).toBe(true);
    if (ended.ok) await c.waitForSeq(ended.seq);
    const logged = c.meeting().interventions.at(-1)!;
    expect(logged).toMatchObject({
      participantId: people.france.participantId,
      kind: 'point_of_order',
      itemId,
    });
  });

  it('a batched client gets the same events, each once, in seq order', async () => {
    const plain = await join(people.secretariat.token);
    const batched = await connect(server.url, people.vice.token, { auth: { batch: true } });
    clients.push(batched);
    const from = batched.seq();
    const acks = await Promise.all(
      [plain, batched].flatMap((c) => [
        c.send({ type: 'floor.request', kind: 'speak' }),
        c.send({ type: 'floor.request', kind: 'point_of_order' }),
      ]),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const last = Math.max(...acks.map((a) => (a.ok ? a.seq : 0)));
    await Promise.all([plain.waitForSeq(last), batched.waitForSeq(last)]);
    const seqs = batched.events.map((e) => e.seq).filter((s) => s > from);
    expect(seqs).toEqual(Array.from({ length: last - from }, (_, i) => from + 1 + i));
    expect(batched.meeting()).toEqual(plain.meeting());
    expect((await batched.socket.timeout(5000).emitWithAck('clock')) as number).toBeGreaterThan(0);
  });

  it('the projector link reads the meeting live and can do nothing else', async () => {
    const denied = await api(server.url, 'GET', `/api/meetings/${meetingId}/projector`, people.brazil.token);
    expect(denied.status).toBe(403);
    const link = await api<{ url: string }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}/projector`,
      chair.token,
    );
    expect(link.body.url).toMatch(/\/projector#token=/);
    const token = link.body.url.split('#token=')[1]!;
    const projector = await join(token);
    expect(projector.snapshot.you).toEqual({ participantId: null, role: 'viewer' });
    const online = projector.meeting().participants.filter((p) => p.online).length;
    expect(await projector.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const add = await api(server.url, 'POST', `/api/meetings/${meetingId}/participants`, token, {
      name: 'X',
      delegation: 'X',
      role: 'chair',
    });
    expect(add.status).toBe(403);
    const c = await join(chair.token);
    const ack = await c.send({ type: 'floor.setLimit', seconds: 150 });
    expect(ack.ok).toBe(true);
    await projector.waitForSeq(ack.ok ? ack.seq : 0);
    expect(projector.meeting().floor.limitSeconds).toBe(150);
    expect(projector.meeting().participants.filter((p) => p.online).length).toBe(online);
  });

  it('a reconnect with auth.sinceSeq gets only the missed events, not a snapshot', async () => {
    const c = await join(chair.token);
    const since = c.seq();
    const a1 = await c.send({ type: 'floor.setLimit', seconds: 170 });
    const a2 = await c.send({ type: 'floor.setLimit', seconds: 160 });
    expect(a1.ok && a2.ok).toBe(true);
    const back = await new Promise<{ snapshots: number; seqs: number[] }>((resolve, reject) => {
      const socket = io(server.url, {
        auth: { token: chair.token, batch: true, sinceSeq: since },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      const seen = { snapshots: 0, seqs: [] as number[] };
      socket.on('snapshot', () => seen.snapshots++);
      socket.on('events', (list: Array<{ seq: number }>) => {
        seen.seqs.push(...list.map((e) => e.seq));
        if (seen.seqs.includes(a2.ok ? a2.seq : -1)) {
          socket.close();
          resolve(seen);
        }
      });
      socket.on('connect_error', reject);
    });
    expect(back.snapshots).toBe(0);
    expect(back.seqs.slice(0, 2)).toEqual([since + 1, since + 2]);
  });

  it('the same command id gets the same ack and is applied once', async () => {
    const e = await join(people.egypt.token);
    const first = await e.send({ id: 'same-id', type: 'floor.request', kind: 'speak' });
    const second = await e.send({ id: 'same-id', type: 'floor.request', kind: 'speak' });
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    const both = await Promise.all([
      e.send({ id: 'race-id', type: 'floor.request', kind: 'reply' }),
      e.send({ id: 'race-id', type: 'floor.request', kind: 'reply' }),
    ]);
    expect(both[0]).toEqual(both[1]);
    const c = await join(chair.token);
    const mine = c.meeting().floor.queue.filter((r) => r.participantId === people.egypt.participantId);
    expect(mine.map((r) => r.kind).sort()).toEqual(['reply', 'speak']);
  });

  it('resync sends the missed events, or a snapshot when too far behind', async () => {
    const a = await join(people.apt.token);
    const c = await join(chair.token);
    const from = a.seq();
    await c.send({ type: 'floor.setLimit', seconds: 120 });
    const last = await c.send({ type: 'floor.setLimit', seconds: 150 });
    if (!last.ok) throw new Error('setLimit refused');
    await a.waitForSeq(last.seq);
    const replay: number[] = [];
    a.socket.on('event', (e) => replay.push(e.seq));
    const answer = await a.socket.timeout(5000).emitWithAck('resync', { sinceSeq: from });
    expect(answer).toEqual({ ok: true, mode: 'events' });
    expect(replay).toEqual([from + 1, from + 2]);
    expect(await a.socket.timeout(5000).emitWithAck('resync', { sinceSeq: -5 } as never)).toMatchObject({
      ok: false,
    });
  });

  it('rate-limits a flood from one socket without affecting others', async () => {
    const f = await join(people.france.token);
    const acks = await Promise.all(
      Array.from({ length: 60 }, () => f.send({ type: 'floor.withdraw', requestId: 'nope' })),
    );
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes).toContain('rate_limited');
    expect(codes).toContain('not_found');
    const other = await join(people.brazil.token);
    expect((await other.send({ type: 'floor.withdraw', requestId: 'nope' })).ok).toBe(false);
  });
});
