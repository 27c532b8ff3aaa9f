import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Redis, type RedisOptions } from 'ioredis';
import type { CompactionResult, DocFanout, FanoutKind, FanoutMessage } from '../collab/fanout';
import type { Logger } from '../observability/logger';
import { type RedisKeys, redisKeys } from '../store/redisKeys';

export interface RedisDocFanoutOptions {
  /** Key prefix, as RedisStore's (default `irm:`). */
  prefix?: string;
  /** This process's id on published entries (a process skips its own); default host:pid:random. */
  instanceId?: string;
  /** Update stream length kept (MAXLEN ~): how far a reader may fall behind. Default 5000. */
  maxLen?: number;
  /** Awareness stream length kept (MAXLEN ~). Default 200. */
  awarenessMaxLen?: number;
  /** Streams of documents nobody publishes to expire after this long. Default 1 day. */
  streamTtlMs?: number;
  /** XREAD BLOCK timeout (a new subscription also wakes the reader with CLIENT UNBLOCK). Default 5 s. */
  blockMs?: number;
  /** Entries read per stream per XREAD. Default 500. */
  readCount?: number;
  /** Compaction lease time to live. Default 30 s. */
  leaseMs?: number;
  /** Passed to ioredis (both connections). */
  redis?: RedisOptions;
  log?: Logger;
}

/** KEYS: lease. ARGV: token. Deletes the lease only if it still holds our token. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * A lease on a key: `SET key token NX PX ttl`, released with a compare-and-delete script, so a
 * holder whose lease expired (and was taken by someone else) cannot release the new holder's.
 */
export class RedisLease {
  constructor(
    private readonly redis: Redis,
    readonly ttlMs: number,
  ) {}

  /** The token when acquired, null when someone else holds the lease. */
  async acquire(key: string): Promise<string | null> {
    const token = randomBytes(16).toString('hex');
    const ok = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    return ok === 'OK' ? token : null;
  }

  /** True when the lease was still ours and is now released. */
  async release(key: string, token: string): Promise<boolean> {
    return Number(await this.redis.eval(RELEASE_LUA, 1, key, token)) === 1;
  }
}

/** The two streams of a document: its updates, and the rest (awareness and version notices). */
type StreamKind = 'update' | 'awareness';

interface Subscription {
  docId: string;
  /** Last entry id seen per stream. */
  cursors: Record<StreamKind, string>;
  onMessage: (message: FanoutMessage) => void;
}

const ZERO = '0-0';

/** Orders Redis stream ids (`ms-seq`). */
function compareStreamIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const d = BigInt(am) - BigInt(bm) || BigInt(as) - BigInt(bs);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const isStreamId = (s: string | undefined): s is string => !!s && /^\d+-\d+$/.test(s);

/**
 * DocFanout over Redis streams (server/collab/fanout.ts): one stream of stored updates and one of
 * awareness per document (`redisKeys.docStream`, `docAwarenessStream`), each entry tagged with the
 * publishing instance. One reader loop per process (XREAD BLOCK on a dedicated connection) reads the
 * streams of every document this process has loaded; a new subscription interrupts the blocked read
 * (CLIENT UNBLOCK) so it starts at once. Compaction leases: {@link RedisLease}.
 *
 * Limits (see the report / docs): streams are trimmed (MAXLEN ~), so a process that falls more than
 * `maxLen` entries behind on a document misses those updates until it reloads the document; an update
 * whose process dies between storing it and publishing it reaches the other processes only when its
 * author reconnects (y-websocket resends it) or they reload the document.
 */
export class RedisDocFanout implements DocFanout {
  readonly instanceId: string;
  readonly lease: RedisLease;
  private readonly keys: RedisKeys;
  private readonly subs = new Map<number, Subscription>();
  private nextSub = 0;
  private readerId: number | null = null;
  private blocked = false;
  private closed = false;
  private idle: (() => void) | null = null;
  private readonly loop: Promise<void>;
  private readonly opts: Required<Omit<RedisDocFanoutOptions, 'prefix' | 'instanceId' | 'redis' | 'log'>>;

  private constructor(
    private readonly cmd: Redis,
    private readonly reader: Redis,
    private readonly log: Logger | undefined,
    options: RedisDocFanoutOptions,
  ) {
    this.keys = redisKeys(options.prefix);
    this.instanceId =
      options.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.opts = {
      maxLen: options.maxLen ?? 5000,
      awarenessMaxLen: options.awarenessMaxLen ?? 200,
      streamTtlMs: options.streamTtlMs ?? 86_400_000,
      blockMs: options.blockMs ?? 5000,
      readCount: options.readCount ?? 500,
      leaseMs: options.leaseMs ?? 30_000,
    };
    this.lease = new RedisLease(cmd, this.opts.leaseMs);
    reader.on('ready', () => {
      reader.client('ID').then(
        (id) => {
          this.readerId = Number(id);
        },
        () => {},
      );
    });
    this.loop = this.run();
  }

  /** Opens the two connections (commands, and the blocking reader) and starts the reader loop. */
  static async connect(url: string, options: RedisDocFanoutOptions = {}): Promise<RedisDocFanout> {
    const cmd = new Redis(url, { lazyConnect: true, ...options.redis });
    const reader = new Redis(url, { lazyConnect: true, ...options.redis });
    for (const [name, conn] of [
      ['commands', cmd],
      ['reader', reader],
    ] as const) {
      conn.on('error', (error) => options.log?.warn({ err: error, conn: name }, 'doc fanout redis error'));
    }
    try {
      await cmd.connect();
      await reader.connect();
    } catch (error) {
      cmd.disconnect();
      reader.disconnect();
      throw error;
    }
    const fanout = new RedisDocFanout(cmd, reader, options.log, options);
    fanout.readerId = Number(await reader.client('ID'));
    return fanout;
  }

  async position(docId: string): Promise<string> {
    const results = await this.cmd
      .pipeline()
      .xrevrange(this.keys.docStream(docId), '+', '-', 'COUNT', 1)
      .xrevrange(this.keys.docAwarenessStream(docId), '+', '-', 'COUNT', 1)
      .exec();
    if (!results) throw new Error(`doc ${docId}: position pipeline aborted`);
    const ids = results.map(([error, value]) => {
      if (error) throw error;
      return (value as Array<[string, string[]]>)[0]?.[0] ?? ZERO;
    });
    return `${ids[0]} ${ids[1]}`;
  }

  async publish(docId: string, message: FanoutMessage): Promise<void> {
    const update = message.kind === 'update';
    // Version notices ride the awareness stream: short-lived, and nobody catches up on them from
    // far back (a client that reconnects reads the list again).
    const key = update ? this.keys.docStream(docId) : this.keys.docAwarenessStream(docId);
    const maxLen = update ? this.opts.maxLen : this.opts.awarenessMaxLen;
    const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
    const kind = message.kind === 'version' ? ['k', 'version'] : [];
    const results = await this.cmd
      .pipeline()
      .xadd(key, 'MAXLEN', '~', maxLen, '*', 'i', this.instanceId, ...kind, 'd', data)
      .pexpire(key, this.opts.streamTtlMs)
      .exec();
    for (const [error] of results ?? []) if (error) throw error;
  }

  subscribe(docId: string, from: string, onMessage: (message: FanoutMessage) => void): () => void {
    const [u, a] = from.split(' ');
    const id = ++this.nextSub;
    this.subs.set(id, {
      docId,
      cursors: { update: isStreamId(u) ? u : ZERO, awareness: isStreamId(a) ? a : ZERO },
      onMessage,
    });
    this.wake();
    return () => {
      this.subs.delete(id);
    };
  }

  async withCompactionLease<T>(docId: string, fn: () => Promise<T>): Promise<CompactionResult<T>> {
    const key = this.keys.docCompactionLease(docId);
    const token = await this.lease.acquire(key);
    if (token === null) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await this.lease.release(key, token).catch((error) => {
        this.log?.warn({ err: error, doc: docId }, 'compaction lease not released; it expires');
      });
    }
  }

  /** Stops the reader loop and closes both connections. Subscriptions end. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return this.loop;
    this.closed = true;
    this.subs.clear();
    this.idle?.();
    this.reader.disconnect();
    await this.loop;
    try {
      await this.cmd.quit();
    } catch {
      this.cmd.disconnect();
    }
  }

  /** Lets the reader see a new subscription now instead of after its current BLOCK. */
  private wake(): void {
    if (this.idle) {
      this.idle();
      return;
    }
    if (this.blocked && this.readerId !== null) {
      this.cmd.client('UNBLOCK', this.readerId).catch(() => {});
    }
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      if (this.subs.size === 0) {
        await new Promise<void>((resolve) => {
          this.idle = resolve;
        });
        this.idle = null;
        continue;
      }
      // Per stream: the oldest cursor of the subscriptions on it.
      const streams = new Map<string, { docId: string; kind: StreamKind; from: string }>();
      for (const sub of this.subs.values()) {
        for (const kind of ['update', 'awareness'] as const) {
          const key =
            kind === 'update' ? this.keys.docStream(sub.docId) : this.keys.docAwarenessStream(sub.docId);
          const seen = streams.get(key);
          if (!seen || compareStreamIds(sub.cursors[kind], seen.from) < 0)
            streams.set(key, { docId: sub.docId, kind, from: sub.cursors[kind] });
        }
      }
      const keys = [...streams.keys()];
      let reply: unknown;
      try {
        this.blocked = true;
        reply = await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          this.opts.readCount,
          'BLOCK',
          this.opts.blockMs,
          'STREAMS',
          ...keys,
          ...keys.map((k) => streams.get(k)!.from),
        );
      } catch (error) {
        if (this.closed) break;
        this.log?.warn({ err: error }, 'doc fanout read failed; retrying');
        await new Promise((r) => setTimeout(r, 200));
        continue;
      } finally {
        this.blocked = false;
      }
      if (!Array.isArray(reply)) continue; // timeout, or woken for a new subscription
      for (const [keyBuf, entries] of reply as Array<[Buffer, Array<[Buffer, Buffer[]]>]>) {
        const stream = streams.get(keyBuf.toString());
        if (!stream) continue;
        for (const [idBuf, fields] of entries)
          this.dispatch(stream.docId, stream.kind, idBuf.toString(), fields);
      }
    }
  }

  private dispatch(docId: string, stream: StreamKind, id: string, fields: Buffer[]): void {
    let instance: string | undefined;
    let data: Buffer | undefined;
    let kind: FanoutKind = stream;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]!.toString();
      if (name === 'i') instance = fields[i + 1]!.toString();
      else if (name === 'd') data = fields[i + 1];
      else if (name === 'k' && fields[i + 1]!.toString() === 'version') kind = 'version';
    }
    for (const sub of this.subs.values()) {
      if (sub.docId !== docId || compareStreamIds(id, sub.cursors[stream]) <= 0) continue;
      sub.cursors[stream] = id;
      if (instance === this.instanceId || !data) continue; // our own, already applied here
      try {
        sub.onMessage({ kind, data: new Uint8Array(data) });
      } catch (error) {
        this.log?.error({ err: error, doc: docId }, 'doc fanout subscriber failed');
      }
    }
  }
}
