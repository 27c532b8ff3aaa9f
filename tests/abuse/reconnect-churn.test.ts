import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { connect } from '../support/client';
import { startTestServer } from '../support/server';
import { delay, waitFor } from '../support/wait';
import { describeReconnectChurn, startReconnectChurn } from './attacks/reconnectChurn';

describe('one token reconnecting as fast as it can', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('writes a bounded number of presence events to the meeting log', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startReconnectChurn({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 5000,
    });
    const chair = await connect(server.url, attack.target.chairToken);
    const from = chair.seq();
    await delay(5000); // the churn's duration
    const result = await attack.stop();
    // The offline lands once the grace period (3 s) has passed without a connection.
    const online = () => chair.meeting().participants.find((p) => p.id === attack.target.delegateId)?.online;
    await waitFor(() => online() === false, 'the offline after the 3 s grace', { timeoutMs: 10_000 });
    const finallyOnline = chair.meeting().participants.find((p) => p.id === attack.target.delegateId)?.online;
    const presence = chair.events.filter(
      (e) =>
        e.seq > from &&
        (e.event.type === 'participant.online' || e.event.type === 'participant.offline') &&
        e.event.participantId === attack.target.delegateId,
    ).length;
    chair.close();
    const report = await bystander.stop();
    const summary = `${describeReconnectChurn(result)}; ${presence} presence events stored (5 s of churn, then until the offline); ${describeReport(report)}`;
    console.log(summary);
    // docs/protocol.md, Limits: offline only after a 3 s grace; at most 4 presence writes, then 1 per 15 s.
    expect(presence, summary).toBeLessThanOrEqual(4);
    expect(finallyOnline, summary).toBe(false);
    expect(report.errors, summary).toEqual([]);
    expect(report.all.p99, summary).toBeLessThan(BYSTANDER_P99_MS);
    expect(report.all.max, summary).toBeLessThan(BYSTANDER_MAX_MS);
  }, 60_000);
});
