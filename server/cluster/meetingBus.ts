import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { type MeetingId, meetingIdSchema } from '../../shared';
import type { AdvancedHandler, MeetingBus, MeetingPosition } from '../meeting/bus';
import type { Logger } from '../observability/logger';
import { redisKeys } from '../store/redisKeys';
import type { MeetingStore } from '../store/types';

export interface RedisMeetingBusOptions {
  /** The store whose seqs the poll compares with what the subscribers hold. */
  store: MeetingStore;
  prefix?: string;
  log?: Logger;
  redis?: RedisOptions;
  /**
   * How often every loaded meeting is compared with the store's last seq. Pub/sub drops messages
   * during a Redis blip; the poll (and the next append conflict) catches a process up anyway.
   */
  pollMs?: number;
}

/** A notice on the channel, `[meetingId, seq]`: from another process, still checked (and branded). */
const noticeSchema = z.tuple([meetingIdSchema, z.number()]);

/**
 * The meeting bus over Redis pub/sub: "meeting M advanced to seq N". A notice is only a hint (events
 * are always read from the store), so pub/sub's at-most-once delivery is enough, backed by a poll
 * of the store's seq for the meetings this process holds and a full catch-up after a reconnect.
 */
export class RedisMeetingBus implements MeetingBus {
  /** Each subscriber's handler, and what it holds (for the poll). */
  private readonly subscribers = new Map<AdvancedHandler, () => Iterable<MeetingPosition>>();
  private readonly poll: NodeJS.Timeout;
  /** The meetings the store held at the last poll: one it did not is announced even if not newer. */
  private known = new Set<MeetingId>();

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly channel: string,
    private readonly store: MeetingStore,
    private readonly log?: Logger,
    pollMs = 1000,
  ) {
    this.sub.on('ready', () => void this.check());
    this.poll = setInterval(() => void this.check(), pollMs);
    this.poll.unref();
  }

  static async connect(url: string, options: RedisMeetingBusOptions): Promise<RedisMeetingBus> {
    const channel = redisKeys(options.prefix).meetingBusChannel();
    const pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, ...options.redis });
    const sub = new Redis(url, { lazyConnect: true, ...options.redis });
    for (const conn of [pub, sub])
      conn.on('error', (err) => options.log?.warn({ err }, 'meeting bus redis error'));
    await pub.connect();
    await sub.connect();
    const bus = new RedisMeetingBus(pub, sub, channel, options.store, options.log, options.pollMs);
    sub.on('message', (_channel: string, message: string) => bus.receive(message));
    await sub.subscribe(channel);
    return bus;
  }

  publishAdvanced(meetingId: MeetingId, seq: number): void {
    this.pub.publish(this.channel, JSON.stringify([meetingId, seq])).catch((err) => {
      // The poll delivers what this notice would have.
      this.log?.warn({ err, meetingId, seq }, 'meeting bus publish failed');
    });
  }

  onAdvanced(handler: AdvancedHandler, held: () => Iterable<MeetingPosition>): () => void {
    this.subscribers.set(handler, held);
    return () => {
      this.subscribers.delete(handler);
    };
  }

  /**
   * Compares the meetings the subscribers hold (and any new ones) with the store every `pollMs`, and
   * right after the subscriber connection reconnects, announcing what moved as if a notice had come.
   */
  private async check(): Promise<void> {
    if (this.subscribers.size === 0) return;
    try {
      const ids = new Set([...(await this.store.listMeetings()).map((m) => m.id)]);
      const local = new Map<MeetingId, number>();
      for (const held of this.subscribers.values()) for (const { id, seq } of held()) local.set(id, seq);
      for (const id of ids) {
        const seq = await this.store.lastSeq(id);
        if (seq > (local.get(id) ?? 0) || !this.known.has(id)) this.deliver(id, seq);
      }
      this.known = ids;
    } catch (err) {
      this.log?.debug({ err }, 'meeting bus poll failed (redis unreachable?)');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.poll);
    this.subscribers.clear();
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private receive(message: string): void {
    try {
      const parsed = noticeSchema.safeParse(JSON.parse(message));
      if (parsed.success) this.deliver(...parsed.data);
    } catch {
      // Not ours: ignore.
    }
  }

  private deliver(meetingId: MeetingId, seq: number): void {
    for (const handler of [...this.subscribers.keys()]) handler(meetingId, seq);
  }
}
