import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '../../server/app';
import { type Config, configFromEnv } from '../../server/config';

export const tempDir = (prefix = 'irm-test-') => fs.mkdtemp(path.join(os.tmpdir(), prefix));

/** A real server on a free port over a fresh SQLite file; `stop` also removes its data unless kept. */
export async function startTestServer(
  overrides: Partial<Config> = {},
): Promise<RunningServer & { dataDir: string; stop: (opts?: { keepData?: boolean }) => Promise<void> }> {
  const dataDir = overrides.dataDir ?? (await tempDir());
  const server = await startServer({
    ...configFromEnv({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    ...overrides,
  });
  return {
    ...server,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      await server.close();
      if (!keepData) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
