import { io } from 'socket.io-client';
import { sleep, targetMeeting } from './setup';
import type { Attack, AttackContext } from './types';

export interface ReconnectChurnResult {
  /** Handshakes that got in, and those refused (by connect_error message). */
  connects: number;
  refused: Record<string, number>;
}

const LOOPS = 20;

/**
 * One delegate token connects and disconnects as fast as it can on LOOPS parallel loops: each
 * connect and each disconnect used to be written to the meeting log as `participant.online` /
 * `participant.offline` (437 events a second).
 */
export async function startReconnectChurn(ctx: AttackContext) {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  const result: ReconnectChurnResult = { connects: 0, refused: {} };
  let running = true;
  const loop = async () => {
    while (running) {
      const socket = io(ctx.url, {
        auth: { token: target.delegateToken, protocol: 1 },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('ok'));
        socket.once('connect_error', (error) => resolve(error.message));
        setTimeout(() => resolve('timeout'), 5000);
      });
      socket.close();
      if (outcome === 'ok') result.connects++;
      else {
        result.refused[outcome] = (result.refused[outcome] ?? 0) + 1;
        await sleep(20);
      }
    }
  };
  const loops = Array.from({ length: LOOPS }, loop);
  return {
    target,
    stop: async (): Promise<ReconnectChurnResult> => {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}

export const describeReconnectChurn = (r: ReconnectChurnResult): string =>
  `${r.connects} connects, refused ${JSON.stringify(r.refused)}`;

export const attack: Attack = {
  name: 'reconnect-churn',
  summary: `one delegate token connects and disconnects as fast as it can, ${LOOPS} loops at once`,
  start: async (ctx) => {
    const running = await startReconnectChurn(ctx);
    return { stop: async () => describeReconnectChurn(await running.stop()) };
  },
};
