import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';
import { describePollingHoarder, startPollingHoarder } from './attacks/pollingHoarder';
import { heapBytes, MiB, metric, sampleMax } from './metrics';

describe('a long-polling client that never polls', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is dropped as a slow consumer once 2 MiB waits for it', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startPollingHoarder({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 6000,
    });
    const baseline = heapBytes();
    const heap = sampleMax(heapBytes);
    const buffered = sampleMax(() => metric(server.url, server.adminToken, 'irm_socket_buffered_bytes'), 200);
    await delay(6000); // the attack's duration: heap and buffers are sampled while it runs
    const result = await attack.stop();
    const report = await bystander.stop();
    const growth = (await heap.stop()) - baseline;
    const maxBuffered = await buffered.stop();
    const slow = await metric(server.url, server.adminToken, 'irm_disconnects_total', {
      channel: 'socket.io',
      reason: 'slow_consumer',
    });
    const summary = `${describePollingHoarder(result)}; buffered max ${(maxBuffered / MiB).toFixed(1)} MiB; heap growth ${Math.round(growth / MiB)} MiB; slow_consumer ${slow}; ${describeReport(report)}`;
    console.log(summary);
    expect(result.dropped, summary).toBe(true);
    expect(slow, summary).toBe(1);
    expect(maxBuffered, summary).toBeLessThan(3 * MiB);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
  }, 60_000);
});
