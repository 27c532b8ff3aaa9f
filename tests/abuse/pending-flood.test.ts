import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { measureEdits } from '../support/editLatency';
import { delay } from '../support/wait';
import { startPendingFlood } from './attacks/pendingFlood';
import { startServerProcess } from './serverProcess';

describe('abuse: updates that would stay pending', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('refuses and never keeps them: co-editors of the same text and the bystander keep typing at once', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const flood = await startPendingFlood({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 5000,
    });
    const honest = await measureEdits(
      server.url,
      flood.room.proposalId,
      flood.room.chairToken,
      flood.room.victim.token,
    );
    await delay(5000); // the flood's duration: the honest editor types while it runs
    const edits = await honest.stop();
    const report = await bystander.stop();
    const outcome = await flood.stop();
    console.info(
      `pending flood: ${outcome}; co-editor keystrokes p99 ${edits.p99} ms, max ${edits.max} ms (${edits.count}); bystander ${describeReport(report)}`,
    );
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(edits.closes).toEqual([]);
    expect(edits.max).toBeLessThan(BYSTANDER_MAX_MS);
    expect(flood.tally.get(4400)).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
