import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../support/client';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';

/** The join links as the banner prints them for people: `role · delegation   <url>#token=…`. */
const bannerLinks = (stdout: string) =>
  [...stdout.matchAll(/^\s+(\S+) · (.+?)\s+http\S+#token=(\S+)$/gm)].map((m) => ({
    role: m[1]!,
    delegation: m[2]!,
    token: m[3]!,
  }));

/**
 * What `npm start` prints (server/main.ts): every link there signs someone in, so only the demo
 * meeting's links, and the admin token only when the server has just generated it.
 */
describe('the start-up banner', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function start(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = await spawnServer(dataDir, env);
    cleanup.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    return server;
  }

  async function dir(): Promise<string> {
    const d = await tempDir('irm-banner-');
    cleanup.push(() => fs.rm(d, { recursive: true, force: true }));
    return d;
  }

  it('does not print an admin token that came from IRM_ADMIN_TOKEN', async () => {
    const token = randomBytes(32).toString('base64url');
    const server = await start(await dir(), { IRM_ADMIN_TOKEN: token });
    expect(server.stdout()).not.toContain(token);
    expect(server.stdout()).toContain('Admin token: from IRM_ADMIN_TOKEN (not printed)');
    expect(server.stdout()).toContain(`Administration: ${server.url}/admin  (add #token=<admin token>`);
    expect(server.links.length).toBe(23); // the demo meeting, just seeded
    // The same people as the admin API lists (tokens differ: each is signed when asked for).
    const who = (l: { role: string; delegation: string }) => `${l.role} · ${l.delegation}`;
    expect(bannerLinks(server.stdout()).map(who)).toEqual(server.links.map(who));
  });

  it('prints a generated admin token once, and only the demo meeting’s links', async () => {
    const dataDir = await dir();
    const first = await start(dataDir, { IRM_ADMIN_TOKEN: '' });
    const generated = (await fs.readFile(`${dataDir}/admin-token`, 'utf8')).trim();
    expect(first.adminToken).toBe(generated);
    expect(first.stdout()).toContain(`Admin token: ${generated}`);
    expect(first.stdout()).toContain(`Administration: ${first.url}/admin#token=${generated}`);
    expect(first.stdout()).toContain('(demo meeting, just created)');
    // A real meeting, made through the API: its people's links are never printed.
    const real = await api<{ meeting: { id: string } }>(first.url, 'POST', '/api/meetings', generated, {
      title: 'IRM-2 (real)',
      chairName: 'Real Chair',
      chairDelegation: 'Kenya',
    });
    expect(real.status).toBe(201);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = await start(dataDir, { IRM_ADMIN_TOKEN: '' });
    const out = second.stdout();
    expect(out).not.toContain(generated);
    expect(out).toContain('Admin token: kept in');
    expect(out).toContain(`Administration: ${second.url}/admin  (add #token=<admin token>`);
    expect(out).not.toContain('IRM-2 (real)');
    expect(out).not.toContain('Real Chair');
    expect(out).toContain('(demo meeting)');
    expect(second.links.length).toBe(23);
    expect(bannerLinks(out).length).toBe(23);
    for (const link of bannerLinks(out)) {
      const claims = JSON.parse(Buffer.from(link.token.split('.')[1]!, 'base64url').toString());
      expect(claims.mid).not.toBe(real.body.meeting.id);
    }
  });
});
