import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  /** Demo join links printed at start: role, delegation and token. */
  links: Array<{ role: string; delegation: string; token: string }>;
  /** The admin token: the one passed in `IRM_ADMIN_TOKEN`, or the one the server printed. */
  adminToken: string;
  exited: Promise<number | null>;
}

/**
 * Runs `server/main.ts` (what `npm start` runs) in its own process, on a free port. The server prints
 * the admin token only when it generates one, so unless `env` sets `IRM_ADMIN_TOKEN` (an empty value:
 * let the server generate it: read from its banner or DATA_DIR) this passes a fresh one and knows it.
 */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
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
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // no stray server left behind by a failed test
      reject(new Error(`server did not start:\n${out}\n${err}`));
    }, 20_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
    child.stdout!.on('data', () => {
      // The admin token line is the banner's last: once it is there, so are the links.
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      const adminLine = /^Admin token: (.+)$/m.exec(out)?.[1];
      if (!url || !adminLine) return;
      // Generated now: printed; generated on an earlier start: kept in DATA_DIR.
      const admin =
        given ||
        /^(\S+) {2}\(generated now/.exec(adminLine)?.[1] ||
        fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
      clearTimeout(timer);
      const links = [...out.matchAll(/^\s+(\S+) · (.+?)\s+http\S+#token=(\S+)$/gm)].map((m) => ({
        role: m[1]!,
        delegation: m[2]!,
        token: m[3]!,
      }));
      resolve({ child, url, stdout: () => out, links, adminToken: admin, exited });
    });
  });
}
