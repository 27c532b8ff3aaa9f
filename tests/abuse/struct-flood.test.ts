import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { delay } from '../support/wait';
import { startStructFlood } from './attacks/structFlood';
import { startServerProcess } from './serverProcess';

describe('abuse: updates of 90 000 one-character structs, one a second', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('the bystander does not wait', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startStructFlood({ url: server.url, adminToken: server.adminToken, durationMs: 0 });
    await delay(8000); // the flood's duration: the bystander is measured while it runs
    const report = await bystander.stop();
    const outcome = await flood.stop();
    console.info(`struct flood: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
  }, 120_000);
});
