import { afterEach, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';
import { describeSlowReaders, startSlowReaders } from './attacks/slowReaders';
import { heapBytes, MiB, metric, sampleMax } from './metrics';

/**
 * 20 sockets with the projector's view token stop reading and ask for the whole log five times a
 * second each. Before issue 10 the server kept everything: heap +195 MiB in 8 s, nobody dropped.
 */
describe('non-reading projector sockets asking for the whole log', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const run = async (options: { sockets?: number; resyncEveryMs?: number } = {}) => {
    const running = server!;
    const bystander = await startBystander(running.url, running.adminToken);
    const attack = await startSlowReaders({
      url: running.url,
      adminToken: running.adminToken,
      durationMs: 8000,
      ...options,
    });
    const baseline = heapBytes();
    const heap = sampleMax(heapBytes);
    const buffered = sampleMax(
      () => metric(running.url, running.adminToken, 'irm_socket_buffered_bytes'),
      200,
    );
    await delay(8000); // the attack's duration: heap and buffers are sampled while it runs
    const result = await attack.stop();
    const report = await bystander.stop();
    const growth = (await heap.stop()) - baseline;
    const maxBuffered = await buffered.stop();
    const disconnects = async (reason: string) =>
      metric(running.url, running.adminToken, 'irm_disconnects_total', { channel: 'socket.io', reason });
    const summary = `${describeSlowReaders(result)}; heap growth ${Math.round(growth / MiB)} MiB; buffered max ${(maxBuffered / MiB).toFixed(1)} MiB; replaced ${await disconnects('replaced')}, slow_consumer ${await disconnects('slow_consumer')}; ${describeReport(report)}`;
    console.log(summary);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
    return { result, growth, maxBuffered, summary, disconnects };
  };

  it('with the default limits: four screens at most, resync bytes budgeted; memory stays bounded', async () => {
    server = await startTestServer();
    const { result, growth, maxBuffered, summary, disconnects } = await run();
    // docs/protocol.md, Limits: 4 connections per participant, each with at most 2 MiB queued.
    expect(maxBuffered, summary).toBeLessThan(4 * 2 * MiB + 2 * MiB);
    expect(growth, summary).toBeLessThan(100 * MiB);
    expect(result.closedByServer, summary).toBeGreaterThan(0);
    expect(await disconnects('replaced'), summary).toBeGreaterThan(0);
  }, 60_000);

  it('with every other limit lifted: the outbound bound alone drops them as slow consumers', async () => {
    const plenty = { burst: 1e12, perSecond: 1e12 };
    server = await startTestServer({
      realtime: { maxConnections: 100, handshakes: plenty, messages: plenty, resyncBytes: plenty },
    });
    // Four sockets, each asking 20 times a second (~6 MB/s each): the kernel's socket buffers (several
    // MB per connection on loopback) fill within seconds, then the server's own buffers do.
    const { result, growth, maxBuffered, summary, disconnects } = await run({
      sockets: 4,
      resyncEveryMs: 50,
    });
    expect(await disconnects('slow_consumer'), summary).toBeGreaterThan(0);
    expect(result.closedByServer, summary).toBeGreaterThan(0);
    // Each connection is dropped once more than 2 MiB is queued for it (plus the packet that tipped it).
    expect(maxBuffered, summary).toBeLessThan(4 * 2 * MiB + 2 * MiB);
    expect(growth, summary).toBeLessThan(150 * MiB);
  }, 60_000);
});
