import WebSocket from 'ws';
import { connect } from '../../support/client';
import { createProposal } from '../../support/collab';
import { sleep, targetMeeting } from './setup';
import type { Attack, AttackContext } from './types';

/** What one token got from opening many /collab sockets and sending on all of them. */
export interface ManyCollabResult {
  sockets: number;
  opened: number;
  /** Upgrades refused, by HTTP status. */
  refused: Record<string, number>;
  /** Close codes the server sent. */
  closes: Record<string, number>;
  openAtEnd: number;
  /** Bytes sent on the connections still open at the end: what the server took without refusing. */
  acceptedBytes: number;
}

const SOCKETS = 200;
const MESSAGE_BYTES = 64 * 1024;
const MESSAGES_EACH = 16;

/**
 * One delegate token opens SOCKETS co-editing connections on two proposals, then sends 1 MiB on every
 * one (64 KiB messages of a type the server skips, so only the byte budget can refuse them).
 */
export async function startManyCollab(ctx: AttackContext & { sockets?: number }) {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  const chair = await connect(ctx.url, target.chairToken);
  // Two documents: the cap and the budgets are per participant, whatever the document.
  const proposalIds = [
    await createProposal(chair, { symbol: `MANY/${Date.now() % 100000}/A` }),
    await createProposal(chair, { symbol: `MANY/${Date.now() % 100000}/B` }),
  ];
  chair.close();
  const count = ctx.sockets ?? SOCKETS;
  const result: ManyCollabResult = {
    sockets: count,
    opened: 0,
    refused: {},
    closes: {},
    openAtEnd: 0,
    acceptedBytes: 0,
  };
  const url = (i: number) =>
    `${ctx.url.replace(/^http/, 'ws')}/collab/${proposalIds[i % 2]}?token=${encodeURIComponent(target.delegateToken)}`;
  const all: Array<{ ws: WebSocket; sent: number; closed: boolean }> = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const ws = new WebSocket(url(i));
      const entry = { ws, sent: 0, closed: false };
      ws.on('error', () => {});
      ws.on('close', (code) => {
        entry.closed = true;
        result.closes[code] = (result.closes[code] ?? 0) + 1;
      });
      await new Promise<void>((resolve) => {
        ws.once('open', () => {
          result.opened++;
          all.push(entry);
          resolve();
        });
        ws.once('unexpected-response', (_req, res) => {
          result.refused[res.statusCode ?? 0] = (result.refused[res.statusCode ?? 0] ?? 0) + 1;
          res.resume();
          ws.terminate();
          resolve();
        });
        setTimeout(resolve, 10_000);
      });
    }),
  );
  await sleep(200);
  const junk = new Uint8Array(MESSAGE_BYTES);
  junk[0] = 9; // an unknown message type: skipped by the server after the budgets are charged
  for (let i = 0; i < MESSAGES_EACH; i++) {
    for (const entry of all) {
      if (entry.closed || entry.ws.readyState !== WebSocket.OPEN) continue;
      entry.ws.send(junk);
      entry.sent += junk.byteLength;
    }
    await sleep(5);
  }
  await sleep(1000);
  return {
    stop: async (): Promise<ManyCollabResult> => {
      const open = all.filter((e) => !e.closed && e.ws.readyState === WebSocket.OPEN);
      result.openAtEnd = open.length;
      result.acceptedBytes = open.reduce((sum, e) => sum + e.sent, 0);
      for (const entry of all) entry.ws.terminate();
      return result;
    },
  };
}

export const describeManyCollab = (r: ManyCollabResult): string =>
  `${r.opened}/${r.sockets} opened, refused ${JSON.stringify(r.refused)}, closes ${JSON.stringify(r.closes)}, ${r.openAtEnd} open at the end having sent ${Math.round(r.acceptedBytes / 1024)} KiB`;

export const attack: Attack = {
  name: 'many-collab',
  summary: `one delegate token opens ${SOCKETS} co-editing sockets and sends 1 MiB on each`,
  start: async (ctx) => {
    const running = await startManyCollab(ctx);
    return { stop: async () => describeManyCollab(await running.stop()) };
  },
};
