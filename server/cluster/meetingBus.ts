import { Redis, type RedisOptions } from 'ioredis';
import type { AdvancedHandler, MeetingBus } from '../meeting/bus';
import type { Logger } from '../observability/logger';
import { redisKeys } from '../store/redisKeys';
import type { MeetingStore } from '../store/types';

export interface RedisMeetingBusOptions {
  prefix?: string;
  log?: Logger;
  redis?: RedisOptions;
  /**
   * How often every loaded meeting is compared with the store's last seq. Pub/sub drops messages
   * during a Redis blip; the poll (and the next append conflict) catches a process up anyway.
   */
  pollMs?: number;
}

/**
 * The meeting bus over Redis pub/sub: "meeting M advanced to seq N". A notice is only a hint (events
 * are always read from the store), so pub/sub's at-most-once delivery is enough, backed by a poll
 * of the store's seq for the meetings this process holds and a full catch-up after a reconnect.
 */
export class RedisMeetingBus implements MeetingBus {
  private readonly handlers = new Set<AdvancedHandler>();
  private poll: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly channel: string,
    private readonly log?: Logger,
  ) {}

  static async connect(url: string, options: RedisMeetingBusOptions = {}): Promise<RedisMeetingBus> {
    const channel = redisKeys(options.prefix).meetingBusChannel();
    const pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, ...options.redis });
    const sub = new Redis(url, { lazyConnect: true, ...options.redis });
    for (const conn of [pub, sub])
      conn.on('error', (err) => options.log?.warn({ err }, 'meeting bus redis error'));
    await pub.connect();
    await sub.connect();
    const bus = new RedisMeetingBus(pub, sub, channel, options.log);
    sub.on('message', (_channel: string, message: string) => bus.receive(message));
    await sub.subscribe(channel);
    return bus;
  }

  publishAdvanced(meetingId: string, seq: number): void {
    this.pub.publish(this.channel, JSON.stringify([meetingId, seq])).catch((err) => {
      // The poll delivers what this notice would have.
      this.log?.warn({ err, meetingId, seq }, 'meeting bus publish failed');
    });
  }

  onAdvanced(handler: AdvancedHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /**
   * Compares the meetings this process holds (and any new ones) with the store every `pollMs`, and
   * right after the subscriber reconnects, announcing what moved as if a notice had come.
   */
  watch(store: MeetingStore, loaded: () => Array<{ id: string; seq: number }>, pollMs = 1000): void {
    let known = new Set<string>();
    const check = async () => {
      try {
        const ids = new Set([...(await store.listMeetings()).map((m) => m.id)]);
        const local = new Map(loaded().map((m) => [m.id, m.seq]));
        for (const id of ids) {
          const seq = await store.lastSeq(id);
          if (seq > (local.get(id) ?? 0) || !known.has(id)) this.deliver(id, seq);
        }
        known = ids;
      } catch (err) {
        this.log?.debug({ err }, 'meeting bus poll failed (redis unreachable?)');
      }
    };
    this.sub.on('ready', () => void check());
    this.poll = setInterval(() => void check(), pollMs);
    this.poll.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.poll);
    this.handlers.clear();
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private receive(message: string): void {
    try {
      const [meetingId, seq] = JSON.parse(message) as [unknown, unknown];
      if (typeof meetingId === 'string' && typeof seq === 'number') this.deliver(meetingId, seq);
    } catch {
      // Not ours: ignore.
    }
  }

  private deliver(meetingId: string, seq: number): void {
    for (const handler of [...this.handlers]) handler(meetingId, seq);
  }
}
