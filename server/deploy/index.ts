import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { openEmbeddedDeployment } from './embedded';
import { connectRedisDeployment } from './redis';
import type { Deployment } from './types';

export type { Deployment } from './types';

/**
 * The one place that chooses how this process runs: alone on a SQLite file in DATA_DIR, or as one of
 * several processes over the Redis at REDIS_URL.
 */
export async function openDeployment(config: Config, log: Logger): Promise<Deployment> {
  if (!config.redisUrl) return openEmbeddedDeployment(config.dataDir);
  return connectRedisDeployment({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    presenceHeartbeatMs: config.presenceHeartbeatMs,
    log,
  });
}
