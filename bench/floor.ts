import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startRedis } from '../scripts/redisServer';
import { step, timeLimit, within } from './deadline';
import { alternate, median, ROUNDS } from './rounds';
import {
  costBetween,
  costColumns,
  type Measured,
  ratio,
  reportedByServer,
  type ServerCost,
  snapshot,
} from './serverCost';

/**
 * `npm run bench:floor`: 1000 clients in one meeting send 1000 floor requests within one second.
 * Runs the same load against a bare Socket.IO broadcast server (bench/bare-server.ts) and against
 * IRM Room (server/main.ts on a fresh SQLite DATA_DIR), each in its own process, and prints ack
 * p50/p99 and the time from the last request until every client holds the same queue.
 * Beside those client-side figures (on 2 cores they mostly measure the load generator, 1000 clients
 * in this one process), each row has the server's own cost over the burst: the command latency from
 * its `irm_command_duration_seconds` histogram (receipt to ack), its CPU time and its peak RSS.
 * Targets (2-core machine): ack p99 <= 250 ms; all clients agree within 500 ms of the last request.
 * The whole bench has a time limit (BENCH_TIMEOUT_S) and fails naming the step that hung.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 1000);
// Every spawned server adds an exit listener (so none outlives the bench).
process.setMaxListeners(0);
const ROOT = path.resolve(import.meta.dirname, '..');

interface Result {
  name: string;
  p50: number;
  p99: number;
  max: number;
  agreeAfterLastMs: number;
  refused: number;
  /** Appends refused because another process appended first (IRM Room only; NaN elsewhere). */
  conflicts: number;
  /** What the burst cost the server process(es) (./serverCost.ts). */
  cost: ServerCost;
  /** The same CPU and peak RSS as IRM Room's /metrics reports them (NaN for a baseline). */
  reported: { cpuSeconds: number; peakRssMiB: number };
}

/**
 * The admin token of every IRM Room process the bench starts: passed in IRM_ADMIN_TOKEN (the server
 * prints no token it did not generate) and sent to /metrics, which wants a bearer token.
 */
const ADMIN_TOKEN = randomBytes(32).toString('base64url');

/**
 * The sum of `irm_store_append_conflicts_total` over IRM Room processes (their /metrics, already
 * scraped); NaN for a baseline, which has no /metrics (asking it would wait for ever).
 */
function appendConflicts(metrics: string[]): number {
  if (metrics.length === 0) return Number.NaN;
  let total = 0;
  for (const text of metrics) {
    const value = /^irm_store_append_conflicts_total (\S+)$/m.exec(text)?.[1];
    if (value === undefined) return Number.NaN;
    total += Number(value);
  }
  return total;
}

async function main(): Promise<void> {
  if (process.env.BENCH_MODE === 'cluster') {
    timeLimit('bench:floor (cluster)', 120 + ROUNDS * 2 * 90);
    return clusterMain();
  }
  timeLimit('bench:floor', 240);
  const baseline = await runAgainst('bare Socket.IO broadcast', async () => {
    const child = await spawnAndWait(['bench/bare-server.ts'], {});
    return { ...child, tokens: Array.from({ length: CLIENTS }, () => 'x'), metrics: false };
  });
  const batchedBaseline = await runAgainst('bare Socket.IO, batched 25 ms', async () => {
    const child = await spawnAndWait(['bench/bare-server.ts'], { BARE_BATCH_MS: '25' });
    return { ...child, tokens: Array.from({ length: CLIENTS }, () => 'x'), metrics: false };
  });
  const room = await runAgainst('IRM Room (SQLite, group commit)', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-bench-'));
    const child = await spawnAndWait(['server/main.ts'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      IRM_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const tokens = await setUpMeeting(child.url, ADMIN_TOKEN);
    return {
      ...child,
      tokens,
      metrics: true,
      cleanup: () => fs.rm(dataDir, { recursive: true, force: true }),
    };
  });
  const rows = [baseline, batchedBaseline, room];
  console.log(`\nfloor bench: ${CLIENTS} clients, ${CLIENTS} requests spread over ${SPREAD_MS} ms`);
  console.log(
    'client-side: ack latency and agreement as the clients (all in this process) see them; server-side: over the burst, command latency from irm_command_duration_seconds (receipt to ack, interpolated in its buckets; IRM Room only), CPU from /proc, peak RSS (VmHWM) since start',
  );
  console.table(
    rows.map((r) => ({
      server: r.name,
      'ack p50 ms': r.p50.toFixed(1),
      'ack p99 ms': r.p99.toFixed(1),
      'ack max ms': r.max.toFixed(1),
      'all agree after last request, ms': r.agreeAfterLastMs.toFixed(0),
      refused: r.refused,
      ...costColumns(r.cost),
    })),
  );
  console.log(
    `IRM Room's /metrics agrees: CPU ${room.reported.cpuSeconds.toFixed(2)} s (process_cpu_seconds_total), peak RSS ${room.reported.peakRssMiB.toFixed(0)} MiB (irm_process_peak_rss_bytes); ${room.cost.commands} commands in the histogram`,
  );
  const vs = (base: Result) =>
    `ack p99 ${ratio(room.p99, Math.max(1, base.p99))}, agreement ${ratio(room.agreeAfterLastMs, Math.max(1, base.agreeAfterLastMs))}, server CPU ${ratio(room.cost.cpuSeconds, base.cost.cpuSeconds)}, server peak RSS ${ratio(room.cost.peakRssMiB, base.cost.peakRssMiB)}`;
  console.log(`ratios IRM/bare per-event: ${vs(baseline)}`);
  console.log(`ratios IRM/bare batched: ${vs(batchedBaseline)}`);
  const pass = room.p99 <= 250 && room.agreeAfterLastMs <= 500 && room.refused === 0;
  console.log(`targets (ack p99 <= 250 ms, agree <= 500 ms): ${pass ? 'met' : 'NOT met'}`);
}

async function runAgainst(
  name: string,
  start: () => Promise<{
    child: ChildProcess;
    url: string;
    tokens: string[];
    /** Spread the clients over these URLs (several processes); default: `url` only. */
    urls?: string[];
    more?: ChildProcess[];
    /** Whether the servers are IRM Room, with /metrics (a baseline has none). */
    metrics: boolean;
    cleanup?: () => Promise<void>;
  }>,
): Promise<Result> {
  step(`${name}: starting the server and setting up the meeting`);
  const server = await start();
  try {
    const urls = server.urls ?? [server.url];
    const measured: Measured[] = [server.child, ...(server.more ?? [])].map((child, i) => ({
      pid: child.pid!,
      ...(server.metrics ? { metricsUrl: urls[i] } : {}),
    }));
    step(`${name}: connecting ${server.tokens.length} clients`);
    const clients = await within(connectAll(urls, server.tokens), 120_000, `${name}: connecting the clients`);
    // Let connection-time traffic (presence events) settle before measuring.
    step(`${name}: waiting for connection-time events to settle`);
    await within(settle(clients), 60_000, `${name}: settling after connect`);
    const before = await snapshot(measured, ADMIN_TOKEN);
    step(`${name}: the burst`);
    const startSeq = Math.max(...clients.map((c) => c.seq));
    const latencies: number[] = [];
    let refused = 0;
    let lastSent = 0;
    const t0 = performance.now();
    await Promise.all(
      clients.map(
        (c, i) =>
          new Promise<void>((resolve) => {
            setTimeout(
              () => {
                const sent = performance.now();
                lastSent = Math.max(lastSent, sent);
                c.socket.emit(
                  'command',
                  { id: `b${i}`, type: 'floor.request', kind: 'speak' },
                  (ack: { ok: boolean }) => {
                    latencies.push(performance.now() - sent);
                    if (!ack.ok) refused++;
                    resolve();
                  },
                );
              },
              (i / clients.length) * SPREAD_MS,
            );
          }),
      ),
    );
    const target = startSeq + clients.length - refused;
    step(`${name}: waiting for every client to reach seq ${target}`);
    const agreedAt = await allReach(clients, target);
    const after = await snapshot(measured, ADMIN_TOKEN);
    void t0;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
    for (const c of clients) c.socket.close();
    return {
      name,
      p50: pct(50),
      p99: pct(99),
      max: latencies.at(-1)!,
      agreeAfterLastMs: agreedAt - lastSent,
      refused,
      conflicts: appendConflicts(after.metrics),
      cost: costBetween(before, after, measured),
      reported: server.metrics
        ? reportedByServer(before, after)
        : { cpuSeconds: Number.NaN, peakRssMiB: Number.NaN },
    };
  } finally {
    server.child.kill('SIGKILL');
    for (const child of server.more ?? []) child.kill('SIGKILL');
    await server.cleanup?.();
  }
}

interface BenchClient {
  socket: Socket;
  seq: number;
  queueLength: number;
  reachedAt: Map<number, number>;
}

async function connectAll(urls: string[], tokens: string[]): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < tokens.length; i += 100) {
    const batch = tokens.slice(i, i + 100).map(
      (token, j) =>
        new Promise<BenchClient>((resolve, reject) => {
          const socket = io(urls[(i + j) % urls.length]!, {
            auth: { token, batch: true },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          const client: BenchClient = { socket, seq: 0, queueLength: 0, reachedAt: new Map() };
          socket.once('connect_error', reject);
          socket.once('snapshot', (s: { seq: number; meeting: { floor: { queue: unknown[] } } }) => {
            client.seq = s.seq;
            client.queueLength = s.meeting.floor.queue.length;
            resolve(client);
          });
          const apply = (e: { seq: number; event: { type: string } }) => {
            if (e.seq <= client.seq) return;
            client.seq = e.seq;
            if (e.event.type === 'floor.requested') client.queueLength++;
          };
          // IRM Room sends batched `events` (asked for with auth.batch); the bare server sends `event`s.
          socket.on('event', apply);
          socket.on('events', (list: Array<{ seq: number; event: { type: string } }>) => list.forEach(apply));
        }),
    );
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

async function settle(clients: BenchClient[]): Promise<void> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const seqs = clients.map((c) => c.seq);
    const max = Math.max(...seqs);
    if (Math.min(...seqs) === max && max === last) return;
    last = max;
  }
}

function allReach(clients: BenchClient[], seq: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 60_000;
    const check = () => {
      if (clients.every((c) => c.seq >= seq)) {
        const lengths = new Set(clients.map((c) => c.queueLength));
        if (lengths.size !== 1) return reject(new Error(`clients disagree on queue length: ${[...lengths]}`));
        return resolve(performance.now());
      }
      if (performance.now() > deadline) {
        const behind = clients.filter((c) => c.seq < seq).length;
        return reject(new Error(`${behind} clients never reached seq ${seq} within 60 s`));
      }
      setImmediate(check);
    };
    check();
  });
}

async function setUpMeeting(url: string, admin: string): Promise<string[]> {
  const post = async (route: string, token: string, body: unknown) => {
    const res = await fetch(`${url}${route}`, {
      signal: AbortSignal.timeout(30_000),
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ meeting: { id: string }; chair: { token: string }; token: string }>;
  };
  const created = await post('/api/meetings', admin, { title: 'Bench IRM' });
  const meetingId = created.meeting.id;
  const regions = ['ARB', 'EUR', 'ASP', 'AMS', 'AFR', 'CIS'];
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i += 50) {
    const batch = Array.from({ length: Math.min(50, CLIENTS - i) }, (_, j) =>
      post(`/api/meetings/${meetingId}/participants`, admin, {
        name: `Delegate ${i + j}`,
        delegation: `Delegation ${i + j}`,
        role: 'delegate',
        region: regions[(i + j) % 6],
      }),
    );
    tokens.push(...(await Promise.all(batch)).map((r) => r.token));
  }
  const chair = io(url, { auth: { token: created.chair.token }, transports: ['websocket'], forceNew: true });
  const send = (command: object) =>
    chair.timeout(10_000).emitWithAck('command', { id: `setup-${Math.random()}`, ...command });
  await within(new Promise((r) => chair.once('snapshot', r)), 30_000, 'the chair connecting for set-up');
  await send({ type: 'meeting.open' });
  const added = (await send({ type: 'agenda.add', title: 'Bench item' })) as { ok: boolean };
  if (!added.ok) throw new Error('agenda.add failed');
  const meeting = (await (
    await fetch(`${url}/api/meetings/${meetingId}`, {
      signal: AbortSignal.timeout(30_000),
      headers: { authorization: `Bearer ${created.chair.token}` },
    })
  ).json()) as { meeting: { agenda: Array<{ id: string }> } };
  await send({ type: 'agenda.open', itemId: meeting.meeting.agenda[0]!.id });
  chair.close();
  return tokens;
}

/**
 * `npm run bench:cluster` (floor part): the same burst against one IRM process and against two
 * processes sharing one Redis (clients alternate between them), in the same run, on one redis-server,
 * BENCH_ROUNDS alternating rounds (default 5).
 * Target: the two-process median ack p99 no worse than 2x the one-process median, all clients
 * agreeing in every round.
 */
async function clusterMain(): Promise<void> {
  const redis = await startRedis({ appendOnly: 'everysec' });
  const shared = {
    REDIS_URL: redis.url,
    IRM_SECRET: randomBytes(32).toString('base64url'),
    IRM_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
  };
  const node = async (prefix: string) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-bench-'));
    return spawnAndWait(['server/main.ts'], { ...shared, REDIS_PREFIX: prefix, DATA_DIR: dataDir });
  };
  const runOne = () =>
    runAgainst('IRM Room, 1 process on Redis', async () => {
      const a = await node(`one${randomBytes(3).toString('hex')}:`);
      return { ...a, tokens: await setUpMeeting(a.url, shared.IRM_ADMIN_TOKEN), metrics: true };
    });
  const runTwo = () =>
    runAgainst('IRM Room, 2 processes on Redis', async () => {
      const prefix = `two${randomBytes(3).toString('hex')}:`;
      const a = await node(prefix);
      const b = await node(prefix);
      const tokens = await setUpMeeting(a.url, shared.IRM_ADMIN_TOKEN);
      return { ...a, urls: [a.url, b.url], more: [b.child], tokens, metrics: true };
    });
  try {
    const [ones, twos] = await alternate(runOne, runTwo);
    console.log(
      `\nfloor bench (cluster): ${CLIENTS} clients, ${CLIENTS} requests spread over ${SPREAD_MS} ms, ${ROUNDS} alternating rounds`,
    );
    const rows = ones.flatMap((one, i) => [one, twos[i]!].map((r) => ({ round: i + 1, ...r })));
    console.table(
      rows.map((r) => ({
        round: r.round,
        server: r.name,
        'ack p50 ms': r.p50.toFixed(1),
        'ack p99 ms': r.p99.toFixed(1),
        'all agree after last request, ms': r.agreeAfterLastMs.toFixed(0),
        refused: r.refused,
        'append conflicts': r.conflicts,
        ...costColumns(r.cost),
      })),
    );
    const oneP99 = median(ones.map((r) => r.p99));
    const twoP99 = median(twos.map((r) => r.p99));
    const ratio = twoP99 / Math.max(1, oneP99);
    const refused = [...ones, ...twos].reduce((n, r) => n + r.refused, 0);
    console.log(
      `median ack p99: 1 process ${oneP99.toFixed(1)} ms, 2 processes ${twoP99.toFixed(1)} ms; ratio ${ratio.toFixed(2)}x`,
    );
    const serverP99 = (rs: Result[]) => median(rs.map((r) => r.cost.commandP99Ms));
    const cpu = (rs: Result[]) => median(rs.map((r) => r.cost.cpuSeconds));
    console.log(
      `median server-side command p99: 1 process ${serverP99(ones).toFixed(2)} ms, 2 processes ${serverP99(twos).toFixed(2)} ms; median server CPU ${cpu(ones).toFixed(2)} s vs ${cpu(twos).toFixed(2)} s (both processes)`,
    );
    console.log(
      `target (<= 2x, nothing refused, all agree): ${ratio <= 2 && refused === 0 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await redis.stop();
  }
}

function spawnAndWait(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A failed setup must not leave a server behind.
  process.once('exit', () => child.kill('SIGKILL'));
  let out = '';
  const started = new Promise<{ child: ChildProcess; url: string; out: () => string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      // Both print it once listening (server/main.ts after seeding its demo meeting).
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, out: () => out });
    });
  });
  return within(started, 30_000, `starting ${args[0]}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
