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
 */
export class MeetingService {
  private readonly rooms = new Map<string, MeetingRoom>();

  private constructor(
    private readonly store: MeetingStore,
    private readonly sink: EventSink,
    private readonly options: ServiceOptions,
  ) {}

  /** Loads every stored meeting. Anyone marked online in the stored state is set offline: on a fresh
   * start nobody is connected yet. */
  static async load(store: MeetingStore, sink: EventSink, options: ServiceOptions): Promise<MeetingService> {
    const service = new MeetingService(store, sink, options);
    for (const { id } of await store.listMeetings()) {
      const { meeting, seq } = await service.rebuild(id);
      const room = service.open(id, meeting, seq);
      const stale = meeting.participants.filter((p) => p.online);
      if (stale.length > 0) {
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
    const stored = await this.store.findCommand(meetingId, actorId, command.id);
    if (stored) {
      room.rememberAck(key, stored);
      return stored;
    }
    return room.submit({
      idempotencyKey: key,
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
