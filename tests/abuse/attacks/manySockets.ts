import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../../shared';
import { sleep, targetMeeting } from './setup';
import type { Attack, AttackContext } from './types';

/** What one token got from opening many Socket.IO sockets and sending commands on all of them. */
export interface ManySocketsResult {
  sockets: number;
  /** Sockets whose handshake succeeded at some point. */
  connected: number;
  /** Still connected when the attack stopped. */
  openAtEnd: number;
  /** connect_error messages, and the `closing` reasons of sockets the server closed. */
  refused: Record<string, number>;
  closed: Record<string, number>;
  /** Commands answered by the meeting (ok or a domain refusal), i.e. that the server processed. */
  processed: number;
  rateLimited: number;
  /** Time from the first command sent to the last answer, in ms. */
  commandMs: number;
}

const SOCKETS = 1000;
/** Commands sent on every socket that got in, all at once. */
const COMMANDS_EACH = 15;

/**
 * One delegate token opens SOCKETS Socket.IO sockets at once, then sends COMMANDS_EACH commands on
 * every socket that got in, all at once (per-socket limits alone let 1500 through in 0.1 s).
 */
export async function startManySockets(ctx: AttackContext & { sockets?: number }) {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  const count = ctx.sockets ?? SOCKETS;
  const result: ManySocketsResult = {
    sockets: count,
    connected: 0,
    openAtEnd: 0,
    refused: {},
    closed: {},
    processed: 0,
    rateLimited: 0,
    commandMs: 0,
  };
  const sockets: Socket[] = [];
  const tally = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: count }, async () => {
      const socket = io(ctx.url, {
        auth: { token: target.delegateToken, protocol: 1 },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.on('closing', (notice: { reason?: string }) => tally(result.closed, notice.reason ?? '?'));
      await new Promise<void>((resolve) => {
        socket.once('connect', () => {
          result.connected++;
          resolve();
        });
        socket.once('connect_error', (error) => {
          tally(result.refused, error.message);
          resolve();
        });
        setTimeout(resolve, 10_000);
      });
    }),
  );
  const started = performance.now();
  let n = 0;
  const sends: Promise<void>[] = [];
  for (const socket of sockets) {
    if (!socket.connected) continue;
    for (let i = 0; i < COMMANDS_EACH; i++) {
      const kind = (['speak', 'point_of_order', 'reply'] as const)[i % 3]!;
      sends.push(
        (
          socket
            .timeout(10_000)
            .emitWithAck('command', { id: `many-${++n}`, type: 'floor.request', kind }) as Promise<Ack>
        ).then(
          (ack) => {
            if (!ack.ok && ack.error.code === 'rate_limited') result.rateLimited++;
            else result.processed++;
          },
          () => {},
        ),
      );
    }
  }
  await Promise.all(sends);
  result.commandMs = Math.round(performance.now() - started);
  await sleep(300);
  return {
    result,
    stop: async (): Promise<ManySocketsResult> => {
      result.openAtEnd = sockets.filter((s) => s.connected).length;
      for (const socket of sockets) socket.close();
      return result;
    },
  };
}

export const describeManySockets = (r: ManySocketsResult): string =>
  `${r.connected}/${r.sockets} connected, ${r.openAtEnd} open at the end, refused ${JSON.stringify(r.refused)}, closed ${JSON.stringify(r.closed)}; commands: ${r.processed} processed, ${r.rateLimited} rate_limited in ${r.commandMs} ms`;

export const attack: Attack = {
  name: 'many-sockets',
  summary: `one delegate token opens ${SOCKETS} Socket.IO sockets and sends ${COMMANDS_EACH} commands on each`,
  start: async (ctx) => {
    const running = await startManySockets(ctx);
    return { stop: async () => describeManySockets(await running.stop()) };
  },
};
