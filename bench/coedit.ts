import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startRedis } from '../scripts/redisServer';
import { DEMO_MEETING_ID } from '../server/demo/seed';
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
 * `npm run bench:coedit`: EDITORS clients edit one proposal, RATE edits a second each, for
 * SECONDS, against the reference `@y/websocket-server` and against IRM Room (which also
 * authenticates, validates, sanitises and writes every update to SQLite before relaying it), each
 * in its own process, in the same run. Prints update → remote-apply latency p50/p99/max for both.
 * Target: IRM Room's p99 <= 1.5 × the reference's and < 100 ms. The editors run in worker threads
 * (bench/coeditEditors.mjs); latencies use absolute time, comparable across threads. Beside them, each
 * row has the server's own cost over the editing: CPU time and peak RSS (from /proc, for the
 * reference too), and for IRM Room the updates it applied and the command latency histogram from
 * its /metrics (co-editing sends no commands: expect none). The whole bench has a time limit
 * (BENCH_TIMEOUT_S) and fails naming the step that hung.
 */
const EDITORS = Number(process.env.BENCH_EDITORS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Threads the editors are spread over: the load generator must not be the bottleneck. */
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const ROOT = path.resolve(import.meta.dirname, '..');
// Every y-websocket provider listens for process exit.
process.setMaxListeners(0);

interface Target {
  name: string;
  /** Base WebSocket URL and room name for the provider, and a token per editor (if any). */
  serverUrl: string;
  /** Spread the editors over these base URLs (several processes); default: `serverUrl`. */
  serverUrls?: string[];
  more?: ChildProcess[];
  room: string;
  tokens: Array<string | null>;
  child: ChildProcess;
  /** IRM Room's base HTTP URLs and admin token, for /metrics (the reference has none). */
  metrics?: { urls: string[]; token: string };
  cleanup?: () => Promise<void>;
}

interface Result {
  name: string;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  converged: boolean;
  /** CPU time (user + system) the server process(es) used during the measured editing. */
  serverCpuSeconds: number;
  /** What the editing cost the server process(es) (./serverCost.ts). */
  cost: ServerCost;
  /** Updates IRM Room applied during the editing (irm_collab_updates_total{result="applied"}); NaN for the reference. */
  applied: number;
}

async function main(): Promise<void> {
  if (process.env.BENCH_MODE === 'cluster') {
    timeLimit('bench:coedit (cluster)', 120 + ROUNDS * 2 * (SECONDS + 60));
    return clusterMain();
  }
  timeLimit('bench:coedit', 3 * SECONDS + 150);
  step('reference: starting');
  const reference = await measure(await startReference());
  if (process.env.BENCH_ONLY === 'reference') return console.log(reference);
  step('IRM Room: starting and adding the editors');
  const irm = await measure(await startIrm());
  console.log(`\ncoedit bench: ${EDITORS} editors × ${RATE} edits/s for ${SECONDS} s on one document`);
  console.log(
    'client-side: update to remote-apply latency as the editors (in this process) see them; server-side, over the editing: CPU from /proc, peak RSS (VmHWM) since start, updates applied from /metrics (IRM Room only)',
  );
  console.table(
    [reference, irm].map((r) => ({
      server: r.name,
      'remote applies': r.samples,
      'p50 ms': r.p50.toFixed(1),
      'p99 ms': r.p99.toFixed(1),
      'max ms': r.max.toFixed(1),
      converged: r.converged,
      'updates applied': Number.isNaN(r.applied) ? '-' : r.applied,
      ...costColumns(r.cost),
    })),
  );
  const ratioP99 = irm.p99 / Math.max(0.001, reference.p99);
  console.log(
    `ratios IRM/reference: p99 ${ratioP99.toFixed(2)}x, server CPU ${ratio(irm.cost.cpuSeconds, reference.cost.cpuSeconds)}, server peak RSS ${ratio(irm.cost.peakRssMiB, reference.cost.peakRssMiB)}`,
  );
  const met = ratioP99 <= 1.5 && irm.p99 < 100 && irm.converged;
  console.log(`targets (p99 <= 1.5x reference and < 100 ms, all converge): ${met ? 'met' : 'NOT met'}`);
}

async function measure(target: Target): Promise<Result> {
  try {
    const workers = Array.from({ length: THREADS }, (_, w) => {
      const first = Math.floor((w * EDITORS) / THREADS);
      const last = Math.floor(((w + 1) * EDITORS) / THREADS);
      return new Worker(new URL('./coeditEditors.mjs', import.meta.url), {
        workerData: {
          serverUrl: target.serverUrl,
          serverUrls: target.serverUrls ?? [target.serverUrl],
          room: target.room,
          tokens: target.tokens.slice(first, last),
          firstIndex: first,
          editors: EDITORS,
          rate: RATE,
          seconds: SECONDS,
        },
      });
    });
    const next = (w: Worker) =>
      new Promise<{ type: string; latencies?: number[]; texts?: string[] }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
    step(`${target.name}: connecting ${EDITORS} editors`);
    await within(Promise.all(workers.map(next)), 120_000, `${target.name}: editors connecting and syncing`);
    const servers = [target.child, ...(target.more ?? [])];
    const measured: Measured[] = servers.map((child, i) => ({
      pid: child.pid!,
      ...(target.metrics ? { metricsUrl: target.metrics.urls[i] } : {}),
    }));
    const token = target.metrics?.token ?? '';
    const before = await snapshot(measured, token);
    step(`${target.name}: editing for ${SECONDS} s`);
    const done = workers.map(next);
    for (const w of workers) w.postMessage('go');
    const results = await within(
      Promise.all(done),
      SECONDS * 1000 + 60_000,
      `${target.name}: editing and converging`,
    );
    await Promise.all(workers.map((w) => w.terminate()));
    const after = await snapshot(measured, token);
    const cost = costBetween(before, after, measured);
    const serverCpuSeconds = cost.cpuSeconds;
    const applied = target.metrics
      ? appliedUpdates(after.metrics) - appliedUpdates(before.metrics)
      : Number.NaN;
    if (target.metrics) {
      const own = reportedByServer(before, after);
      console.log(
        `${target.name}: its /metrics says CPU ${own.cpuSeconds.toFixed(2)} s (process_cpu_seconds_total), peak RSS ${own.peakRssMiB.toFixed(0)} MiB (irm_process_peak_rss_bytes), ${cost.commands} commands`,
      );
    }
    const latencies = results.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
    const texts = results.flatMap((r) => r.texts ?? []);
    const converged = texts.length === EDITORS && texts.every((t) => t === texts[0]);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    return {
      name: target.name,
      samples: latencies.length,
      p50: pct(50),
      p99: pct(99),
      max: latencies.at(-1) ?? NaN,
      converged,
      serverCpuSeconds,
      cost,
      applied,
    };
  } finally {
    target.child.kill('SIGKILL');
    for (const child of target.more ?? []) child.kill('SIGKILL');
    await target.cleanup?.();
  }
}

async function startReference(): Promise<Target> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await within(waitFor(child, /running at/), 30_000, 'starting @y/websocket-server');
  return {
    name: 'reference @y/websocket-server',
    serverUrl: `ws://127.0.0.1:${port}`,
    room: 'bench',
    tokens: Array(EDITORS).fill(null),
    child,
  };
}

/**
 * `npm run bench:cluster` (co-edit part): the same editors against one IRM process and against two
 * processes sharing one Redis (editors alternate between them), in the same run, BENCH_ROUNDS
 * alternating rounds (default 5).
 * Target: the two-process median p99 no worse than 2x the one-process median p99, every editor
 * converging in every round.
 */
async function clusterMain(): Promise<void> {
  const redis = await startRedis({ appendOnly: 'everysec' });
  const env = {
    REDIS_URL: redis.url,
    IRM_SECRET: randomBytes(32).toString('base64url'),
    IRM_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
  };
  const prefix = (name: string) => `${name}${randomBytes(3).toString('hex')}:`;
  const runOne = async () => measure(await startIrm({ ...env, REDIS_PREFIX: prefix('one') }, 1));
  const runTwo = async () => measure(await startIrm({ ...env, REDIS_PREFIX: prefix('two') }, 2));
  try {
    const [ones, twos] = await alternate(runOne, runTwo);
    console.log(
      `\ncoedit bench (cluster): ${EDITORS} editors × ${RATE} edits/s for ${SECONDS} s on one document, ${ROUNDS} alternating rounds`,
    );
    console.table(
      ones.flatMap((one, i) =>
        [one, twos[i]!].map((r, j) => ({
          round: i + 1,
          server: `IRM Room, ${j + 1} process${j ? 'es' : ''} on Redis`,
          'remote applies': r.samples,
          'p50 ms': r.p50.toFixed(1),
          'p99 ms': r.p99.toFixed(1),
          'max ms': r.max.toFixed(1),
          converged: r.converged,
          ...costColumns(r.cost),
        })),
      ),
    );
    const oneP99 = median(ones.map((r) => r.p99));
    const twoP99 = median(twos.map((r) => r.p99));
    const ratio = twoP99 / Math.max(0.001, oneP99);
    const converged = [...ones, ...twos].every((r) => r.converged);
    console.log(
      `median p99: 1 process ${oneP99.toFixed(1)} ms, 2 processes ${twoP99.toFixed(1)} ms; ratio ${ratio.toFixed(2)}x`,
    );
    console.log(`target (<= 2x, all converge): ${ratio <= 2 && converged ? 'met' : 'NOT met'}`);
  } finally {
    await redis.stop();
  }
}

async function startIrm(extraEnv: Record<string, string> = {}, processes = 1): Promise<Target> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-coedit-'));
  // The server prints no admin token it did not generate: pass one, and use it.
  const admin = extraEnv.IRM_ADMIN_TOKEN ?? randomBytes(32).toString('base64url');
  const spawnNode = () =>
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...extraEnv,
        IRM_ADMIN_TOKEN: admin,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  // main.ts prints its URL once listening, with the demo meeting seeded.
  const urlOf = async (child: ChildProcess) =>
    /running at (http:\/\/\S+)/.exec(
      await within(waitFor(child, /running at \S+/), 30_000, 'starting server/main.ts'),
    )![1]!;
  const child = spawnNode();
  const url = await urlOf(child);
  const more: ChildProcess[] = [];
  const moreUrls: string[] = [];
  for (let i = 1; i < processes; i++) {
    const next = spawnNode();
    more.push(next);
    moreUrls.push(await urlOf(next));
  }
  const meetingId = DEMO_MEETING_ID;
  const meeting = (await (
    await fetch(`${url}/api/meetings/${meetingId}`, {
      headers: { authorization: `Bearer ${admin}` },
      signal: AbortSignal.timeout(30_000),
    })
  ).json()) as { meeting: { proposals: Array<{ id: string }> } };
  const proposalId = meeting.meeting.proposals[0]!.id;
  const tokens: string[] = [];
  for (let i = 0; i < EDITORS; i++) {
    const res = await fetch(`${url}/api/meetings/${meetingId}/participants`, {
      signal: AbortSignal.timeout(30_000),
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Editor ${i}`, delegation: `Delegation ${i}`, role: 'delegate' }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  return {
    name: 'IRM Room (auth, validation, SQLite before relay)',
    serverUrl: `${url.replace(/^http/, 'ws')}/collab`,
    ...(processes > 1
      ? { serverUrls: [url, ...moreUrls].map((u) => `${u.replace(/^http/, 'ws')}/collab`), more }
      : {}),
    metrics: { urls: [url, ...moreUrls], token: admin },
    room: proposalId,
    tokens,
    child,
    cleanup: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = '';
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      if (pattern.test(out)) resolve(out);
    });
  });
}

/** The sum of `irm_collab_updates_total{result="applied"}` over the scraped processes. */
function appliedUpdates(metrics: string[]): number {
  return metrics.reduce(
    (n, text) => n + Number(/^irm_collab_updates_total\{result="applied"\} (\S+)$/m.exec(text)?.[1] ?? 0),
    0,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
