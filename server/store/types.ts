import type { Meeting, MeetingId, ParticipantId, ProposalId, StoredEvent } from '../../shared';
import type { Ack } from '../../shared/protocol/messages';

/** A command's ack kept for idempotency: the same (participant, command id) gets the same answer. */
export interface CommandRecord {
  participantId: ParticipantId;
  commandId: string;
  ack: Ack;
}

/** A stored state of a meeting at `seq`, to replay from instead of from the start. */
export interface Snapshot {
  seq: number;
  schemaVersion: number;
  meeting: Meeting;
}

/** Raised by `append` when `expectedSeq` is not the last stored seq (another writer got there first). */
export class SeqConflictError extends Error {
  constructor(
    readonly meetingId: MeetingId,
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super(`meeting ${meetingId}: expected seq ${expectedSeq}, store has ${actualSeq}`);
    this.name = 'SeqConflictError';
  }
}

/**
 * Durable storage of meetings as event logs. SqliteStore implements it (embedded default); a
 * RedisStore will implement the same interface and pass the same conformance suite
 * (tests/store/conformance.ts).
 *
 * Durability contract: when `append` resolves, the events and command records are on disk (or
 * in the durable backend); if it rejects, nothing of the batch was stored.
 */
export interface MeetingStore {
  /** Ids of all meetings, oldest first. */
  listMeetings(): Promise<Array<{ id: MeetingId; title: string; createdAt: number }>>;
  /**
   * Appends events atomically: their seqs must be `expectedSeq + 1, expectedSeq + 2, …` with no gap.
   * Creates the meeting on its first append (expectedSeq 0); `title` is kept for listing.
   * Also stores the acks of the commands that produced them (idempotency records).
   */
  append(
    meetingId: MeetingId,
    expectedSeq: number,
    events: StoredEvent[],
    commands: CommandRecord[],
    meta?: { title: string },
  ): Promise<void>;
  /** Events with seq > afterSeq, in seq order, at most `limit` of them. */
  readEvents(meetingId: MeetingId, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /** The last stored seq of the meeting; 0 when it has none. */
  lastSeq(meetingId: MeetingId): Promise<number>;
  /** The ack stored for a command, or null. */
  findCommand(meetingId: MeetingId, participantId: ParticipantId, commandId: string): Promise<Ack | null>;
  saveSnapshot(meetingId: MeetingId, snapshot: Snapshot): Promise<void>;
  latestSnapshot(meetingId: MeetingId): Promise<Snapshot | null>;
  close(): Promise<void>;
}

/** A named version of a proposal's text: the whole Yjs state at that moment. */
export interface DocVersionMeta {
  id: string;
  name: string;
  /** Participant id, or null for versions the server makes (version 0, the base text). */
  createdBy: ParticipantId | null;
  createdAt: number;
}

/**
 * Durable storage of proposal texts (one Yjs document per proposal, keyed by proposal id: a proposal
 * id is unique across meetings): an
 * append-only log of updates folded now and then into a snapshot, plus named versions.
 *
 * Durability contract: when `appendDocUpdate` resolves, the update is on disk; the collab server
 * relays an update to other clients only after that.
 */
export interface DocStore {
  /** Appends one (validated) Yjs update; resolves with its id, increasing per document. */
  appendDocUpdate(docId: ProposalId, update: Uint8Array): Promise<number>;
  /**
   * The snapshot (null if none yet) and every update stored after it, in order. `lastUpdateId` is the
   * highest id handed out so far (the snapshot's `upToId` when every update has been folded into it).
   */
  loadDoc(
    docId: ProposalId,
  ): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number }>;
  /** Atomically stores `state` as the snapshot and drops the updates with id <= upToId. */
  compactDoc(docId: ProposalId, state: Uint8Array, upToId: number): Promise<void>;
  saveVersion(docId: ProposalId, meta: DocVersionMeta, state: Uint8Array): Promise<void>;
  /** Versions of a document, oldest first. */
  listVersions(docId: ProposalId): Promise<DocVersionMeta[]>;
  loadVersion(docId: ProposalId, versionId: string): Promise<Uint8Array | null>;
}
