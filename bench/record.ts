import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RECORD_EXPORTS, type RecordExport, renderExport } from '../server/record/render';
import { largeRecord } from '../server/record/render/fixtures';
import { RenderPool } from '../server/record/renderPool';
import type { Language, MeetingRecord } from '../shared';
import { step, timeLimit } from './deadline';
import { median } from './rounds';

/**
 * `npm run bench:record`: the record's exports of a long meeting (BENCH_INTERVENTIONS, default
 * 5000; BENCH_PARTICIPANTS, default 2000), each rendered BENCH_ROUNDS times (default 3) in process
 * and in the render pool's worker (server/record/renderPool.ts). Times are medians, and each is
 * also given as a ratio against JSON.stringify of the same record in the same run, so figures
 * from machines of different speeds compare. Then a bystander: the event-loop delay
 * (perf_hooks.monitorEventLoopDelay) and the longest gap of a 20 ms timer while a .docx renders in
 * the pool, against the same render in process: what every other meeting of the process waits.
 * The whole bench has a time limit (BENCH_TIMEOUT_S) and fails naming the step that hung.
 */
const INTERVENTIONS = Number(process.env.BENCH_INTERVENTIONS ?? 5000);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LANG: Language = 'en';

/** The median time of `work` over `rounds` runs, in ms. */
async function timed(rounds: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

interface Bystander {
  p99: number;
  max: number;
  /** The longest time between two ticks of the 20 ms timer. */
  longestGap: number;
  ticks: number;
}

/** What a timer of the main thread lives through while `work` runs. */
async function bystanderDuring(work: () => Promise<unknown>): Promise<Bystander> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let longestGap = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks++;
  }, 20);
  // The histogram measures from its timer's last run: one turn before the work, so a render that
  // holds the thread from its start is counted, and one after, so one that holds it to its end is.
  const turn = () => new Promise((resolve) => setTimeout(resolve, 25));
  delay.enable();
  try {
    await turn();
    last = performance.now();
    await work();
    await turn();
  } finally {
    delay.disable();
    clearInterval(timer);
  }
  const ms = (ns: number) => ns / 1e6;
  return { p99: ms(delay.percentile(99)), max: ms(delay.max), longestGap, ticks };
}

const fixed = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

async function main(): Promise<void> {
  timeLimit('bench:record', 180);
  step('building the record');
  const record: MeetingRecord = largeRecord({ interventions: INTERVENTIONS, participants: PARTICIPANTS });
  const json = JSON.stringify(record);
  const jsonMs = await timed(Math.max(ROUNDS, 10), () => JSON.stringify(record));
  const cloneMs = await timed(Math.max(ROUNDS, 10), () => structuredClone(record));
  const pool = new RenderPool();
  try {
    step('starting the render worker');
    const startMs = await timed(1, () => pool.render('record.md', record, LANG));

    const rows: Record<string, Record<string, string>> = {};
    for (const name of RECORD_EXPORTS) {
      step(`rendering ${name}`);
      let bytes = 0;
      const render = async (via: (name: RecordExport) => Promise<{ body: Buffer }>) => {
        bytes = (await via(name)).body.length;
      };
      const inline = await timed(ROUNDS, () => render((n) => renderExport(n, record, LANG)));
      const pooled = await timed(ROUNDS, () => render((n) => pool.render(n, record, LANG)));
      rows[name] = {
        'in process ms': fixed(inline),
        '× JSON': (inline / jsonMs).toFixed(1),
        'pool ms': fixed(pooled),
        'pool × JSON': (pooled / jsonMs).toFixed(1),
        KiB: (bytes / 1024).toFixed(0),
      };
    }

    step('bystander during a .docx in the pool');
    const pooled = await bystanderDuring(() => pool.render('record.docx', record, LANG));
    step('bystander during a .docx in process');
    const inline = await bystanderDuring(() => renderExport('record.docx', record, LANG));

    console.log(
      `\nrecord bench: ${INTERVENTIONS} interventions, ${PARTICIPANTS} participants, ${ROUNDS} rounds (medians)`,
    );
    console.log(
      `JSON.stringify of the record: ${fixed(jsonMs)} ms (${(json.length / 1024 / 1024).toFixed(1)} MiB); structuredClone (what sending it to the worker costs the main thread): ${fixed(cloneMs)} ms; worker start (loading the renderers under tsx) with a first .md: ${fixed(startMs)} ms`,
    );
    console.table(rows);
    console.log('main-thread event loop while a .docx renders:');
    console.table({
      'in the pool': bystanderRow(pooled),
      'in process': bystanderRow(inline),
    });
  } finally {
    await pool.close();
  }
}

const bystanderRow = (b: Bystander) => ({
  'delay p99 ms': fixed(b.p99),
  'delay max ms': fixed(b.max),
  '20 ms timer: longest gap ms': fixed(b.longestGap),
  ticks: b.ticks,
});

await main();
