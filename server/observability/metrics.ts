import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics. Default Node metrics include `nodejs_eventloop_lag_seconds`.
 * One registry per server instance, so tests running several servers do not collide.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({
    name: 'irm_socket_connections',
    help: 'Open Socket.IO connections',
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'irm_commands_total',
    help: 'Meeting commands by type and result (ok or error code)',
    labelNames: ['type', 'result'] as const,
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'irm_command_duration_seconds',
    help: 'Time from receiving a command to its ack (includes the durable write)',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly appendBatch = new Histogram({
    name: 'irm_store_append_batch_events',
    help: 'Events per durable append (group commit size)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [this.registry],
  });
  readonly appendConflicts = new Counter({
    name: 'irm_store_append_conflicts_total',
    help: 'Meeting appends refused because another process appended first (decided again after catching up)',
    registers: [this.registry],
  });
  readonly storeAvailable = new Gauge({
    name: 'irm_store_available',
    help: 'Whether this process can reach its store: 1, or 0 while the shared Redis is unreachable',
    registers: [this.registry],
  });

  /** What `irm_socket_buffered_bytes` reports: set by the Socket.IO gateway. */
  bufferedBytes: () => number = () => 0;
  readonly socketBuffered = (() => {
    const metrics = this;
    return new Gauge({
      name: 'irm_socket_buffered_bytes',
      help: 'Bytes queued for Socket.IO clients and not yet sent (all connections of this process)',
      registers: [this.registry],
      collect() {
        this.set(metrics.bufferedBytes());
      },
    });
  })();
  readonly disconnects = new Counter({
    name: 'irm_disconnects_total',
    help: 'Connections the server closed because of a limit, by channel (socket.io, collab) and reason',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'irm_refusals_total',
    help: 'Refused Socket.IO handshakes and /collab upgrades, by channel and reason',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  readonly collabConnections = new Gauge({
    name: 'irm_collab_connections',
    help: 'Open co-editing (y-websocket) connections',
    registers: [this.registry],
  });
  readonly collabDocuments = new Gauge({
    name: 'irm_collab_documents',
    help: 'Proposal documents loaded in memory',
    registers: [this.registry],
  });
  readonly collabUpdates = new Counter({
    name: 'irm_collab_updates_total',
    help: 'Co-editing messages by result: applied, read_only, invalid, malformed, over_limit, unjudged, rate_limited, store_failed',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  /**
   * The process's peak resident set (getrusage maxRSS), read at each scrape: prom-client's
   * `process_resident_memory_bytes` is only the current RSS, and the benchmarks report the peak.
   */
  readonly peakRss = new Gauge({
    name: 'irm_process_peak_rss_bytes',
    help: 'Peak resident set size of this process, in bytes (getrusage maxRSS)',
    registers: [this.registry],
    collect() {
      this.set(process.resourceUsage().maxRSS * 1024);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
