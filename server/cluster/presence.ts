import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { MeetingId, ParticipantId } from '../../shared';
import { ConnectionCounts, type PresenceRegistry } from '../meeting/presence';
import type { Logger } from '../observability/logger';
import { redisKeys } from '../store/redisKeys';

export interface RedisPresenceOptions {
  prefix?: string;
  log?: Logger;
  redis?: RedisOptions;
  /** How often this process says it is alive (default 5 s). */
  heartbeatMs?: number;
  /** A process not heard of for this long is dead and its connections no longer count (default 15 s). */
  deadAfterMs?: number;
}

/**
 * Presence shared through Redis. Each process keeps its own connection counts in memory (the truth
 * for its sockets) and mirrors them into one hash per meeting, field `process|participant`; a sorted
 * set of process heartbeats tells live processes from dead ones. When Redis comes back after a blip
 * (or restarts empty), the process writes its counts again, so nothing depends on writes made while
 * Redis was away.
 */
export class RedisPresence implements PresenceRegistry {
  private readonly counts = new ConnectionCounts();
  private readonly keys: ReturnType<typeof redisKeys>;
  private readonly processId = randomBytes(8).toString('hex');
  private readonly heartbeatMs: number;
  private readonly deadAfterMs: number;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Counts whose write failed (Redis away), written again by the next `beat`; key `meeting\0participant`. */
  private readonly unsynced = new Map<string, [MeetingId, ParticipantId]>();

  private constructor(
    private readonly redis: Redis,
    options: RedisPresenceOptions,
    private readonly log?: Logger,
  ) {
    this.keys = redisKeys(options.prefix);
    this.heartbeatMs = options.heartbeatMs ?? 5000;
    this.deadAfterMs = options.deadAfterMs ?? 15_000;
  }

  static async connect(url: string, options: RedisPresenceOptions = {}): Promise<RedisPresence> {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      ...options.redis,
    });
    redis.on('error', (err) => options.log?.debug({ err }, 'presence redis error'));
    await redis.connect();
    const presence = new RedisPresence(redis, options, options.log);
    // After a reconnect (Redis may have restarted empty): a beat at once, not at the next tick.
    redis.on('ready', () => void presence.beat());
    await presence.beat();
    presence.heartbeat = setInterval(() => void presence.beat(), presence.heartbeatMs);
    presence.heartbeat.unref();
    return presence;
  }

  async change(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): Promise<void> {
    const count = this.counts.change(meetingId, participantId, delta);
    const key = this.keys.meetingPresence(meetingId);
    const field = this.field(participantId);
    try {
      if (count > 0) await this.redis.hset(key, field, count);
      else await this.redis.hdel(key, field);
    } catch (err) {
      // Written again by the next beat (at once when Redis is back).
      this.unsynced.set(`${meetingId}\0${participantId}`, [meetingId, participantId]);
      this.log?.debug({ err }, 'presence write failed');
    }
  }

  async online(meetingId: MeetingId): Promise<ReadonlySet<string>> {
    const key = this.keys.meetingPresence(meetingId);
    const [[fieldsError, fields], [aliveError, alive]] = (await this.redis
      .multi()
      .hgetall(key)
      .zrangebyscore(this.keys.processes(), Date.now() - this.deadAfterMs, '+inf')
      .exec()) as [[Error | null, Record<string, string>], [Error | null, string[]]];
    if (fieldsError || aliveError) throw fieldsError ?? aliveError;
    const live = new Set(alive);
    const online = new Set<string>();
    const dead: string[] = [];
    for (const field of Object.keys(fields)) {
      const at = field.indexOf('|');
      if (live.has(field.slice(0, at))) online.add(field.slice(at + 1));
      else dead.push(field);
    }
    // Another process's counts from before it died: tidy them away.
    if (dead.length > 0) this.redis.hdel(key, ...dead).catch(() => {});
    // Our own connections count even if our last write has not landed yet.
    for (const participantId of this.counts.participants(meetingId)) online.add(participantId);
    return online;
  }

  async claimSweep(): Promise<boolean> {
    const ok = await this.redis.set(
      this.keys.presenceSweepLease(),
      this.processId,
      'PX',
      // Held a little less than one round, so the next round finds it free.
      Math.max(50, Math.floor(this.heartbeatMs * 0.9)),
      'NX',
    );
    return ok === 'OK';
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    try {
      // Gone at once for the others, rather than after `deadAfterMs`.
      await this.redis.zrem(this.keys.processes(), this.processId);
    } catch {
      // Redis away: the heartbeat simply stops and the process is dead after `deadAfterMs`.
    }
    this.redis.disconnect();
  }

  private field(participantId: ParticipantId): string {
    return `${this.processId}|${participantId}`;
  }

  /**
   * Says this process is alive and, in the same transaction, writes its counts again (and the
   * deletions that failed while Redis was away). Every beat, not only after a reconnect: a process
   * that another one took for dead (a heartbeat more than `deadAfterMs` late: a stall, or a slower
   * reconnect than the sweeper's after a Redis restart) has had its fields deleted by that process's
   * `online`, possibly after this one's last reconnect, and nothing else would write them back while
   * its connections last: its participants would stay offline.
   */
  private async beat(): Promise<void> {
    const unsynced = [...this.unsynced.entries()];
    this.unsynced.clear();
    try {
      const now = Date.now();
      const tx = this.redis
        .multi()
        .zadd(this.keys.processes(), now, this.processId)
        // Processes gone for an hour: nobody needs their entry any more.
        .zremrangebyscore(this.keys.processes(), '-inf', now - 3_600_000);
      for (const [meetingId, participantId, count] of this.counts.entries()) {
        tx.hset(this.keys.meetingPresence(meetingId), this.field(participantId), count);
      }
      for (const [, [meetingId, participantId]] of unsynced) {
        if (!this.counts.participants(meetingId).has(participantId)) {
          tx.hdel(this.keys.meetingPresence(meetingId), this.field(participantId));
        }
      }
      const results = await tx.exec();
      if (!results || results.some(([error]) => error))
        throw new Error('presence heartbeat transaction failed');
    } catch (err) {
      // Written at the next beat or reconnect.
      for (const [key, entry] of unsynced) if (!this.unsynced.has(key)) this.unsynced.set(key, entry);
      this.log?.debug({ err }, 'presence heartbeat failed');
    }
  }
}
