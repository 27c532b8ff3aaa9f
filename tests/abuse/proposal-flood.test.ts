import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROPOSAL_QUOTA } from '../../shared';
import { BYSTANDER_MAX_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';
import { startProposalFlood } from './attacks/proposalFlood';

describe('a delegate flooding proposals', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('gets 100 proposals and the quota refusal; the bystander meeting does not wait', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startProposalFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 8000,
    });
    await delay(8500); // a pause: the flood runs its 8 s, and a little more
    const summary = await flood.stop();
    const result = await flood.result();
    const report = await bystander.stop();
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(result.sent, summary).toBe(1000);
    expect(result.stored, summary).toBe(PROPOSAL_QUOTA.perParticipant);
    expect(result.accepted, summary).toBe(PROPOSAL_QUOTA.perParticipant);
    const quota = `rate_limited: proposal quota reached: at most ${PROPOSAL_QUOTA.perParticipant} proposals per participant`;
    expect(result.refused.get(quota), summary).toBeGreaterThan(0);
  }, 60_000);
});
