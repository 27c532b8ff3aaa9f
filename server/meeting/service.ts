import {
  type Ack,
  type AddParticipantBody,
  addParticipant,
  type CloneMeetingBody,
  type Command,
  type CreateMeetingBody,
  cloneMeeting,
  createMeeting,
  decide,
  evolve,
  idFactories,
  type Meeting,
  type MeetingEvent,
  type MeetingId,
  type Participant,
  type ParticipantId,
  type StoredEvent,
  storedEvent,
  type TextFacts,
} from '../../shared';
import type { MeetingStore } from '../store/types';
import { LocalPresence, type PresenceRegistry } from './presence';
import type { PresenceFoldOptions } from './presenceFold';
import { PresenceReconciler } from './presenceReconciler';
import { type EventSink, MeetingRoom, type RoomOptions, SNAPSHOT_SCHEMA_VERSION } from './room';
import { applyStored, MeetingUnreadable } from './unreadable';

export type ServiceOptions = Omit<RoomOptions, 'store' | 'sink'> & {
  /** Who is connected, over every process (default: this process's own connections). */
  presence?: PresenceRegistry;
  /** How often the stored online flags are reconciled with `presence` (default 5 s; 0: never). */
  presenceSweepMs?: number;
  /** How presence churn is folded (offline grace, writes per participant); unset: the defaults. */
  presenceFold?: Partial<PresenceFoldOptions>;
};

/** Called with every batch of stored events of a meeting, once each, in seq order. */
export type EventsStoredListener = (meetingId: MeetingId, events: readonly StoredEvent[]) => void;
/** Told that a meeting cannot be read by this code (see `MeetingService.onUnreadable`). */
export type UnreadableListener = (meetingId: MeetingId, problem: MeetingUnreadable) => void;
/** Told that this process opened a meeting's room (see `MeetingService.onRoomOpened`). */
type RoomOpenedListener = (meetingId: MeetingId) => void;

/** How long a handshake waits for this process to catch up with the seq a reconnecting client holds. */
const SYNC_ON_CONNECT_MS = 2000;

/**
 * All meetings of this process: loads each one's state from the store (latest snapshot plus the
 * events after it) and routes commands to its room. Whatever its rooms store, or take from other
 * writers, goes to the `onEventsStored` listeners (the Socket.IO gateway, the collab server).
 *
 * Other processes may write the same store (`options.bus` tells of them; LOCAL_BUS when there are
 * none): the service passes their announcements to its rooms (which catch up from the store) and
 * opens the meetings they create.
 */
export class MeetingService {
  private readonly rooms = new Map<MeetingId, MeetingRoom>();
  /** Meetings whose stored log this code cannot read (found when loading them): refused, not served. */
  private readonly unreadable = new Map<MeetingId, MeetingUnreadable>();
  /** Meetings being loaded after another process announced them or a client asked for them. */
  private readonly loading = new Map<MeetingId, Promise<MeetingRoom | undefined>>();
  /** The highest seq announced for a meeting that is still loading. */
  private readonly heard = new Map<MeetingId, number>();
  private readonly listeners = new Set<EventsStoredListener>();
  private readonly unreadableListeners = new Set<UnreadableListener>();
  private readonly openedListeners = new Set<RoomOpenedListener>();
  /** What every room publishes to: each listener, in the order they subscribed. */
  private readonly sink: EventSink = {
    publish: (meetingId, events) => {
      for (const listener of this.listeners) listener(meetingId, events);
    },
    unreadable: (meetingId, problem) => {
      for (const listener of this.unreadableListeners) listener(meetingId, problem);
    },
  };
  private readonly presence: PresenceReconciler;
  private unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly store: MeetingStore,
    private readonly options: ServiceOptions,
  ) {
    this.presence = new PresenceReconciler({
      presence: options.presence ?? new LocalPresence(),
      ...(options.presenceFold ? { fold: options.presenceFold } : {}),
      room: (id) => this.rooms.get(id),
      meetingIds: () => this.meetingIds(),
      onError: (error) => this.options.onError?.(error),
    });
  }

  /**
   * Loads every stored meeting and reconciles the stored online flags with who is connected: on a
   * fresh start of a single process nobody is, so everyone marked online is set offline.
   */
  static async load(store: MeetingStore, options: ServiceOptions): Promise<MeetingService> {
    const service = new MeetingService(store, options);
    // Subscribed before loading: an append made while the meetings load still reaches their rooms.
    service.unsubscribe = options.bus.onAdvanced(
      (id, seq) => service.advanced(id, seq),
      () => service.meetingIds().map((id) => ({ id, seq: service.rooms.get(id)!.seq })),
    );
    for (const { id } of await store.listMeetings()) {
      const rebuilt = await service.rebuild(id).catch((error) => service.refuseUnreadable(id, error));
      if (!rebuilt) continue;
      const { meeting, seq } = rebuilt;
      // (A meeting announced meanwhile may have been opened by `advanced`.)
      if (!service.rooms.has(id)) service.open(id, meeting, seq);
      await service.presence.reconcile(id);
    }
    service.presence.sweepEvery(options.presenceSweepMs ?? 5000);
    return service;
  }

  /**
   * Calls `listener` with every batch of events the rooms store or take from other writers, from now
   * on; returns the unsubscribe. A listener runs inside the meeting's writer: it must not throw.
   */
  onEventsStored(listener: EventsStoredListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Calls `listener` when a room this service served meets an event this code cannot read (a newer
   * process wrote it): the room refuses the meeting from then on; returns the unsubscribe.
   */
  onUnreadable(listener: UnreadableListener): () => void {
    this.unreadableListeners.add(listener);
    return () => {
      this.unreadableListeners.delete(listener);
    };
  }

  /**
   * Calls `listener` each time this process opens a meeting's room from now on (a meeting created
   * here, or one another process created and this one loads): its state may already hold things to
   * act on (a check's deadline) without any event arriving. Returns the unsubscribe.
   */
  onRoomOpened(listener: RoomOpenedListener): () => void {
    this.openedListeners.add(listener);
    return () => {
      this.openedListeners.delete(listener);
    };
  }

  /**
   * The room of a meeting, loading it from the store when another process created it and this one
   * has not heard yet. With `atLeastSeq` (what a reconnecting client already holds, perhaps from
   * another process), waits briefly for this process to catch up to it, so the client is not sent
   * an older state than it had.
   */
  async ensureRoom(meetingId: MeetingId, atLeastSeq = 0): Promise<MeetingRoom | undefined> {
    const refused = this.unreadable.get(meetingId) ?? this.rooms.get(meetingId)?.unreadable;
    if (refused) throw refused;
    const room = this.rooms.get(meetingId) ?? (await this.adopt(meetingId));
    if (room && atLeastSeq > room.seq) await room.syncTo(atLeastSeq, SYNC_ON_CONNECT_MS);
    return room;
  }

  room(meetingId: MeetingId): MeetingRoom | undefined {
    return this.rooms.get(meetingId);
  }

  meetingIds(): MeetingId[] {
    return [...this.rooms.keys()];
  }

  /**
   * The rooms of every meeting in the store, loading those another process created and this one
   * has not heard of yet (the administrator's list); meetings this code cannot read are left out.
   */
  async allRooms(): Promise<MeetingRoom[]> {
    const rooms: MeetingRoom[] = [];
    for (const { id } of await this.store.listMeetings()) {
      const room = await this.ensureRoom(id).catch((error) => {
        if (error instanceof MeetingUnreadable) return undefined;
        throw error;
      });
      if (room && !room.unreadable) rooms.push(room);
    }
    return rooms;
  }

  /**
   * The room brought up to the store's latest seq: for a request naming something (a participant, a
   * proposal) that another process may have stored a moment ago. Without other processes, the room
   * is already current and this costs one look-up of the store's seq.
   */
  async refresh(meetingId: MeetingId): Promise<MeetingRoom | undefined> {
    const room = await this.ensureRoom(meetingId);
    if (room) await room.syncTo(await this.store.lastSeq(meetingId), SYNC_ON_CONNECT_MS);
    return room;
  }

  /**
   * Creates a meeting and its chair; both land in the log before this resolves. `opts.id` fixes its
   * id (the demo meeting's, so every process knows it).
   */
  async createMeeting(
    body: CreateMeetingBody,
    opts: { id?: MeetingId } = {},
  ): Promise<{ meeting: Meeting; chair: Participant }> {
    const ctx = this.context();
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
    const meeting = await this.startMeeting(id, [...created, ...chairEvents.events], ctx.now);
    const chair = meeting.participants[0]!;
    return { meeting, chair };
  }

  /**
   * Creates a meeting as a copy of `sourceId` (its settings, agenda and participants, with fresh ids:
   * `cloneMeeting` in shared/domain/secretariat.ts); undefined when the source does not exist.
   */
  async cloneMeeting(
    sourceId: MeetingId,
    body: CloneMeetingBody,
  ): Promise<{ meeting: Meeting; chair: Participant | undefined } | { refused: string } | undefined> {
    const source = await this.refresh(sourceId);
    if (!source) return undefined;
    const ctx = this.context();
    const id = ctx.ids.meeting();
    const events = cloneMeeting(source.state, id, body, ctx);
    // A new end before the source's start (or the reverse) would be a meeting no one can edit.
    const planned = events.reduce<Meeting | null>(evolve, null) as Meeting;
    if (planned.startsAt !== null && planned.endsAt !== null && planned.endsAt < planned.startsAt)
      return { refused: 'the meeting cannot end before it starts: give both dates' };
    const meeting = await this.startMeeting(id, events, ctx.now);
    const chair = meeting.participants.find((p) => p.id === meeting.presidingParticipantId);
    return { meeting, chair };
  }

  private context() {
    return { now: (this.options.now ?? Date.now)(), ids: idFactories(this.options.newId) };
  }

  /** Stores the first events of a new meeting, opens its room and tells the other processes. */
  private async startMeeting(id: MeetingId, events: MeetingEvent[], now: number): Promise<Meeting> {
    const stored = events.map((event, i) => storedEvent(i + 1, now, event));
    const meeting = events.reduce<Meeting | null>(evolve, null) as Meeting;
    await this.store.append(id, 0, stored, [], { title: meeting.title });
    this.open(id, meeting, stored.length);
    this.options.bus.publishAdvanced(id, stored.length);
    return meeting;
  }

  async addParticipant(
    meetingId: MeetingId,
    body: AddParticipantBody,
  ): Promise<Participant | { error: Ack }> {
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

  /**
   * Applies a client command; resolves with the ack only after its events are durably stored. The
   * room applies a command id of a participant once (also across restarts and processes). `text`:
   * what the command's proposal's text says, read by the caller before (`needsTextFacts`), handed
   * to the decision as `ctx.text`.
   */
  async submitCommand(
    meetingId: MeetingId,
    actorId: ParticipantId,
    command: Command,
    text?: TextFacts,
  ): Promise<Ack> {
    const room = await this.ensureRoom(meetingId);
    if (!room) return { ok: false, error: { code: 'not_found', message: 'no such meeting' } };
    return room.submit({
      idempotencyKey: { participantId: actorId, commandId: command.id },
      decide: (meeting, ctx) => decide(meeting, command, actorId, text ? { ...ctx, text } : ctx),
    });
  }

  /**
   * A participant's connection to this process opened (+1) or closed (-1): the presence registry
   * counts it and the stored online flags are reconciled with it.
   */
  connectionChanged(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): void {
    this.presence.connectionChanged(meetingId, participantId, delta);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.drain()));
  }

  /** Stops listening to other processes and reconciling presence, then writes what is queued. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.presence.close();
    await this.drain();
    this.listeners.clear();
    this.unreadableListeners.clear();
    this.openedListeners.clear();
  }

  /** Another process stored events of a meeting up to `seq`. */
  private advanced(meetingId: MeetingId, seq: number): void {
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
  private adopt(meetingId: MeetingId): Promise<MeetingRoom | undefined> {
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

  private open(id: MeetingId, meeting: Meeting, seq: number): MeetingRoom {
    const room = new MeetingRoom(id, meeting, seq, { ...this.options, store: this.store, sink: this.sink });
    this.rooms.set(id, room);
    for (const listener of this.openedListeners) listener(id);
    return room;
  }

  /** A meeting this code cannot read is refused (and the error logged); any other error stops the load. */
  private refuseUnreadable(id: MeetingId, error: unknown): undefined {
    if (!(error instanceof MeetingUnreadable)) throw error;
    this.unreadable.set(id, error);
    this.options.onError?.(error);
    return undefined;
  }

  private async rebuild(id: MeetingId): Promise<{ meeting: Meeting; seq: number }> {
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
