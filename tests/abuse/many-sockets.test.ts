import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { describeManySockets, startManySockets } from './attacks/manySockets';

describe('one token opening 1000 Socket.IO sockets', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('keeps only the per-participant cap open and limits commands per participant', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startManySockets({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 5000,
    });
    const result = await attack.stop();
    const report = await bystander.stop();
    const summary = `${describeManySockets(result)}; ${describeReport(report)}`;
    console.log(summary);
    // docs/protocol.md, Limits: 4 sockets per participant; messages: burst 30, then 10 a second.
    expect(result.openAtEnd, summary).toBeLessThanOrEqual(4);
    expect(result.processed, summary).toBeLessThanOrEqual(30 + Math.ceil((10 * result.commandMs) / 1000) + 2);
    expect(result.rateLimited, summary).toBeGreaterThan(0);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
  }, 60_000);
});
