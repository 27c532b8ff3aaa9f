import type { Rate } from '../limits/budget';

/**
 * Socket.IO limits (docs/protocol.md, "Limits"). Per participant means per token: every connection
 * of one participant to this process shares it; the projector's view token is one participant per
 * meeting. With several processes behind a balancer, each process applies them on its own.
 */
export interface RealtimeLimits {
  /** Connections per participant; a newer one closes the oldest (`closing` reason `replaced`). */
  maxConnections: number;
  /** Handshakes per participant (refused with connect_error `rate_limited`). */
  handshakes: Rate;
  /** Messages per participant: commands, `resync` and `clock` together. */
  messages: Rate;
  /** Bytes of catch-up answers per participant: snapshots and the events of `resync`. */
  resyncBytes: Rate;
  /** A `resync` (or a reconnect's `sinceSeq`) missing more events than this gets a snapshot. */
  maxResyncEvents: number;
  /** Unsent bytes a connection may leave queued; beyond, it is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** Messages refused as rate-limited that one connection may send before it is disconnected. */
  maxStrikes: number;
}

const MiB = 1024 * 1024;

/** The limits every server applies unless configured otherwise (`Config.realtime`). */
export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  maxConnections: 4,
  handshakes: { burst: 20, perSecond: 2 },
  messages: { burst: 30, perSecond: 10 },
  resyncBytes: { burst: 4 * MiB, perSecond: 1 * MiB },
  maxResyncEvents: 500,
  maxBufferedBytes: 2 * MiB,
  maxStrikes: 200,
};
