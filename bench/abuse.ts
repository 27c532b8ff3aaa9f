import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BYSTANDER_MAX_MS,
  BYSTANDER_P99_MS,
  type BystanderReport,
  startBystander,
} from '../tests/support/bystander';
import { spawnServer } from '../tests/support/process';
import { step, timeLimit, within } from './deadline';
import { costBetween, type ServerCost, snapshot } from './serverCost';

/**
 * `npm run bench:abuse`: every attack of tests/abuse/attacks/ against its own fresh server process
 * (server/main.ts on a new SQLite DATA_DIR), beside a bystander meeting whose clients keep pinging,
 * sending commands and typing (tests/support/bystander.ts), and first an idle run (the bystander
 * alone) as the baseline of the same run. Prints, per case, the bystander's p99 and max latency, the
 * server's peak RSS (VmHWM) and its ratio to the idle run's, whether the server survived, and what
 * the offender got, and the server's own cost: the bystander's commands' server-side latency (p99 from
 * its `irm_command_duration_seconds`) and its CPU time over the case, against the idle run's.
 * Exits 1 when a case stalls the bystander past the bound or kills the server.
 *
 * BENCH_ABUSE_SECONDS (default 15): how long each attack runs. BENCH_ABUSE_CASES: a comma-separated
 * subset of attack names. The whole bench stops with an error, naming the step it hung in, after
 * BENCH_ABUSE_LIMIT_S (900).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const ATTACKS = path.join(ROOT, 'tests/abuse/attacks');
const SECONDS = Number(process.env.BENCH_ABUSE_SECONDS ?? 15);
const LIMIT_S = Number(process.env.BENCH_ABUSE_LIMIT_S ?? 900);
const ONLY = (process.env.BENCH_ABUSE_CASES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

interface Row {
  name: string;
  report: BystanderReport;
  peakRssMb: number;
  alive: boolean;
  outcome: string;
  cost: ServerCost;
}

async function main(): Promise<void> {
  timeLimit('bench:abuse', LIMIT_S);
  const files = readdirSync(ATTACKS)
    .filter((f) => f.endsWith('.ts') && isAttack(path.join(ATTACKS, f)))
    .sort();
  const cases: Array<{ name: string; file: string | null }> = [{ name: 'idle (baseline)', file: null }];
  for (const file of files) {
    const name = attackName(path.join(ATTACKS, file));
    if (ONLY.length === 0 || ONLY.includes(name)) cases.push({ name, file: path.join(ATTACKS, file) });
  }
  console.log(`bench:abuse: ${cases.length - 1} attacks, ${SECONDS} s each, each on a fresh server process`);
  const rows: Row[] = [];
  for (const c of cases) {
    const row = await runCase(c.name, c.file);
    rows.push(row);
    console.log(
      `  ${row.name}: bystander p99 ${row.report.all.p99} ms, max ${row.report.all.max} ms; ` +
        `server peak RSS ${row.peakRssMb.toFixed(0)} MB${row.alive ? '' : ' (SERVER DIED)'}; offender: ${row.outcome}`,
    );
  }
  const idle = rows[0]!;
  console.log(
    `\nbench:abuse (attacks ${SECONDS} s each; bound: bystander p99 < ${BYSTANDER_P99_MS} ms, max < ${BYSTANDER_MAX_MS} ms)`,
  );
  console.table(
    rows.map((r) => ({
      case: r.name,
      'bystander p99 ms': r.report.all.p99,
      'bystander max ms': r.report.all.max,
      'p99 vs idle': `${(r.report.all.p99 / Math.max(1, idle.report.all.p99)).toFixed(2)}x`,
      'bystander errors': r.report.errors.length,
      'server peak RSS MB': Math.round(r.peakRssMb),
      'RSS vs idle': `${(r.peakRssMb / Math.max(1, idle.peakRssMb)).toFixed(2)}x`,
      'server cmd p99 ms': r.cost.commandP99Ms.toFixed(2),
      'server CPU s': r.cost.cpuSeconds.toFixed(2),
      'CPU vs idle': `${(r.cost.cpuSeconds / Math.max(0.01, idle.cost.cpuSeconds)).toFixed(2)}x`,
      'server alive': r.alive ? 'yes' : 'NO',
    })),
  );
  for (const r of rows) {
    if (r.report.errors.length > 0)
      console.log(`  ${r.name}: bystander errors: ${r.report.errors.slice(0, 3).join(' | ')}`);
  }
  for (const r of rows.slice(1)) console.log(`  ${r.name}: offender got: ${r.outcome}`);
  const failed = rows.filter(
    (r) =>
      !r.alive ||
      r.report.all.max >= BYSTANDER_MAX_MS ||
      r.report.all.p99 >= BYSTANDER_P99_MS ||
      r.report.errors.length > 0,
  );
  if (failed.length > 0) {
    console.error(`\nbench:abuse: over the bound: ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

/** Whether the module exports an attack (the folder also holds the attacks' shared helpers). */
const isAttack = (file: string): boolean => /^export const attack\b/m.test(readFileSync(file, 'utf8'));

/** The attack's `name`, read from its module's source (its row), else the file name. */
function attackName(file: string): string {
  const source = readFileSync(file, 'utf8');
  return (
    /export const attack\b[^=]*=\s*\{\s*name:\s*'([^']+)'/.exec(source)?.[1] ?? path.basename(file, '.ts')
  );
}

async function runCase(name: string, file: string | null): Promise<Row> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-abuse-'));
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'error' });
  const { adminToken } = server;
  // A bench stopped by its watchdog must not leave a server behind.
  const kill = () => server.child.kill('SIGKILL');
  process.once('exit', kill);
  const measured = [{ pid: server.child.pid!, metricsUrl: server.url }];
  try {
    step(`${name}: starting the bystander`);
    const bystander = await within(
      startBystander(server.url, adminToken),
      60_000,
      `${name}: starting the bystander`,
    );
    await sleep(1000); // the bystander's warm-up: part of the measured pattern
    const before = await snapshot(measured, adminToken);
    let outcome = '(none: the bystander alone)';
    step(`${name}: the attack (${SECONDS} s)`);
    if (file) {
      outcome = await runAttacker(file, server.url, adminToken, SECONDS * 1000);
    } else {
      await sleep(SECONDS * 1000);
    }
    await sleep(1000);
    step(`${name}: stopping the bystander`);
    const report = await within(bystander.stop(), 60_000, `${name}: stopping the bystander`);
    const alive = server.child.exitCode === null;
    // A dead server has no /metrics: only its CPU (NaN) is left to say.
    const after = alive ? await snapshot(measured, adminToken) : { metrics: [], cpu: Number.NaN };
    return {
      name,
      report,
      peakRssMb: peakRssMb(server.child.pid!),
      alive,
      outcome,
      cost: costBetween(alive ? before : { ...before, metrics: [] }, after, measured),
    };
  } finally {
    process.off('exit', kill);
    kill();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Peak resident set (VmHWM) of a process since it started, in MiB (Linux). */
function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN; // the process is gone
  }
}

/** Runs the attack in its own process (bench/abuseAttacker.ts) and returns what the offender got. */
function runAttacker(file: string, url: string, adminToken: string, durationMs: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/abuseAttacker.ts', file, url, adminToken, String(durationMs)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), durationMs + 60_000);
  return new Promise((resolve) => {
    child.once('exit', () => {
      clearTimeout(killer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      resolve(line ? (JSON.parse(line.slice(7)) as { outcome: string }).outcome : 'attacker printed nothing');
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
