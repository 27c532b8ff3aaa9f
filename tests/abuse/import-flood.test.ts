import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_REFUSALS } from '../../server/http/bulkGate';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { delay } from '../support/wait';
import { startImportFlood } from './attacks/importFlood';
import { startServerProcess } from './serverProcess';

describe('abuse: a secretariat previewing the largest registration list in a loop', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('is answered within its budget and the bystander does not wait', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startImportFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 5000,
    });
    await delay(5000);
    const outcome = await flood.stop();
    const result = await flood.result();
    const report = await bystander.stop();
    console.info(`import flood: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    // A few full lists within the caller's byte budget; the rest refused, in words, before being read.
    expect(result.statuses.get(200) ?? 0, outcome).toBeGreaterThan(0);
    expect(result.statuses.get(200) ?? 0, outcome).toBeLessThan(12);
    expect(result.statuses.get(429) ?? 0, outcome).toBeGreaterThan(0);
    const words = new Set(Object.values(BULK_REFUSALS));
    expect(
      [...result.messages.keys()].every((m) => words.has(m)),
      outcome,
    ).toBe(true);
  }, 60_000);
});
