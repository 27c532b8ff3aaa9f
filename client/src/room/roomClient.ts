import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  type ClientToServerEvents,
  CONNECT_ERRORS,
  type CommandInput,
  DISCONNECT_REASONS,
  type DomainError,
  evolve,
  type HandshakeAuth,
  type Meeting,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SnapshotMessage,
  type StoredEvent,
  type StoreState,
} from '../../../shared';
import { bestOffset } from './clock';
import { Outbox, type PendingCommand } from './outbox';

/**
 * What the connection is doing, shown to the participant. `replaced`: a newer window or device of the
 * same participant took over (the server keeps only a few per participant); this one stays
 * disconnected until the participant asks for it again, so that two never take turns.
 */
type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'unauthorized' | 'replaced';

/**
 * Why the server took this sign-in away while the room was open: the participant's link was
 * reissued (`link_replaced`) or they were removed from the meeting (`removed`). Permanent.
 */
export type Revocation = typeof DISCONNECT_REASONS.linkReplaced | typeof DISCONNECT_REASONS.removed;

const REVOCATIONS = new Set<string>([DISCONNECT_REASONS.linkReplaced, DISCONNECT_REASONS.removed]);
const isRevocation = (reason: string | null): reason is Revocation =>
  reason !== null && REVOCATIONS.has(reason);

/** Everything the UI renders from: the meeting (snapshot + events through the shared evolve). */
export interface RoomState {
  meeting: Meeting | null;
  seq: number;
  you: SnapshotMessage['you'] | null;
  connection: ConnectionState;
  /**
   * Set (with `connection` `unauthorized`) once the server closed the connection because this token
   * was revoked; the client then never connects again by itself. Absent otherwise.
   */
  revoked?: Revocation;
  /** Server clock minus ours, in ms. */
  clockOffset: number;
  /** The last command the server refused, for the participant to read. */
  refusal: { type: CommandInput['type']; error: DomainError; at: number } | null;
  /**
   * Whether the server can store commands: `unavailable` from its `status` message, or from a command
   * it answered `unavailable`; `ok` again on `status` ok or the next command it accepts. Commands may
   * still be sent meanwhile (they are answered, not lost); the UI says the room is reconnecting.
   */
  store: StoreState;
  /**
   * Commands kept on this device, in order: given while the connection was down (sent, with the
   * same id, when it is back) or not confirmed by a server whose store was unreachable (sent again
   * when it is back). Not refusals: the participant may cancel them meanwhile.
   */
  outbox: readonly PendingCommand[];
}

/** The narrow port the React views use; tests pass their own. */
export interface RoomPort {
  getState(): RoomState;
  subscribe(listener: () => void): () => void;
  send(command: CommandInput): Promise<Ack>;
  dismissRefusal(): void;
  /** Gives up on a command of the outbox that is not on its way yet: it is never sent. */
  cancelPending?(id: string): void;
  /** The read-only projector link (chair and secretariat only). */
  projectorUrl?(): Promise<string>;
  /** The participant token, for the other channels of the same sign-in (proposal texts, versions). */
  readonly token?: string;
  /** After `replaced`: connect this window again (which closes the oldest other one). */
  reconnect?(): void;
}

const COMMAND_TIMEOUT_MS = 10_000;

/** Handshake refusals that the same handshake would meet again: retrying cannot help. */
const PERMANENT_REFUSALS = new Set<string>([
  CONNECT_ERRORS.unauthorized,
  CONNECT_ERRORS.protocolMismatch,
  CONNECT_ERRORS.invalidHandshake,
]);

/**
 * One participant's live connection to a meeting over Socket.IO: snapshot, then batched events
 * applied with the shared `evolve`; on reconnect it names its last seq so only missed events come.
 */
export class RoomClient implements RoomPort {
  private state: RoomState = {
    meeting: null,
    seq: 0,
    you: null,
    connection: 'connecting',
    clockOffset: 0,
    refusal: null,
    store: 'ok',
    outbox: [],
  };
  private readonly outbox = new Outbox((outbox) => this.set({ outbox }));
  private draining = false;
  /** The socket was closed because the browser went offline: open it again when it is back. */
  private pausedOffline = false;
  private readonly listeners = new Set<() => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private refusedHandshakes = 0;
  /** The reason of the server's last `closing` notice, until the disconnect it announces. */
  private closingReason: string | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly baseUrl: string,
    readonly token: string,
  ) {
    this.socket = io(baseUrl, {
      // A function, so every reconnect carries the seq we hold at that moment.
      auth: (cb) =>
        cb({
          token,
          protocol: PROTOCOL_VERSION,
          batch: true,
          ...(this.state.meeting ? { sinceSeq: this.state.seq } : {}),
        } satisfies HandshakeAuth),
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    this.socket.on('snapshot', (s) => {
      this.set({ meeting: s.meeting, seq: s.seq, you: s.you, connection: 'online' });
      void this.syncClock();
    });
    this.socket.on('event', (e) => this.receive([e]));
    this.socket.on('events', (list) => this.receive(list));
    this.socket.on('status', (s) => this.setStore(s.store));
    this.socket.on('connect', () => {
      // A new connection starts from the server's word: it sends `status` right away if not ok.
      if (this.state.store !== 'ok') this.set({ store: 'ok' });
      if (this.state.meeting) {
        this.set({ connection: 'online' });
        void this.syncClock();
      }
    });
    this.socket.on('closing', ({ reason }) => {
      this.closingReason = reason;
    });
    this.socket.on('disconnect', (why) => {
      const told = this.closingReason;
      this.closingReason = null;
      if (told === DISCONNECT_REASONS.replaced) return this.set({ connection: 'replaced' });
      if (isRevocation(told)) return this.revoke(told);
      this.set({ connection: 'reconnecting' });
      // A disconnect by the server (rate_limited) ends Socket.IO's own retries: come back after a pause.
      if (why === 'io server disconnect' && !this.closed) this.retryLater();
    });
    this.socket.on('connect_error', (error) => {
      if (PERMANENT_REFUSALS.has(error.message)) {
        this.socket.disconnect();
        this.set({ connection: 'unauthorized' });
      } else {
        this.set({ connection: this.state.meeting ? 'reconnecting' : 'connecting' });
        // A refusal by the server (e.g. `unavailable`: its store is unreachable) ends Socket.IO's own
        // retries (`active` is false); the room keeps trying, a little slower each time.
        if (!this.socket.active && !this.closed) this.retryLater();
      }
    });
    this.socket.on('connect', () => {
      this.refusedHandshakes = 0;
      void this.drain();
    });
    // The browser knows before the heartbeat does: commands given offline are kept, not lost in a
    // socket that will never answer.
    globalThis.addEventListener?.('offline', this.wentOffline);
    globalThis.addEventListener?.('online', this.cameOnline);
  }

  getState = (): RoomState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  send = (command: CommandInput): Promise<Ack> => {
    const id = crypto.randomUUID();
    // Behind commands still waiting to go out, so that the server gets them in the order given.
    if (!this.canSend() || this.draining) {
      const answer = this.keep(id, command, 'offline');
      void this.drain();
      return answer;
    }
    return this.deliver(id, command);
  };

  cancelPending = (id: string): void => this.outbox.cancel(id);

  /** Sends one command and returns its answer; kept in the outbox if it cannot be sent or confirmed. */
  private async deliver(id: string, command: CommandInput): Promise<Ack> {
    let ack: Ack;
    try {
      ack = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', { id, ...command });
      // The server's own answer says whether it could store the command.
      if (ack.ok) this.setStore('ok');
      else if (ack.error.code === 'unavailable') this.setStore('unavailable');
    } catch {
      // The connection went down on the way: not refused, just not (known to be) delivered.
      if (!this.canSend()) return this.keep(id, command, 'offline');
      ack = { ok: false, error: { code: 'unavailable', message: 'no answer from the server' } };
    }
    if (!ack.ok && isUnconfirmed(ack)) return this.keep(id, command, 'unconfirmed');
    if (!ack.ok) this.set({ refusal: { type: command.type, error: ack.error, at: Date.now() } });
    return ack;
  }

  /** Keeps a command for later; once the sign-in was revoked there is no later: it is refused. */
  private keep(id: string, command: CommandInput, reason: 'offline' | 'unconfirmed'): Promise<Ack> {
    const revoked = this.state.revoked;
    return revoked ? Promise.resolve(revokedAck(revoked)) : this.outbox.keep(id, command, reason);
  }

  /**
   * The server closed the connection because this token no longer signs anyone in: every retry would
   * be refused, so none is made (this also stops Socket.IO's own reconnecting, should the transport
   * have closed before the server's disconnect came), and what the outbox kept will never be sent.
   */
  private revoke(reason: Revocation): void {
    this.socket.disconnect();
    this.set({ connection: 'unauthorized', revoked: reason });
    for (const { id } of this.outbox.list) this.outbox.settle(id, revokedAck(reason));
  }

  /** Sends the outbox in order, one at a time, while connected; each caller gets its answer. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        if (!this.canSend()) return;
        const entry = this.outbox.next(this.state.store === 'ok');
        if (!entry) return;
        this.outbox.mark(entry.id, 'sending');
        const ack = await this.deliverKept(entry);
        if (ack) this.outbox.settle(entry.id, ack);
      }
    } finally {
      this.draining = false;
    }
  }

  /** One attempt for a kept command: its answer, or undefined when it stays kept (marked why). */
  private async deliverKept({ id, command }: PendingCommand): Promise<Ack | undefined> {
    let ack: Ack;
    try {
      ack = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', { id, ...command });
    } catch {
      if (!this.canSend()) return void this.outbox.mark(id, 'offline');
      ack = { ok: false, error: { code: 'unavailable', message: 'no answer from the server' } };
    }
    if (ack.ok) this.setStore('ok');
    else if (ack.error.code === 'unavailable') this.setStore('unavailable');
    if (!ack.ok && isUnconfirmed(ack)) return void this.outbox.mark(id, 'unconfirmed');
    if (!ack.ok) this.set({ refusal: { type: command.type, error: ack.error, at: Date.now() } });
    return ack;
  }

  private canSend(): boolean {
    return this.socket.connected && globalThis.navigator?.onLine !== false;
  }

  private readonly wentOffline = (): void => {
    if (!this.socket.connected) return;
    this.pausedOffline = true;
    this.socket.disconnect();
  };

  private readonly cameOnline = (): void => {
    if (!this.pausedOffline || this.closed || this.state.revoked) return;
    this.pausedOffline = false;
    this.socket.connect();
  };

  dismissRefusal = (): void => this.set({ refusal: null });

  reconnect = (): void => {
    if (this.closed || this.socket.connected || this.state.revoked) return;
    this.set({ connection: this.state.meeting ? 'reconnecting' : 'connecting' });
    this.socket.connect();
  };

  projectorUrl = async (): Promise<string> => {
    const id = this.state.meeting?.id ?? '';
    const res = await fetch(`${this.baseUrl}/api/meetings/${encodeURIComponent(id)}/projector`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new Error(`projector link refused (${res.status})`);
    return ((await res.json()) as { url: string }).url;
  };

  close(): void {
    this.closed = true;
    globalThis.removeEventListener?.('offline', this.wentOffline);
    globalThis.removeEventListener?.('online', this.cameOnline);
    clearTimeout(this.retry);
    this.socket.close();
  }

  /** Connects again after a growing, jittered pause (the server refused or closed us). */
  private retryLater(): void {
    clearTimeout(this.retry);
    const delay = Math.min(5_000, 500 * 2 ** this.refusedHandshakes++) * (0.5 + Math.random());
    this.retry = setTimeout(() => this.socket.connect(), delay);
  }

  private receive(list: readonly StoredEvent[]): void {
    let { meeting, seq } = this.state;
    if (!meeting) return;
    for (const e of list) {
      if (e.seq <= seq) continue;
      if (e.seq !== seq + 1) {
        // A gap: ask for what is missing; the answer arrives in order after this.
        this.socket.emit('resync', { sinceSeq: seq });
        break;
      }
      meeting = evolve(meeting, e.event);
      seq = e.seq;
    }
    if (seq !== this.state.seq) this.set({ meeting, seq });
  }

  private setStore(store: StoreState): void {
    if (store === this.state.store) return;
    this.set({ store });
    // The store is back: ask for whatever was stored meanwhile and did not reach us (the answer comes
    // in seq order; events we already hold are skipped).
    if (store === 'ok' && this.state.meeting && this.socket.connected) {
      this.socket.emit('resync', { sinceSeq: this.state.seq });
    }
    // Commands the server could not confirm go out again, with their ids.
    if (store === 'ok') void this.drain();
  }

  private async syncClock(): Promise<void> {
    const samples: Array<{ sentAt: number; receivedAt: number; serverTime: number }> = [];
    for (let i = 0; i < 3; i++) {
      const sentAt = Date.now();
      try {
        const serverTime = await this.socket.timeout(5_000).emitWithAck('clock');
        samples.push({ sentAt, receivedAt: Date.now(), serverTime });
      } catch {
        return;
      }
    }
    this.set({ clockOffset: bestOffset(samples) });
  }

  private set(patch: Partial<RoomState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The answer to a command given, or kept, once the sign-in was revoked. */
const revokedAck = (reason: Revocation): Ack => ({
  ok: false,
  error: {
    code: 'forbidden',
    message:
      reason === DISCONNECT_REASONS.removed
        ? 'you are no longer a participant of this meeting'
        : 'your link to this meeting was replaced; open the new link',
  },
});

/** The server could not confirm storing it (it may or may not be stored): the same id may be retried. */
const isUnconfirmed = (ack: Ack): boolean =>
  !ack.ok && ack.error.code === 'unavailable' && /not confirmed/.test(ack.error.message);
