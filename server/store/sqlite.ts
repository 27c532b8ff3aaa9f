import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Meeting, MeetingId, ParticipantId, ProposalId, StoredEvent } from '../../shared';
import type { Ack } from '../../shared/protocol/messages';
import { SNAPSHOTS_KEPT } from './snapshots';
import {
  type CommandRecord,
  type DocStore,
  type DocVersionMeta,
  type MeetingStore,
  SeqConflictError,
  type Snapshot,
} from './types';

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

// Proposal texts (DocStore). Ordinary rowid tables rather than WITHOUT ROWID: their rows carry blobs
// (a snapshot can be hundreds of KB), which WITHOUT ROWID tables store badly; the rowid also gives
// versions their insertion order.
const SCHEMA_V2 = `
  CREATE TABLE IF NOT EXISTS doc_updates (
    doc_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    up_to_id INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS doc_versions (
    doc_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
`;

// Events get a format version (docs/protocol.md, "Event versions"); rows from before have none
// (NULL: version 1). Not idempotent like the steps above, but steps run under the write lock after
// reading the version again, so it runs once.
const SCHEMA_V3 = `
  ALTER TABLE events ADD COLUMN v INTEGER;
`;

/**
 * The schema as migration steps: step `i` brings a file from `user_version` i to i + 1. Never edit a
 * step that has shipped (files out there are past it); add one. Steps are idempotent (IF NOT EXISTS).
 * Exported so tests can build a file at an older version.
 */
export const MIGRATIONS: readonly string[] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];
/** Version of the schema, kept in `PRAGMA user_version`. */
export const SCHEMA_VERSION = MIGRATIONS.length;

interface EventRow {
  seq: number;
  at: number;
  v: number | null;
  body: string;
}
interface SnapshotRow {
  seq: number;
  schema_version: number;
  body: string;
}

interface DocUpdateRow {
  id: number;
  body: Buffer;
}
interface DocSnapshotRow {
  state: Buffer;
  up_to_id: number;
}

/**
 * The embedded MeetingStore and DocStore: one SQLite file in WAL mode with `synchronous = FULL`, so
 * every committed transaction is fsync'd before `append` or `appendDocUpdate` resolves. The work is
 * synchronous (better-sqlite3); the methods return promises only to share the interfaces with
 * networked stores.
 */
export class SqliteStore implements MeetingStore, DocStore {
  private readonly stmts;
  private readonly appendTx;
  private readonly snapshotTx;
  private readonly doc;

  private constructor(private readonly db: Database.Database) {
    const s = {
      listMeetings: db.prepare<[], { id: MeetingId; title: string; createdAt: number }>(
        'SELECT id, title, created_at AS createdAt FROM meetings ORDER BY created_at, rowid',
      ),
      lastSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM events WHERE meeting_id = ?',
      ),
      readEvents: db.prepare<[string, number, number], EventRow>(
        'SELECT seq, at, v, body FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      insertMeeting: db.prepare<[string, string, number]>(
        'INSERT INTO meetings (id, title, created_at) VALUES (?, ?, ?)',
      ),
      insertEvent: db.prepare<[string, number, number, number | null, string, string]>(
        'INSERT INTO events (meeting_id, seq, at, v, type, body) VALUES (?, ?, ?, ?, ?, ?)',
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
        meetingId: MeetingId,
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
          s.insertEvent.run(meetingId, e.seq, e.at, e.v ?? null, e.event.type, JSON.stringify(e.event));
        }
        for (const c of commands) {
          s.insertCommand.run(meetingId, c.participantId, c.commandId, JSON.stringify(c.ack));
        }
      },
    );

    this.snapshotTx = db.transaction((meetingId: MeetingId, snapshot: Snapshot) => {
      s.saveSnapshot.run(meetingId, snapshot.seq, snapshot.schemaVersion, JSON.stringify(snapshot.meeting));
      s.pruneSnapshots.run(meetingId, meetingId, SNAPSHOTS_KEPT);
    });

    this.doc = docStatements(db);
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

  async listMeetings(): Promise<Array<{ id: MeetingId; title: string; createdAt: number }>> {
    return this.stmts.listMeetings.all();
  }

  async append(
    meetingId: MeetingId,
    expectedSeq: number,
    events: StoredEvent[],
    commands: CommandRecord[],
    meta?: { title: string },
  ): Promise<void> {
    // IMMEDIATE: take the write lock before reading the last seq, so the check and the inserts are
    // one atomic step even if another connection writes the same file.
    this.appendTx.immediate(meetingId, expectedSeq, events, commands, meta);
  }

  async readEvents(meetingId: MeetingId, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    // LIMIT -1 means no limit in SQLite.
    return this.stmts.readEvents.all(meetingId, afterSeq, limit ?? -1).map((row) => ({
      seq: row.seq,
      at: row.at,
      // No version stored: the event predates versioning (version 1), and reads back without one.
      ...(row.v === null ? {} : { v: row.v }),
      event: JSON.parse(row.body),
    }));
  }

  async lastSeq(meetingId: MeetingId): Promise<number> {
    return this.stmts.lastSeq.get(meetingId)?.seq ?? 0;
  }

  async findCommand(
    meetingId: MeetingId,
    participantId: ParticipantId,
    commandId: string,
  ): Promise<Ack | null> {
    const row = this.stmts.findCommand.get(meetingId, participantId, commandId);
    return row ? (JSON.parse(row.ack) as Ack) : null;
  }

  async saveSnapshot(meetingId: MeetingId, snapshot: Snapshot): Promise<void> {
    this.snapshotTx.immediate(meetingId, snapshot);
  }

  async latestSnapshot(meetingId: MeetingId): Promise<Snapshot | null> {
    const row = this.stmts.latestSnapshot.get(meetingId);
    if (!row) return null;
    return { seq: row.seq, schemaVersion: row.schema_version, meeting: JSON.parse(row.body) as Meeting };
  }

  async appendDocUpdate(docId: ProposalId, update: Uint8Array): Promise<number> {
    // IMMEDIATE: hold the write lock from reading the last id to inserting, so two connections to the
    // file cannot hand out the same id.
    return this.doc.appendTx.immediate(docId, update);
  }

  async loadDoc(
    docId: ProposalId,
  ): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number }> {
    // One read transaction, so a compaction by another connection cannot fall between the two reads.
    return this.doc.loadTx.deferred(docId);
  }

  async compactDoc(docId: ProposalId, state: Uint8Array, upToId: number): Promise<void> {
    if (!Number.isSafeInteger(upToId) || upToId < 0) throw new Error(`doc ${docId}: bad upToId ${upToId}`);
    this.doc.compactTx.immediate(docId, state, upToId);
  }

  async saveVersion(docId: ProposalId, meta: DocVersionMeta, state: Uint8Array): Promise<void> {
    // A second save of the same id fails on the primary key (SQLITE_CONSTRAINT_PRIMARYKEY).
    this.doc.insertVersion.run(docId, meta.id, meta.name, meta.createdBy, meta.createdAt, state);
  }

  async listVersions(docId: ProposalId): Promise<DocVersionMeta[]> {
    return this.doc.listVersions.all(docId);
  }

  async loadVersion(docId: ProposalId, versionId: string): Promise<Uint8Array | null> {
    return this.doc.loadVersion.get(docId, versionId)?.state ?? null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The DocStore's statements and transactions (kept apart from the meeting log's). */
function docStatements(db: Database.Database) {
  const s = {
    // The last id ever handed out: an update's, or the snapshot's up_to_id once compaction has deleted
    // the updates it folded in, so ids are never reused (also after a restart).
    lastId: db.prepare<[string, string], { last: number }>(
      `SELECT MAX(COALESCE((SELECT MAX(id) FROM doc_updates WHERE doc_id = ?), 0),
                  COALESCE((SELECT up_to_id FROM doc_snapshots WHERE doc_id = ?), 0)) AS last`,
    ),
    insertUpdate: db.prepare<[string, number, Uint8Array]>(
      'INSERT INTO doc_updates (doc_id, id, body) VALUES (?, ?, ?)',
    ),
    snapshot: db.prepare<[string], DocSnapshotRow>(
      'SELECT state, up_to_id FROM doc_snapshots WHERE doc_id = ?',
    ),
    // Only the number: the compaction check need not read the whole state blob.
    snapshotUpTo: db.prepare<[string], { up_to_id: number }>(
      'SELECT up_to_id FROM doc_snapshots WHERE doc_id = ?',
    ),
    updatesAfter: db.prepare<[string, number], DocUpdateRow>(
      'SELECT id, body FROM doc_updates WHERE doc_id = ? AND id > ? ORDER BY id',
    ),
    saveSnapshot: db.prepare<[string, Uint8Array, number]>(
      `INSERT INTO doc_snapshots (doc_id, state, up_to_id) VALUES (?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, up_to_id = excluded.up_to_id`,
    ),
    deleteUpdatesUpTo: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND id <= ?'),
    insertVersion: db.prepare<[string, string, string, string | null, number, Uint8Array]>(
      `INSERT INTO doc_versions (doc_id, id, name, created_by, created_at, state) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    listVersions: db.prepare<[string], DocVersionMeta>(
      `SELECT id, name, created_by AS createdBy, created_at AS createdAt FROM doc_versions
       WHERE doc_id = ? ORDER BY created_at, rowid`,
    ),
    loadVersion: db.prepare<[string, string], { state: Buffer }>(
      'SELECT state FROM doc_versions WHERE doc_id = ? AND id = ?',
    ),
  };
  const lastId = (docId: ProposalId) => s.lastId.get(docId, docId)?.last ?? 0;

  return {
    insertVersion: s.insertVersion,
    listVersions: s.listVersions,
    loadVersion: s.loadVersion,
    appendTx: db.transaction((docId: ProposalId, update: Uint8Array): number => {
      const id = lastId(docId) + 1;
      s.insertUpdate.run(docId, id, update);
      return id;
    }),
    loadTx: db.transaction((docId: ProposalId) => {
      const snap = s.snapshot.get(docId);
      const rows = s.updatesAfter.all(docId, snap?.up_to_id ?? 0);
      return {
        snapshot: snap ? snap.state : null,
        updates: rows.map((r): Uint8Array => r.body),
        lastUpdateId: Math.max(rows.at(-1)?.id ?? 0, snap?.up_to_id ?? 0),
      };
    }),
    compactTx: db.transaction((docId: ProposalId, state: Uint8Array, upToId: number) => {
      // A slow compaction finishing after a newer one must not bring back an older state.
      if (upToId < (s.snapshotUpTo.get(docId)?.up_to_id ?? 0)) return;
      s.saveSnapshot.run(docId, state, upToId);
      s.deleteUpdatesUpTo.run(docId, upToId);
    }),
  };
}

/** Brings the schema up to date step by step; refuses a file written by a newer version. */
function migrate(db: Database.Database, file: string): void {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const check = (version: number) => {
    if (version > SCHEMA_VERSION) {
      throw new Error(`${file}: schema version ${version} is newer than this server's (${SCHEMA_VERSION})`);
    }
  };
  const found = current();
  check(found);
  if (found === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated the file meanwhile.
    const version = current();
    check(version);
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
