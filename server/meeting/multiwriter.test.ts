/**
 * Several processes writing one meeting: two MeetingServices over ONE SQLite file opened twice (two
 * connections, like two processes) and an in-process bus. Whichever service takes a command, the log
 * has no lost, duplicated or reordered seq, both rooms end in the same state, and each sink gets
 * every event once, in seq order.
 *
 * Reproduce a randomized failure with the seed it prints: `MW_SEED=<seed> npx vitest run server/meeting`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Ack,
  type AddParticipantBody,
  type CommandInput,
  decide,
  evolve,
  type Meeting,
  type ParticipantId,
  type StoredEvent,
} from '../../shared';
import { waitFor } from '../../tests/support/wait';
import { SqliteStore } from '../store/sqlite';
import { SeqConflictError } from '../store/types';
import { InProcessBus } from './bus';
import type { EventSink } from './room';
import { MeetingService, type ServiceOptions } from './service';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

class RecordingSink implements EventSink {
  readonly events: StoredEvent[] = [];
  publish(_meetingId: string, events: readonly StoredEvent[]): void {
    this.events.push(...events);
  }
  seqs(): number[] {
    return this.events.map((e) => e.seq);
  }
}

const DELEGATES = {
  kenya: { name: 'Amina', delegation: 'Kenya', role: 'delegate', region: 'AFR' },
  brazil: { name: 'Ana', delegation: 'Brazil', role: 'delegate', region: 'AMS' },
  france: { name: 'Luc', delegation: 'France', role: 'delegate', region: 'EUR' },
  egypt: { name: 'Omar', delegation: 'Egypt', role: 'delegate', region: 'ARB' },
  japan: { name: 'Yuki', delegation: 'Japan', role: 'delegate', region: 'ASP' },
  kazakhstan: { name: 'Aigerim', delegation: 'Kazakhstan', role: 'delegate', region: 'CIS' },
  apt: { name: 'APT', delegation: 'APT', role: 'spokesperson', region: 'ASP', rto: 'APT' },
  vice: { name: 'VC ATU', delegation: 'Nigeria', role: 'vice-chair', region: 'AFR', rto: 'ATU' },
  bdt: { name: 'BDT', delegation: 'BDT', role: 'secretariat', category: 'bdt' },
  observer: { name: 'Youth', delegation: 'Youth', role: 'observer', category: 'observer' },
} satisfies Record<string, AddParticipantBody>;
type Who = keyof typeof DELEGATES | 'chair';

const counterIds = (prefix: string) => {
  let n = 0;
  return (p: string) => `${p}_${prefix}${++n}`;
};

/**
 * Service A creates a meeting with an open agenda item and the people above; service B (its own
 * connection to the same file) loads it. Both listen to one bus.
 */
async function cluster(options: Partial<ServiceOptions> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irm-multiwriter-'));
  const file = path.join(dir, 'irm.sqlite');
  const bus = new InProcessBus();
  const storeA = SqliteStore.open(file);
  const storeB = SqliteStore.open(file);
  const sinkA = new RecordingSink();
  const sinkB = new RecordingSink();
  const errors: unknown[] = [];
  const conflicts = { a: 0, b: 0 };
  const common = { bus, onError: (e: unknown) => errors.push(e), ...options };
  const a = await MeetingService.load(storeA, {
    newId: counterIds('a'),
    onConflict: () => conflicts.a++,
    ...common,
  });
  a.onEventsStored((id, events) => sinkA.publish(id, events));
  cleanups.push(async () => {
    await a.close();
    await storeA.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const { meeting, chair } = await a.createMeeting({ title: 'IRM-1', timezone: 'UTC' });
  const meetingId = meeting.id;
  const ids: Partial<Record<Who, ParticipantId>> = { chair: chair.id };
  for (const [key, body] of Object.entries(DELEGATES)) {
    const added = await a.addParticipant(meetingId, body);
    if ('error' in added) throw new Error(JSON.stringify(added.error));
    ids[key as Who] = added.id;
  }
  const idOf = ids as Record<Who, ParticipantId>;
  let n = 0;
  const setup = async (input: CommandInput) => {
    const ack = await a.submitCommand(meetingId, chair.id, { id: `setup${++n}`, ...input } as never);
    if (!ack.ok) throw new Error(`${input.type}: ${ack.error.message}`);
    return ack;
  };
  await setup({ type: 'meeting.open' });
  const item = await setup({ type: 'agenda.add', title: 'Resolution 31' });
  const itemId = a.room(meetingId)!.state.agenda[0]!.id;
  expect(item.ok).toBe(true);
  await setup({ type: 'agenda.open', itemId });

  const b = await MeetingService.load(storeB, {
    newId: counterIds('b'),
    onConflict: () => conflicts.b++,
    ...common,
  });
  b.onEventsStored((id, events) => sinkB.publish(id, events));
  cleanups.push(async () => {
    await b.close();
    await storeB.close();
  });
  const roomA = a.room(meetingId)!;
  const roomB = b.room(meetingId)!;
  const startA = 2; // createMeeting's own two events are not published (as today)
  const startB = roomB.seq;

  let commandNo = 0;
  /** Sends a command as `who` through service `via`. */
  const send = (via: MeetingService, who: Who, input: CommandInput, id = `c${++commandNo}`) =>
    via.submitCommand(meetingId, idOf[who], { id, ...input } as never);

  /** Waits until both rooms hold everything the store holds (bus notifications are asynchronous). */
  const converge = async () => {
    let last = 0;
    const converged = async () => {
      await a.drain();
      await b.drain();
      last = await storeA.lastSeq(meetingId);
      return roomA.seq === last && roomB.seq === last;
    };
    await waitFor(converged, 'both rooms to hold the whole log', { everyMs: 5 }).catch((error: Error) => {
      throw new Error(`${error.message}: A ${roomA.seq}, B ${roomB.seq}, log ${last}`);
    });
    return last;
  };

  /** The invariants that hold after any run. */
  const checkInvariants = async () => {
    const last = await converge();
    const logA = await storeA.readEvents(meetingId, 0);
    const logB = await storeB.readEvents(meetingId, 0);
    expect(logA).toEqual(logB);
    expect(logA.map((e) => e.seq)).toEqual(range(1, last));
    expect(roomA.state).toEqual(roomB.state);
    const replayed = logA.reduce<Meeting | null>((m, e) => evolve(m, e.event), null);
    expect(replayed).toEqual(roomA.state);
    // Each sink: every event after its room's start, once, in seq order, as stored.
    expect(sinkA.events).toEqual(logA.slice(startA));
    expect(sinkB.events).toEqual(logA.slice(startB));
    expect(errors).toEqual([]);
    return { last, log: logA };
  };

  return {
    file,
    a,
    b,
    bus,
    conflicts,
    storeA,
    storeB,
    sinkA,
    sinkB,
    roomA,
    roomB,
    meetingId,
    ids: idOf,
    send,
    converge,
    checkInvariants,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('several processes writing one meeting', () => {
  it('acknowledges concurrent floor requests on both rooms with distinct seqs and one gap-free log', async () => {
    const c = await cluster();
    const speakers: Who[] = ['kenya', 'brazil', 'france', 'egypt', 'japan', 'kazakhstan', 'apt', 'vice'];
    const acks = await Promise.all(
      speakers.map((who, i) =>
        c.send(i % 2 === 0 ? c.a : c.b, who, { type: 'floor.request', kind: 'speak' }),
      ),
    );
    for (const ack of acks) expect(ack, JSON.stringify(acks)).toMatchObject({ ok: true });
    const seqs = acks.map((ack) => (ack.ok ? ack.seq : -1));
    expect(new Set(seqs).size).toBe(speakers.length);
    const { log } = await c.checkInvariants();
    expect(log.filter((e) => e.event.type === 'floor.requested')).toHaveLength(speakers.length);
    expect(c.roomA.state.floor.queue).toHaveLength(speakers.length);
    // Each ack names the seq of its own request.
    for (const [i, who] of speakers.entries()) {
      const event = log[seqs[i]! - 1]!.event;
      expect(event.type === 'floor.requested' && event.request.participantId).toBe(c.ids[who]);
    }
  });

  it('puts a point of order sent on B after requests on A first, in both rooms (bus on and lost)', async () => {
    for (const lost of [false, true]) {
      const c = await cluster();
      // With the notifications lost, B is stale and learns of A's appends from the seq conflict.
      c.bus.paused = lost;
      for (const who of ['kenya', 'brazil', 'france'] as const) {
        expect(await c.send(c.a, who, { type: 'floor.request', kind: 'speak' })).toMatchObject({ ok: true });
      }
      if (!lost) await c.converge();
      const staleB = c.roomB.seq;
      const ack = await c.send(c.b, 'egypt', { type: 'floor.request', kind: 'point_of_order' });
      expect(ack).toMatchObject({ ok: true });
      if (lost) {
        expect(staleB).toBeLessThan((ack as { seq: number }).seq - 1);
        expect(c.conflicts.b).toBeGreaterThan(0);
      }
      c.bus.paused = false;
      c.roomA.advanced(await c.storeA.lastSeq(c.meetingId));
      await c.checkInvariants();
      for (const room of [c.roomA, c.roomB]) {
        expect(room.state.floor.queue.map((r) => [r.participantId, r.kind])).toEqual([
          [c.ids.egypt, 'point_of_order'],
          [c.ids.kenya, 'speak'],
          [c.ids.brazil, 'speak'],
          [c.ids.france, 'speak'],
        ]);
      }
    }
  });

  it('applies the same command id sent to both rooms once, and both get the same ack', async () => {
    const c = await cluster();
    // Concurrently, with the bus running.
    const same = { type: 'floor.request', kind: 'speak' } as const;
    const [a1, b1] = await Promise.all([
      c.send(c.a, 'kenya', same, 'dup1'),
      c.send(c.b, 'kenya', same, 'dup1'),
    ]);
    expect(a1).toMatchObject({ ok: true });
    expect(b1).toEqual(a1);
    // With the bus lost, concurrently: the later writer conflicts, catches up and finds the record.
    await c.converge();
    c.bus.paused = true;
    const [a2, b2] = await Promise.all([
      c.send(c.a, 'brazil', same, 'dup2'),
      c.send(c.b, 'brazil', same, 'dup2'),
    ]);
    expect(a2).toMatchObject({ ok: true });
    expect(b2).toEqual(a2);
    expect(c.conflicts.a + c.conflicts.b).toBeGreaterThan(0);
    c.bus.paused = false;
    c.roomA.advanced(await c.storeA.lastSeq(c.meetingId));
    c.roomB.advanced(await c.storeA.lastSeq(c.meetingId));
    await c.converge();
    // B heard of A's append through the bus (its epoch moved) and never saw the id: the room looks
    // it up in the store before deciding instead of applying it a second time.
    const epochBefore = c.roomB.epoch;
    const a3 = await c.send(c.a, 'france', same, 'dup3');
    await c.converge();
    expect(c.roomB.epoch).toBeGreaterThan(epochBefore);
    const command = { id: 'dup3', ...same };
    const b3 = await c.roomB.submit({
      idempotencyKey: { participantId: c.ids.france, commandId: 'dup3' },
      decide: (meeting, ctx) => decide(meeting, command, c.ids.france, ctx),
    });
    expect(b3).toEqual(a3);
    // And a retry on either side later still gets the first ack.
    expect(await c.send(c.b, 'kenya', same, 'dup1')).toEqual(a1);
    expect(await c.send(c.a, 'brazil', same, 'dup2')).toEqual(a2);
    const { log } = await c.checkInvariants();
    expect(log.filter((e) => e.event.type === 'floor.requested')).toHaveLength(3);
    for (const [room, key] of [
      [c.storeA, 'dup1'],
      [c.storeB, 'dup2'],
    ] as const) {
      const stored = await room.findCommand(c.meetingId, c.ids[key === 'dup1' ? 'kenya' : 'brazil'], key);
      expect(stored).toEqual(key === 'dup1' ? a1 : a2);
    }
    // After a restart (a new service over the same file, nothing in memory), the ids still get their
    // first acks from the stored records and nothing is applied again.
    await c.a.close();
    const storeC = SqliteStore.open(c.file);
    const restarted = await MeetingService.load(storeC, { newId: counterIds('c'), bus: c.bus });
    cleanups.push(async () => {
      await restarted.close();
      await storeC.close();
    });
    expect(await restarted.submitCommand(c.meetingId, c.ids.kenya, { id: 'dup1', ...same })).toEqual(a1);
    expect(await restarted.submitCommand(c.meetingId, c.ids.brazil, { id: 'dup2', ...same })).toEqual(a2);
    expect(await restarted.submitCommand(c.meetingId, c.ids.france, { id: 'dup3', ...same })).toEqual(a3);
    const after = await storeC.readEvents(c.meetingId, 0);
    expect(after.filter((e) => e.event.type === 'floor.requested')).toHaveLength(3);
  });

  it('gives each sink every event exactly once, in seq order, whichever room wrote it', async () => {
    const c = await cluster();
    const who: Who[] = ['kenya', 'brazil', 'france', 'egypt', 'japan', 'kazakhstan'];
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        who.map((w, i) =>
          c.send((i + round) % 2 === 0 ? c.a : c.b, w, { type: 'floor.request', kind: 'speak' }),
        ),
      );
      await Promise.all([
        c.send(c.a, 'chair', { type: 'floor.next' }),
        c.send(c.b, 'chair', { type: 'floor.setLimit', seconds: 60 + round * 10 }),
      ]);
      await Promise.all(who.map((w, i) => c.send(i % 2 === 0 ? c.b : c.a, w, { type: 'floor.withdraw' })));
      await c.send(c.b, 'chair', { type: 'floor.end' });
    }
    const { last } = await c.checkInvariants();
    expect(c.sinkA.seqs()).toEqual(range(3, last));
    expect(c.sinkB.seqs()).toEqual(range(c.sinkB.seqs()[0]!, last));
  });

  it('opens a meeting created by another process when it hears of it', async () => {
    const c = await cluster();
    const created = await c.a.createMeeting({ title: 'IRM-2', timezone: 'UTC' });
    await c.converge();
    await waitFor(() => c.b.room(created.meeting.id) !== undefined, 'B opening the meeting it heard of');
    const roomB = c.b.room(created.meeting.id)!;
    expect(roomB.state).toEqual(c.a.room(created.meeting.id)!.state);
    const ack = await c.b.submitCommand(created.meeting.id, created.chair.id, {
      id: 'x',
      type: 'meeting.open',
    });
    expect(ack).toEqual({ ok: true, seq: 3 });
    await waitFor(() => c.a.room(created.meeting.id)!.seq >= 3, "A catching up with B's seq 3");
    expect(c.a.room(created.meeting.id)!.state.status).toBe('open');
  });

  it('answers unavailable after the bounded retries when the store keeps refusing', async () => {
    const c = await cluster({ maxAppendAttempts: 2, retryBackoffMs: 1 });
    // B's store always claims a conflict: nothing is acknowledged that is not stored.
    let calls = 0;
    c.storeB.append = async (id, expected) => {
      calls += 1;
      throw new SeqConflictError(id, expected, expected + 1);
    };
    const before = await c.storeA.lastSeq(c.meetingId);
    const ack = await c.send(c.b, 'kenya', { type: 'floor.request', kind: 'speak' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(calls).toBe(2);
    expect(await c.storeA.lastSeq(c.meetingId)).toBe(before);
    expect(c.roomB.state.floor.queue).toEqual([]);
  });
});

/** mulberry32: a tiny seeded PRNG. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.MW_SEED ?? 0x5ca1e);
const RUNS = Number(process.env.MW_RUNS ?? 4);
const COMMANDS = Number(process.env.MW_COMMANDS ?? 300);

describe('several processes writing one meeting, randomized', () => {
  for (let run = 0; run < RUNS; run++) {
    const seed = SEED + run;
    it(`keeps one log and one state over random commands on two rooms (seed ${seed})`, async () => {
      const rnd = mulberry32(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const c = await cluster();
      const everyone: Who[] = ['chair', ...(Object.keys(DELEGATES) as Who[])];
      const sent: Array<{
        via: MeetingService;
        who: Who;
        input: CommandInput;
        id: string;
        ack: Ack;
        done: boolean;
      }> = [];

      const randomCommand = (): { who: Who; input: CommandInput } => {
        const state = c.roomA.state;
        const anyRequest = () => pick(state.floor.queue)?.id ?? 'r_gone';
        const who = pick(everyone);
        const roll = rnd();
        if (roll < 0.45)
          return {
            who,
            input: {
              type: 'floor.request',
              kind: pick(['speak', 'speak', 'reply', 'point_of_order'] as const),
            },
          };
        if (roll < 0.55) return { who, input: { type: 'floor.withdraw' } };
        if (roll < 0.65) return { who: 'chair', input: { type: 'floor.next' } };
        if (roll < 0.72) return { who: pick(['chair', who]), input: { type: 'floor.end' } };
        if (roll < 0.78) return { who: 'chair', input: { type: 'floor.give', requestId: anyRequest() } };
        if (roll < 0.84)
          return {
            who: pick(['chair', 'vice', who]),
            input: { type: 'floor.move', requestId: anyRequest(), toIndex: Math.floor(rnd() * 4) },
          };
        if (roll < 0.88)
          return { who: 'chair', input: { type: rnd() < 0.5 ? 'floor.close' : 'floor.reopen' } };
        if (roll < 0.92)
          return {
            who: pick(['chair', 'bdt']),
            input: { type: 'floor.setLimit', seconds: 30 + Math.floor(rnd() * 200) },
          };
        if (roll < 0.96)
          return {
            who: pick(['chair', 'bdt', who]),
            input: { type: 'agenda.add', title: `Item ${Math.floor(rnd() * 1000)}` },
          };
        return { who: pick(['chair', who]), input: { type: 'floor.extend', seconds: 30 } };
      };

      let left = COMMANDS;
      while (left > 0) {
        // A wave of concurrent commands, each on a random room; now and then a resend of an earlier id.
        const wave = Math.min(left, 1 + Math.floor(rnd() * 8));
        left -= wave;
        if (rnd() < 0.2) c.bus.paused = !c.bus.paused;
        const promises = Array.from({ length: wave }, async () => {
          let via = rnd() < 0.5 ? c.a : c.b;
          const done = sent.filter((s) => s.done);
          if (done.length > 0 && rnd() < 0.1) {
            const earlier = pick(done);
            // Accepted commands are stored with their ack; a refusal is remembered only by the
            // process that gave it (as documented: only accepted commands are stored), so it is
            // resent there: elsewhere it would be decided again.
            if (!earlier.ack.ok) via = earlier.via;
            const ack = await c.send(via, earlier.who, earlier.input, earlier.id);
            expect(ack, `resend of ${earlier.id}`).toEqual(earlier.ack);
            return;
          }
          const { who, input } = randomCommand();
          const id = `r${sent.length}_${Math.floor(rnd() * 1e9)}`;
          const entry = { via, who, input, id, ack: { ok: false } as unknown as Ack, done: false };
          sent.push(entry);
          entry.ack = await c.send(via, who, input, id);
          entry.done = true;
        });
        await Promise.all(promises);
      }
      c.bus.paused = false;
      c.roomA.advanced(await c.storeA.lastSeq(c.meetingId));
      c.roomB.advanced(await c.storeA.lastSeq(c.meetingId));
      const { last } = await c.checkInvariants();

      // Both rooms wrote, and the conflict path was taken.
      expect(c.conflicts.a + c.conflicts.b, `seed ${seed}`).toBeGreaterThan(0);
      const okAcks = sent.filter((s) => s.ack.ok);
      expect(okAcks.length, `seed ${seed}`).toBeGreaterThan(COMMANDS / 10);
      for (const s of sent) {
        expect(s.ack.ok || s.ack.error.code !== 'unavailable', `seed ${seed}: ${s.id}`).toBe(true);
        if (s.ack.ok) {
          expect(s.ack.seq).toBeLessThanOrEqual(last);
          expect(await c.storeB.findCommand(c.meetingId, c.ids[s.who], s.id)).toEqual(s.ack);
        }
      }
    });
  }
});
