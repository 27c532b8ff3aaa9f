import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * `npm run bench:coedit`: EDITORS clients edit one proposal, RATE edits a second each, for
 * SECONDS, against the reference `@y/websocket-server` and against IRM Room (which also
 * authenticates, validates, sanitises and writes every update to SQLite before relaying it), each
 * in its own process, in the same run. Prints update → remote-apply latency p50/p99/max for both.
 * Target: IRM Room's p99 <= 1.5 × the reference's and < 100 ms.
 */
const EDITORS = Number(process.env.BENCH_EDITORS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROOT = path.resolve(import.meta.dirname, '..');
// Every y-websocket provider listens for process exit.
process.setMaxListeners(0);

interface Target {
  name: string;
  /** Base WebSocket URL and room name for the provider, and a token per editor (if any). */
  serverUrl: string;
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
}

async function main(): Promise<void> {
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
  const latencies: number[] = [];
  const docs: Y.Doc[] = [];
  const providers: WebsocketProvider[] = [];
  try {
    for (let i = 0; i < EDITORS; i++) {
      const doc = new Y.Doc();
      const text = doc.getText('bench');
      // Each insert carries its send time; every other editor measures when it applies it.
      text.observe((event) => {
        if (event.transaction.local) return;
        const now = performance.now();
        for (const op of event.delta) {
          if (typeof op.insert !== 'string') continue;
          for (const m of op.insert.matchAll(/<(\d+\.\d+)>/g)) latencies.push(now - Number(m[1]));
        }
      });
      const token = target.tokens[i];
      const provider = new WebsocketProvider(target.serverUrl, target.room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: token ? { token } : {},
        disableBc: true,
      });
      docs.push(doc);
      providers.push(provider);
    }
    await Promise.all(
      providers.map((p) => new Promise<void>((r) => (p.synced ? r() : p.once('sync', () => r())))),
    );
    await sleep(500);
    latencies.length = 0;
    const ticks: NodeJS.Timeout[] = [];
    const timers = docs.map((doc, i) => {
      const text = doc.getText('bench');
      let n = 0;
      // Stagger the editors so edits arrive spread out, as people type.
      return setTimeout(
        () => {
          const tick = setInterval(() => {
            const at = performance.now().toFixed(3);
            text.insert(Math.min(text.length, (n * 7 + i) % (text.length + 1)), `e${i}.${n++}<${at}>`);
          }, 1000 / RATE);
          ticks.push(tick);
        },
        (i / EDITORS) * (1000 / RATE),
      );
    });
    await sleep(SECONDS * 1000);
    for (const t of timers) clearTimeout(t);
    for (const t of ticks) clearInterval(t);
    await sleep(2000);
    const first = docs[0]!.getText('bench').toString();
    const converged = docs.every((d) => d.getText('bench').toString() === first);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    return {
      name: target.name,
      samples: latencies.length,
      p50: pct(50),
      p99: pct(99),
      max: latencies.at(-1) ?? NaN,
      converged,
    };
  } finally {
    for (const p of providers) p.destroy();
    target.child.kill('SIGKILL');
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

async function startIrm(): Promise<Target> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-coedit-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out = await waitFor(child, /Admin token: \S+/);
  const url = /running at (http:\/\/\S+)/.exec(out)![1]!;
  const admin = /Admin token: (\S+)/.exec(out)![1]!;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
