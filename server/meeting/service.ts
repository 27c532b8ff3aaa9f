import {
  type Ack,
  type AddParticipantBody,
  addParticipant,
  type Command,
  type CreateMeetingBody,
  createMeeting,
  decide,
  evolve,
  idFactories,
  type Meeting,
  type MeetingEvent,
  type MeetingId,
  type Participant,
  type ParticipantId,
  storedEvent,
} from '../../shared';
import type { MeetingStore } from '../store/types';
import { LocalPresence, type PresenceRegistry } from './presence';
import { DEFAULT_PRESENCE_FOLD, PresenceFold, type PresenceFoldOptions } from './presenceFold';
import {
  type EventSink,
  idempotencyKey,
  MeetingRoom,
  type RoomOptions,
  SNAPSHOT_SCHEMA_VERSION,
} from './room';
import { applyStored, MeetingUnreadable } from './unreadable';

export type ServiceOptions = Omit<RoomOptions, 'store' | 'sink'> & {
  /** Who is connected, over every process (default: this process's own connections). */
  presence?: PresenceRegistry;
  /** How often the stored online flags are reconciled with `presence` (default 5 s; 0: never). */
  presenceSweepMs?: number;
  /** How presence churn is folded (offline grace, writes per participant); unset: the defaults. */
  presenceFold?: Partial<PresenceFoldOptions>;
};

/** How long a handshake waits for this process to catch up with the seq a reconnecting client holds. */
const SYNC_ON_CONNECT_MS = 2000;

/**
 * All meetings of this process: loads each one's state from the store (latest snapshot plus the
 * events after it) and routes commands to its room.
 *
 * With `options.bus`, other processes may write the same store: the service passes their
 * announcements to its rooms (which catch up from the store) and opens the meetings they create.
 */
export class MeetingService {
  private readonly rooms = new Map<string, MeetingRoom>();
  /** Meetings whose stored log this code cannot read (found when loading them): refused, not served. */
  private readonly unreadable = new Map<string, MeetingUnreadable>();
  /** Meetings being loaded after another process announced them or a client asked for them. */
  private readonly loading = new Map<string, Promise<MeetingRoom | undefined>>();
  /** The highest seq announced for a meeting that is still loading. */
  private readonly heard = new Map<string, number>();
  private readonly presence: PresenceRegistry;
  /** The latest answer of `presence.online` per meeting: what a reconciliation decides against. */
  private readonly presenceViews = new Map<string, ReadonlySet<string>>();
  private readonly reconciling = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Folds reconnect churn: offline after a grace period, a bounded number of writes per participant. */
  private readonly fold: PresenceFold;
  /** Per meeting: a reconciliation due when a held-back presence change may be written. */
  private readonly presenceRetries = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private sweep: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly store: MeetingStore,
    private readonly sink: EventSink,
    private readonly options: ServiceOptions,
  ) {
    this.presence = options.presence ?? new LocalPresence();
    this.fold = new PresenceFold({ ...DEFAULT_PRESENCE_FOLD, ...options.presenceFold });
  }

  /**
   * Loads every stored meeting and reconciles the stored online flags with who is connected: on a
   * fresh start of a single process nobody is, so everyone marked online is set offline.
   */
  static async load(store: MeetingStore, sink: EventSink, options: ServiceOptions): Promise<MeetingService> {
    const service = new MeetingService(store, sink, options);
    // Subscribed before loading: an append made while the meetings load still reaches their rooms.
    service.unsubscribe = options.bus?.onAdvanced((id, seq) => service.advanced(id, seq));
    for (const { id } of await store.listMeetings()) {
      const rebuilt = await service.rebuild(id).catch((error) => service.refuseUnreadable(id, error));
      if (!rebuilt) continue;
      const { meeting, seq } = rebuilt;
      // (A meeting announced meanwhile may have been opened by `advanced`.)
      if (!service.rooms.has(id)) service.open(id, meeting, seq);
      await service.reconcilePresence(id);
    }
    const sweepMs = options.presenceSweepMs ?? 5000;
    if (sweepMs > 0) {
      service.sweep = setInterval(() => void service.sweepPresence(), sweepMs);
      service.sweep.unref();
    }
    return service;
  }

  /**
   * The room of a meeting, loading it from the store when another process created it and this one
   * has not heard yet. With `atLeastSeq` (what a reconnecting client already holds, perhaps from
   * another process), waits briefly for this process to catch up to it, so the client is not sent
   * an older state than it had.
   */
  async ensureRoom(meetingId: string, atLeastSeq = 0): Promise<MeetingRoom | undefined> {
    const refused = this.unreadable.get(meetingId) ?? this.rooms.get(meetingId)?.unreadable;
    if (refused) throw refused;
    const room = this.rooms.get(meetingId) ?? (this.options.bus ? await this.adopt(meetingId) : undefined);
    if (room && atLeastSeq > room.seq) await room.syncTo(atLeastSeq, SYNC_ON_CONNECT_MS);
    return room;
  }

  room(meetingId: string): MeetingRoom | undefined {
    return this.rooms.get(meetingId);
  }

  meetingIds(): string[] {
    return [...this.rooms.keys()];
  }

  /**
   * The room brought up to the store's latest seq: for a request naming something (a participant, a
   * proposal) that another process may have stored a moment ago. Without other processes, the room
   * is always current.
   */
  async refresh(meetingId: string): Promise<MeetingRoom | undefined> {
    const room = await this.ensureRoom(meetingId);
    if (room && this.options.bus) await room.syncTo(await this.store.lastSeq(meetingId), SYNC_ON_CONNECT_MS);
    return room;
  }

  /** Creates a meeting and its chair; both land in the log before this resolves. */
  /** Creates a meeting; `opts.id` fixes its id (the demo meeting's, so every process knows it). */
  async createMeeting(
    body: CreateMeetingBody,
    opts: { id?: MeetingId } = {},
  ): Promise<{ meeting: Meeting; chair: Participant }> {
    const ctx = { now: (this.options.now ?? Date.now)(), ids: idFactories(this.options.newId) };
    const id = opts.id ?? ctx.ids.meeting();
    const created = createMeeting(id, body, ctx);
    const initial = created.reduce<Meeting | null>(evolve, null) as Meeting;
    const chairEvents = addParticipant(
      initial,
      {
        name: body.chairName ?? 'Chair',
        delegation: body.chairDelegation ?? 'Chair',
        role: 'chair',
        category: 'member-state',
      },
      ctx,
    );
    if (!chairEvents.ok) throw new Error(chairEvents.error.message);
    const events = [...created, ...chairEvents.events];
    const stored = events.map((event, i) => storedEvent(i + 1, ctx.now, event));
    await this.store.append(id, 0, stored, [], { title: body.title });
    const meeting = events.reduce<Meeting | null>(evolve, null) as Meeting;
    this.open(id, meeting, stored.length);
    this.options.bus?.publishAdvanced(id, stored.length);
    const chair = meeting.participants[0]!;
    return { meeting, chair };
  }

  async addParticipant(meetingId: string, body: AddParticipantBody): Promise<Participant | { error: Ack }> {
    const room = await this.ensureRoom(meetingId);
    if (!room) return { error: { ok: false, error: { code: 'not_found', message: 'no such meeting' } } };
    let added: Participant['id'] | undefined;
    const ack = await room.submit({
      decide: (meeting, ctx) => {
        const decision = addParticipant(meeting, body, ctx);
        if (decision.ok && decision.events[0]?.type === 'participant.added') {
          added = decision.events[0].participant.id;
        }
        return decision;
      },
    });
    if (!ack.ok) return { error: ack };
    return room.state.participants.find((p) => p.id === added)!;
  }

  /** Applies a client command; resolves with the ack only after its events are durably stored. */
  async submitCommand(meetingId: string, actorId: string, command: Command): Promise<Ack> {
    const room = await this.ensureRoom(meetingId);
    if (!room) return { ok: false, error: { code: 'not_found', message: 'no such meeting' } };
    const key = idempotencyKey(actorId, command.id);
    const checkedAt = room.epoch;
    const stored = await this.store.findCommand(meetingId, actorId, command.id);
    if (stored) {
      room.rememberAck(key, stored);
      return stored;
    }
    return room.submit({
      idempotencyKey: key,
      checkedAt,
      decide: (meeting, ctx) => decide(meeting, command, actorId as ParticipantId, ctx),
    });
  }

  /**
   * A participant's connection to this process opened (+1) or closed (-1): the presence registry
   * counts it and the stored online flags are reconciled with it.
   */
  connectionChanged(meetingId: string, participantId: string, delta: 1 | -1): void {
    if (delta < 0) this.fold.disconnected(meetingId, participantId);
    this.presence.change(meetingId, participantId, delta).then(
      () => this.reconcilePresence(meetingId),
      (error) => this.options.onError?.(error),
    );
  }

  async drain(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.drain()));
  }

  /** Stops listening to other processes and reconciling presence, then writes what is queued. */
  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const retry of this.presenceRetries.values()) clearTimeout(retry.timer);
    this.presenceRetries.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await Promise.all([...this.reconciling.values()].map((r) => r.done));
    await this.drain();
    await this.presence.close();
  }

  /**
   * Brings the stored online flags of a meeting in line with the presence registry. Calls made while
   * one runs are folded into one more round, and each round decides against the latest registry
   * answer, so a quick disconnect and reconnect costs no offline/online pair. Changes are folded
   * (PresenceFold): an offline seen on this process is written only after a grace period, and each
   * participant has a budget of writes; a change held back is reconciled again when it may be written.
   */
  private reconcilePresence(meetingId: string): Promise<void> {
    const running = this.reconciling.get(meetingId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const round = { again: true, done: Promise.resolve() };
    round.done = (async () => {
      try {
        while (round.again) {
          round.again = false;
          const room = this.rooms.get(meetingId);
          if (!room) return;
          this.presenceViews.set(meetingId, await this.presence.online(meetingId));
          let retryAt = Number.POSITIVE_INFINITY;
          await room.submit({
            decide: (meeting) => {
              const online = this.presenceViews.get(meetingId) ?? new Set<string>();
              const events: MeetingEvent[] = [];
              for (const p of meeting.participants) {
                const isOnline = online.has(p.id);
                if (p.online === isOnline) continue;
                const allowed = this.fold.allow(meetingId, p.id, isOnline);
                if (allowed !== true) {
                  retryAt = Math.min(retryAt, allowed);
                  continue;
                }
                events.push({
                  type: isOnline ? 'participant.online' : 'participant.offline',
                  participantId: p.id,
                });
              }
              return { ok: true, events };
            },
          });
          if (retryAt < Number.POSITIVE_INFINITY) this.retryPresence(meetingId, retryAt);
        }
      } catch (error) {
        // Presence unknowable (Redis away): the next sweep tries again.
        this.options.onError?.(error);
      } finally {
        this.reconciling.delete(meetingId);
      }
    })();
    this.reconciling.set(meetingId, round);
    return round.done;
  }

  /** Reconciles the meeting again at `at` (or earlier, if already due sooner). */
  private retryPresence(meetingId: string, at: number): void {
    const due = this.presenceRetries.get(meetingId);
    if (due && due.at <= at) return;
    if (due) clearTimeout(due.timer);
    const timer = setTimeout(
      () => {
        this.presenceRetries.delete(meetingId);
        void this.reconcilePresence(meetingId);
      },
      Math.max(0, at - Date.now()) + 10,
    );
    timer.unref();
    this.presenceRetries.set(meetingId, { at, timer });
  }

  /** Every few seconds one process reconciles every meeting: e.g. a dead process's participants. */
  private async sweepPresence(): Promise<void> {
    this.fold.prune();
    try {
      if (!(await this.presence.claimSweep())) return;
    } catch {
      return; // Redis away; next round.
    }
    for (const id of this.meetingIds()) await this.reconcilePresence(id);
  }

  /** Another process stored events of a meeting up to `seq`. */
  private advanced(meetingId: string, seq: number): void {
    const room = this.rooms.get(meetingId);
    if (room) {
      room.advanced(seq);
      return;
    }
    if (this.unreadable.has(meetingId)) return;
    // A meeting created by another process: load it once, then catch up to the highest seq heard.
    this.heard.set(meetingId, Math.max(this.heard.get(meetingId) ?? 0, seq));
    this.adopt(meetingId).catch((error) => this.options.onError?.(error));
  }

  /** Loads a meeting another process created (once, however many ask); undefined if it does not exist. */
  private adopt(meetingId: string): Promise<MeetingRoom | undefined> {
    let loading = this.loading.get(meetingId);
    if (!loading) {
      loading = (async () => {
        try {
          if ((await this.store.lastSeq(meetingId)) === 0) return undefined;
          const { meeting, seq } = await this.rebuild(meetingId).catch((error) => {
            if (error instanceof MeetingUnreadable) this.unreadable.set(meetingId, error);
            throw error;
          });
          const room = this.rooms.get(meetingId) ?? this.open(meetingId, meeting, seq);
          room.advanced(this.heard.get(meetingId) ?? 0);
          return room;
        } finally {
          this.loading.delete(meetingId);
          this.heard.delete(meetingId);
        }
      })();
      this.loading.set(meetingId, loading);
    }
    return loading;
  }

  private open(id: string, meeting: Meeting, seq: number): MeetingRoom {
    const room = new MeetingRoom(id, meeting, seq, { ...this.options, store: this.store, sink: this.sink });
    this.rooms.set(id, room);
    return room;
  }

  /** A meeting this code cannot read is refused (and the error logged); any other error stops the load. */
  private refuseUnreadable(id: string, error: unknown): undefined {
    if (!(error instanceof MeetingUnreadable)) throw error;
    this.unreadable.set(id, error);
    this.options.onError?.(error);
    return undefined;
  }

  private async rebuild(id: string): Promise<{ meeting: Meeting; seq: number }> {
    const snapshot = await this.store.latestSnapshot(id);
    const usable = snapshot?.schemaVersion === SNAPSHOT_SCHEMA_VERSION ? snapshot : null;
    let meeting: Meeting | null = usable?.meeting ?? null;
    let seq = usable?.seq ?? 0;
    for (;;) {
      const events = await this.store.readEvents(id, seq, 5000);
      if (events.length === 0) break;
      for (const stored of events) meeting = applyStored(id, meeting, stored).meeting;
      seq = events.at(-1)!.seq;
    }
    if (!meeting) throw new Error(`meeting ${id} has no events`);
    return { meeting, seq };
  }
}
