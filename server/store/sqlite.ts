import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Meeting, StoredEvent } from '../../shared';
import type { Ack } from '../../shared/protocol/messages';
import { type CommandRecord, type MeetingStore, SeqConflictError, type Snapshot } from './types';

/** Version of the schema below, kept in `PRAGMA user_version`. Bump it with a migration step. */
export const SCHEMA_VERSION = 1;
/** Snapshots kept per meeting; older ones are deleted when a newer one is saved. */
export const SNAPSHOTS_KEPT = 3;
/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

const SCHEMA_V1 = `
  CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS events (
    meeting_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS commands (
    meeting_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    command_id TEXT NOT NULL,
    ack TEXT NOT NULL,
    PRIMARY KEY (meeting_id, participant_id, command_id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS snapshots (
    meeting_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seq)
  );
`;

interface EventRow {
  seq: number;
  at: number;
  body: string;
}
interface SnapshotRow {
  seq: number;
  schema_version: number;
  body: string;
}

/**
 * The embedded MeetingStore: one SQLite file in WAL mode with `synchronous = FULL`, so every
 * committed transaction is fsync'd before `append` resolves. The work is synchronous (better-sqlite3);
 * the methods return promises only to share the interface with networked stores.
 */
export class SqliteStore implements MeetingStore {
  private readonly stmts;
  private readonly appendTx;
  private readonly snapshotTx;

  private constructor(private readonly db: Database.Database) {
    const s = {
      listMeetings: db.prepare<[], { id: string; title: string; createdAt: number }>(
        'SELECT id, title, created_at AS createdAt FROM meetings ORDER BY created_at, rowid',
      ),
      lastSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM events WHERE meeting_id = ?',
      ),
      readEvents: db.prepare<[string, number, number], EventRow>(
        'SELECT seq, at, body FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      insertMeeting: db.prepare<[string, string, number]>(
        'INSERT INTO meetings (id, title, created_at) VALUES (?, ?, ?)',
      ),
      insertEvent: db.prepare<[string, number, number, string, string]>(
        'INSERT INTO events (meeting_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)',
      ),
      // The first answer recorded for a command wins: a replay must get the same ack.
      insertCommand: db.prepare<[string, string, string, string]>(
        `INSERT INTO commands (meeting_id, participant_id, command_id, ack) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      findCommand: db.prepare<[string, string, string], { ack: string }>(
        'SELECT ack FROM commands WHERE meeting_id = ? AND participant_id = ? AND command_id = ?',
      ),
      saveSnapshot: db.prepare<[string, number, number, string]>(
        `INSERT INTO snapshots (meeting_id, seq, schema_version, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, seq) DO UPDATE SET schema_version = excluded.schema_version, body = excluded.body`,
      ),
      pruneSnapshots: db.prepare<[string, string, number]>(
        `DELETE FROM snapshots WHERE meeting_id = ? AND seq NOT IN
           (SELECT seq FROM snapshots WHERE meeting_id = ? ORDER BY seq DESC LIMIT ?)`,
      ),
      latestSnapshot: db.prepare<[string], SnapshotRow>(
        'SELECT seq, schema_version, body FROM snapshots WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
      ),
    };
    this.stmts = s;

    this.appendTx = db.transaction(
      (
        meetingId: string,
        expectedSeq: number,
        events: StoredEvent[],
        commands: CommandRecord[],
        meta: { title: string } | undefined,
      ) => {
        const actual = s.lastSeq.get(meetingId)?.seq ?? 0;
        if (actual !== expectedSeq) throw new SeqConflictError(meetingId, expectedSeq, actual);
        for (const [i, e] of events.entries()) {
          if (e.seq !== expectedSeq + 1 + i) {
            throw new Error(
              `meeting ${meetingId}: event ${i} has seq ${e.seq}, expected ${expectedSeq + 1 + i} (seqs must be gap-free)`,
            );
          }
        }
        if (expectedSeq === 0 && meta) {
          s.insertMeeting.run(meetingId, meta.title, events[0]?.at ?? Date.now());
        }
        for (const e of events) {
          s.insertEvent.run(meetingId, e.seq, e.at, e.event.type, JSON.stringify(e.event));
        }
        for (const c of commands) {
          s.insertCommand.run(meetingId, c.participantId, c.commandId, JSON.stringify(c.ack));
        }
      },
    );

    this.snapshotTx = db.transaction((meetingId: string, snapshot: Snapshot) => {
      s.saveSnapshot.run(meetingId, snapshot.seq, snapshot.schemaVersion, JSON.stringify(snapshot.meeting));
      s.pruneSnapshots.run(meetingId, meetingId, SNAPSHOTS_KEPT);
    });
  }

  /** Opens (or creates, with its parent directory) the database file and brings its schema up to date. */
  static open(file: string): SqliteStore {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`${file}: cannot use WAL journal mode (got ${String(mode)})`);
      db.pragma('synchronous = FULL');
      migrate(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  async listMeetings(): Promise<Array<{ id: string; title: string; createdAt: number }>> {
    return this.stmts.listMeetings.all();
  }

  async append(
    meetingId: string,
    expectedSeq: number,
    events: StoredEvent[],
    commands: CommandRecord[],
    meta?: { title: string },
  ): Promise<void> {
    // IMMEDIATE: take the write lock before reading the last seq, so the check and the inserts are
    // one atomic step even if another connection writes the same file.
    this.appendTx.immediate(meetingId, expectedSeq, events, commands, meta);
  }

  async readEvents(meetingId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    // LIMIT -1 means no limit in SQLite.
    return this.stmts.readEvents
      .all(meetingId, afterSeq, limit ?? -1)
      .map((row) => ({ seq: row.seq, at: row.at, event: JSON.parse(row.body) }));
  }

  async lastSeq(meetingId: string): Promise<number> {
    return this.stmts.lastSeq.get(meetingId)?.seq ?? 0;
  }

  async findCommand(meetingId: string, participantId: string, commandId: string): Promise<Ack | null> {
    const row = this.stmts.findCommand.get(meetingId, participantId, commandId);
    return row ? (JSON.parse(row.ack) as Ack) : null;
  }

  async saveSnapshot(meetingId: string, snapshot: Snapshot): Promise<void> {
    this.snapshotTx.immediate(meetingId, snapshot);
  }

  async latestSnapshot(meetingId: string): Promise<Snapshot | null> {
    const row = this.stmts.latestSnapshot.get(meetingId);
    if (!row) return null;
    return { seq: row.seq, schemaVersion: row.schema_version, meeting: JSON.parse(row.body) as Meeting };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Creates the schema on a new file; refuses a file written by a newer version. */
function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`${file}: schema version ${version} is newer than this server's (${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
