import { readFileSync } from 'node:fs';

/**
 * What a run cost the server itself, beside the client-side latencies (which on a 2-core machine
 * mostly measure the load generator): the server-side command latency (`irm_command_duration_seconds`,
 * receipt to ack), its CPU time and its peak RSS. IRM Room reports these on /metrics; a baseline
 * server has no /metrics, so CPU and peak RSS also come from /proc for every process, comparable
 * across servers.
 */
export interface ServerCost {
  /** Commands acked during the run (the histogram's count difference); NaN without /metrics. */
  commands: number;
  /** Server-side command latency quantiles, interpolated within histogram buckets, in ms. */
  commandP50Ms: number;
  commandP99Ms: number;
  /** CPU seconds (user + system) the server process(es) used during the run. */
  cpuSeconds: number;
  /** The largest peak RSS of the server process(es) since they started, in MiB. */
  peakRssMiB: number;
}

/** A server process of a run: its pid, and its base URL when it has IRM Room's /metrics. */
export interface Measured {
  pid: number;
  metricsUrl?: string;
}

/** Reads /metrics (bearer token), failing loudly after `timeoutMs`, naming the server. */
async function scrape(url: string, token: string, timeoutMs = 5000): Promise<string> {
  const res = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: Error) => {
    throw new Error(`GET ${url}/metrics: ${error.message}`);
  });
  if (!res.ok) throw new Error(`GET ${url}/metrics: ${res.status}`);
  return res.text();
}

/** A snapshot of every process of a run, taken before and after it. */
export interface CostSnapshot {
  metrics: string[];
  cpu: number;
}

export async function snapshot(servers: Measured[], token: string): Promise<CostSnapshot> {
  const metrics = await Promise.all(
    servers.filter((s) => s.metricsUrl).map((s) => scrape(s.metricsUrl!, token)),
  );
  return { metrics, cpu: servers.reduce((sum, s) => sum + procCpuSeconds(s.pid), 0) };
}

export function costBetween(before: CostSnapshot, after: CostSnapshot, servers: Measured[]): ServerCost {
  const peakRssMiB = Math.max(...servers.map((s) => procPeakRssBytes(s.pid))) / 2 ** 20;
  const cpuSeconds = after.cpu - before.cpu;
  if (after.metrics.length === 0) {
    return {
      commands: Number.NaN,
      commandP50Ms: Number.NaN,
      commandP99Ms: Number.NaN,
      cpuSeconds,
      peakRssMiB,
    };
  }
  const buckets = diff(sumBuckets(after.metrics), sumBuckets(before.metrics));
  const commands = buckets.at(-1)?.count ?? 0;
  return {
    commands,
    commandP50Ms: quantile(buckets, 0.5) * 1000,
    commandP99Ms: quantile(buckets, 0.99) * 1000,
    cpuSeconds,
    peakRssMiB,
  };
}

/** The same figures from IRM Room's own metrics (process_cpu_seconds_total, irm_process_peak_rss_bytes). */
export function reportedByServer(
  before: CostSnapshot,
  after: CostSnapshot,
): { cpuSeconds: number; peakRssMiB: number } {
  const sum = (texts: string[], name: string) =>
    texts.reduce((n, t) => n + (single(t, name) ?? Number.NaN), 0);
  const peak = Math.max(...after.metrics.map((t) => single(t, 'irm_process_peak_rss_bytes') ?? Number.NaN));
  return {
    cpuSeconds:
      sum(after.metrics, 'process_cpu_seconds_total') - sum(before.metrics, 'process_cpu_seconds_total'),
    peakRssMiB: peak / 2 ** 20,
  };
}

interface Bucket {
  le: number;
  count: number;
}

const BUCKET = /^irm_command_duration_seconds_bucket\{(.*)\} (\S+)$/gm;

/** The command latency histogram, summed over command types and processes: cumulative counts by `le`. */
function sumBuckets(texts: string[]): Bucket[] {
  const byLe = new Map<number, number>();
  for (const text of texts) {
    for (const m of text.matchAll(BUCKET)) {
      const le = /le="([^"]+)"/.exec(m[1]!)?.[1];
      if (le === undefined) continue;
      const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
      byLe.set(bound, (byLe.get(bound) ?? 0) + Number(m[2]));
    }
  }
  return [...byLe].map(([le, count]) => ({ le, count })).sort((x, y) => x.le - y.le);
}

function diff(after: Bucket[], before: Bucket[]): Bucket[] {
  const earlier = new Map(before.map((b) => [b.le, b.count]));
  return after.map((b) => ({ le: b.le, count: b.count - (earlier.get(b.le) ?? 0) }));
}

/**
 * As Prometheus's histogram_quantile: linear within the bucket the rank falls in; in the +Inf
 * bucket, the largest finite bound. NaN when nothing was observed.
 */
function quantile(buckets: Bucket[], q: number): number {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let lowerLe = 0;
  let lowerCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return lowerLe;
      const inBucket = b.count - lowerCount;
      return inBucket === 0 ? b.le : lowerLe + ((b.le - lowerLe) * (rank - lowerCount)) / inBucket;
    }
    lowerLe = b.le;
    lowerCount = b.count;
  }
  return lowerLe;
}

function single(text: string, name: string): number | undefined {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; NaN elsewhere or once gone). */
function procCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

/** A process's peak RSS so far (VmHWM in /proc; NaN elsewhere or once gone). */
function procPeakRssBytes(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Cost columns for console.table, and `ratio` against a baseline's. */
export const costColumns = (c: ServerCost) => ({
  'server cmd p50 ms': Number.isNaN(c.commandP50Ms) ? '-' : c.commandP50Ms.toFixed(2),
  'server cmd p99 ms': Number.isNaN(c.commandP99Ms) ? '-' : c.commandP99Ms.toFixed(2),
  'server CPU s': c.cpuSeconds.toFixed(2),
  'server peak RSS MiB': c.peakRssMiB.toFixed(0),
});

export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : 'n/a');
