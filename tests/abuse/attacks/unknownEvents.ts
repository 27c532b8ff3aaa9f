import { type RawSocketIo, rawSocketIo } from './rawSocketIo';
import { type Target, targetMeeting } from './setup';
import type { Attack, AttackContext, RunningAttack } from './types';

/** Connections of the one participant (its cap). */
const SOCKETS = 4;
/** Padding of each message: just inside the 16 KiB message limit. */
const PAD = 15_000;

export interface RunningUnknownEvents extends RunningAttack {
  target: Target;
  sent: () => number;
  /** Connections the server closed. */
  closed: () => number;
}

/**
 * A delegate sends Socket.IO events the server has no handler for (`hello`, 15 KB of JSON each), as
 * fast as its four connections drain: no budget counts a message nobody listens to.
 */
export async function startUnknownEvents(ctx: AttackContext): Promise<RunningUnknownEvents> {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  const sockets: RawSocketIo[] = [];
  for (let i = 0; i < SOCKETS; i++) {
    const s = rawSocketIo(ctx.url, { token: target.delegateToken, protocol: 1 });
    if ((await s.connected) !== 'ok') throw new Error('offender could not connect');
    sockets.push(s);
  }
  let closed = 0;
  for (const s of sockets) void s.closed.then(() => closed++);
  let sent = 0;
  const payload = { pad: 'x'.repeat(PAD) };
  const timer = setInterval(() => {
    for (const s of sockets) {
      if (!s.open()) continue;
      for (let i = 0; i < 20; i++, sent++) s.emit('hello', payload);
    }
  }, 2);
  return {
    target,
    sent: () => sent,
    closed: () => closed,
    stop: async () => {
      clearInterval(timer);
      for (const s of sockets) s.close();
      return `${sent} unknown events sent (${Math.round((sent * PAD) / 1024 / 1024)} MiB); ${closed} connections closed by the server`;
    },
  };
}

export const attack: Attack = {
  name: 'unknown-events',
  summary: 'four connections of one delegate send 15 KB Socket.IO events nobody handles, as fast as they can',
  start: startUnknownEvents,
};
