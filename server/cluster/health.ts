import type { StoreState } from '../../shared';

/** What StoreHealth needs of the store's ioredis client (RedisStore.connection). */
export interface RedisConnection {
  /** ioredis's connection status: `ready` when commands can be sent. */
  readonly status: string;
  on(event: 'ready' | 'close' | 'end' | 'error', listener: () => void): unknown;
  off(event: 'ready' | 'close' | 'end' | 'error', listener: () => void): unknown;
  ping(): Promise<unknown>;
}

/** How often a store that failed a call while its connection looked fine is pinged, in ms. */
const PROBE_EVERY_MS = 1000;

/** Messages and error codes of ioredis and Node when Redis cannot be reached (ioredis 5). */
const UNREACHABLE_MESSAGES = new Set([
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
  'connect ETIMEDOUT',
]);
const UNREACHABLE_NAMES = new Set(['MaxRetriesPerRequestError', 'AbortError']);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
]);

/**
 * True when `error` (or an error it wraps as `cause`) says the store could not be reached, as opposed
 * to the store answering with a refusal (a Lua script's error reply, a seq conflict).
 */
export function isUnreachableError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (UNREACHABLE_MESSAGES.has(e.message) || UNREACHABLE_NAMES.has(e.name)) return true;
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    e = e.cause;
  }
  return false;
}

/**
 * Whether this process can reach its store, for its clients (the `status` message), the load balancer
 * (`/healthz`) and the metrics. The embedded SQLite store is always `ok` (nothing follows it).
 *
 * With Redis it follows the store's client: `unavailable` as soon as the connection closes or fails
 * to connect, `ok` when it is ready again. A store call that fails for want of Redis (`failed`) also
 * turns it `unavailable`, since a Redis that stops answering may keep its connection open; a
 * successful append (`succeeded`) or a ping, tried every second meanwhile, turns it `ok` again.
 */
export class StoreHealth {
  private current: StoreState = 'ok';
  private readonly listeners = new Set<(state: StoreState) => void>();
  private connection: RedisConnection | undefined;
  private detach: (() => void) | undefined;
  private probe: NodeJS.Timeout | undefined;

  get state(): StoreState {
    return this.current;
  }

  /** Calls `listener` on every change; returns the unsubscribe. */
  onChange(listener: (state: StoreState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows the store's Redis connection (once). */
  follow(connection: RedisConnection): void {
    this.detach?.();
    this.connection = connection;
    const ready = () => this.set('ok');
    const lost = () => this.set('unavailable');
    // ioredis emits `error` for failed connection attempts; an error while ready is not a lost connection.
    const error = () => {
      if (connection.status !== 'ready') lost();
    };
    connection.on('ready', ready);
    connection.on('close', lost);
    connection.on('end', lost);
    connection.on('error', error);
    this.detach = () => {
      connection.off('ready', ready);
      connection.off('close', lost);
      connection.off('end', lost);
      connection.off('error', error);
    };
    this.set(connection.status === 'ready' ? 'ok' : 'unavailable');
  }

  /**
   * A store call failed: counts only when the store could not be reached (see isUnreachableError),
   * or the connection is not ready; a refusal by a reachable store changes nothing. Without a
   * followed connection (the embedded SQLite store) nothing counts.
   */
  failed(error: unknown): void {
    if (!this.connection) return;
    if (!isUnreachableError(error) && this.connection.status === 'ready') return;
    this.set('unavailable');
    this.startProbe();
  }

  /** A store write went through. */
  succeeded(): void {
    this.set('ok');
  }

  /** Stops following the connection and calling listeners. */
  close(): void {
    this.detach?.();
    this.detach = undefined;
    this.stopProbe();
    this.listeners.clear();
  }

  private set(state: StoreState): void {
    if (state === 'ok') this.stopProbe();
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  /** While unavailable with a connection that looks ready (no `ready` event will come), pings it. */
  private startProbe(): void {
    const connection = this.connection;
    if (!connection || this.probe) return;
    this.probe = setInterval(() => {
      if (connection.status !== 'ready') return; // the `ready` event will tell
      connection.ping().then(
        () => this.set('ok'),
        () => {},
      );
    }, PROBE_EVERY_MS);
    this.probe.unref();
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }
}
