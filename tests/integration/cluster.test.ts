import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RedisServer, startRedis } from '../../scripts/redisServer';
import { RedisStore } from '../../server/store/redis';
import { redisKeys } from '../../server/store/redisKeys';
import type { Ack, CommandInput, FloorKind, Meeting, MeetingId } from '../../shared';
import { DOC_FIELDS, plainText } from '../../shared/collab/schema';
import { api, connect, type TestClient } from '../support/client';
import { type Editor, firstParagraph, openEditor, waitUntil } from '../support/collab';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { delay as sleep, waitFor } from '../support/wait';

/**
 * Scale-out over Redis with real, separate server processes (`server/main.ts`, as `npm run cluster`
 * runs it): one private redis-server (AOF, fsync always) for the file; each test starts its own
 * processes (A, B and, where it needs one, C) on its own key prefix, the demo meeting IRM-1 seeded by
 * A and found by the others, and stops them after it: no test depends on what another left behind
 * (killed, frozen or outaged processes, connected clients, an opened agenda item). Every assertion is
 * made from outside: Socket.IO and y-websocket clients, the HTTP API, and the stored log read back
 * from Redis.
 */

type Link = ServerProcess['links'][number];

const ackSeq = (ack: Ack, what: string): number => {
  if (!ack.ok) throw new Error(`${what} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
};

const HEARTBEAT_MS = 500;

/** Writes a first paragraph into an empty document (the demo proposals have no base text). */
const writeFirstParagraph = (editor: Editor) => {
  const fragment = editor.doc.getXmlFragment(DOC_FIELDS.text);
  if (fragment.length > 0) return;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Draft.')]);
  fragment.insert(0, [paragraph]);
};

const queueOf = (m: Meeting) => m.floor.queue.map((r) => r.participantId as string);
const pidOf = (c: TestClient) => c.snapshot.you.participantId as string;

describe('scale-out: server processes on one Redis', () => {
  let redis: RedisServer;
  /** Read-only view of what Redis holds under this test's prefix, for "every acknowledged seq is in the log". */
  let store: RedisStore;
  /** This test's key prefix: a store of its own on the file's redis-server. */
  let prefix: string;
  const secret = randomBytes(32).toString('base64url');
  const adminToken = randomBytes(32).toString('base64url');
  const dataDirs: string[] = [];
  const processes: ServerProcess[] = [];
  const clients: TestClient[] = [];
  const editors: Editor[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  /** The third process, in the tests that start one. */
  let c: ServerProcess;
  let meetingId: MeetingId;
  let chairLink: Link;
  /** Delegates and RTO spokespersons (14), and the six vice-chairs, from the demo's join links. */
  let speakers: Link[];
  let vices: Link[];
  /** The chair, connected to A for the whole test. */
  let chair: TestClient;
  const killChildren = () => {
    for (const p of processes)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  };

  async function spawn(name: string): Promise<ServerProcess> {
    const dir = await tempDir(`irm-cluster-${name}-`);
    dataDirs.push(dir);
    const server = spawnServer(dir, {
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      IRM_SECRET: secret,
      IRM_ADMIN_TOKEN: adminToken,
      // A process not heard of for 3 beats (1.5 s) is dead and its participants go offline.
      IRM_PRESENCE_HEARTBEAT_MS: String(HEARTBEAT_MS),
    });
    const started = await server;
    processes.push(started);
    return started;
  }

  async function join(
    server: ServerProcess,
    link: Link,
    auth?: Record<string, unknown>,
  ): Promise<TestClient> {
    const client = await connect(server.url, link.token, auth ? { auth } : {});
    clients.push(client);
    return client;
  }

  async function stateOf(server: ServerProcess): Promise<{ seq: number; meeting: Meeting }> {
    const res = await api<{ seq: number; meeting: Meeting }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      adminToken,
    );
    if (res.status !== 200) throw new Error(`GET meeting on ${server.url}: ${res.status}`);
    return res.body;
  }

  /**
   * Waits until every given client holds the seq the store (Redis) holds, unchanged over three polls
   * 100 ms apart, then returns the state of each given process at that seq. The processes are not
   * asked anything while the clients catch up (their HTTP API syncs them with the store): clients get
   * there only through the events their processes push. Nobody sends `resync`.
   */
  async function settle(
    live: TestClient[],
    servers: ServerProcess[],
    timeoutMs = 10_000,
  ): Promise<Array<{ seq: number; meeting: Meeting }>> {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let stable = 0;
    for (;;) {
      const stored = await store.lastSeq(meetingId);
      if (live.every((cl) => cl.seq() === stored)) {
        stable = stored === last ? stable + 1 : 1;
        last = stored;
        if (stable >= 3) {
          const states = await Promise.all(servers.map(stateOf));
          if (states.every((s) => s.seq === stored)) return states;
          stable = 0; // something was stored meanwhile (presence): once more
        }
      } else {
        stable = 0;
        last = -1;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no convergence in ${timeoutMs} ms: the store at ${stored}, clients at ${live.map((cl) => cl.seq()).join(', ')}`,
        );
      }
      await sleep(100);
    }
  }

  /** Every acknowledged floor request is in the log Redis holds, at its acknowledged seq. */
  async function expectRequestsLogged(
    acked: Array<{ participantId: string; kind: FloorKind; seq: number }>,
  ): Promise<void> {
    for (const { participantId, kind, seq } of acked) {
      const [stored] = await store.readEvents(meetingId, seq - 1, 1);
      expect(stored?.seq).toBe(seq);
      expect(stored?.event).toMatchObject({ type: 'floor.requested', request: { participantId, kind } });
    }
  }

  /**
   * Waits until every given process marks online exactly the participants that have a connected
   * client here (clients of a dead process are disconnected), and they stay so over two heartbeats.
   */
  async function expectPresence(servers: ServerProcess[], timeoutMs = 10_000): Promise<void> {
    const expected = () => [...new Set(clients.filter((cl) => cl.socket.connected).map(pidOf))].sort();
    const actual = (m: Meeting) =>
      m.participants
        .filter((p) => p.online)
        .map((p) => p.id as string)
        .sort();
    const deadline = Date.now() + timeoutMs;
    let since = 0;
    for (;;) {
      const states = await Promise.all(servers.map(stateOf));
      const want = expected();
      const right = states.every((s) => JSON.stringify(actual(s.meeting)) === JSON.stringify(want));
      if (!right) since = 0;
      else if (!since) since = Date.now();
      else if (Date.now() - since >= 2 * HEARTBEAT_MS) return;
      if (Date.now() > deadline) {
        // Where the ones that differ are connected, and what the presence registry in Redis holds.
        const wrong = [...new Set(states.flatMap((s) => actual(s.meeting)).concat(want))].filter(
          (id) => !states.every((s) => actual(s.meeting).includes(id) === want.includes(id)),
        );
        const where = wrong.map((id) => ({
          id,
          on: clients
            .filter((cl) => pidOf(cl) === id && cl.socket.connected)
            .map(
              (cl) => processes.find((p) => p.url === (cl.socket.io as unknown as { uri: string }).uri)?.url,
            ),
        }));
        const keys = redisKeys(prefix);
        const raw = new Redis(redis.url);
        const registry = await raw.hgetall(keys.meetingPresence(meetingId));
        const beats = await raw.zrange(keys.processes(), 0, -1, 'WITHSCORES');
        raw.disconnect();
        throw new Error(
          `presence: expected online ${JSON.stringify(want)}, got ${states.map((s) => JSON.stringify(actual(s.meeting))).join(' / ')}; wrong: ${JSON.stringify(where)}; processes ${processes.map((p) => p.url).join(', ')}; registry ${JSON.stringify(registry)}; heartbeats ${JSON.stringify(beats)} at ${Date.now()}`,
        );
      }
      await sleep(100);
    }
  }

  /** Opens the meeting if needed and the given agenda item (a fresh, empty list of speakers). */
  async function openItem(number: string): Promise<string> {
    if (chair.meeting().status === 'scheduled')
      ackSeq(await chair.send({ type: 'meeting.open' }), 'meeting.open');
    const item = chair.meeting().agenda.find((i) => i.number === number)!;
    const seq = ackSeq(await chair.send({ type: 'agenda.open', itemId: item.id }), 'agenda.open');
    await chair.waitForSeq(seq);
    expect(chair.meeting().currentItemId).toBe(item.id);
    expect(chair.meeting().floor.queue).toEqual([]);
    return item.id;
  }

  /**
   * This test's cluster: a fresh key prefix, A (which seeds IRM-1 into the empty store), then the
   * others at once (which find it), and the chair connected to A.
   */
  async function startCluster(count: 2 | 3): Promise<void> {
    prefix = `irmtest-cluster-${randomBytes(4).toString('hex')}:`;
    store = await RedisStore.connect(redis.url, { prefix });
    a = await spawn('a');
    expect(a.stdout()).toContain('(demo meeting, just created)');
    // allSettled: all are registered for afterEach before a failure of any is thrown.
    const started = await Promise.allSettled(['b', 'c'].slice(0, count - 1).map(spawn));
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const others = started.map((r) => (r as PromiseFulfilledResult<ServerProcess>).value);
    [b, c] = others as [ServerProcess, ServerProcess];
    for (const p of others) {
      expect(p.stdout()).toContain('IRM-1');
      expect(p.stdout()).not.toContain('just created');
    }
    expect(a.links.length).toBe(23);
    chairLink = a.links.find((l) => l.role === 'chair')!;
    speakers = a.links.filter((l) => l.role === 'delegate' || l.role === 'spokesperson');
    vices = a.links.filter((l) => l.role === 'vice-chair');
    expect(speakers.length).toBe(14);
    expect(vices.length).toBe(6);
    chair = await join(a, chairLink);
    meetingId = chair.snapshot.meeting.id;
    // The same meeting everywhere: one store.
    const states = await Promise.all([a, ...others].map(stateOf));
    for (const s of states) expect(s.meeting.id).toBe(meetingId);
  }

  beforeAll(async () => {
    process.once('exit', killChildren);
    redis = await startRedis({ appendOnly: true });
  }, 60_000);

  afterEach(async () => {
    for (const e of editors.splice(0)) e.destroy();
    for (const cl of clients.splice(0)) cl.close();
    // A frozen process cannot die of SIGKILL until it is continued.
    for (const p of processes) p.child.kill('SIGCONT');
    killChildren();
    await Promise.all(processes.splice(0).map((p) => p.exited));
    await store?.close().catch(() => undefined);
    await Promise.all(dataDirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
    // A test that failed during its Redis outage leaves the next one a running Redis.
    if (redis && !redis.running) await redis.start();
  });

  afterAll(async () => {
    process.removeListener('exit', killChildren);
    await redis?.stop();
  });

  it('floor requests sent at once to three processes: all acked with distinct seqs, one queue in ack order everywhere', async () => {
    await startCluster(3);
    await openItem('4');
    // 14 delegates and spokespersons alternate between A and B; the six vice-chairs are on C. Every
    // third client takes its events batched (`auth.batch`: `events` arrays), as a large room does.
    const requesters = await Promise.all([
      ...speakers.map((link, i) =>
        join(i % 2 === 0 ? a : b, link, i % 3 === 0 ? { batch: true } : undefined),
      ),
      ...vices.map((link, i) => join(c, link, i % 3 === 0 ? { batch: true } : undefined)),
    ]);
    expect(requesters.length).toBe(20);

    // All in the same tick: the three processes race for the same next seq.
    const acks = await Promise.all(requesters.map((cl) => cl.send({ type: 'floor.request', kind: 'speak' })));
    for (const ack of acks) expect(ack).toMatchObject({ ok: true });
    const seqs = acks.map((ack, i) => ackSeq(ack, `request ${i}`));
    expect(new Set(seqs).size).toBe(seqs.length);

    const states = await settle([chair, ...requesters], [a, b, c]);
    const [onA] = states;
    for (const s of states) expect(s.meeting).toEqual(onA!.meeting);
    // Same seq (settle) and the same state, hence the same queue in the same order, on every client.
    for (const cl of [chair, ...requesters]) {
      expect(queueOf(cl.meeting())).toEqual(queueOf(onA!.meeting));
      expect(cl.meeting()).toEqual(onA!.meeting);
    }
    // The queue is the order in which the requests were stored.
    const byAck = requesters
      .map((cl, i) => ({ participantId: pidOf(cl), seq: seqs[i]! }))
      .sort((x, y) => x.seq - y.seq)
      .map((r) => r.participantId);
    expect(queueOf(onA!.meeting)).toEqual(byAck);
    await expectRequestsLogged(
      requesters.map((cl, i) => ({ participantId: pidOf(cl), kind: 'speak', seq: seqs[i]! })),
    );
  });

  it('a command id is applied once, whichever process gets it, and always gets the same ack', async () => {
    await startCluster(3);
    await openItem('7');
    const delegate = speakers[0]!;
    const [onA, onB, onC, chairB, chairC] = await Promise.all([
      join(a, delegate),
      join(b, delegate),
      join(c, delegate),
      join(b, chairLink),
      join(c, chairLink),
    ]);
    const startSeq = (await stateOf(a)).seq;

    // One after the other: A, then B, then C.
    const sequential = `idem-seq-${randomBytes(4).toString('hex')}`;
    const first = await onA.send({ id: sequential, type: 'floor.request', kind: 'speak' });
    expect(first).toMatchObject({ ok: true });
    expect(await onB.send({ id: sequential, type: 'floor.request', kind: 'speak' })).toEqual(first);
    expect(await onC.send({ id: sequential, type: 'floor.request', kind: 'speak' })).toEqual(first);

    // At the same time on A and B: a command that would apply twice if it were not idempotent.
    const concurrent = `idem-con-${randomBytes(4).toString('hex')}`;
    const title = `Idempotency ${concurrent}`;
    const add: CommandInput & { id: string } = { id: concurrent, type: 'agenda.add', title };
    const [addA, addB] = await Promise.all([chair.send(add), chairB.send(add)]);
    expect(addA).toMatchObject({ ok: true });
    expect(addB).toEqual(addA);
    // Same participant and id, later, on C, with another payload: still the first answer, nothing applied.
    expect(await chairC!.send({ id: concurrent, type: 'floor.request', kind: 'point_of_order' })).toEqual(
      addA,
    );

    // The delegate's point of order at the same time through A and B.
    const poo = `idem-poo-${randomBytes(4).toString('hex')}`;
    const [pooA, pooB] = await Promise.all([
      onA.send({ id: poo, type: 'floor.request', kind: 'point_of_order' }),
      onB.send({ id: poo, type: 'floor.request', kind: 'point_of_order' }),
    ]);
    expect(pooA).toMatchObject({ ok: true });
    expect(pooB).toEqual(pooA);

    const everyone = [chair, chairB!, chairC!, onA!, onB!, onC!];
    const states = await settle(everyone, [a, b, c]);
    const pid = pidOf(onA!);
    for (const m of [...states.map((s) => s.meeting), ...everyone.map((cl) => cl.meeting())]) {
      expect(m.agenda.filter((i) => i.title === title).length).toBe(1);
      expect(m.floor.queue.filter((r) => r.participantId === pid).map((r) => r.kind)).toEqual([
        'point_of_order',
        'speak',
      ]);
    }
    const logged = await store.readEvents(meetingId, startSeq);
    expect(logged.filter((e) => e.event.type === 'floor.requested').length).toBe(2);
    expect(logged.filter((e) => e.event.type === 'agenda.itemAdded').length).toBe(1);
    await expectRequestsLogged([
      { participantId: pid, kind: 'speak', seq: ackSeq(first, 'speak') },
      { participantId: pid, kind: 'point_of_order', seq: ackSeq(pooA, 'point of order') },
    ]);
  });

  it('SIGKILL of a process: its clients resume on another with their last seq, keep their places, lose nothing acked', async () => {
    await startCluster(3);
    await openItem('5');
    // The six vice-chairs are on C only, and will not come back after its death.
    await Promise.all(vices.map((link) => join(c, link)));
    const onC = await Promise.all(speakers.slice(0, 4).map((link) => join(c, link)));
    const onA = await Promise.all(speakers.slice(4, 6).map((link) => join(a, link)));
    const acked: Array<{ participantId: string; kind: FloorKind; seq: number }> = [];

    // Quiescent: everyone on C and A asks for the floor; acked one by one.
    for (const cl of [...onC, ...onA]) {
      const seq = ackSeq(await cl.send({ type: 'floor.request', kind: 'speak' }), 'speak');
      acked.push({ participantId: pidOf(cl), kind: 'speak', seq });
    }
    await chair.waitForSeq(Math.max(...acked.map((x) => x.seq)));
    const speakBefore = chair.meeting().floor.queue.filter((r) => r.kind === 'speak');
    expect(speakBefore.map((r) => r.participantId as string)).toEqual(acked.map((x) => x.participantId));

    // In flight: points of order and replies through C, sent 1 ms apart; C is SIGKILLed on the first
    // ack, so the others are anywhere between not sent, stored and not acked, and acked.
    let killedAt = 0;
    const flying = onC.flatMap((cl, i) =>
      (['point_of_order', 'reply'] as const).map((kind) => ({
        cl,
        i,
        kind,
        id: `kill-${i}-${kind}-${randomBytes(3).toString('hex')}`,
        acked: undefined as number | undefined,
      })),
    );
    for (const f of flying) {
      if (killedAt) break;
      f.cl.send({ id: f.id, type: 'floor.request', kind: f.kind }).then(
        (ack) => {
          if (!ack.ok) return;
          f.acked = ack.seq;
          acked.push({ participantId: pidOf(f.cl), kind: f.kind, seq: ack.seq });
          if (!killedAt) {
            killedAt = Date.now();
            c.child.kill('SIGKILL');
          }
        },
        () => undefined, // lost with the process: stored or not, retried below with the same id
      );
      await sleep(1);
    }
    await waitUntil(() => killedAt > 0, 'the first in-flight ack', 10_000);
    expect(await c.exited).toBeNull();
    await waitUntil(() => onC.every((cl) => !cl.socket.connected), 'clients of C disconnected', 5_000);
    const ackedBeforeKill = flying.filter((f) => f.acked !== undefined).length;

    // Each client of C comes back on B, naming the last seq it holds.
    const lastSeqs = onC.map((cl) => cl.seq());
    const resumed = await Promise.all(
      onC.map((cl, i) => connect(b.url, speakers[i]!.token, { resumeFrom: cl })),
    );
    clients.push(...resumed);
    const [onAState, onBState] = await settle([chair, ...onA, ...resumed], [a, b]);
    expect(onBState!.meeting).toEqual(onAState!.meeting);
    const survivor = onBState!.meeting;
    resumed.forEach((cl, i) => {
      // Only what it missed, as events from its last seq; no snapshot.
      expect(cl.snapshots()).toBe(0);
      if (cl.events.length > 0) expect(cl.events[0]!.seq).toBe(lastSeqs[i]! + 1);
      expect(cl.meeting()).toEqual(survivor);
    });

    // The in-flight requests are sent again through B with the same ids: each acked before the kill
    // gets its ack again; the others are applied now, or were stored (not acked) and get that ack.
    let storedNotAcked = 0;
    for (const f of flying) {
      const again = await resumed[f.i]!.send({ id: f.id, type: 'floor.request', kind: f.kind });
      const seq = ackSeq(again, `${f.kind} again after the kill`);
      if (f.acked !== undefined) expect(seq).toBe(f.acked);
      else {
        // A seq the survivor already held before this retry: stored by C, which died before acking.
        if (seq <= onBState!.seq) storedNotAcked++;
        acked.push({ participantId: pidOf(f.cl), kind: f.kind, seq });
      }
    }
    console.log(
      `kill: ${ackedBeforeKill} of ${flying.length} in-flight requests acked before the kill, ${storedNotAcked} stored but not acked`,
    );
    const [afterRetry] = await settle([chair, ...onA, ...resumed], [a, b]);
    // Each participant of C has one request of each kind: nothing was applied twice.
    for (const cl of onC) {
      const kinds = afterRetry!.meeting.floor.queue
        .filter((r) => r.participantId === pidOf(cl))
        .map((r) => r.kind)
        .sort();
      expect(kinds).toEqual(['point_of_order', 'reply', 'speak']);
    }

    // Nothing acknowledged is lost: each acked seq holds that request in Redis and in the survivor's state.
    await expectRequestsLogged(acked);
    for (const x of acked) {
      expect(
        afterRetry!.meeting.floor.queue.some((r) => r.participantId === x.participantId && r.kind === x.kind),
      ).toBe(true);
    }
    // Places kept: the requests to speak are the same requests, in the same order.
    expect(afterRetry!.meeting.floor.queue.filter((r) => r.kind === 'speak')).toEqual(speakBefore);
    // C's participants that did not come back (the vice-chairs) go offline; the ones that moved to
    // B stay online.
    await expectPresence([a, b]);
    const offline = (await stateOf(b)).meeting.participants
      .filter((p) => !p.online)
      .map((p) => p.id as string);
    const viceIds = survivor.participants.filter((p) => p.role === 'vice-chair').map((p) => p.id as string);
    expect(viceIds.length).toBe(6);
    for (const id of viceIds) expect(offline).toContain(id);
    for (const cl of resumed) expect(offline).not.toContain(pidOf(cl));

    // New commands work, from the chair on A and from the resumed clients on B.
    const first = resumed[0]!;
    const request = survivor.floor.queue.find((r) => r.participantId === pidOf(first) && r.kind === 'speak')!;
    const given = ackSeq(await chair.send({ type: 'floor.give', requestId: request.id }), 'floor.give');
    await first.waitForSeq(given);
    expect(first.meeting().floor.current?.participantId).toBe(pidOf(first));
    const ended = ackSeq(await first.send({ type: 'floor.end' }), 'floor.end');
    const withdrawn = ackSeq(
      await resumed[1]!.send({
        type: 'floor.withdraw',
        requestId: survivor.floor.queue.find(
          (r) => r.participantId === pidOf(resumed[1]!) && r.kind === 'speak',
        )!.id,
      }),
      'floor.withdraw',
    );
    const [final] = await settle([chair, ...onA, ...resumed], [a, b]);
    expect(final!.seq).toBeGreaterThanOrEqual(Math.max(ended, withdrawn));
    expect(final!.meeting.floor.current).toBeNull();
    expect(final!.meeting.interventions.at(-1)?.participantId).toBe(pidOf(first));
    expect(
      final!.meeting.floor.queue.some((r) => r.participantId === pidOf(resumed[1]!) && r.kind === 'speak'),
    ).toBe(false);
  });

  it('co-editing one proposal through two processes converges, and a later editor sees it', async () => {
    await startCluster(2);
    const proposal = chair.meeting().proposals.find((p) => p.symbol === 'IRM1/DT/1')!;
    expect(proposal).toBeDefined();
    const [france, brazil, egypt] = ['France', 'Brazil', 'Egypt'].map(
      (d) => speakers.find((l) => l.delegation === d)!,
    );
    const onA = openEditor(a.url, proposal.id, france!.token);
    const onB = openEditor(b.url, proposal.id, brazil!.token);
    editors.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    // The demo proposal has no base text: A writes the first paragraph, B must receive it.
    writeFirstParagraph(onA);
    await waitUntil(
      () => plainText(onB.doc) === plainText(onA.doc) && plainText(onB.doc).length > 0,
      'first paragraph on B',
    );

    const type = (editor: Editor, text: string) => {
      const p = firstParagraph(editor.doc);
      p.insert(p.length, text);
    };
    for (let i = 0; i < 15; i++) {
      type(onA, ` a${i}`);
      type(onB, ` b${i}`);
      if (i % 5 === 4) await sleep(10);
    }
    const tokens = (text: string) => (text.match(/ [ab]\d+/g) ?? []).sort();
    const expected = [...Array(15).keys()].flatMap((i) => [` a${i}`, ` b${i}`]).sort();
    await waitUntil(
      () => plainText(onA.doc) === plainText(onB.doc) && tokens(plainText(onA.doc)).length === 30,
      'both editors converge',
    );
    const text = plainText(onA.doc);
    expect(tokens(text)).toEqual(expected);

    // Stored once, whichever process took each update: what a process loading it would see.
    const { snapshot, updates } = await store.loadDoc(proposal.id);
    const stored = new Y.Doc();
    for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(stored, u);
    expect(plainText(stored)).toBe(text);
    stored.destroy();

    // A third editor, on B after the first two have left.
    for (const e of editors.splice(0)) e.destroy();
    const later = openEditor(b.url, proposal.id, egypt!.token);
    editors.push(later);
    await later.synced;
    await waitUntil(() => plainText(later.doc) === text, 'the later editor has the text');
  });

  it('a process frozen longer than the presence timeout: its participants go offline, and come back when it resumes', async () => {
    await startCluster(2);
    // The observer is connected to B only, the secretariat to A only.
    const observer = await join(b, a.links.find((l) => l.role === 'observer')!);
    const secretariat = await join(a, a.links.find((l) => l.role === 'secretariat')!);
    await expectPresence([a, b]);
    const onlineOnA = async (id: string) =>
      (await stateOf(a)).meeting.participants.find((p) => p.id === id)?.online;

    b.child.kill('SIGSTOP'); // no heartbeat, but every connection (to Redis, of the clients) stays open
    try {
      await waitFor(
        async () => (await onlineOnA(pidOf(observer))) === false,
        'the frozen process taken for dead',
        { timeoutMs: 3 * HEARTBEAT_MS + 5000, everyMs: 100 },
      );
      expect(await onlineOnA(pidOf(secretariat))).toBe(true);
    } finally {
      b.child.kill('SIGCONT');
    }
    // B beats again: whoever is connected to it is online again, on both processes.
    await expectPresence([a, b]);
    const states = await settle(
      clients.filter((cl) => cl.socket.connected),
      [a, b],
    );
    expect(states[1]!.meeting).toEqual(states[0]!.meeting);
  });

  it('Redis down for seconds: commands answered `unavailable` promptly, then acked again, and every process converges', async () => {
    await startCluster(2);
    await openItem('6');
    const [d1, d2, e1, e2] = await Promise.all([6, 7, 10, 11].map((i) => join(a, speakers[i]!)));
    const [d3, d4, e3, e4] = await Promise.all([8, 9, 12, 13].map((i) => join(b, speakers[i]!)));
    const chairB = await join(b, chairLink);
    const everyone = [chair, chairB, d1!, d2!, d3!, d4!, e1!, e2!, e3!, e4!];
    const acked: Array<{ participantId: string; kind: FloorKind; seq: number }> = [];
    const speak = async (cl: TestClient, id?: string) => {
      const seq = ackSeq(
        await cl.send({ ...(id ? { id } : {}), type: 'floor.request', kind: 'speak' }),
        'speak',
      );
      acked.push({ participantId: pidOf(cl), kind: 'speak', seq });
    };
    await speak(d1!);

    // Two editors of the demo proposal, one on each process, stay open through the outage.
    const proposal = chair.meeting().proposals.find((p) => p.symbol === 'IRM1/DT/1')!;
    const edA = openEditor(a.url, proposal.id, speakers[6]!.token);
    const edB = openEditor(b.url, proposal.id, speakers[8]!.token);
    editors.push(edA, edB);
    await Promise.all([edA.synced, edB.synced]);
    writeFirstParagraph(edA); // the demo proposal has no base text
    await waitUntil(
      () => plainText(edA.doc).length > 0 && plainText(edA.doc) === plainText(edB.doc),
      'editors in sync before the outage',
    );
    const textBefore = plainText(edA.doc);
    await settle(everyone, [a, b]);
    await store.close(); // reopened once Redis is back

    // Requests in flight when Redis dies (SIGKILL, on the first of their acks: a crash; with
    // appendfsync always an acked write is on disk). Each is acked ok, or answered unavailable and
    // retried with the same id below.
    let crashing: Promise<void> | undefined;
    const flying = [e1!, e2!, e3!, e4!].map((cl, i) => {
      const id = `flying-${i}-${Date.now()}`;
      const ack = cl.send({ id, type: 'floor.request', kind: 'speak' }).then(
        (answer) => {
          crashing ??= redis.halt({ kill: true });
          return answer;
        },
        (error: Error) => error,
      );
      return { cl, id, ack };
    });
    await waitUntil(() => crashing !== undefined, 'the first in-flight answer');
    await crashing;
    const downAt = Date.now();
    const ids = { d2: `outage-d2-${downAt}`, d3: `outage-d3-${downAt}`, next: `outage-next-${downAt}` };
    const during = await Promise.all([
      d2!.send({ id: ids.d2, type: 'floor.request', kind: 'speak' }),
      d3!.send({ id: ids.d3, type: 'floor.request', kind: 'speak' }),
      chairB.send({ id: ids.next, type: 'floor.next' }),
      chair.send({ type: 'floor.setLimit', seconds: 120 }),
    ]);
    const answeredIn = Date.now() - downAt;
    for (const ack of during) expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(answeredIn).toBeLessThan(10_000);
    // The in-flight ones were answered too (ok or unavailable, nothing else, and not left hanging).
    const flown = await Promise.all(flying.map((f) => f.ack));
    for (const ack of flown) {
      expect(ack).not.toBeInstanceOf(Error);
      if (!(ack instanceof Error) && !ack.ok) expect(ack.error.code).toBe('unavailable');
    }
    // The Socket.IO connections do not depend on Redis, and a client can still join (from memory).
    for (const cl of everyone) expect(cl.socket.connected).toBe(true);
    const late = await join(b, speakers[5]!);
    expect(late.seq()).toBe(d3!.seq());
    everyone.push(late);
    // Typing during the outage: the texts cannot be stored now; they must arrive afterwards.
    firstParagraph(edA.doc).insert(firstParagraph(edA.doc).length, ' typed-on-A-during-outage');
    firstParagraph(edB.doc).insert(firstParagraph(edB.doc).length, ' typed-on-B-during-outage');

    await sleep(Math.max(0, 3000 - (Date.now() - downAt)));
    await redis.start();
    const upAt = Date.now();
    store = await RedisStore.connect(redis.url, { prefix });

    // A client retries with the same command id until it is acked (unavailable meanwhile, nothing else).
    const retry = async (cl: TestClient, command: CommandInput & { id: string }): Promise<number> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ack = await cl.send(command);
        if (ack.ok) return ack.seq;
        expect(ack.error.code).toBe('unavailable');
        if (Date.now() > deadline)
          throw new Error(`${command.type} still unavailable 15 s after Redis came back`);
        await sleep(100);
      }
    };
    const retrySpeak = async (cl: TestClient, id: string) => {
      const seq = await retry(cl, { id, type: 'floor.request', kind: 'speak' });
      acked.push({ participantId: pidOf(cl), kind: 'speak', seq });
      return seq;
    };
    await retrySpeak(d2!, ids.d2);
    const recoveredIn = Date.now() - upAt;
    await retrySpeak(d3!, ids.d3);
    for (const [i, f] of flying.entries()) {
      const first = flown[i]!;
      const seq = await retrySpeak(f.cl, f.id);
      // One acked before the crash keeps its ack (and its place) after it.
      if (!(first instanceof Error) && first.ok) expect(seq).toBe(first.seq);
    }
    await speak(d4!);
    const next = ackSeq(
      await chairB.send({ id: ids.next, type: 'floor.next' }),
      'floor.next after the outage',
    );
    expect(recoveredIn).toBeLessThan(10_000);

    // Every process and every client (on both processes) converges without resync or restart.
    const states = await settle(everyone, [a, b], 15_000);
    for (const s of states) expect(s.meeting).toEqual(states[0]!.meeting);
    for (const cl of everyone) expect(cl.meeting()).toEqual(states[0]!.meeting);
    const m = states[0]!.meeting;
    expect(states[0]!.seq).toBeGreaterThanOrEqual(next);
    expect(m.floor.current?.participantId).toBe(pidOf(d1!));
    expect(queueOf(m)).toEqual(
      acked
        .slice(1)
        .sort((x, y) => x.seq - y.seq)
        .map((x) => x.participantId),
    );
    await expectRequestsLogged(acked);
    // Both processes are still the ones started at the beginning.
    for (const p of [a, b]) expect(p.child.exitCode).toBeNull();
    // Presence is right again on both processes: whoever is connected is online, nobody else.
    await expectPresence([a, b]);

    // The texts typed during the outage reach both editors and the store.
    await waitUntil(
      () =>
        plainText(edA.doc) === plainText(edB.doc) &&
        plainText(edA.doc).includes('typed-on-A-during-outage') &&
        plainText(edA.doc).includes('typed-on-B-during-outage'),
      'editors converge after the outage',
      15_000,
    );
    // Nothing else changed: both typed runs went at the end of the first paragraph.
    expect(
      plainText(edA.doc).replace(' typed-on-A-during-outage', '').replace(' typed-on-B-during-outage', ''),
    ).toBe(textBefore);
    const { snapshot, updates } = await store.loadDoc(proposal.id);
    const stored = new Y.Doc();
    for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(stored, u);
    expect(plainText(stored)).toBe(plainText(edA.doc));
    stored.destroy();
    console.log(
      `redis outage: answered unavailable in ${answeredIn} ms; acked again ${recoveredIn} ms after Redis came back; in flight at the crash: ${flown.map((x) => (x instanceof Error ? 'error' : x.ok ? 'ok' : x.error.code)).join(', ')}`,
    );
  });
});
