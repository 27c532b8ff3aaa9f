import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS, SCHEMA_VERSION, SqliteStore } from '../../server/store/sqlite';
import { SeqConflictError } from '../../server/store/types';
import { asId, type MeetingId, type ParticipantId, type ProposalId } from '../../shared';
import { describeStoreConformance } from './conformance';
import { describeDocStoreConformance } from './doc-conformance';

const participantIdOf = asId<ParticipantId>;

const meetingIdOf = asId<MeetingId>;
const proposalIdOf = asId<ProposalId>;

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(import.meta.dirname, 'crash-writer.ts');
const DOC_WRITER = path.join(import.meta.dirname, 'doc-crash-writer.ts');

const tempDir = () => fs.mkdtemp(path.join(os.tmpdir(), 'irm-store-'));

describeStoreConformance('SqliteStore', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'irm.sqlite');
  const opened: SqliteStore[] = [SqliteStore.open(file)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = SqliteStore.open(file);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
});

describeDocStoreConformance('SqliteStore', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'irm.sqlite');
  const opened: SqliteStore[] = [SqliteStore.open(file)];
  return {
    store: opened[0]!,
    reopen: async () => {
      // DocStore has no close: the factory closes the store it handed out before opening the next.
      await opened.at(-1)!.close();
      const store = SqliteStore.open(file);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
});

const event = (seq: number) => ({
  seq,
  at: 1000 + seq,
  event: { type: 'floor.extended' as const, seconds: seq, limitSeconds: seq },
});

describe('SqliteStore', () => {
  const cleanup: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  async function dir(): Promise<string> {
    const d = await tempDir();
    cleanup.push(() => fs.rm(d, { recursive: true, force: true }));
    return d;
  }
  function open(file: string): SqliteStore {
    const store = SqliteStore.open(file);
    cleanup.push(() => store.close());
    return store;
  }

  it('creates missing parent directories, WAL mode and the schema version', async () => {
    const file = path.join(await dir(), 'a', 'b', 'irm.sqlite');
    const store = open(file);
    await store.append(meetingIdOf('m_a'), 0, [event(1), event(2)], [], { title: 'A' });
    await store.close();

    const raw = new Database(file, { readonly: true });
    cleanup.push(() => raw.close());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The event type has its own column, for queries over the log.
    expect(raw.prepare('SELECT seq, type FROM events ORDER BY seq').all()).toEqual([
      { seq: 1, type: 'floor.extended' },
      { seq: 2, type: 'floor.extended' },
    ]);
  });

  it('opens an existing file again without touching its data (idempotent schema)', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const first = open(file);
    await first.append(meetingIdOf('m_a'), 0, [event(1)], [], { title: 'A' });
    await first.close();
    for (let i = 0; i < 3; i++) await open(file).close();
    const again = open(file);
    expect(await again.readEvents(meetingIdOf('m_a'), 0)).toEqual([event(1)]);
  });

  it('refuses a file whose schema is newer than it knows', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => SqliteStore.open(file)).toThrow(/newer/);
  });

  it('detects a conflict between two connections to the same file', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const a = open(file);
    const b = open(file);
    await a.append(meetingIdOf('m_a'), 0, [event(1)], [], { title: 'A' });
    await expect(b.append(meetingIdOf('m_a'), 0, [event(1)], [], { title: 'A' })).rejects.toBeInstanceOf(
      SeqConflictError,
    );
    await b.append(meetingIdOf('m_a'), 1, [event(2)], []);
    expect(await a.readEvents(meetingIdOf('m_a'), 0)).toEqual([event(1), event(2)]);
  });

  it('keeps the first ack recorded for a command if the same command is recorded again', async () => {
    const store = open(path.join(await dir(), 'irm.sqlite'));
    await store.append(
      meetingIdOf('m_a'),
      0,
      [event(1)],
      [{ participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 1 } }],
      {
        title: 'A',
      },
    );
    await store.append(
      meetingIdOf('m_a'),
      1,
      [event(2)],
      [{ participantId: participantIdOf('p_1'), commandId: 'c_1', ack: { ok: true, seq: 2 } }],
    );
    expect(await store.findCommand(meetingIdOf('m_a'), participantIdOf('p_1'), 'c_1')).toEqual({
      ok: true,
      seq: 1,
    });
    expect(await store.lastSeq(meetingIdOf('m_a'))).toBe(2);
  });

  it('keeps only the latest few snapshots of a meeting', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const store = open(file);
    const meeting = { title: 'x' } as never;
    for (let seq = 1; seq <= 10; seq++)
      await store.saveSnapshot(meetingIdOf('m_a'), { seq, schemaVersion: 1, meeting });
    await store.saveSnapshot(meetingIdOf('m_b'), { seq: 1, schemaVersion: 1, meeting });
    const raw = new Database(file, { readonly: true });
    cleanup.push(() => raw.close());
    const rows = raw.prepare('SELECT meeting_id AS m, seq FROM snapshots ORDER BY meeting_id, seq').all();
    expect(rows).toEqual([
      { m: 'm_a', seq: 8 },
      { m: 'm_a', seq: 9 },
      { m: 'm_a', seq: 10 },
      { m: 'm_b', seq: 1 },
    ]);
  });

  /**
   * Runs a writer script (tests/store/*-writer.ts) on `args` and SIGKILLs it once it has printed
   * `killAfter` result lines, while it is still writing. Returns its `start <n>` value and the result
   * lines printed up to the kill (whatever it printed after that is not counted).
   */
  async function runUntilKilled(
    script: string,
    args: string[],
    killAfter: number,
  ): Promise<{ start: number | null; lines: string[] }> {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.push(() => child.kill('SIGKILL'));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, s) => resolve(s)));
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
    });
    const result = await new Promise<{ start: number | null; lines: string[] }>((resolve, reject) => {
      let buffer = '';
      const lines: string[] = [];
      let start: number | null = null;
      const timer = setTimeout(
        () => reject(new Error(`writer too slow: ${lines.length} writes\n${err}`)),
        25_000,
      );
      void exited.then(() => reject(new Error(`writer exited early:\n${err}`)));
      child.stdout!.on('data', (d) => {
        buffer += d;
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        for (const line of parts) {
          if (line.startsWith('start ')) start = Number(line.slice(6));
          else lines.push(line);
        }
        if (lines.length >= killAfter) {
          child.kill('SIGKILL');
          clearTimeout(timer);
          resolve({ start, lines: lines.slice() });
        }
      });
    });
    expect(await exited).toBe('SIGKILL');
    expect(result.lines.length).toBeGreaterThanOrEqual(killAfter);
    return result;
  }

  it('loses nothing it acknowledged when its process is killed with SIGKILL mid-stream', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    let acknowledged = 0;
    // Three writers in turn on the same file, each killed at a different point; each one recovers
    // the file left by the previous kill and continues the log from its last seq.
    for (const killAfter of [40, 170, 333]) {
      const { start, lines } = await runUntilKilled(WRITER, [file, 'm_crash'], killAfter);
      const reported = lines.map(Number);
      // The writer resumed from at least everything acknowledged before the previous kill.
      expect(start).toBeGreaterThanOrEqual(acknowledged);
      acknowledged = Math.max(...reported);

      const store = SqliteStore.open(file);
      try {
        const last = await store.lastSeq(meetingIdOf('m_crash'));
        expect(last).toBeGreaterThanOrEqual(acknowledged);
        const stored = await store.readEvents(meetingIdOf('m_crash'), 0);
        expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
        expect(stored).toEqual(
          stored.map((e) => ({
            seq: e.seq,
            at: 1_752_490_800_000 + e.seq,
            event: { type: 'floor.extended', seconds: e.seq, limitSeconds: e.seq },
          })),
        );
        for (const seq of reported) {
          expect(
            await store.findCommand(meetingIdOf('m_crash'), participantIdOf('p_writer'), `c_${seq}`),
          ).toEqual({
            ok: true,
            seq,
          });
        }
        expect(await store.listMeetings()).toEqual([
          { id: 'm_crash', title: 'crash', createdAt: 1_752_490_800_001 },
        ]);
      } finally {
        await store.close();
      }
    }
  });

  it('upgrades a file at schema version 1: keeps its meetings and adds proposal texts', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(MIGRATIONS[0]!);
    raw.pragma('user_version = 1');
    raw.prepare('INSERT INTO meetings (id, title, created_at) VALUES (?, ?, ?)').run('m_a', 'A', 1001);
    raw
      .prepare('INSERT INTO events (meeting_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)')
      .run('m_a', 1, 1001, 'floor.extended', JSON.stringify(event(1).event));
    raw.close();

    const store = open(file);
    expect(await store.listMeetings()).toEqual([{ id: 'm_a', title: 'A', createdAt: 1001 }]);
    expect(await store.readEvents(meetingIdOf('m_a'), 0)).toEqual([event(1)]);
    const id = await store.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([1, 2, 3]));
    await store.saveVersion(
      proposalIdOf('d_a'),
      { id: 'v_0', name: 'Base', createdBy: null, createdAt: 5 },
      new Uint8Array([4]),
    );
    await store.close();

    const check = new Database(file, { readonly: true });
    cleanup.push(() => check.close());
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const again = open(file);
    expect(await again.readEvents(meetingIdOf('m_a'), 0)).toEqual([event(1)]);
    const loaded = await again.loadDoc(proposalIdOf('d_a'));
    expect(loaded.updates.map((u) => [...u])).toEqual([[1, 2, 3]]);
    expect(loaded.lastUpdateId).toBe(id);
    expect((await again.listVersions(proposalIdOf('d_a'))).map((v) => v.id)).toEqual(['v_0']);
  });

  it('never hands out the same doc update id on two connections to the same file', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const a = open(file);
    const b = open(file);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(await (i % 2 ? a : b).appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([i])));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await b.compactDoc(proposalIdOf('d_a'), new Uint8Array([99]), 10);
    expect(await a.appendDocUpdate(proposalIdOf('d_a'), new Uint8Array([10]))).toBe(11);
    expect((await a.loadDoc(proposalIdOf('d_a'))).updates.map((u) => [...u])).toEqual([[10]]);
  });

  it('loses no acknowledged doc update when its process is killed with SIGKILL, even mid-compaction', async () => {
    const file = path.join(await dir(), 'irm.sqlite');
    const acknowledged: string[] = [];
    let lastId = 0;
    // Three writers in turn, each continuing the document left by the previous kill; each compacts
    // every 25 updates, so some kills fall between an append and a compaction or inside one.
    for (const killAfter of [30, 110, 257]) {
      const { start, lines } = await runUntilKilled(DOC_WRITER, [file, 'd_crash'], killAfter);
      expect(start).toBeGreaterThanOrEqual(lastId);
      const reported = lines.map((line) => {
        const [id, entry] = line.split(' ');
        return { id: Number(id), entry: entry! };
      });
      // Ids go on increasing across kills, compactions and restarts.
      const ids = reported.map((r) => r.id);
      expect(ids[0]).toBeGreaterThan(start!);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
      acknowledged.push(...reported.map((r) => r.entry));
      lastId = ids.at(-1)!;

      const store = SqliteStore.open(file);
      try {
        const loaded = await store.loadDoc(proposalIdOf('d_crash'));
        expect(loaded.lastUpdateId).toBeGreaterThanOrEqual(lastId);
        const doc = new Y.Doc();
        if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
        for (const u of loaded.updates) Y.applyUpdate(doc, u);
        // Every acknowledged entry is there, in order; the only others are ones stored but not yet
        // reported when the kill came.
        const log = doc.getArray<string>('log').toArray();
        const kept = new Set(log);
        expect(acknowledged.filter((e) => !kept.has(e))).toEqual([]);
        expect(log.filter((e) => acknowledged.includes(e))).toEqual(acknowledged);
        expect(new Set(log).size).toBe(log.length);
      } finally {
        await store.close();
      }
    }
  });
});
