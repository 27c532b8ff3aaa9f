import path from 'node:path';
import type { CollabOptions } from './collab/server';
import type { VersionLimits } from './collab/versionQuota';
import type { HttpReadLimits } from './http/readBudget';
import type { RealtimeLimits } from './realtime/limits';
import type { RenderPoolOptions } from './record/renderPool';

/** Runtime settings, all from the environment (see the README's configuration table). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Admin bearer token; generated and kept in DATA_DIR when unset. */
  adminToken: string | undefined;
  /**
   * Bearer token that `GET /metrics` takes besides the admin token, so Prometheus needs no admin
   * powers. Unset: only the admin token.
   */
  metricsToken: string | undefined;
  /** HS256 secret for participant tokens; generated and kept in DATA_DIR when unset. */
  secret: string | undefined;
  /** Origins allowed on the Socket.IO handshake besides the server's own. */
  allowedOrigins: string[];
  /** Base of printed join links; defaults to http://HOST:PORT. */
  publicUrl: string | undefined;
  /** Days a participant token stays valid. */
  tokenDays: number;
  logLevel: string;
  /** Redis for scale-out: several processes share meetings and texts (unset: embedded SQLite). */
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  redisPrefix: string;
  /**
   * With Redis: how often a process tells the others it is alive. A process silent for three of
   * these is taken for dead and its participants go offline.
   */
  presenceHeartbeatMs: number;
  /** `built` serves dist/client; `vite` runs Vite with hot reload in the process (npm run dev). */
  client: 'built' | 'vite';
  /** Co-editing limits and timings (docs/collab.md); unset fields take the defaults. */
  collab?: Partial<CollabOptions>;
  /** Socket.IO limits (docs/protocol.md, "Limits"); unset fields take the defaults. */
  realtime?: Partial<RealtimeLimits>;
  /** Version quotas and save rate (docs/collab.md); unset fields take the defaults. */
  versionLimits?: Partial<VersionLimits>;
  /**
   * The mail server invitations go through, e.g. `smtps://user:pass@smtp.example.org:465` (unset:
   * no e-mail; invitations are downloaded as CSV). Tests pass their own SMTP server's address.
   */
  smtpUrl: string | undefined;
  /** The invitations' sender; unset: `IRM Room <no-reply@…>` at PUBLIC_URL's host. */
  smtpFrom: string | undefined;
  /** Bytes of HTTP meeting and version reads (docs/protocol.md, "Limits"); unset: the defaults. */
  httpReads?: Partial<HttpReadLimits>;
  /** The worker the record's exports are rendered in: timeouts and heap; unset fields take the defaults. */
  recordExports?: Partial<RenderPoolOptions>;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intOr(env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    adminToken: env.IRM_ADMIN_TOKEN || undefined,
    metricsToken: env.IRM_METRICS_TOKEN || undefined,
    secret: env.IRM_SECRET || undefined,
    allowedOrigins: (env.IRM_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    publicUrl: env.PUBLIC_URL || undefined,
    tokenDays: intOr(env.IRM_TOKEN_DAYS, 30),
    logLevel: env.LOG_LEVEL || 'info',
    client: env.IRM_CLIENT === 'vite' ? 'vite' : 'built',
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'irm:',
    presenceHeartbeatMs: intOr(env.IRM_PRESENCE_HEARTBEAT_MS, 5000),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || undefined,
    recordExports: positiveInts({
      timeoutMs: env.IRM_EXPORT_TIMEOUT_MS,
      maxOldGenerationSizeMb: env.IRM_EXPORT_HEAP_MB,
    }),
  };
}

/** The values set to a positive integer, by name; the others are left to their defaults. */
function positiveInts<K extends string>(values: Record<K, string | undefined>): Partial<Record<K, number>> {
  const set: Partial<Record<K, number>> = {};
  for (const [name, value] of Object.entries(values) as Array<[K, string | undefined]>) {
    const n = Number.parseInt(value ?? '', 10);
    if (Number.isFinite(n) && n > 0) set[name] = n;
  }
  return set;
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}
