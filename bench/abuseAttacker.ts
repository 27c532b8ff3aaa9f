import { pathToFileURL } from 'node:url';
import type { Attack } from '../tests/abuse/attacks/types';

/**
 * One attack of tests/abuse/attacks/, in a process of its own (bench/abuse.ts starts it), so that the
 * attacker's own work (building megabyte updates, opening a thousand sockets) never runs on the
 * bench's event loop, where it would show up as the bystander's latency.
 *
 * Usage: tsx bench/abuseAttacker.ts <attack module> <server url> <admin token> <duration ms>
 * Prints one line `RESULT <json>` with what the offender got.
 */
async function main(): Promise<void> {
  const [file, url, adminToken, duration] = process.argv.slice(2);
  if (!file || !url || !adminToken || !duration)
    throw new Error('usage: abuseAttacker <file> <url> <admin> <ms>');
  const { attack } = (await import(pathToFileURL(file).href)) as { attack: Attack };
  const durationMs = Number(duration);
  const started = performance.now();
  const running = await attack.start({ url, adminToken, durationMs });
  const left = durationMs - (performance.now() - started);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  const outcome = await running.stop();
  process.stdout.write(`RESULT ${JSON.stringify({ outcome })}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stdout.write(`RESULT ${JSON.stringify({ outcome: `attack failed: ${String(error)}` })}\n`);
    process.exit(1);
  },
);
