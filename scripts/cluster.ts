import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RedisServer, startRedis } from './redisServer';

/**
 * `npm run cluster`: a local redis-server on a free port and two IRM Room processes sharing it, so
 * anyone can see one meeting span two processes: join as the chair on one URL and as a delegate on
 * the other. Ctrl-C stops all three. Data lives in a temp dir (Redis with AOF, fsync every second).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
let redis: RedisServer | undefined;

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'irm-cluster-'));
  redis = await startRedis({ appendOnly: 'everysec' });
  const env = {
    ...process.env,
    REDIS_URL: redis.url,
    IRM_SECRET: randomBytes(32).toString('base64url'),
    IRM_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
  };
  // The first process seeds the demo meeting; the second starts once it has, and finds it in Redis.
  const first = await startServer({
    ...env,
    PORT: process.env.PORT ?? '3000',
    DATA_DIR: path.join(dir, 'a'),
  });
  const second = await startServer({
    ...env,
    PORT: String(Number(process.env.PORT ?? 3000) + 1),
    DATA_DIR: path.join(dir, 'b'),
  });
  const url = (out: string) => /running at (\S+)/.exec(out)![1]!;
  console.log(`Redis:     ${redis.url}  (data in ${redis.dir})`);
  console.log(`Process A: ${url(first)}`);
  console.log(`Process B: ${url(second)}`);
  console.log(
    '\nThe same links work on either process: swap the host:port to put people on different processes.\n',
  );
  console.log(first.split('\n').slice(1).join('\n'));
  // The servers never print a token they were given; this script generated it, so it shows it.
  console.log(`Admin token (generated for this cluster): ${env.IRM_ADMIN_TOKEN}\n`);
}

function startServer(env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      if (/Admin token: \S+/.test(out)) resolve(out);
    });
  });
}

let stopping = false;
const stop = async () => {
  // Ctrl-C reaches this script twice (directly and relayed by tsx): stop once.
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await redis?.halt(); // SIGTERM: Redis writes its AOF; the data stays in its directory
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
