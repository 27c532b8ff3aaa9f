import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { delay } from '../support/wait';
import { startVersionReadFlood } from './attacks/versionReadFlood';
import { startServerProcess } from './serverProcess';

describe('abuse: reading a large version over and over', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('answers within the read budget, the rest 429; the bystander does not wait', async () => {
    const flood = await startVersionReadFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 0,
    });
    const bystander = await startBystander(server.url, server.adminToken);
    await delay(6000); // the flood's duration: the bystander is measured while it runs
    const report = await bystander.stop();
    const outcome = await flood.stop();
    console.info(`version read flood: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(flood.reads.get(429) ?? 0, outcome).toBeGreaterThan(0);
    // At most the burst (16 MiB) and 2 MiB a second, plus one answer per refill, were served.
    const served = (flood.reads.get(200) ?? 0) * flood.versionBytes;
    expect(served, outcome).toBeLessThan((16 + 2 * 10) * 1024 * 1024 + 16 * flood.versionBytes);
  }, 120_000);
});
