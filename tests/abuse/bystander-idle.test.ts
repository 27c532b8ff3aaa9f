import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';

describe('the bystander harness', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('measures clock, command and edit latency on an idle server', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    await delay(2000); // a pause: the bystander's sample on an idle server
    const report = await bystander.stop();
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.clock.count).toBeGreaterThan(4);
    expect(report.command.count).toBeGreaterThan(2);
    expect(report.edit.count).toBeGreaterThan(10);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
  });
});
