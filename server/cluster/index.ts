import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../observability/logger';
import { RedisStore } from '../store/redis';
import { RedisDocFanout } from './docFanout';
import { RedisMeetingBus } from './meetingBus';
import { RedisPresence } from './presence';

/** Everything a process needs to share meetings and texts with the others through one Redis. */
export interface Cluster {
  store: RedisStore;
  bus: RedisMeetingBus;
  fanout: RedisDocFanout;
  presence: RedisPresence;
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * Connects to Redis for scale-out (REDIS_URL). Store commands do not queue while Redis is away: they
 * fail at once, so a command is answered `unavailable` rather than acknowledged late or not at all;
 * ioredis reconnects by itself and the next command goes through.
 */
export async function connectCluster(
  url: string,
  prefix: string,
  log: Logger,
  options: { presenceHeartbeatMs?: number } = {},
): Promise<Cluster> {
  const failFast = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 5000 };
  const store = await RedisStore.connect(url, { prefix, redis: failFast });
  const bus = await RedisMeetingBus.connect(url, { prefix, log });
  const fanout = await RedisDocFanout.connect(url, { prefix, log });
  const presence = await RedisPresence.connect(url, {
    prefix,
    log,
    ...(options.presenceHeartbeatMs
      ? { heartbeatMs: options.presenceHeartbeatMs, deadAfterMs: 3 * options.presenceHeartbeatMs }
      : {}),
  });
  // The Socket.IO adapter reads a Redis stream; it must survive blips, so it keeps its own client.
  const adapterClient = new Redis(url);
  adapterClient.on('error', (err) => log.warn({ err }, 'socket.io adapter redis error'));
  const adapter = createAdapter(adapterClient, { streamName: `${prefix}socket.io` });
  return {
    store,
    bus,
    fanout,
    presence,
    adapter,
    async close() {
      await bus.close();
      await fanout.close();
      adapterClient.disconnect();
      await store.close();
    },
  };
}
