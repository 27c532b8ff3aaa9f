import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared';
import { api, connect, type TestClient } from '../support/client';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';

const withoutPresence = (m: Meeting) => ({
  ...m,
  participants: m.participants.map((p) => ({ ...p, online: false })),
});

describe('kill -9 and restart', () => {
  const cleanup: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function start(dataDir: string): Promise<ServerProcess> {
    const server = await spawnServer(dataDir);
    cleanup.push(() => server.child.kill('SIGKILL'));
    return server;
  }

  it('seeds the demo on an empty DATA_DIR, reuses it, and loses nothing acknowledged', async () => {
    const dataDir = await tempDir('irm-crash-');
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const first = await start(dataDir);
    expect(first.stdout()).toContain('IRM-1');
    expect(first.links.length).toBe(23);
    const chairLink = first.links.find((l) => l.role === 'chair')!;
    const delegates = first.links.filter((l) => l.role === 'delegate' || l.role === 'spokesperson');
    expect(delegates.length).toBe(14);

    const clients: TestClient[] = [];
    cleanup.push(() => {
      for (const c of clients) c.close();
    });
    const chair = await connect(first.url, chairLink.token);
    clients.push(chair);
    expect((await chair.send({ type: 'meeting.open' })).ok).toBe(true);
    const item4 = chair.meeting().agenda.find((i) => i.number === '4')!;
    expect((await chair.send({ type: 'agenda.open', itemId: item4.id })).ok).toBe(true);

    // Phase 1, quiescent: every event any client saw was stored; the restart rebuilds the same state.
    const speakers = await Promise.all(delegates.slice(0, 6).map((d) => connect(first.url, d.token)));
    clients.push(...speakers);
    for (const s of speakers) expect((await s.send({ type: 'floor.request', kind: 'speak' })).ok).toBe(true);
    expect((await speakers[3]!.send({ type: 'floor.request', kind: 'point_of_order' })).ok).toBe(true);
    expect((await chair.send({ type: 'floor.next' })).ok).toBe(true);
    const lastAck = await chair.send({ type: 'floor.extend', seconds: 60 });
    if (!lastAck.ok) throw new Error('extend refused');
    // Presence events settle: the chair has seen every connected participant come online.
    await waitFor(
      () => chair.seq() >= lastAck.seq && chair.meeting().participants.filter((p) => p.online).length === 7,
      'the chair and six speakers online',
    );
    const seen = chair.meeting();
    const seenSeq = chair.seq();
    const onlineBefore = seen.participants.filter((p) => p.online).length;
    expect(seenSeq).toBeGreaterThanOrEqual(lastAck.seq);

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await start(dataDir);
    expect(second.stdout()).not.toContain('just created');
    expect(second.links.find((l) => l.role === 'chair')).toBeDefined();
    const after = await api<{ seq: number; meeting: Meeting }>(
      second.url,
      'GET',
      `/api/meetings/${seen.id}`,
      chairLink.token,
    );
    expect(after.status).toBe(200);
    // Only the "went offline" events of the restart come after what clients had seen.
    expect(after.body.seq).toBe(seenSeq + onlineBefore);
    expect(withoutPresence(after.body.meeting)).toEqual(withoutPresence(seen));
    expect(after.body.meeting.floor.queue[0]?.kind).toBe('speak');

    // Phase 2, in flight: acks that arrived before kill -9 are all in the restarted log.
    const chair2 = await connect(second.url, chairLink.token);
    clients.push(chair2);
    const rest = await Promise.all(delegates.slice(6).map((d) => connect(second.url, d.token)));
    clients.push(...rest);
    const acked: string[] = [];
    const requests = rest.map((c) =>
      c.send({ type: 'floor.request', kind: 'speak' }).then(
        (ack) => {
          if (ack.ok) acked.push(c.snapshot.you.participantId ?? '');
        },
        () => undefined,
      ),
    );
    await waitFor(() => acked.length >= 3, 'three acks before the kill', { everyMs: 1 });
    second.child.kill('SIGKILL');
    await Promise.allSettled(requests);
    await second.exited;
    const third = await start(dataDir);
    const final = await api<{ seq: number; meeting: Meeting }>(
      third.url,
      'GET',
      `/api/meetings/${seen.id}`,
      chairLink.token,
    );
    const queued = new Set(final.body.meeting.floor.queue.map((r) => r.participantId));
    for (const id of acked) expect(queued.has(id as never)).toBe(true);
  });

  it('SIGTERM drains and exits promptly', async () => {
    const dataDir = await tempDir('irm-term-');
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const server = await start(dataDir);
    const client = await connect(server.url, server.links[0]!.token);
    cleanup.push(() => client.close());
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
