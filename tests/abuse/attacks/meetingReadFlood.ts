import { createMeetingWith } from '../../support/meeting';
import type { Attack, AttackContext, RunningAttack } from './types';

/** What the offender got from its meeting-read flood. */
export interface MeetingReadFloodResult {
  /** `POST /api/meetings/:id/participants` answers while inflating: status → count. */
  added: Map<number, number>;
  /** Bytes of one `GET /api/meetings/:id` answer once inflated. */
  meetingBytes: number;
  /** `GET /api/meetings/:id` answers during the flood: status → count. */
  reads: Map<number, number>;
  /** Refusal messages of the reads → count. */
  messages: Map<string, number>;
}

/** Participants the secretariat tries to register (each with the longest name and delegation). */
const INFLATE = 6000;
const READERS = 16;

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * The meeting's secretariat registers thousands of participants with 200-character names and
 * delegations over HTTP (as fast as the server answers), so its meeting is megabytes of JSON, then
 * reads it with `GET /api/meetings/:id` from 16 requests in parallel, over and over: each answer is
 * the whole meeting serialised on the main thread.
 */
export async function startMeetingReadFlood(
  ctx: AttackContext,
): Promise<RunningAttack & { result: () => Promise<MeetingReadFloodResult> }> {
  const created = await createMeetingWith(ctx.url, ctx.adminToken, {
    offender: { name: 'Offender', delegation: 'Atlantis', role: 'secretariat', region: 'EUR' },
  });
  const token = created.people.offender!.token;
  const meetingUrl = `${ctx.url}/api/meetings/${created.meetingId}`;
  const result: MeetingReadFloodResult = {
    added: new Map(),
    meetingBytes: 0,
    reads: new Map(),
    messages: new Map(),
  };
  const long = (i: number) => `${i} ${'x'.repeat(190)}`;
  const queue = Array.from({ length: INFLATE }, (_, i) => i);
  const adder = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const res = await fetch(`${meetingUrl}/participants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: long(i), delegation: long(i), role: 'observer' }),
      });
      await res.arrayBuffer();
      bump(result.added, res.status);
      if (res.status === 429) queue.length = 0; // the quota: nothing more to gain
    }
  };
  await Promise.all(Array.from({ length: 8 }, adder));
  const first = await fetch(meetingUrl, { headers: { authorization: `Bearer ${token}` } });
  result.meetingBytes = (await first.arrayBuffer()).byteLength;

  let running = true;
  const reader = async () => {
    while (running) {
      try {
        const res = await fetch(meetingUrl, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.arrayBuffer();
        bump(result.reads, res.status);
        if (res.status !== 200) {
          const message = (JSON.parse(Buffer.from(body).toString()) as { error?: { message: string } }).error
            ?.message;
          if (message) bump(result.messages, message.replace(/\d+(\.\d+)? s\b/, 'N s'));
        }
      } catch {
        bump(result.reads, 0);
      }
    }
  };
  const readers = Promise.all(Array.from({ length: READERS }, reader));
  let finished: Promise<MeetingReadFloodResult> | undefined;
  const finish = () => {
    finished ??= (async () => {
      running = false;
      await readers;
      return result;
    })();
    return finished;
  };
  if (ctx.durationMs > 0) setTimeout(() => void finish(), ctx.durationMs);
  return {
    result: finish,
    stop: async () => {
      const r = await finish();
      const fmt = (m: Map<number, number>) => [...m].map(([s, n]) => `${s}×${n}`).join(', ');
      return `added ${fmt(r.added)}; meeting ${Math.round(r.meetingBytes / 1024)} KiB; reads ${fmt(r.reads)}`;
    },
  };
}

export const attack: Attack = {
  name: 'meeting-read-flood',
  summary: 'the secretariat registers 6000 long-named participants, then reads the meeting 16 at a time',
  start: startMeetingReadFlood,
};
