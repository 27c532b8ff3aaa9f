import { Redis, type RedisOptions } from 'ioredis';
import {
  type Meeting,
  type MeetingId,
  meetingIdSchema,
  type ParticipantId,
  type ProposalId,
  type StoredEvent,
} from '../../shared';
import type { Ack } from '../../shared/protocol/messages';
import { type RedisKeys, redisKeys } from './redisKeys';
import { SNAPSHOTS_KEPT } from './snapshots';
import {
  type CommandRecord,
  type DocStore,
  type DocVersionMeta,
  type MeetingStore,
  SeqConflictError,
  type Snapshot,
} from './types';

/** Events pushed per RPUSH inside the append script (Lua's unpack has a stack limit). */
const PUSH_CHUNK = 1000;

// Every script checks everything it can fail on (expected seq, batch seqs, key types) before its first
// write: Redis does not roll a script back when a command inside it fails, so "nothing of the batch
// was stored" holds only if no write can fail once one has been made. (Redis itself refuses an OOM
// script at its first write and lets the rest through.)

/** Fails with ERR_STATE when a key holds another type than the script expects (none is fine). */
const CHECK_TYPES = `
local function check_types(types)
  for i, want in ipairs(types) do
    local got = redis.call('TYPE', KEYS[i]).ok
    if got ~= 'none' and got ~= want then
      return 'ERR_STATE key ' .. KEYS[i] .. ' holds a ' .. got .. ', expected a ' .. want
    end
  end
  return nil
end
`;

/**
 * KEYS: seq, events, commands, meta, meetings, meetings counter.
 * ARGV: expectedSeq, newSeq, nEvents, nCommands, hasMeta (0|1), meetingId, title, createdAt,
 *       then nEvents × (seq, event JSON), then nCommands × (field, ack JSON).
 * Returns {0, actualSeq} on a seq conflict, {1, newSeq} when stored; an error reply on a bad batch.
 */
const APPEND_LUA = `${CHECK_TYPES}
local expected = tonumber(ARGV[1])
local actual = tonumber(redis.call('GET', KEYS[1]) or '0')
if actual ~= expected then return {0, actual} end
local nEvents = tonumber(ARGV[3])
local nCmds = tonumber(ARGV[4])
local e0 = 8
for i = 1, nEvents do
  if tonumber(ARGV[e0 + 2 * i - 1]) ~= expected + i then
    return redis.error_reply('ERR_BATCH event ' .. (i - 1) .. ' has seq ' .. ARGV[e0 + 2 * i - 1] ..
      ', expected ' .. (expected + i) .. ' (seqs must be gap-free)')
  end
end
local bad = check_types({'string', 'list', 'hash', 'hash', 'zset', 'string'})
if bad then return redis.error_reply(bad) end
local len = redis.call('LLEN', KEYS[2])
if len ~= actual then
  return redis.error_reply('ERR_STATE ' .. KEYS[2] .. ' holds ' .. len .. ' events but the seq is ' .. actual)
end
-- Writes from here on.
if ARGV[5] == '1' and expected == 0 and redis.call('EXISTS', KEYS[4]) == 0 then
  local n = redis.call('INCR', KEYS[6])
  redis.call('HSET', KEYS[4], 'title', ARGV[7], 'createdAt', ARGV[8], 'n', n)
  redis.call('ZADD', KEYS[5], ARGV[8], ARGV[6])
end
local chunk = {}
for i = 1, nEvents do
  chunk[#chunk + 1] = ARGV[e0 + 2 * i]
  if #chunk == ${PUSH_CHUNK} or i == nEvents then
    redis.call('RPUSH', KEYS[2], unpack(chunk))
    chunk = {}
  end
end
local c0 = e0 + 2 * nEvents
for i = 1, nCmds do
  redis.call('HSETNX', KEYS[3], ARGV[c0 + 2 * i - 1], ARGV[c0 + 2 * i])
end
if nEvents > 0 then redis.call('SET', KEYS[1], ARGV[2]) end
return {1, expected + nEvents}
`;

/** KEYS: snapshots. ARGV: seq, snapshot JSON, how many to keep. Replaces a snapshot at the same seq. */
const SAVE_SNAPSHOT_LUA = `${CHECK_TYPES}
local bad = check_types({'zset'})
if bad then return redis.error_reply(bad) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
return 1
`;

/** KEYS: last id, updates. ARGV: update bytes. Returns the new id. */
const DOC_APPEND_LUA = `${CHECK_TYPES}
local bad = check_types({'string', 'hash'})
if bad then return redis.error_reply(bad) end
local id = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], id, ARGV[1])
return id
`;

/**
 * KEYS: snapshot, updates, last id. ARGV: upToId, state bytes.
 * Returns 0 when a newer snapshot is already stored (never goes backwards), 1 when compacted.
 */
const DOC_COMPACT_LUA = `${CHECK_TYPES}
local bad = check_types({'hash', 'hash', 'string'})
if bad then return redis.error_reply(bad) end
local upTo = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'upTo') or '0')
if upTo < current then return 0 end
local last = redis.call('GET', KEYS[3])
if last and not tonumber(last) then return redis.error_reply('ERR_STATE ' .. KEYS[3] .. ' is not a number') end
-- Writes from here on.
local drop = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
  if tonumber(field) <= upTo then drop[#drop + 1] = field end
end
for i = 1, #drop, ${PUSH_CHUNK} do
  redis.call('HDEL', KEYS[2], unpack(drop, i, math.min(i + ${PUSH_CHUNK} - 1, #drop)))
end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'upTo', ARGV[1])
-- Ids are never reused: the counter is at least the last id folded into the snapshot.
if tonumber(last or '0') < upTo then redis.call('SET', KEYS[3], ARGV[1]) end
return 1
`;

/** KEYS: version ids list, version meta, version states. ARGV: id, meta JSON, state bytes. */
const SAVE_VERSION_LUA = `${CHECK_TYPES}
local bad = check_types({'list', 'hash', 'hash'})
if bad then return redis.error_reply(bad) end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return redis.error_reply('ERR_EXISTS version ' .. ARGV[1] .. ' already exists')
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1
`;

type Arg = string | number | Buffer;
/** The scripts, as ioredis `defineCommand` adds them (EVALSHA, falling back to EVAL on NOSCRIPT). */
interface Scripts {
  irmAppend(...args: Arg[]): Promise<[number, number]>;
  irmSaveSnapshot(...args: Arg[]): Promise<number>;
  irmDocAppend(...args: Arg[]): Promise<number>;
  irmDocCompact(...args: Arg[]): Promise<number>;
  irmSaveVersion(...args: Arg[]): Promise<number>;
}

export interface RedisStoreOptions {
  /** Prefix of every key (default `irm:`), so several deployments or tests can share one Redis. */
  prefix?: string;
  /** Passed to ioredis. */
  redis?: RedisOptions;
}

/** A Buffer over the bytes of `u` only (not the rest of the ArrayBuffer a view may sit in). */
const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Turns a script's error reply into an Error naming the meeting or document. */
function scriptError(what: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${what}: ${message.replace(/^ERR_[A-Z]+ /, '')}`, { cause: error });
}

/**
 * MeetingStore and DocStore on Redis (ioredis), for running several server processes over one
 * shared store. Key names: server/store/redisKeys.ts.
 *
 * Every write that must be atomic is one Lua script (`append` checks the expected seq and writes the
 * events, command records and meeting meta in one step; `compactDoc` replaces the snapshot and drops
 * the folded updates in one step); reads that must be consistent use MULTI.
 *
 * Durability: here "stored" means that Redis acknowledged the write. What survives a Redis crash or
 * restart depends on how Redis persists: with `appendonly yes` and `appendfsync always` every
 * acknowledged write is on disk (as SqliteStore's `synchronous = FULL`); with `appendfsync everysec`
 * (Redis's default for AOF) about the last second can be lost; with RDB snapshots only, or no
 * persistence, everything since the last snapshot. Replication is asynchronous: a failover to a
 * replica can lose acknowledged writes unless WAIT/WAITAOF is used (not done here). Operations
 * documentation will follow.
 *
 * Redis Cluster: each meeting's keys share a hash tag, but `append` also updates the global meeting
 * index (`meetings`, `meetings:n`) in the same script, which Cluster refuses (CROSSSLOT). This store
 * targets a single Redis primary (optionally with replicas or Sentinel).
 */
export class RedisStore implements MeetingStore, DocStore {
  private readonly scripts: Scripts;

  private constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    redis.defineCommand('irmAppend', { numberOfKeys: 6, lua: APPEND_LUA });
    redis.defineCommand('irmSaveSnapshot', { numberOfKeys: 1, lua: SAVE_SNAPSHOT_LUA });
    redis.defineCommand('irmDocAppend', { numberOfKeys: 2, lua: DOC_APPEND_LUA });
    redis.defineCommand('irmDocCompact', { numberOfKeys: 3, lua: DOC_COMPACT_LUA });
    redis.defineCommand('irmSaveVersion', { numberOfKeys: 3, lua: SAVE_VERSION_LUA });
    this.scripts = redis as unknown as Scripts;
  }

  /** Connects to `url` (e.g. `redis://127.0.0.1:6379/0`) and resolves once the connection is ready. */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const keys = redisKeys(options.prefix);
    const redis = new Redis(url, { lazyConnect: true, ...options.redis });
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    return new RedisStore(redis, keys);
  }

  /** The key prefix in use. */
  get prefix(): string {
    return this.keys.prefix;
  }

  /** The client's connection state and events, to tell whether Redis is reachable (server/cluster/health.ts). */
  get connection(): Pick<Redis, 'status' | 'on' | 'off' | 'ping'> {
    return this.redis;
  }

  async listMeetings(): Promise<Array<{ id: MeetingId; title: string; createdAt: number }>> {
    // Written by our own appends; parsed anyway, as another process's data.
    const ids = (await this.redis.zrange(this.keys.meetings(), 0, -1)).map((id) => meetingIdSchema.parse(id));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.keys.meetingMeta(id), 'title', 'createdAt', 'n');
    const results = (await pipeline.exec()) ?? [];
    const rows = ids.map((id, i) => {
      const [error, value] = results[i] ?? [new Error('no reply'), null];
      if (error) throw error;
      const [title, createdAt, n] = value as Array<string | null>;
      return { id, title: title ?? '', createdAt: Number(createdAt), n: Number(n) };
    });
    // Oldest first; meetings created in the same millisecond in the order they were created.
    rows.sort((a, b) => a.createdAt - b.createdAt || a.n - b.n);
    return rows.map(({ id, title, createdAt }) => ({ id, title, createdAt }));
  }

  async append(
    meetingId: MeetingId,
    expectedSeq: number,
    events: StoredEvent[],
    commands: CommandRecord[],
    meta?: { title: string },
  ): Promise<void> {
    if (!Number.isSafeInteger(expectedSeq) || expectedSeq < 0) {
      throw new Error(`meeting ${meetingId}: bad expectedSeq ${expectedSeq}`);
    }
    const args: Arg[] = [
      this.keys.meetingSeq(meetingId),
      this.keys.meetingEvents(meetingId),
      this.keys.meetingCommands(meetingId),
      this.keys.meetingMeta(meetingId),
      this.keys.meetings(),
      this.keys.meetingsCounter(),
      expectedSeq,
      expectedSeq + events.length,
      events.length,
      commands.length,
      expectedSeq === 0 && meta ? 1 : 0,
      meetingId,
      meta?.title ?? '',
      events[0]?.at ?? Date.now(),
    ];
    for (const e of events) {
      // A seq that is not a safe integer is sent as text that Lua cannot match, so the batch fails.
      args.push(Number.isSafeInteger(e.seq) ? e.seq : `bad:${String(e.seq)}`);
      args.push(
        JSON.stringify({ seq: e.seq, at: e.at, ...(e.v === undefined ? {} : { v: e.v }), event: e.event }),
      );
    }
    for (const c of commands) args.push(commandField(c.participantId, c.commandId), JSON.stringify(c.ack));

    let result: [number, number];
    try {
      result = await this.scripts.irmAppend(...args);
    } catch (error) {
      throw scriptError(`meeting ${meetingId}`, error);
    }
    const [stored, seq] = result;
    if (stored !== 1) throw new SeqConflictError(meetingId, expectedSeq, seq);
  }

  async readEvents(meetingId: MeetingId, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    if (limit !== undefined && limit <= 0) return [];
    // Event seq s sits at list index s - 1.
    const start = Math.max(0, Math.floor(afterSeq));
    const stop = limit === undefined ? -1 : start + Math.floor(limit) - 1;
    const rows = await this.redis.lrange(this.keys.meetingEvents(meetingId), start, stop);
    return rows.map((row) => JSON.parse(row) as StoredEvent);
  }

  async lastSeq(meetingId: MeetingId): Promise<number> {
    return Number((await this.redis.get(this.keys.meetingSeq(meetingId))) ?? 0);
  }

  async findCommand(
    meetingId: MeetingId,
    participantId: ParticipantId,
    commandId: string,
  ): Promise<Ack | null> {
    const ack = await this.redis.hget(
      this.keys.meetingCommands(meetingId),
      commandField(participantId, commandId),
    );
    return ack === null ? null : (JSON.parse(ack) as Ack);
  }

  async saveSnapshot(meetingId: MeetingId, snapshot: Snapshot): Promise<void> {
    const body = JSON.stringify({
      seq: snapshot.seq,
      schemaVersion: snapshot.schemaVersion,
      meeting: snapshot.meeting,
    });
    try {
      await this.scripts.irmSaveSnapshot(
        this.keys.meetingSnapshots(meetingId),
        snapshot.seq,
        body,
        SNAPSHOTS_KEPT,
      );
    } catch (error) {
      throw scriptError(`meeting ${meetingId}`, error);
    }
  }

  async latestSnapshot(meetingId: MeetingId): Promise<Snapshot | null> {
    const [body] = await this.redis.zrange(this.keys.meetingSnapshots(meetingId), -1, -1);
    if (body === undefined) return null;
    const s = JSON.parse(body) as { seq: number; schemaVersion: number; meeting: Meeting };
    return { seq: s.seq, schemaVersion: s.schemaVersion, meeting: s.meeting };
  }

  async appendDocUpdate(docId: ProposalId, update: Uint8Array): Promise<number> {
    try {
      return Number(
        await this.scripts.irmDocAppend(
          this.keys.docLastId(docId),
          this.keys.docUpdates(docId),
          toBuffer(update),
        ),
      );
    } catch (error) {
      throw scriptError(`doc ${docId}`, error);
    }
  }

  async loadDoc(
    docId: ProposalId,
  ): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number }> {
    // MULTI: a compaction cannot fall between the reads.
    const results = await this.redis
      .multi()
      .hgetallBuffer(this.keys.docSnapshot(docId))
      .hgetallBuffer(this.keys.docUpdates(docId))
      .get(this.keys.docLastId(docId))
      .exec();
    if (!results) throw new Error(`doc ${docId}: load transaction aborted`);
    for (const [error] of results) if (error) throw error;
    const snap = results[0]![1] as Record<string, Buffer>;
    const updates = results[1]![1] as Record<string, Buffer>;
    const lastId = Number((results[2]![1] as string | null) ?? 0);
    const upTo = snap.upTo ? Number(snap.upTo.toString()) : 0;
    const ordered = Object.entries(updates)
      .map(([id, body]) => ({ id: Number(id), body }))
      .filter((u) => u.id > upTo)
      .sort((a, b) => a.id - b.id);
    return {
      snapshot: snap.state ?? null,
      updates: ordered.map((u): Uint8Array => u.body),
      lastUpdateId: Math.max(lastId, upTo, ordered.at(-1)?.id ?? 0),
    };
  }

  async compactDoc(docId: ProposalId, state: Uint8Array, upToId: number): Promise<void> {
    if (!Number.isSafeInteger(upToId) || upToId < 0) throw new Error(`doc ${docId}: bad upToId ${upToId}`);
    try {
      await this.scripts.irmDocCompact(
        this.keys.docSnapshot(docId),
        this.keys.docUpdates(docId),
        this.keys.docLastId(docId),
        upToId,
        toBuffer(state),
      );
    } catch (error) {
      throw scriptError(`doc ${docId}`, error);
    }
  }

  async saveVersion(docId: ProposalId, meta: DocVersionMeta, state: Uint8Array): Promise<void> {
    const body = JSON.stringify({
      id: meta.id,
      name: meta.name,
      createdBy: meta.createdBy,
      createdAt: meta.createdAt,
    });
    try {
      await this.scripts.irmSaveVersion(
        this.keys.docVersions(docId),
        this.keys.docVersionMeta(docId),
        this.keys.docVersionStates(docId),
        meta.id,
        body,
        toBuffer(state),
      );
    } catch (error) {
      throw scriptError(`doc ${docId}`, error);
    }
  }

  async listVersions(docId: ProposalId): Promise<DocVersionMeta[]> {
    const results = await this.redis
      .multi()
      .lrange(this.keys.docVersions(docId), 0, -1)
      .hgetall(this.keys.docVersionMeta(docId))
      .exec();
    if (!results) throw new Error(`doc ${docId}: list transaction aborted`);
    for (const [error] of results) if (error) throw error;
    const ids = results[0]![1] as string[];
    const metas = results[1]![1] as Record<string, string>;
    const versions: DocVersionMeta[] = [];
    for (const id of ids) {
      const body = metas[id];
      if (body !== undefined) versions.push(JSON.parse(body) as DocVersionMeta);
    }
    // Stable sort: versions made in the same millisecond stay in the order they were saved.
    return versions.sort((a, b) => a.createdAt - b.createdAt);
  }

  async loadVersion(docId: ProposalId, versionId: string): Promise<Uint8Array | null> {
    return this.redis.hgetBuffer(this.keys.docVersionStates(docId), versionId);
  }

  /** Waits for the replies still pending, then closes the connection. Idempotent. */
  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

/** The commands hash field of (participant, command id): JSON, so no separator can be ambiguous. */
function commandField(participantId: ParticipantId, commandId: string): string {
  return JSON.stringify([participantId, commandId]);
}
