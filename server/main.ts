import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './app';
import { configFromEnv } from './config';
import { DEMO_MEETING_ID, joinLinks, seedDemoIfEmpty } from './demo/seed';

/** `npm start`: the room on the embedded store, with the IRM-1 demo meeting on first start. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const adminTokenFile = path.join(config.dataDir, 'admin-token');
  // Known before start: the server generates the admin token only when neither is there.
  const adminTokenGiven = config.adminToken !== undefined;
  const adminTokenKept = !adminTokenGiven && fs.existsSync(adminTokenFile);
  const server = await startServer(config, { now: testClock(process.env.IRM_TEST_CLOCK_OFFSET_MS) });
  const { service, invites, log } = server;
  const seeded = await seedDemoIfEmpty(service);

  // The banner holds secrets (every link signs someone in): only the demo meeting's links, and the
  // admin token only when it was just generated (else the operator has it already). The admin token
  // line comes last, always: scripts wait for it.
  const out: string[] = [`IRM Room is running at ${server.url}  (data in ${config.dataDir})`];
  // The demo is the meeting with the demo's id (also when another process seeded it).
  const demo = (await service.ensureRoom(DEMO_MEETING_ID))?.state;
  if (demo) {
    out.push('', `${demo.title}  (demo meeting${seeded ? ', just created' : ''})`);
    out.push(...(await joinLinks(demo, invites)));
  }
  // The admin page signs in from the link's fragment, like the join links: the whole link only when
  // the token is printed anyway; else the operator adds the token they keep.
  const adminPage = `${config.publicUrl || server.url}/admin`;
  const generated = !adminTokenGiven && !adminTokenKept;
  out.push(
    '',
    generated
      ? `Administration: ${adminPage}#token=${server.adminToken}`
      : `Administration: ${adminPage}  (add #token=<admin token> to sign in)`,
    adminTokenGiven
      ? 'Admin token: from IRM_ADMIN_TOKEN (not printed)'
      : adminTokenKept
        ? `Admin token: kept in ${adminTokenFile} (not printed)`
        : `Admin token: ${server.adminToken}  (generated now, kept in ${adminTokenFile})`,
    '  (send it as "Authorization: Bearer <admin token>" to POST /api/meetings)',
    '',
  );
  process.stdout.write(`${out.join('\n')}\n`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    // Drain within 10 s; a stuck connection must not keep the process alive past that.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/**
 * FOR TESTS ONLY: `IRM_TEST_CLOCK_OFFSET_MS` runs the meetings that many ms ahead of the machine's
 * clock (decisions, check deadlines, the time clients are told), so a test can restart a server
 * "after" a silence procedure's deadline (at least an hour away by the rules) without waiting for it.
 * Unset (always, in a deployment): the real clock. Anything but an integer is refused at start.
 */
function testClock(offset: string | undefined): (() => number) | undefined {
  if (offset === undefined || offset === '') return undefined;
  const ms = Number(offset);
  if (!Number.isSafeInteger(ms)) throw new Error('IRM_TEST_CLOCK_OFFSET_MS must be an integer (ms)');
  process.stderr.write(`IRM_TEST_CLOCK_OFFSET_MS: the meetings' clock runs ${ms} ms off (tests only)\n`);
  return () => Date.now() + ms;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
