import { startServer } from './app';
import { configFromEnv } from './config';
import { joinLinks, seedDemoIfEmpty } from './demo/seed';

/** `npm start`: the room on the embedded store, with the IRM-1 demo meeting on first start. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer(config);
  const { service, invites, log } = server;
  const seeded = await seedDemoIfEmpty(service);

  const out: string[] = [`IRM Room is running at ${server.url}  (data in ${config.dataDir})`];
  for (const id of service.meetingIds()) {
    const meeting = service.room(id)!.state;
    out.push('', `${meeting.title}${id === seeded ? '  (demo meeting, just created)' : ''}`);
    out.push(...(await joinLinks(meeting, invites)));
  }
  out.push(
    '',
    `Admin token: ${server.adminToken}`,
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
