import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startRedis } from '../scripts/redisServer';
import { alternate, median, ROUNDS } from './rounds';

/**
 * `npm run bench:coedit`: EDITORS clients edit one proposal, RATE edits a second each, for
 * SECONDS, against the reference `@y/websocket-server` and against IRM Room (which also
 * authenticates, validates, sanitises and writes every update to SQLite before relaying it), each
 * in its own process, in the same run. Prints update → remote-apply latency p50/p99/max for both.
 * Target: IRM Room's p99 <= 1.5 × the reference's and < 100 ms. The editors run in worker threads
 * (bench/coeditEditors.mjs); latencies use absolute time, comparable across threads.
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
}

/** CPU seconds a child process has used so far (Linux /proc; NaN elsewhere). */
function cpuSeconds(child: ChildProcess): number {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_MODE === 'cluster') return clusterMain();
  const reference = await measure(await startReference());
  if (process.env.BENCH_ONLY === 'reference') return console.log(reference);
  const irm = await measure(await startIrm());
  console.log(`\ncoedit bench: ${EDITORS} editors × ${RATE} edits/s for ${SECONDS} s on one document`);
  console.table(
    [reference, irm].map((r) => ({
      server: r.name,
      'remote applies': r.samples,
      'p50 ms': r.p50.toFixed(1),
      'p99 ms': r.p99.toFixed(1),
      'max ms': r.max.toFixed(1),
      converged: r.converged,
    })),
  );
  const ratio = irm.p99 / Math.max(0.001, reference.p99);
  console.log(`ratio IRM/reference p99: ${ratio.toFixed(2)}x`);
  const met = ratio <= 1.5 && irm.p99 < 100 && irm.converged;
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
    await Promise.all(workers.map(next));
    const servers = [target.child, ...(target.more ?? [])];
    const cpuAtStart = servers.reduce((sum, c) => sum + cpuSeconds(c), 0);
    const done = workers.map(next);
    for (const w of workers) w.postMessage('go');
    const results = await Promise.all(done);
    await Promise.all(workers.map((w) => w.terminate()));
    const serverCpuSeconds = servers.reduce((sum, c) => sum + cpuSeconds(c), 0) - cpuAtStart;
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
  await waitFor(child, /running at/);
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
          'server CPU s': r.serverCpuSeconds.toFixed(1),
          converged: r.converged,
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
  const child = spawnNode();
  const out = await waitFor(child, /Admin token: \S+/);
  const more: ChildProcess[] = [];
  const moreUrls: string[] = [];
  for (let i = 1; i < processes; i++) {
    const next = spawnNode();
    more.push(next);
    const nextOut = await waitFor(next, /Admin token: \S+/);
    moreUrls.push(`${/running at (http:\/\/\S+)/.exec(nextOut)![1]!.replace(/^http/, 'ws')}/collab`);
  }
  const url = /running at (http:\/\/\S+)/.exec(out)![1]!;
  const chairToken = /chair · .*#token=(\S+)/.exec(out)![1]!;
  const meetingId = JSON.parse(Buffer.from(chairToken.split('.')[1]!, 'base64url').toString()).mid as string;
  const meeting = (await (
    await fetch(`${url}/api/meetings/${meetingId}`, { headers: { authorization: `Bearer ${chairToken}` } })
  ).json()) as { meeting: { proposals: Array<{ id: string }> } };
  const proposalId = meeting.meeting.proposals[0]!.id;
  const tokens: string[] = [];
  for (let i = 0; i < EDITORS; i++) {
    const res = await fetch(`${url}/api/meetings/${meetingId}/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Editor ${i}`, delegation: `Delegation ${i}`, role: 'delegate' }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  return {
    name: 'IRM Room (auth, validation, SQLite before relay)',
    serverUrl: `${url.replace(/^http/, 'ws')}/collab`,
    ...(processes > 1 ? { serverUrls: [`${url.replace(/^http/, 'ws')}/collab`, ...moreUrls], more } : {}),
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

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
