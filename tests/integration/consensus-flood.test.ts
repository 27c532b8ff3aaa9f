import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared';
import { startServerProcess } from '../abuse/serverProcess';
import {
  BYSTANDER_MAX_MS,
  BYSTANDER_P99_MS,
  describeReport,
  startBystander,
  stats,
} from '../support/bystander';
import { api, connect, type TestClient } from '../support/client';
import { delay } from '../support/wait';

/** Connections of one participant (its cap). */
const SOCKETS = 4;
/** Paragraph ids per ask: 200 of the longest allowed (64 characters), just inside the 16 KiB message limit. */
const IDS = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(61)}`);

interface Flood {
  sent: () => number;
  answers: Map<string, number>;
  latencies: number[];
  closed: () => number;
  stop: () => void;
}

/** `clients` send asks with 200 paragraph ids and objections with 1000-character reasons, as fast as they drain. */
function flood(clients: TestClient[], proposalId: string): Flood {
  const answers = new Map<string, number>();
  const latencies: number[] = [];
  let sent = 0;
  let closed = 0;
  for (const c of clients) c.socket.once('disconnect', () => closed++);
  const timer = setInterval(() => {
    for (const c of clients) {
      if (!c.socket.connected) continue;
      for (let i = 0; i < 10; i++, sent++) {
        const command =
          sent % 2 === 0
            ? { id: `f${sent}`, type: 'consensus.ask', proposalId, paragraphIds: IDS, seconds: 5 }
            : { id: `f${sent}`, type: 'consensus.object', checkId: `k_${sent}`, reason: 'No. '.repeat(250) };
        const started = performance.now();
        c.socket.emit(
          'command',
          command as never,
          ((ack: Ack) => {
            latencies.push(performance.now() - started);
            const key = ack.ok ? 'ok' : ack.error.code;
            answers.set(key, (answers.get(key) ?? 0) + 1);
          }) as never,
        );
      }
    }
  }, 5);
  return { sent: () => sent, answers, latencies, closed: () => closed, stop: () => clearInterval(timer) };
}

/**
 * The adversarial bit of paragraph consensus: a delegate floods asks (which they may not make) with
 * 200-id lists, and objections to checks that do not exist, from all four of its connections. Every
 * one is refused at once, without reading any text; the flooder is cut off; an innocent meeting on
 * the same server keeps its latency. The chair's own flood (which does read the text) is bounded by
 * the chair's message budget.
 */
describe('abuse: a delegate floods consensus commands', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('refuses every one quickly, closes the flooder; the bystander does not wait', async () => {
    const { body } = await api<{ links: Array<{ role: string; delegation: string; token: string }> }>(
      server.url,
      'GET',
      '/api/meetings/m_demo_irm1/links',
      server.adminToken,
    );
    const france = body.links.find((l) => l.delegation === 'France')!;
    const chairLink = body.links.find((l) => l.role === 'chair')!;
    const bystander = await startBystander(server.url, server.adminToken);
    const hostile = await Promise.all(
      Array.from({ length: SOCKETS }, () => connect(server.url, france.token)),
    );
    const proposalId = hostile[0]!.meeting().proposals.find((p) => p.symbol === 'IRM1/DT/1')!.id;

    // Meanwhile the demo's chair, who may ask, floods asks on paragraphs that do not exist: each of
    // these reads the text, at most as often as the chair's message budget lets through.
    const chairFlooder = await connect(server.url, chairLink.token);
    expect(await chairFlooder.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
    const attack = flood(hostile, proposalId);
    const reading = flood([chairFlooder], proposalId);
    await delay(3000); // the bystander is measured while the flood runs
    attack.stop();
    reading.stop();
    const report = await bystander.stop();
    for (const c of [...hostile, chairFlooder]) c.close();
    const chairAnswers = Object.fromEntries(reading.answers);
    const answered = Object.fromEntries(attack.answers);
    const refusals = stats(attack.latencies);
    console.info(
      `consensus flood: ${attack.sent()} sent, answers ${JSON.stringify(answered)} (p99 ${refusals.p99} ms), ` +
        `${attack.closed()} connections closed; chair ${JSON.stringify(chairAnswers)}; ` +
        `bystander ${describeReport(report)}`,
    );

    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    // Refused (not allowed, no such check, or over the budget), never applied; answered at once.
    expect(answered.ok).toBeUndefined();
    expect(
      Object.keys(answered).every((code) => ['forbidden', 'not_found', 'rate_limited'].includes(code)),
    ).toBe(true);
    expect(answered.forbidden).toBeGreaterThan(0);
    expect(answered.not_found).toBeGreaterThan(0);
    expect(refusals.p99).toBeLessThan(BYSTANDER_P99_MS);
    // Past its strikes, every connection of the flooder is closed.
    expect(attack.closed()).toBe(SOCKETS);
    // The chair's asks read the text and find no such paragraph; the budget refuses the rest.
    expect(chairAnswers.ok).toBeUndefined();
    expect(chairAnswers.not_found).toBeGreaterThan(0);
    expect(stats(reading.latencies).p99).toBeLessThan(BYSTANDER_P99_MS);
    const chair = await connect(server.url, chairLink.token);
    expect(chair.meeting().consensus).toMatchObject({ checks: [], checksAsked: 0 });
    chair.close();
  }, 60_000);
});
