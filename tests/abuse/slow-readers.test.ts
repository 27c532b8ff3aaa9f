import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { describeSlowReaders, startSlowReaders } from './attacks/slowReaders';
import { heapBytes, MiB, metric, sampleMax } from './metrics';

describe('non-reading projector sockets asking for the whole log', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('are dropped as slow consumers; what the server buffers stays bounded; the bystander is unaffected', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const baseline = heapBytes();
    const heap = sampleMax(heapBytes);
    const buffered = sampleMax(() => metric(server.url, 'irm_socket_buffered_bytes'), 200);
    const attack = await startSlowReaders({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 8000,
    });
    await new Promise((r) => setTimeout(r, 8000));
    const result = await attack.stop();
    const report = await bystander.stop();
    const growth = (await heap.stop()) - baseline;
    const maxBuffered = await buffered.stop();
    const summary = `${describeSlowReaders(result)}; heap growth ${Math.round(growth / MiB)} MiB; buffered max ${Math.round(maxBuffered / MiB)} MiB; ${describeReport(report)}`;
    console.log(summary);
    // Four projector screens at most, each with at most 2 MiB queued (docs/protocol.md, Limits).
    expect(maxBuffered, summary).toBeLessThan(4 * 2 * MiB + 2 * MiB);
    expect(growth, summary).toBeLessThan(150 * MiB);
    expect(result.closedByServer, summary).toBeGreaterThan(0);
    expect(
      await metric(server.url, 'irm_socket_disconnects_total', { reason: 'slow_consumer' }),
    ).toBeGreaterThan(0);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
  }, 60_000);
});
