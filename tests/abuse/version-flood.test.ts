import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VERSION_LIMITS } from '../../server/collab/versionQuota';
import { BYSTANDER_MAX_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { startVersionFlood } from './attacks/versionFlood';

describe('a delegate flooding version saves', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('stores a burst of versions, the rest refused by the save rate; the bystander does not wait', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startVersionFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 2000,
    });
    const summary = await flood.stop();
    const result = await flood.result();
    const report = await bystander.stop();
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    const { burst, refillMs } = DEFAULT_VERSION_LIMITS;
    expect(result.statuses.get(201), summary).toBe(burst);
    expect(result.statuses.get(429), summary).toBe(300 - burst);
    expect(result.stored, summary).toBe(burst + 1); // and the base text
    const rate = `version save rate: at most ${burst} saves at once and then 1 every ${refillMs / 1000} s per participant; try again in N s`;
    expect(result.messages.get(rate), summary).toBe(300 - burst);
  }, 60_000);
});
