import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { z } from 'zod';
import {
  type Ack,
  type ClientToServerEvents,
  COMMAND_TYPES,
  commandSchema,
  type ErrorCode,
  PROTOCOL_VERSION,
  refuse,
  resyncSchema,
  type ServerToClientEvents,
  type SnapshotMessage,
  type StoredEvent,
} from '../../shared';
import type { ParticipantClaims, TokenService } from '../auth/tokens';
import type { StoreHealth } from '../cluster/health';
import type { EventSink, MeetingRoom } from '../meeting/room';
import type { MeetingService } from '../meeting/service';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { originAllowed } from './origin';
import { TokenBucket } from './rateLimit';

export interface RealtimeOptions {
  allowedOrigins: readonly string[];
  /** Largest Socket.IO message accepted, in bytes. */
  maxMessageBytes?: number;
  /** Commands per socket: burst and sustained rate. */
  rate?: { burst: number; perSecond: number };
  /**
   * A Socket.IO adapter shared by several processes (the Redis streams adapter when REDIS_URL is
   * set). Meeting events are still emitted to this process's own sockets only: every process
   * catches up from the store and publishes each event once, in seq order, to the clients it holds,
   * so relaying them through the adapter as well would deliver them twice.
   */
  adapter?: ServerOptions['adapter'];
  /**
   * Whether the store can be reached: each change goes to this process's own sockets as `status`
   * (every process tells its own clients about its own store connection), and a socket that connects
   * while it is not `ok` is told at once. A command that fails with an error is reported to it.
   */
  storeHealth?: Pick<StoreHealth, 'state' | 'onChange' | 'failed'>;
}

interface SocketData {
  claims: ParticipantClaims;
  batch: boolean;
  bucket: TokenBucket;
  strikes: number;
}

type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const roomName = (meetingId: string) => `meeting:${meetingId}`;
const batchedRoomName = (meetingId: string) => `meeting:${meetingId}:batched`;
/**
 * Batched clients get the first events at once, then at most one `events` message per window while
 * events keep coming: under a burst, each client gets ~1000/BATCH_WINDOW_MS messages a second instead
 * of one per event, which is what keeps a 1000-client burst within its latency budget.
 */
const BATCH_WINDOW_MS = 25;
/** Rate-limited messages a socket may send past its budget before it is disconnected. */
const MAX_STRIKES = 200;

/**
 * Socket.IO edge: authenticates the handshake, validates every message, rate-limits, and passes
 * commands to the meeting service. It is also the service's event sink: stored events go to the
 * meeting's Socket.IO room, once each, in seq order.
 */
export class RealtimeGateway implements EventSink {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  private service: MeetingService | undefined;
  private readonly batches = new Map<string, { pending: StoredEvent[]; timer: NodeJS.Timeout }>();
  private readonly unwatchStore: (() => void) | undefined;

  constructor(
    httpServer: HttpServer,
    private readonly tokens: TokenService,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RealtimeOptions,
  ) {
    this.io = new Server(httpServer, {
      maxHttpBufferSize: options.maxMessageBytes ?? 16 * 1024,
      allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins)),
      cors: { origin: [...options.allowedOrigins], credentials: false },
      serveClient: false,
      ...(options.adapter ? { adapter: options.adapter } : {}),
    });
    this.io.use((socket, next) => {
      void this.authenticate(socket).then(
        (error) => next(error ?? undefined),
        () => next(new Error('unauthorized')),
      );
    });
    this.io.on('connection', (socket) => {
      this.handleConnection(socket);
      const store = options.storeHealth?.state ?? 'ok';
      if (store !== 'ok') socket.emit('status', { store });
    });
    this.unwatchStore = options.storeHealth?.onChange((store) => this.io.local.emit('status', { store }));
  }

  attach(service: MeetingService): void {
    this.service = service;
  }

  publish(meetingId: string, events: readonly StoredEvent[]): void {
    const room = this.io.local.to(roomName(meetingId));
    for (const event of events) room.emit('event', event);
    const batch = this.batches.get(meetingId);
    if (batch) {
      batch.pending.push(...events);
      return;
    }
    this.io.local.to(batchedRoomName(meetingId)).emit('events', [...events]);
    this.batches.set(meetingId, {
      pending: [],
      timer: setTimeout(() => this.flushBatch(meetingId), BATCH_WINDOW_MS),
    });
  }

  /** Sends what the window held back; keeps the window open while events keep coming. */
  private flushBatch(meetingId: string): void {
    const batch = this.batches.get(meetingId);
    if (!batch) return;
    clearTimeout(batch.timer);
    if (batch.pending.length === 0) {
      this.batches.delete(meetingId);
      return;
    }
    this.io.local.to(batchedRoomName(meetingId)).emit('events', batch.pending);
    batch.pending = [];
    batch.timer = setTimeout(() => this.flushBatch(meetingId), BATCH_WINDOW_MS);
  }

  async close(): Promise<void> {
    this.unwatchStore?.();
    for (const meetingId of [...this.batches.keys()]) this.flushBatch(meetingId);
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
    await this.io.close();
  }

  private async authenticate(socket: RoomSocket): Promise<Error | null> {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; protocol?: unknown };
    if (auth.protocol !== undefined && auth.protocol !== PROTOCOL_VERSION)
      return new Error('protocol_mismatch');
    const claims = await this.tokens.verify(auth.token);
    if (!claims || !this.service) return new Error('unauthorized');
    const sinceSeq = (auth as { sinceSeq?: unknown }).sinceSeq;
    let room: MeetingRoom | undefined;
    try {
      // Another process may have created the meeting, or served this client a later seq, moments ago.
      room = await this.service.ensureRoom(claims.meetingId, typeof sinceSeq === 'number' ? sinceSeq : 0);
    } catch (error) {
      this.log.warn({ err: error }, 'meeting could not be loaded for a handshake');
      return new Error('unavailable');
    }
    if (!room) return new Error('unauthorized');
    const known = () => claims.view || room.state.participants.some((p) => p.id === claims.participantId);
    // A participant added on another process a moment ago: catch up once before refusing.
    if (!known()) await this.service.refresh(claims.meetingId).catch(() => undefined);
    if (!known()) {
      return new Error('unauthorized');
    }
    const rate = this.options.rate ?? { burst: 20, perSecond: 5 };
    socket.data = {
      claims,
      batch: (auth as { batch?: unknown }).batch === true,
      bucket: new TokenBucket(rate.burst, rate.perSecond),
      strikes: 0,
    };
    return null;
  }

  private handleConnection(socket: RoomSocket): void {
    const { meetingId, participantId } = socket.data.claims;
    this.metrics.connections.inc();
    // Join and catch up in the same tick: every later event has a higher seq than what is sent here.
    // Held-back batched events are older than that, so they go out to the others first.
    if (socket.data.batch) this.flushBatch(meetingId);
    void socket.join(socket.data.batch ? batchedRoomName(meetingId) : roomName(meetingId));
    this.catchUp(socket);
    const view = socket.data.claims.view === true;
    if (!view) this.service?.connectionChanged(meetingId, participantId, +1);

    socket.on('command', (payload, ack) => void this.handleCommand(socket, payload, ack));
    socket.on('resync', (payload, ack) => this.handleResync(socket, payload, ack));
    socket.on('clock', (ack) => {
      if (typeof ack === 'function' && socket.data.bucket.take()) ack(Date.now());
    });
    socket.on('disconnect', () => {
      this.metrics.connections.dec();
      if (!view) this.service?.connectionChanged(meetingId, participantId, -1);
    });
  }

  /**
   * A reconnecting client names the last seq it holds (`auth.sinceSeq`) and gets only the events it
   * missed; anyone else, or a client too far behind, gets a snapshot.
   */
  private catchUp(socket: RoomSocket): void {
    const sinceSeq = (socket.handshake.auth as { sinceSeq?: unknown } | undefined)?.sinceSeq;
    const room = this.service!.room(socket.data.claims.meetingId)!;
    const missing =
      typeof sinceSeq === 'number' && Number.isInteger(sinceSeq) && sinceSeq >= 0 && sinceSeq <= room.seq
        ? room.eventsSince(sinceSeq)
        : null;
    if (missing === null) return void socket.emit('snapshot', this.snapshot(socket));
    if (socket.data.batch) {
      if (missing.length > 0) socket.emit('events', missing);
    } else for (const event of missing) socket.emit('event', event);
  }

  private async handleCommand(socket: RoomSocket, payload: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function') return; // a command without an ack callback cannot be answered
    const reply = ack as (ack: Ack) => void;
    const started = performance.now();
    const type = commandType(payload);
    const answer = (result: Ack) => {
      this.metrics.commands.inc({ type, result: result.ok ? 'ok' : result.error.code });
      this.metrics.commandSeconds.observe({ type }, (performance.now() - started) / 1000);
      reply(result);
    };
    if (!socket.data.bucket.take()) {
      if (++socket.data.strikes > MAX_STRIKES) socket.disconnect(true);
      return answer(refusal('rate_limited', 'too many commands; slow down'));
    }
    const parsed = commandSchema.safeParse(payload);
    if (!parsed.success) return answer(refusal('invalid', describeIssues(parsed.error)));
    const { meetingId, participantId, view } = socket.data.claims;
    if (view) return answer(refusal('forbidden', 'the projector view is read-only'));
    try {
      answer(await this.service!.submitCommand(meetingId, participantId, parsed.data));
    } catch (error) {
      this.log.error({ err: error, type }, 'command failed');
      this.options.storeHealth?.failed(error);
      answer(refusal('unavailable', 'the server could not handle the command; nothing was applied'));
    }
  }

  private handleResync(socket: RoomSocket, payload: unknown, ack: unknown): void {
    const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : () => {};
    if (!socket.data.bucket.take()) return reply({ ok: false, error: refuse('rate_limited', 'slow down') });
    const parsed = resyncSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: refuse('invalid', describeIssues(parsed.error)) });
    const { meetingId } = socket.data.claims;
    // Anything held back for batching goes out first, so the missed events come after it in order.
    if (socket.data.batch) this.flushBatch(meetingId);
    const room = this.service!.room(meetingId)!;
    const missing = room.eventsSince(parsed.data.sinceSeq);
    if (missing === null) {
      socket.emit('snapshot', this.snapshot(socket));
      return reply({ ok: true, mode: 'snapshot' });
    }
    if (socket.data.batch) socket.emit('events', missing);
    else for (const event of missing) socket.emit('event', event);
    reply({ ok: true, mode: 'events' });
  }

  private snapshot(socket: RoomSocket): SnapshotMessage {
    const { meetingId, participantId } = socket.data.claims;
    const room = this.service!.room(meetingId)!;
    const you = room.state.participants.find((p) => p.id === participantId);
    return {
      seq: room.seq,
      serverTime: Date.now(),
      meeting: room.state,
      you: you ? { participantId: you.id, role: you.role } : { participantId: null, role: 'viewer' },
    };
  }
}

/** Metric labels only for real command types, so junk payloads cannot blow up label cardinality. */
const KNOWN_TYPES = new Set<string>(COMMAND_TYPES);

const refusal = (code: ErrorCode, message: string): Ack => ({ ok: false, error: refuse(code, message) });

function commandType(payload: unknown): string {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'unknown';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}
