import fs from 'node:fs/promises';
import { spawnServer } from '../support/process';
import { tempDir } from '../support/server';

/**
 * The server in a process of its own (what `npm start` runs), for attacks that stall the event loop:
 * in the test's own process a stall would also stop the bystander's probes, which would then measure
 * nothing.
 */
export async function startServerProcess(): Promise<{
  url: string;
  adminToken: string;
  stop: () => Promise<void>;
}> {
  const dataDir = await tempDir('irm-abuse-');
  const server = await spawnServer(dataDir);
  return {
    url: server.url,
    adminToken: server.adminToken,
    stop: async () => {
      server.child.kill('SIGTERM');
      const exited = await Promise.race([
        server.exited.catch(() => null),
        new Promise((r) => setTimeout(r, 15_000, 'late')),
      ]);
      if (exited === 'late') server.child.kill('SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
