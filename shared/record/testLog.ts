/**
 * Stored logs for the record's tests: the fixtures' `Room` (decide and evolve, minus the storage),
 * with the time each event was stored. The Room's events carry no stored time, so each one is
 * stamped with the context's clock when it is pushed, as the server stamps a batch with its `now`.
 */

import type { Decision } from '../domain/decide';
import { type MeetingEvent, type StoredEvent, storedEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import { type DemoOptions, Room, type TestContext } from '../domain/fixtures';
import type { FloorKind, Meeting } from '../domain/model';
import type { ParticipantId, RequestId } from '../ids';
import type { CommandInput } from '../protocol/commands';

/** What `TestLog` is set up with: the Room's options (who is offline at first, the demo's options). */
export type TestLogOptions = DemoOptions & { offline?: ParticipantId[] };

/**
 * A meeting in memory whose log is kept as it would be stored: `stored()` gives the events
 * numbered from 1, each with the clock's time when it was decided or pushed.
 * @example
 * const log = new TestLog({ openItem: true });
 * log.giveTo(P.kenya); log.advance(90); log.must(P.chair, { type: 'floor.end' });
 * buildRecord(log.stored());
 */
export class TestLog {
  readonly room: Room;
  /** The stored time of each of the Room's events, by index. */
  private readonly times: number[] = [];

  constructor(opts: TestLogOptions = {}) {
    this.room = new Room(opts);
    this.stamp();
  }

  get ctx(): TestContext {
    return this.room.ctx;
  }

  get meeting(): Meeting {
    return this.room.meeting;
  }

  /** Moves the clock on by that many seconds (what the next events are stamped with). */
  advance(seconds: number): this {
    this.room.ctx.advance(seconds);
    return this;
  }

  /** Decides a command as `actor`; the events of an accepted one are stamped now. */
  run(actor: ParticipantId, input: CommandInput): Decision {
    const decision = this.room.run(actor, input);
    this.stamp();
    return decision;
  }

  /** As `run`, throwing when the command is refused. */
  must(actor: ParticipantId, input: CommandInput): MeetingEvent[] {
    const events = this.room.must(actor, input);
    this.stamp();
    return events;
  }

  /** The chair queues `who` and returns the request's id. */
  queue(who: ParticipantId, kind: FloorKind = 'speak'): RequestId {
    const requestId = this.room.queue(who, kind);
    this.stamp();
    return requestId;
  }

  /** The chair queues `who` and gives them the floor at once. */
  giveTo(who: ParticipantId, kind: FloorKind = 'speak'): RequestId {
    const requestId = this.room.giveTo(who, kind);
    this.stamp();
    return requestId;
  }

  /**
   * Applies a decision made outside `decide` (the secretariat's functions: add, update, remove a
   * participant), throwing when it was refused.
   */
  accept(decision: Decision): MeetingEvent[] {
    if (!decision.ok) throw new Error(`refused: ${decision.error.code} ${decision.error.message}`);
    return this.push(...decision.events);
  }

  /** Appends events as they are (hand-written, or what the server writes itself, like presence). */
  push(...events: MeetingEvent[]): MeetingEvent[] {
    for (const event of events) {
      this.room.meeting = evolve(this.room.meeting, event);
      this.room.events.push(event);
    }
    this.stamp();
    return events;
  }

  /** The participant's connection comes up or goes down (what the server's presence writes). */
  online(participantId: ParticipantId): this {
    this.push({ type: 'participant.online', participantId });
    return this;
  }

  offline(participantId: ParticipantId): this {
    this.push({ type: 'participant.offline', participantId });
    return this;
  }

  /** The log as a store returns it: seq from 1, each event's stored time, the current version. */
  stored(): StoredEvent[] {
    return this.room.events.map((event, i) => storedEvent(i + 1, this.times[i]!, event));
  }

  /** Events not yet stamped were pushed now. */
  private stamp(): void {
    while (this.times.length < this.room.events.length) this.times.push(this.room.ctx.now);
  }
}
