import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_MEETING_ID } from '../../server/demo/seed';
import { api } from './client';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One participant's sign-in link, as the admin API `GET /api/meetings/:id/links` gives it. */
interface JoinLink {
  participantId: string;
  role: string;
  delegation: string;
  token: string;
  joinUrl: string;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  /** The demo meeting's join links, from the admin API (empty when this store holds no demo meeting). */
  links: JoinLink[];
  /** The admin token: the one passed in `IRM_ADMIN_TOKEN`, or the one the server generated. */
  adminToken: string;
  exited: Promise<number | null>;
}

/**
 * Runs `server/main.ts` (what `npm start` runs) in its own process, on a free port. Unless `env` sets
 * `IRM_ADMIN_TOKEN` (an empty value: let the server generate it, then read it from DATA_DIR) this
 * passes a fresh one and knows it. Tokens never come out of the human banner (its format is for
 * people; tests/integration/banner.test.ts tests it): only the URL does, since with PORT=0 only the
 * server knows its port; the links come from the admin API.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const given = 'IRM_ADMIN_TOKEN' in env ? env.IRM_ADMIN_TOKEN! : randomBytes(32).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
      IRM_ADMIN_TOKEN: given,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // no stray server left behind by a failed test
      reject(new Error(`server did not start:\n${out}\n${err}`));
    }, 20_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
    // main.ts prints once it is listening and has seeded the demo meeting.
    child.stdout!.on('data', () => {
      const found = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (!found) return;
      clearTimeout(timer);
      resolve(found);
    });
  });
  const adminToken = given || fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  return { child, url, stdout: () => out, links: await demoLinks(url, adminToken), adminToken, exited };
}

/** The demo meeting's join links through the admin API; none when the store has no demo meeting. */
async function demoLinks(url: string, adminToken: string): Promise<JoinLink[]> {
  const res = await api<{ links: JoinLink[] }>(
    url,
    'GET',
    `/api/meetings/${DEMO_MEETING_ID}/links`,
    adminToken,
  );
  if (res.status === 404) return [];
  if (res.status !== 200) throw new Error(`GET /api/meetings/${DEMO_MEETING_ID}/links: ${res.status}`);
  return res.body.links;
}
