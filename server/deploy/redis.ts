import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { RedisDocFanout } from '../cluster/docFanout';
import { StoreHealth } from '../cluster/health';
import { RedisMeetingBus } from '../cluster/meetingBus';
import { RedisPresence } from '../cluster/presence';
import type { Logger } from '../observability/logger';
import { RedisStore } from '../store/redis';
import type { Deployment } from './types';

export interface RedisDeploymentOptions {
  url: string;
  /** Prefix of every key, so several deployments can share one Redis. */
  prefix: string;
  /** How often a process tells the others it is alive; silent for three of these, it is dead. */
  presenceHeartbeatMs: number;
  log: Logger;
}

/**
 * One of several processes sharing meetings and texts through one Redis (REDIS_URL). Store commands
 * do not queue while Redis is away: they fail at once, so a command is answered `unavailable` rather
 * than acknowledged late or not at all; ioredis reconnects by itself and the next command goes through.
 */
export async function connectRedisDeployment(options: RedisDeploymentOptions): Promise<Deployment> {
  const { url, prefix, presenceHeartbeatMs, log } = options;
  const failFast = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 5000 };
  const store = await RedisStore.connect(url, { prefix, redis: failFast });
  const bus = await RedisMeetingBus.connect(url, { store, prefix, log });
  const fanout = await RedisDocFanout.connect(url, { prefix, log });
  const presence = await RedisPresence.connect(url, {
    prefix,
    log,
    // 0 (unset by mistake) would beat in a busy loop: the registry's defaults instead.
    ...(presenceHeartbeatMs > 0
      ? { heartbeatMs: presenceHeartbeatMs, deadAfterMs: 3 * presenceHeartbeatMs }
      : {}),
  });
  // Unavailable as soon as the store's client loses Redis, ok when it is ready again.
  const health = new StoreHealth();
  health.follow(store.connection);
  // The Socket.IO adapter reads a Redis stream; it must survive blips, so it keeps its own client.
  const adapterClient = new Redis(url);
  adapterClient.on('error', (err) => log.warn({ err }, 'socket.io adapter redis error'));
  return {
    store,
    bus,
    fanout,
    presence,
    // Sweeping once a heartbeat takes a dead process's participants offline within about that long.
    presenceSweepMs: presenceHeartbeatMs,
    health,
    socketIoAdapter: createAdapter(adapterClient, { streamName: `${prefix}socket.io` }),
    async close() {
      health.close();
      await bus.close();
      await fanout.close();
      adapterClient.disconnect();
      await store.close();
    },
  };
}
