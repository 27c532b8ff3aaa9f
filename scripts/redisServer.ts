import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * A private redis-server for the tests, the benchmarks and `npm run cluster` (one place that starts
 * one). IRM_REDIS_SERVER names another binary.
 */
const REDIS_SERVER = process.env.IRM_REDIS_SERVER ?? 'redis-server';

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The server's working directory (AOF files land here). */
  dir: string;
  /** Stops the server (SIGTERM, or SIGKILL with `kill: true`) and removes its directory. */
  stop(): Promise<void>;
  /**
   * Stops the server (SIGKILL with `kill: true`: a crash, no final AOF flush) and starts it again on
   * the same port and directory; resolves when it answers PING again. `downMs`: how long it stays
   * down between the two (default 0).
   */
  restart(options?: { kill?: boolean; downMs?: number }): Promise<void>;
  /**
   * Stops the server (SIGTERM, or SIGKILL with `kill: true`) and keeps its directory and port, so
   * `start()` brings it back with its data (with `appendOnly`): an outage as long as the caller wants.
   * Does nothing if it is already stopped.
   */
  halt(options?: { kill?: boolean }): Promise<void>;
  /** Starts a halted server again on the same port and directory; resolves when it answers PING. */
  start(): Promise<void>;
  /** True while the server process runs. */
  readonly running: boolean;
}

export interface StartRedisOptions {
  /**
   * An append-only file: `true` or `'always'` fsyncs every write before Redis answers (every
   * acknowledged write is on disk); `'everysec'` once a second. Default: no persistence.
   */
  appendOnly?: boolean | 'always' | 'everysec';
  /** Extra `redis-server` arguments. */
  args?: string[];
}

/** A port that was free a moment ago: bind port 0, read the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private `redis-server` on a free port, in a temporary directory, with no persistence
 * (`--save '' --appendonly no`) unless `appendOnly`. Never touches the machine's Redis on 6379.
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    ...(options.appendOnly
      ? ['--appendonly', 'yes', '--appendfsync', options.appendOnly === 'everysec' ? 'everysec' : 'always']
      : ['--appendonly', 'no']),
    '--daemonize',
    'no',
    '--logfile',
    '',
    '--loglevel',
    'warning',
    ...(options.args ?? []),
  ];

  let child: ChildProcess;
  let log = '';
  const launch = async () => {
    log = '';
    child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => {
      log += d;
    });
    child.stderr!.on('data', (d) => {
      log += d;
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`redis-server exited (${code ?? signal}) before answering PING:\n${log}`)),
      ),
    );
    exited.catch(() => {});
    await Promise.race([waitForPing(port, () => log), exited]);
  };
  const halt = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await gone;
  };

  await launch();
  // Never outlive the process that started it (a test worker or a bench that crashed).
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      process.off('exit', killOnExit);
      await halt('SIGTERM');
      await fs.rm(dir, { recursive: true, force: true });
    },
    async restart({ kill = false, downMs = 0 } = {}) {
      await halt(kill ? 'SIGKILL' : 'SIGTERM');
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    async halt({ kill = false } = {}) {
      await halt(kill ? 'SIGKILL' : 'SIGTERM');
    },
    async start() {
      if (child.exitCode === null && child.signalCode === null) return;
      await launch();
    },
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}

async function waitForPing(port: number, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not up yet (or still loading its AOF)
    } finally {
      client.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer PING:\n${log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
