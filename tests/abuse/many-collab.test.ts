import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { describeManyCollab, startManyCollab } from './attacks/manyCollab';
import { MiB } from './metrics';

describe('one token opening 200 co-editing sockets', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('keeps only the per-participant cap open, with one byte budget across them', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startManyCollab({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 5000,
    });
    const result = await attack.stop();
    const report = await bystander.stop();
    const summary = `${describeManyCollab(result)}; ${describeReport(report)}`;
    console.log(summary);
    // docs/collab.md, Limits: 8 connections per participant; 4 MiB burst, 1 MiB/s across them.
    expect(result.openAtEnd, summary).toBeLessThanOrEqual(8);
    expect(result.acceptedBytes, summary).toBeLessThanOrEqual(4 * MiB + 2 * MiB);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
  }, 60_000);
});
