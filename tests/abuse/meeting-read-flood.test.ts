import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANT_QUOTA } from '../../shared';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { delay } from '../support/wait';
import { startMeetingReadFlood } from './attacks/meetingReadFlood';
import { startServerProcess } from './serverProcess';

describe('abuse: a secretariat inflating its meeting and reading it over HTTP in a loop', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('stops registrations at the quota and reads at the byte budget; the bystander does not wait', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startMeetingReadFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 6000,
    });
    await delay(6000); // the flood's duration (durationMs)
    const outcome = await flood.stop();
    const result = await flood.result();
    const report = await bystander.stop();
    console.info(`meeting read flood: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    // The chair and the offender are two of the quota.
    expect(result.added.get(201), outcome).toBe(PARTICIPANT_QUOTA.perMeeting - 2);
    expect(result.added.get(429) ?? 0, outcome).toBeGreaterThan(0);
    expect(result.reads.get(429) ?? 0, outcome).toBeGreaterThan(0);
    expect([...result.messages.keys()], outcome).toEqual([
      'read budget spent: at most 2 MiB of meeting and version reads a second per participant, 8 MiB per meeting; try again in a second',
    ]);
  }, 120_000);
});
