import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  /** Demo join links printed at start: role, delegation and token. */
  links: Array<{ role: string; delegation: string; token: string }>;
  adminToken: string;
  exited: Promise<number | null>;
}

/** Runs `server/main.ts` (what `npm start` runs) in its own process, on a free port. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
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
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      const admin = /Admin token: (\S+)/.exec(out)?.[1];
      if (!url || !admin) return;
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
