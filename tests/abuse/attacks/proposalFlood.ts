import type { Ack } from '../../../shared';
import { connect, type TestClient } from '../../support/client';
import { createMeetingWith } from '../../support/meeting';
import type { Attack, AttackContext, RunningAttack } from './types';

/** What the offender got from its proposal flood. */
export interface ProposalFloodResult {
  sent: number;
  accepted: number;
  /** Refusals by `code: message`, e.g. `rate_limited: proposal quota reached: …`. */
  refused: Map<string, number>;
  /** Commands never answered (the socket was dropped, or the ack timed out). */
  unanswered: number;
  /** Proposals the offender's meeting holds afterwards, as the server reports it. */
  stored: number;
}

const TOTAL = 1000;
const SOCKETS = 10;

/**
 * The delegate: 1000 `proposal.create` in about 20 s (here: over the given duration), from
 * ten connections of one participant so that no single socket looks busy. Resolves once the flood
 * has started; `stop` ends it and tallies the answers.
 */
export async function startProposalFlood(
  ctx: AttackContext,
): Promise<RunningAttack & { result: () => Promise<ProposalFloodResult> }> {
  const created = await createMeetingWith(ctx.url, ctx.adminToken, {
    offender: { name: 'Offender', delegation: 'Atlantis', role: 'delegate', region: 'EUR' },
  });
  const sockets: TestClient[] = await Promise.all(
    Array.from({ length: SOCKETS }, () => connect(ctx.url, created.people.offender!.token)),
  );
  const result: ProposalFloodResult = { sent: 0, accepted: 0, refused: new Map(), unanswered: 0, stored: 0 };
  const pending = new Set<Promise<void>>();
  const spacing = Math.max(1, ctx.durationMs / TOTAL);
  let running = true;
  const tally = (ack: Ack) => {
    if (ack.ok) result.accepted++;
    else {
      const key = `${ack.error.code}: ${ack.error.message}`;
      result.refused.set(key, (result.refused.get(key) ?? 0) + 1);
    }
  };
  // On schedule whatever the timer's jitter: each tick sends what is due by now.
  const started = performance.now();
  const send = () => {
    const n = result.sent++;
    const socket = sockets[n % SOCKETS]!;
    const sent = socket
      .send({ type: 'proposal.create', symbol: `ATL/${n}`, title: `Flood ${n}`, submittedBy: 'Atlantis' })
      .then(tally, () => {
        result.unanswered++;
      });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  };
  const timer = setInterval(() => {
    const due = Math.min(TOTAL, Math.ceil((performance.now() - started) / spacing));
    while (running && result.sent < due) send();
    if (!running || result.sent >= TOTAL) clearInterval(timer);
  }, 10);

  const finish = async (): Promise<ProposalFloodResult> => {
    running = false;
    clearInterval(timer);
    await Promise.all(pending);
    for (const s of sockets) s.close();
    const meeting = await fetch(`${ctx.url}/api/meetings/${created.meetingId}`, {
      headers: { authorization: `Bearer ${ctx.adminToken}` },
    }).then((r) => r.json() as Promise<{ meeting: { proposals: unknown[] } }>);
    result.stored = meeting.meeting.proposals.length;
    return result;
  };
  let finished: Promise<ProposalFloodResult> | undefined;
  const once = () => {
    finished ??= finish();
    return finished;
  };
  return {
    result: once,
    stop: async () => {
      const r = await once();
      const refusals = [...r.refused].map(([k, v]) => `${v}× ${k}`).join('; ');
      return `sent ${r.sent}, accepted ${r.accepted}, stored ${r.stored}, unanswered ${r.unanswered}; ${refusals}`;
    },
  };
}

export const attack: Attack = {
  name: 'proposal-flood',
  summary: 'one delegate sends 1000 proposal.create from ten connections',
  start: startProposalFlood,
};
