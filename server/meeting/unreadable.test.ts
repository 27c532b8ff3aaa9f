import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_VERSION, type StoredEvent } from '../../shared';
import { SqliteStore } from '../store/sqlite';
import { InProcessBus, LOCAL_BUS } from './bus';
import type { EventSink } from './room';
import { MeetingService } from './service';
import { MeetingUnreadable } from './unreadable';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A sink that records what a room publishes and which meetings it refused. */
class RecordingSink implements EventSink {
  readonly refused: MeetingUnreadable[] = [];
  publish(): void {}
  unreadable(_meetingId: string, problem: MeetingUnreadable): void {
    this.refused.push(problem);
  }
}

let n = 0;
const ids = (p: string) => `${p}_${++n}`;

/** An event as code one version newer than this would write it. */
const fromTheFuture = (seq: number): StoredEvent => ({
  seq,
  at: Date.now(),
  v: EVENT_VERSION + 1,
  event: { type: 'floor.closed' },
});

async function storeFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irm-unreadable-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'irm.sqlite');
}

async function load(store: SqliteStore, sink: EventSink, errors: unknown[], bus?: InProcessBus) {
  const service = await MeetingService.load(store, {
    newId: ids,
    onError: (e) => errors.push(e),
    presenceSweepMs: 0,
    bus: bus ?? LOCAL_BUS,
  });
  service.onEventsStored((id, events) => sink.publish(id, events));
  service.onUnreadable((id, problem) => sink.unreadable?.(id, problem));
  cleanups.push(async () => {
    await service.close();
    await store.close();
  });
  return service;
}

const openCommand = { id: 'c-open', type: 'meeting.open' } as const;

describe('a meeting this code cannot read', () => {
  it('is refused when loaded, naming meeting, seq and version; a bystander meeting still works', async () => {
    const file = await storeFile();
    const writer = SqliteStore.open(file);
    const first = await load(writer, new RecordingSink(), []);
    const { meeting: newer } = await first.createMeeting({ title: 'Newer' });
    const { meeting: bystander, chair: bystanderChair } = await first.createMeeting({ title: 'Bystander' });
    await writer.append(newer.id, 2, [fromTheFuture(3)], []);

    const errors: unknown[] = [];
    const service = await load(SqliteStore.open(file), new RecordingSink(), errors);
    await expect(service.ensureRoom(newer.id)).rejects.toBeInstanceOf(MeetingUnreadable);
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).toMatch(
      new RegExp(`meeting ${newer.id}: cannot read event seq 3 \\(version ${EVENT_VERSION + 1}\\)`),
    );
    expect(await service.submitCommand(bystander.id, bystanderChair.id, openCommand)).toEqual({
      ok: true,
      seq: 3,
    });
    expect(service.room(newer.id)).toBeUndefined();
  });

  it('is refused when another process writes a newer event: commands unavailable, clients told', async () => {
    const file = await storeFile();
    const bus = new InProcessBus();
    const sink = new RecordingSink();
    const errors: unknown[] = [];
    const service = await load(SqliteStore.open(file), sink, errors, bus);
    const { meeting: newer, chair } = await service.createMeeting({ title: 'Newer' });
    const { meeting: bystander, chair: bystanderChair } = await service.createMeeting({ title: 'Bystander' });

    // A newer process appends to the meeting and announces it.
    const other = SqliteStore.open(file);
    cleanups.push(() => other.close());
    await other.append(newer.id, 2, [fromTheFuture(3)], []);
    bus.publishAdvanced(newer.id, 3);
    await expect.poll(() => sink.refused.length).toBe(1);

    expect(sink.refused[0]).toMatchObject({ meetingId: newer.id, seq: 3, version: EVENT_VERSION + 1 });
    expect(service.room(newer.id)?.seq).toBe(2);
    const refused = await service.room(newer.id)!.submit({ decide: () => ({ ok: true, events: [] }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await expect(service.submitCommand(newer.id, chair.id, openCommand)).rejects.toBeInstanceOf(
      MeetingUnreadable,
    );
    expect(errors.some((e) => e instanceof MeetingUnreadable)).toBe(true);
    expect(await service.submitCommand(bystander.id, bystanderChair.id, openCommand)).toEqual({
      ok: true,
      seq: 3,
    });
  });
});
