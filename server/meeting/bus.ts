import type { MeetingId } from '../../shared';

/**
 * "Another process appended to meeting M, up to seq N": the only thing processes sharing one store
 * tell each other about meetings. The events themselves are always read from the store (the source of
 * truth), so a lost, late, duplicated or out-of-order notification costs at most a delay: the next
 * notification, or the next append conflict, catches the room up.
 *
 * Implementations: `LOCAL_BUS` (one process, nobody to tell), `InProcessBus` (several MeetingServices
 * inside one process: tests) and `RedisMeetingBus` (server/cluster/meetingBus.ts).
 */
export interface MeetingBus {
  /** Announces that the store now holds the events of `meetingId` up to `seq` (called after the append). */
  publishAdvanced(meetingId: MeetingId, seq: number): void;
  /**
   * Calls `handler` for every announcement, including this process's own (rooms ignore a seq they
   * already hold). `held` names the meetings the subscriber holds and their seqs, so a bus that may
   * lose announcements can compare them with the store. Returns a function that stops the calls.
   */
  onAdvanced(handler: AdvancedHandler, held: () => Iterable<MeetingPosition>): () => void;
}

export type AdvancedHandler = (meetingId: MeetingId, seq: number) => void;

/** A meeting a process holds, and the last seq it holds of it. */
export interface MeetingPosition {
  id: MeetingId;
  seq: number;
}

/** The bus of a process alone with its store: there is nobody to tell and nobody to hear from. */
export const LOCAL_BUS: MeetingBus = {
  publishAdvanced: () => {},
  onAdvanced: () => () => {},
};

/**
 * A bus inside one process. Delivery is asynchronous (a later macrotask), like a network bus, so a
 * publisher never runs a subscriber's code on its own stack.
 */
export class InProcessBus implements MeetingBus {
  private readonly handlers = new Set<AdvancedHandler>();
  /** While paused, announcements are dropped (a test simulates a lost pub/sub message). */
  paused = false;

  publishAdvanced(meetingId: MeetingId, seq: number): void {
    if (this.paused) return;
    const handlers = [...this.handlers];
    setImmediate(() => {
      for (const handler of handlers) {
        if (this.handlers.has(handler)) handler(meetingId, seq);
      }
    });
  }

  onAdvanced(handler: AdvancedHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }
}
