import {
  type Ack,
  type AddParticipantBody,
  addParticipant,
  type Command,
  type CreateMeetingBody,
  createMeeting,
  decide,
  evolve,
  type Meeting,
  type MeetingEvent,
  type MeetingId,
  type Participant,
  type ParticipantId,
  type StoredEvent,
} from '../../shared';
import type { MeetingStore } from '../store/types';
import {
  type EventSink,
  idempotencyKey,
  MeetingRoom,
  type RoomOptions,
  SNAPSHOT_SCHEMA_VERSION,
} from './room';

export type ServiceOptions = Omit<RoomOptions, 'store' | 'sink'>;

/**
 * All meetings of this process: loads each one's state from the store (latest snapshot plus the
 * events after it) and routes commands to its room.
 *
 * With `options.bus`, other processes may write the same store: the service passes their
 * announcements to its rooms (which catch up from the store) and opens the meetings they create.
 */
export class MeetingService {
  private readonly rooms = new Map<string, MeetingRoom>();
  /** Meetings announced by another process and being loaded, with the highest seq announced. */
  private readonly adopting = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly store: MeetingStore,
    private readonly sink: EventSink,
    private readonly options: ServiceOptions,
  ) {}

  /** Loads every stored meeting. Anyone marked online in the stored state is set offline: on a fresh
   * start nobody is connected yet. */
  static async load(store: MeetingStore, sink: EventSink, options: ServiceOptions): Promise<MeetingService> {
    const service = new MeetingService(store, sink, options);
    // Subscribed before loading: an append made while the meetings load still reaches their rooms.
    service.unsubscribe = options.bus?.onAdvanced((id, seq) => service.advanced(id, seq));
    for (const { id } of await store.listMeetings()) {
      const { meeting, seq } = await service.rebuild(id);
      // (A meeting announced meanwhile may have been opened by `advanced`.)
      const room = service.rooms.get(id) ?? service.open(id, meeting, seq);
      const stale = meeting.participants.filter((p) => p.online);
      // With other processes, the flags also count their connections: not ours to reset.
      if (stale.length > 0 && !options.bus) {
        await room.submit({
          decide: () => ({
            ok: true,
            events: stale.map((p): MeetingEvent => ({ type: 'participant.offline', participantId: p.id })),
          }),
        });
      }
    }
    return service;
  }

  room(meetingId: string): MeetingRoom | undefined {
    return this.rooms.get(meetingId);
  }

  meetingIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** Creates a meeting and its chair; both land in the log before this resolves. */
  async createMeeting(body: CreateMeetingBody): Promise<{ meeting: Meeting; chair: Participant }> {
    const id = this.options.newId('m') as MeetingId;
    const ctx = { now: (this.options.now ?? Date.now)(), newId: this.options.newId };
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
    const stored: StoredEvent[] = events.map((event, i) => ({ seq: i + 1, at: ctx.now, event }));
    await this.store.append(id, 0, stored, [], { title: body.title });
    const meeting = events.reduce<Meeting | null>(evolve, null) as Meeting;
    this.open(id, meeting, stored.length);
    this.options.bus?.publishAdvanced(id, stored.length);
    const chair = meeting.participants[0]!;
    return { meeting, chair };
  }

  async addParticipant(meetingId: string, body: AddParticipantBody): Promise<Participant | { error: Ack }> {
    const room = this.rooms.get(meetingId);
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
    const room = this.rooms.get(meetingId);
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

  /** Records that a participant's connection count went to or from zero; the room reconciles the
   * stored online flag with `isOnline()` when the job runs, so quick reconnects cause no flapping. */
  setPresence(meetingId: string, participantId: string, isOnline: () => boolean): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    void room.submit({
      decide: (meeting) => {
        const participant = meeting.participants.find((p) => p.id === participantId);
        const online = isOnline();
        if (!participant || participant.online === online) return { ok: true, events: [] };
        return {
          ok: true,
          events: [
            { type: online ? 'participant.online' : 'participant.offline', participantId: participant.id },
          ],
        };
      },
    });
  }

  async drain(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.drain()));
  }

  /** Stops listening to other processes, then writes what is queued. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.drain();
  }

  /** Another process stored events of a meeting up to `seq`. */
  private advanced(meetingId: string, seq: number): void {
    const room = this.rooms.get(meetingId);
    if (room) {
      room.advanced(seq);
      return;
    }
    // A meeting created by another process: load it once, then catch up to the highest seq heard.
    const loading = this.adopting.get(meetingId);
    this.adopting.set(meetingId, Math.max(loading ?? 0, seq));
    if (loading !== undefined) return;
    this.rebuild(meetingId).then(
      ({ meeting, seq: loaded }) => {
        const heard = this.adopting.get(meetingId) ?? 0;
        this.adopting.delete(meetingId);
        const room = this.rooms.get(meetingId) ?? this.open(meetingId, meeting, loaded);
        room.advanced(heard);
      },
      (error) => {
        this.adopting.delete(meetingId);
        this.options.onError?.(error);
      },
    );
  }

  private open(id: string, meeting: Meeting, seq: number): MeetingRoom {
    const room = new MeetingRoom(id, meeting, seq, { ...this.options, store: this.store, sink: this.sink });
    this.rooms.set(id, room);
    return room;
  }

  private async rebuild(id: string): Promise<{ meeting: Meeting; seq: number }> {
    const snapshot = await this.store.latestSnapshot(id);
    const usable = snapshot?.schemaVersion === SNAPSHOT_SCHEMA_VERSION ? snapshot : null;
    let meeting: Meeting | null = usable?.meeting ?? null;
    let seq = usable?.seq ?? 0;
    for (;;) {
      const events = await this.store.readEvents(id, seq, 5000);
      if (events.length === 0) break;
      for (const stored of events) meeting = evolve(meeting, stored.event);
      seq = events.at(-1)!.seq;
    }
    if (!meeting) throw new Error(`meeting ${id} has no events`);
    return { meeting, seq };
  }
}
