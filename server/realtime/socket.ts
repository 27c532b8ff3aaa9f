import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { z } from 'zod';
import {
  type Ack,
  type ClientToServerEvents,
  COMMAND_TYPES,
  CONNECT_ERRORS,
  commandSchema,
  DISCONNECT_REASONS,
  type DisconnectReason,
  type ErrorCode,
  type Handshake,
  type MeetingId,
  refuse,
  resyncSchema,
  type ServerToClientEvents,
  type SnapshotMessage,
  type StoredEvent,
} from '../../shared';
import { mayCatchUp, tokenCurrent } from '../auth/current';
import type { ParticipantClaims, TokenService } from '../auth/tokens';
import type { StoreHealth } from '../cluster/health';
import { type ParticipantEntry, ParticipantLimits, participantKey } from '../limits/participants';
import { RefusalLog, remoteOf } from '../limits/refusals';
import type { MeetingRoom } from '../meeting/room';
import type { MeetingService } from '../meeting/service';
import { MeetingUnreadable } from '../meeting/unreadable';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { commandWithText } from './commandText';
import { type HandshakeRefusal, readHandshake, refusedAs } from './handshake';
import { DEFAULT_REALTIME_LIMITS, type RealtimeLimits } from './limits';
import { originAllowed } from './origin';
import { dropConnection, OutboundGuard } from './outbound';
import { Revocations, type RevokedReason, staleReason } from './revocations';
import { eventsForRoom, meetingForRoom } from './roomView';
import type { TextFactsSource } from './textFactsSource';

export interface RealtimeOptions {
  allowedOrigins: readonly string[];
  /** Largest Socket.IO message accepted, in bytes. */
  maxMessageBytes?: number;
  /** Per-participant and per-connection limits (docs/protocol.md, "Limits"); unset: the defaults. */
  limits?: Partial<RealtimeLimits>;
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
  /**
   * Runs a command whose decision needs what a proposal's text says (`needsTextFacts`) with the
   * text's facts, in a turn of the co-editing server's document (`CollabServer.withTextFacts`);
   * unset: those commands are refused "could not be read".
   */
  textFacts?: TextFactsSource;
  /** The server's clock (ms since the epoch) as `clock` answers and snapshots tell it; default Date.now. */
  now?: () => number;
}

type Budgets = 'messages' | 'resyncBytes';

interface SocketData {
  claims: ParticipantClaims;
  /** From the handshake (`auth.batch`, read by ./handshake.ts). */
  batch: Handshake['batch'];
  /** From the handshake: the last seq a reconnecting client holds, if it named one. */
  sinceSeq: Handshake['sinceSeq'];
  /** The participant's limits, shared by all its connections (`key` in `participants`). */
  key: string;
  participant: ParticipantEntry<RoomSocket, Budgets>;
  /** Bounds what this connection may leave unsent; set on connection. */
  outbound: OutboundGuard;
  strikes: number;
  /** Set once the server decided to close it: nothing more is sent or answered. */
  closing: boolean;
}

type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const roomName = (meetingId: MeetingId) => `meeting:${meetingId}`;
const batchedRoomName = (meetingId: MeetingId) => `meeting:${meetingId}:batched`;
/**
 * Batched clients get the first events at once, then at most one `events` message per window while
 * events keep coming: under a burst, each client gets ~1000/BATCH_WINDOW_MS messages a second instead
 * of one per event, which is what keeps a 1000-client burst within its latency budget.
 */
const BATCH_WINDOW_MS = 25;
/**
 * A connection told `closing` is dropped this long after, if it has not gone: one that does not read
 * never lets the disconnect packet drain, and engine.io would keep it (and its buffers) for ever.
 */
const CLOSING_GRACE_MS = 2000;

/**
 * Socket.IO edge: authenticates the handshake, validates every message, rate-limits, and passes
 * commands to the meeting service. It follows the service's stored events: they go to the meeting's
 * Socket.IO room, once each, in seq order, without e-mail addresses; a participant whose link they
 * reissue or who they remove is disconnected first.
 */
export class RealtimeGateway {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  private readonly batches = new Map<MeetingId, { pending: StoredEvent[]; timer: NodeJS.Timeout }>();
  private readonly unwatchStore: (() => void) | undefined;
  private readonly unfollowEvents: () => void;
  private readonly unfollowUnreadable: () => void;
  private readonly limits: RealtimeLimits;
  private readonly participants: ParticipantLimits<RoomSocket, Budgets>;
  private readonly refusals: RefusalLog;

  constructor(
    httpServer: HttpServer,
    private readonly service: MeetingService,
    private readonly tokens: TokenService,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly options: RealtimeOptions,
  ) {
    this.limits = { ...DEFAULT_REALTIME_LIMITS, ...options.limits };
    this.participants = new ParticipantLimits({
      maxConnections: this.limits.maxConnections,
      handshakes: this.limits.handshakes,
      budgets: { messages: this.limits.messages, resyncBytes: this.limits.resyncBytes },
    });
    this.refusals = new RefusalLog(log, metrics);
    metrics.bufferedBytes = () => {
      let total = 0;
      for (const socket of this.io.of('/').sockets.values()) total += socket.data.outbound?.buffered() ?? 0;
      return total;
    };
    this.io = new Server(httpServer, {
      maxHttpBufferSize: options.maxMessageBytes ?? 16 * 1024,
      allowRequest: (req, callback) => {
        const allowed = originAllowed(req, options.allowedOrigins);
        if (!allowed) {
          this.refusals.refused('socket.io', 'origin', {
            remote: remoteOf(req.socket),
            origin: req.headers.origin,
          });
        }
        callback(null, allowed);
      },
      cors: { origin: [...options.allowedOrigins], credentials: false },
      serveClient: false,
      // A connection whose handshake was refused (or never sent) is dropped after this, not 45 s.
      connectTimeout: 10_000,
      ...(options.adapter ? { adapter: options.adapter } : {}),
    });
    this.io.use((socket, next) => {
      void this.authenticate(socket).then(
        (refusal) => {
          if (!refusal) return next();
          this.refusals.refused('socket.io', refusal.reason, {
            remote: socket.handshake.address,
            ...refusal.details,
          });
          next(new Error(refusal.error));
        },
        (error: unknown) => {
          this.log.error({ err: error }, 'handshake failed');
          next(new Error(CONNECT_ERRORS.unauthorized));
        },
      );
    });
    this.io.on('connection', (socket) => {
      this.handleConnection(socket);
      const store = options.storeHealth?.state ?? 'ok';
      if (store !== 'ok') socket.emit('status', { store });
    });
    this.unwatchStore = options.storeHealth?.onChange((store) => this.io.local.emit('status', { store }));
    this.unfollowEvents = service.onEventsStored((meetingId, events) => this.handleStored(meetingId, events));
    this.unfollowUnreadable = service.onUnreadable((meetingId, problem) =>
      this.unreadable(meetingId, problem),
    );
  }

  /**
   * A batch of the meeting's stored events, from this process or another (every process's service
   * sees every batch of the meetings it serves): first the connections it revokes go, so they get
   * nothing more; then the others get it.
   */
  private handleStored(meetingId: MeetingId, events: readonly StoredEvent[]): void {
    const revocations = Revocations.in(meetingId, events);
    if (!revocations.empty) this.revoke(revocations);
    this.publish(meetingId, events);
  }

  /**
   * Closes this process's connections whose token the batch revoked (each process closes its own:
   * the adapter's other processes do the same from the same batch).
   */
  private revoke(revocations: Revocations): void {
    for (const socket of this.io.of('/').sockets.values()) {
      const claims = socket.data.claims;
      const reason = claims ? revocations.reasonFor(claims) : null;
      if (reason) this.closeRevoked(socket, reason);
    }
  }

  private closeRevoked(socket: RoomSocket, reason: RevokedReason): void {
    this.closeWith(socket, reason, REVOKED_MESSAGES[reason]);
  }

  /** Sends stored events to the meeting's sockets (batched ones get them at most once a window). */
  private publish(meetingId: MeetingId, stored: readonly StoredEvent[]): void {
    // Once per batch, whatever the number of sockets.
    const events = eventsForRoom(stored);
    const room = this.io.local.to(roomName(meetingId));
    for (const event of events) room.emit('event', event);
    const batch = this.batches.get(meetingId);
    if (batch) {
      batch.pending.push(...events);
      return;
    }
    this.io.local.to(batchedRoomName(meetingId)).emit('events', events);
    this.batches.set(meetingId, {
      pending: [],
      timer: setTimeout(() => this.flushBatch(meetingId), BATCH_WINDOW_MS),
    });
  }

  /** The meeting's log cannot be read here: its clients are sent off to reconnect (to another process). */
  private unreadable(meetingId: MeetingId, problem: Error): void {
    const message = 'this server cannot read this meeting; reconnect';
    this.log.error({ err: problem, meetingId }, 'closing the connections of an unreadable meeting');
    for (const socket of this.io.of('/').sockets.values()) {
      if (socket.data.claims?.meetingId === meetingId) {
        this.closeWith(socket, DISCONNECT_REASONS.meetingUnreadable, message);
      }
    }
  }

  /** Sends what the window held back; keeps the window open while events keep coming. */
  private flushBatch(meetingId: MeetingId): void {
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

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async close(): Promise<void> {
    this.unfollowEvents();
    this.unfollowUnreadable();
    this.unwatchStore?.();
    this.participants.close();
    for (const meetingId of [...this.batches.keys()]) this.flushBatch(meetingId);
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
    await this.io.close();
  }

  /**
   * Checks a handshake: its shape and protocol (./handshake.ts), token, meeting, participant, then
   * the participant's handshake budget. A refusal names the public `connect_error` message and the
   * reason that is logged (never the token).
   */
  private async authenticate(socket: RoomSocket): Promise<HandshakeRefusal | null> {
    const reading = readHandshake(socket.handshake.auth);
    if (!reading.ok) return reading.refusal;
    const { token, batch, sinceSeq } = reading.handshake;
    const claims = await this.tokens.verify(token);
    if (!claims) return refusedAs(CONNECT_ERRORS.unauthorized, 'bad_token');
    const who = { meetingId: claims.meetingId, participantId: claims.view ? 'view' : claims.participantId };
    let room: MeetingRoom | undefined;
    try {
      // Another process may have created the meeting, or served this client a later seq, moments ago.
      room = await this.service.ensureRoom(claims.meetingId, sinceSeq ?? 0);
    } catch (error) {
      // Unreadable: a newer process wrote it; `unavailable` makes the client retry, through the load
      // balancer, until it reaches one that can read it.
      if (error instanceof MeetingUnreadable)
        return refusedAs(CONNECT_ERRORS.unavailable, 'meeting_unreadable', who);
      this.log.warn({ err: error }, 'meeting could not be loaded for a handshake');
      return refusedAs(CONNECT_ERRORS.unavailable, 'meeting_unavailable', who);
    }
    if (!room) return refusedAs(CONNECT_ERRORS.unauthorized, 'unknown_meeting', who);
    // Removed, or their link reissued: the token no longer signs anyone in (../auth/current.ts).
    const current = () => tokenCurrent(room.state, claims);
    // A participant added (or reissued) on another process a moment ago: catch up once before refusing.
    if (!current() && mayCatchUp(room.state, claims))
      await this.service.refresh(claims.meetingId).catch(() => undefined);
    if (!current()) {
      const known = room.state.participants.some((p) => p.id === claims.participantId);
      return refusedAs(CONNECT_ERRORS.unauthorized, known ? 'revoked_token' : 'unknown_participant', who);
    }
    const key = participantKey(claims.meetingId, claims.view ? null : claims.participantId);
    if (!this.participants.admitHandshake(key))
      return refusedAs(CONNECT_ERRORS.rateLimited, 'rate_limited', who);
    socket.data = {
      claims,
      batch,
      sinceSeq,
      key,
      participant: undefined as unknown as SocketData['participant'], // set on connection
      outbound: undefined as unknown as OutboundGuard, // set on connection
      strikes: 0,
      closing: false,
    };
    return null;
  }

  private handleConnection(socket: RoomSocket): void {
    const { meetingId, participantId } = socket.data.claims;
    // Revoked between the handshake's check and now (the revoking batch came in between): it goes
    // before it is counted, joined or sent anything.
    const stale = this.staleReasonOf(socket);
    if (stale) return this.closeRevoked(socket, stale);
    this.metrics.connections.inc();
    socket.data.outbound = new OutboundGuard(socket, this.limits.maxBufferedBytes, () =>
      this.drop(socket, DISCONNECT_REASONS.slowConsumer),
    );
    const { entry, evicted } = this.participants.add(socket.data.key, socket);
    socket.data.participant = entry;
    for (const old of evicted) {
      this.closeWith(old, DISCONNECT_REASONS.replaced, 'a newer connection of this participant took over');
    }
    // Join and catch up in the same tick: every later event has a higher seq than what is sent here.
    // Held-back batched events are older than that, so they go out to the others first.
    if (socket.data.batch) this.flushBatch(meetingId);
    void socket.join(socket.data.batch ? batchedRoomName(meetingId) : roomName(meetingId));
    this.catchUp(socket);
    const view = socket.data.claims.view === true;
    if (!view) this.service.connectionChanged(meetingId, participantId, +1);

    // An event nobody handles is counted like any message (and dropped): otherwise it would be a way
    // to make the server parse 16 KiB messages without limit.
    socket.use(([event], next) => {
      if (typeof event === 'string' && HANDLED_EVENTS.has(event)) return next();
      this.takeMessage(socket);
    });
    socket.on('command', (payload, ack) => void this.handleCommand(socket, payload, ack));
    socket.on('resync', (payload, ack) => this.handleResync(socket, payload, ack));
    socket.on('clock', (ack) => {
      if (typeof ack === 'function' && this.takeMessage(socket)) ack(this.now());
    });
    socket.on('disconnect', () => {
      this.participants.remove(socket.data.key, socket);
      this.metrics.connections.dec();
      if (!view) this.service.connectionChanged(meetingId, participantId, -1);
    });
  }

  /**
   * A reconnecting client names the last seq it holds (`auth.sinceSeq`) and gets only the events it
   * missed; anyone else, or a client too far behind, gets a snapshot. Charged to the participant's
   * resync budget (it may go into debt here: a new connection needs its state; the handshake budget
   * bounds how often).
   */
  private catchUp(socket: RoomSocket): void {
    const { sinceSeq } = socket.data;
    const room = this.service.room(socket.data.claims.meetingId)!;
    // A seq this room has not reached (ensureRoom caught up as far as the store goes) gets a snapshot.
    const missing = sinceSeq !== undefined && sinceSeq <= room.seq ? room.eventsSince(sinceSeq) : null;
    this.sendMissed(socket, missing, false);
  }

  /**
   * Sends the `missing` events, or a snapshot when they are no longer in memory (null) or more than
   * `maxResyncEvents`. Returns which, and charges the bytes sent to the participant.
   */
  private sendMissed(
    socket: RoomSocket,
    missing: readonly StoredEvent[] | null,
    emptyBatch: boolean,
  ): 'events' | 'snapshot' {
    const before = socket.data.outbound.sent;
    let mode: 'events' | 'snapshot' = 'events';
    if (missing === null || missing.length > this.limits.maxResyncEvents) {
      mode = 'snapshot';
      socket.emit('snapshot', this.snapshot(socket));
    } else if (socket.data.batch) {
      if (missing.length > 0 || emptyBatch) socket.emit('events', eventsForRoom(missing));
    } else for (const event of eventsForRoom(missing)) socket.emit('event', event);
    socket.data.participant.budgets.resyncBytes.charge(socket.data.outbound.sent - before);
    return mode;
  }

  /** Takes one message from the participant's budget; a connection that keeps flooding is closed. */
  private takeMessage(socket: RoomSocket): boolean {
    if (socket.data.closing) return false;
    if (socket.data.participant.budgets.messages.take()) return true;
    if (++socket.data.strikes > this.limits.maxStrikes) {
      this.closeWith(socket, DISCONNECT_REASONS.rateLimited, 'too many messages; reconnect after a pause');
    }
    return false;
  }

  /** Tells the client why, disconnects it, and drops it if it does not go (it may not be reading). */
  private closeWith(socket: RoomSocket, reason: DisconnectReason, message: string): void {
    if (socket.data.closing) return;
    socket.data.closing = true;
    this.refusals.closed('socket.io', reason, this.describe(socket));
    socket.emit('closing', { reason, message });
    socket.disconnect(true);
    setTimeout(() => dropConnection(socket), CLOSING_GRACE_MS).unref();
  }

  /** Drops a connection at once (a slow consumer: telling it would only queue more). */
  private drop(socket: RoomSocket, reason: DisconnectReason): void {
    if (socket.data.closing) return;
    socket.data.closing = true;
    this.refusals.closed('socket.io', reason, {
      ...this.describe(socket),
      buffered: socket.data.outbound.buffered(),
    });
    dropConnection(socket);
  }

  private describe(socket: RoomSocket): Record<string, unknown> {
    const { meetingId, participantId, view } = socket.data.claims;
    return { remote: socket.handshake.address, meetingId, participantId: view ? 'view' : participantId };
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
    if (!this.takeMessage(socket)) return answer(refusal('rate_limited', 'too many commands; slow down'));
    const parsed = commandSchema.safeParse(payload);
    if (!parsed.success) return answer(refusal('invalid', describeIssues(parsed.error)));
    const { meetingId, participantId, view } = socket.data.claims;
    if (view) return answer(refusal('forbidden', 'the projector view is read-only'));
    // In case the revoking batch and this command crossed: never act on a token that no longer counts.
    const stale = this.staleReasonOf(socket);
    if (stale) {
      answer(refusal('forbidden', REVOKED_MESSAGES[stale]));
      return this.closeRevoked(socket, stale);
    }
    try {
      // The text is read after the rate limit and the checks above, so a flood of them loads no
      // document; and the command is stored in the same turn of the document as the reading.
      const ack = await commandWithText(
        this.service.room(meetingId)?.state,
        participantId,
        parsed.data,
        this.options.textFacts,
        (text) => this.service.submitCommand(meetingId, participantId, parsed.data, text),
      );
      answer(ack);
    } catch (error) {
      this.log.error({ err: error, type }, 'command failed');
      this.options.storeHealth?.failed(error);
      answer(refusal('unavailable', 'the server could not handle the command; nothing was applied'));
    }
  }

  private handleResync(socket: RoomSocket, payload: unknown, ack: unknown): void {
    const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : () => {};
    if (!this.takeMessage(socket)) return reply({ ok: false, error: refuse('rate_limited', 'slow down') });
    const parsed = resyncSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: refuse('invalid', describeIssues(parsed.error)) });
    const stale = this.staleReasonOf(socket);
    if (stale) {
      reply({ ok: false, error: refuse('forbidden', REVOKED_MESSAGES[stale]) });
      return this.closeRevoked(socket, stale);
    }
    // Each answer can be a whole meeting: a participant gets so many bytes of them a second.
    if (!socket.data.participant.budgets.resyncBytes.positive()) {
      return reply({
        ok: false,
        error: refuse('rate_limited', 'too much resent lately; try again in a second'),
      });
    }
    // Anything held back for batching goes out first, so the missed events come after it in order.
    if (socket.data.batch) this.flushBatch(socket.data.claims.meetingId);
    const room = this.service.room(socket.data.claims.meetingId)!;
    reply({ ok: true, mode: this.sendMissed(socket, room.eventsSince(parsed.data.sinceSeq), true) });
  }

  private snapshot(socket: RoomSocket): SnapshotMessage {
    const { meetingId, participantId } = socket.data.claims;
    const room = this.service.room(meetingId)!;
    const you = room.state.participants.find((p) => p.id === participantId);
    return {
      seq: room.seq,
      serverTime: this.now(),
      meeting: meetingForRoom(room.state),
      you: you ? { participantId: you.id, role: you.role } : { participantId: null, role: 'viewer' },
    };
  }

  /** Why this socket's token no longer counts in its meeting as it is now; null while it does. */
  private staleReasonOf(socket: RoomSocket): RevokedReason | null {
    const room = this.service.room(socket.data.claims.meetingId);
    return room ? staleReason(room.state, socket.data.claims) : null;
  }
}

/** What a revoked connection is told (the browser shows its own, translated, notice). */
const REVOKED_MESSAGES: Record<RevokedReason, string> = {
  link_replaced: 'your link to this meeting was replaced; open the new link the secretariat sent you',
  removed: 'you are no longer a participant of this meeting',
};

/** The events a client may send (docs/protocol.md, "Client → server"). */
const HANDLED_EVENTS = new Set(['command', 'resync', 'clock']);

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
