import { describe, expect, it } from 'vitest';
import {
  asId,
  evolve,
  type Meeting,
  type MeetingId,
  type ParticipantId,
  type StoredEvent,
} from '../../shared';
import type { CommandRecord, MeetingStore, Snapshot } from '../store/types';
import { LOCAL_BUS } from './bus';
import { type InternalErrorContext, MeetingRoom, type RoomJob } from './room';

const meetingIdOf = asId<MeetingId>;
const participantIdOf = asId<ParticipantId>;

/** A store double that records appends and can be told to fail: the room's contract with any store. */
class RecordingStore implements MeetingStore {
  appends: Array<{ expectedSeq: number; events: StoredEvent[]; commands: CommandRecord[] }> = [];
  failNext = false;
  snapshots: Snapshot[] = [];
  async listMeetings() {
    return [];
  }
  async append(_id: string, expectedSeq: number, events: StoredEvent[], commands: CommandRecord[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.appends.push({ expectedSeq, events, commands });
  }
  async readEvents() {
    return [];
  }
  async lastSeq() {
    return 0;
  }
  async findCommand() {
    return null;
  }
  async saveSnapshot(_id: string, snapshot: Snapshot) {
    this.snapshots.push(snapshot);
  }
  async latestSnapshot() {
    return null;
  }
  async close() {}
}

const base = (): Meeting =>
  evolve(null, {
    type: 'meeting.created',
    meetingId: 'm_1' as never,
    title: 'T',
    timezone: 'UTC',
    defaultSpeakingSeconds: 180,
    at: 0,
  });

const rename = (title: string): RoomJob => ({
  decide: () => ({
    ok: true,
    events: [{ type: 'floor.limitSet', seconds: title.length * 10, requestId: null }],
  }),
});

function makeRoom(store = new RecordingStore()) {
  const published: StoredEvent[][] = [];
  const internalErrors: Array<{ error: unknown; context: InternalErrorContext }> = [];
  let n = 0;
  const room = new MeetingRoom(meetingIdOf('m_1'), base(), 1, {
    store,
    sink: { publish: (_id, events) => published.push([...events]) },
    bus: LOCAL_BUS,
    newId: (p) => `${p}_${++n}`,
    now: () => 1000,
    snapshotEvery: 3,
    onInternalError: (error, context) => internalErrors.push({ error, context }),
  });
  return { room, store, published, internalErrors };
}

describe('MeetingRoom', () => {
  it('decides queued jobs in order and writes them in one append (group commit)', async () => {
    const { room, store, published } = makeRoom();
    const acks = await Promise.all([
      room.submit(rename('aa')),
      room.submit(rename('bbb')),
      room.submit(rename('c')),
    ]);
    expect(acks).toEqual([
      { ok: true, seq: 2 },
      { ok: true, seq: 3 },
      { ok: true, seq: 4 },
    ]);
    expect(store.appends).toHaveLength(1);
    expect(store.appends[0]!.expectedSeq).toBe(1);
    expect(published.flat().map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(room.state.floor.limitSeconds).toBe(10);
    expect(room.seq).toBe(4);
  });

  it('answers unavailable and keeps the state when the write fails', async () => {
    const { room, store, published } = makeRoom();
    store.failNext = true;
    const refused: RoomJob = { decide: () => ({ ok: false, error: { code: 'conflict', message: 'no' } }) };
    const acks = await Promise.all([room.submit(rename('aa')), room.submit(refused)]);
    expect(acks[0]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(acks[1]).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(room.seq).toBe(1);
    expect(room.state).toEqual(base());
    expect(published).toEqual([]);
    // The next write succeeds from the same seq.
    expect(await room.submit(rename('aa'))).toEqual({ ok: true, seq: 2 });
    expect(store.appends[0]!.expectedSeq).toBe(1);
  });

  it('applies a command id once and repeats its ack, also within one batch', async () => {
    const { room, store } = makeRoom();
    const job = {
      ...rename('aa'),
      idempotencyKey: { participantId: participantIdOf('p_1'), commandId: 'c1' },
    };
    const [a, b] = await Promise.all([room.submit(job), room.submit(job)]);
    expect(a).toEqual(b);
    expect(await room.submit(job)).toEqual(a);
    expect(room.seq).toBe(2);
    expect(store.appends.flatMap((x) => x.commands)).toEqual([
      { participantId: 'p_1', commandId: 'c1', ack: a },
    ]);
  });

  it('refuses a job whose decide throws, without stopping the others', async () => {
    const { room } = makeRoom();
    const broken: RoomJob = {
      decide: () => {
        throw new Error('bug');
      },
    };
    const acks = await Promise.all([room.submit(broken), room.submit(rename('aa'))]);
    // A bug, not a store failure: `internal`, which does not invite a retry (`unavailable` would).
    expect(acks[0]).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(acks[1]).toEqual({ ok: true, seq: 2 });
  });

  it('answers a command whose decide throws `internal` and reports it with the command id', async () => {
    const { room, store, internalErrors } = makeRoom();
    const bug = new Error('bug');
    const broken: RoomJob = {
      idempotencyKey: { participantId: participantIdOf('p_1'), commandId: 'c7' },
      decide: () => {
        throw bug;
      },
    };
    expect(await room.submit(broken)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error; nothing was applied' },
    });
    expect(internalErrors).toEqual([
      { error: bug, context: { meetingId: 'm_1', participantId: 'p_1', commandId: 'c7' } },
    ]);
    // Nothing was stored, not even the command's record: a fixed server may apply it later.
    expect(store.appends).toEqual([]);
    expect(room.seq).toBe(1);
  });

  it('serves missed events from memory and snapshots every N events', async () => {
    const { room, store } = makeRoom();
    for (const t of ['a', 'bb', 'ccc', 'dddd']) await room.submit(rename(t));
    expect(room.eventsSince(3)!.map((e) => e.seq)).toEqual([4, 5]);
    expect(room.eventsSince(5)).toEqual([]);
    expect(room.eventsSince(0)).toBeNull();
    expect(store.snapshots.map((s) => s.seq)).toEqual([4]);
  });
});
