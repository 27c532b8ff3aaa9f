import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { delay } from '../support/wait';
import { startSyncStep1Flood } from './attacks/syncStep1Flood';
import { MiB } from './metrics';
import { startServerProcess } from './serverProcess';

describe('abuse: asking for a whole large text again and again (sync step 1 with an empty state vector)', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('bounds what the answers cost: the bystander does not wait', async () => {
    const flood = await startSyncStep1Flood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 0,
    });
    const bystander = await startBystander(server.url, server.adminToken);
    await delay(6000); // the flood's duration: the bystander is measured while it runs
    const report = await bystander.stop();
    const outcome = await flood.stop();
    console.info(`sync step 1 flood: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    // Past the answer budget (16 MiB, then 4 MiB a second): closed as rate limited, each connection.
    expect(flood.tally.get(4529), outcome).toBe(8);
    expect(flood.receivedBytes(), outcome).toBeLessThan(16 * MiB + 8 * 4 * MiB + 8 * 3 * MiB);
  }, 120_000);
});
