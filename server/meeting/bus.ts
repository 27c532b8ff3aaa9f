/**
 * "Another process appended to meeting M, up to seq N": the only thing processes sharing one store
 * tell each other about meetings. The events themselves are always read from the store (the source of
 * truth), so a lost, late, duplicated or out-of-order notification costs at most a delay: the next
 * notification, or the next append conflict, catches the room up.
 *
 * A Redis pub/sub (or stream) implementation comes with the Redis wiring; `InProcessBus` connects
 * several MeetingServices inside one process (tests).
 */
export interface MeetingBus {
  /** Announces that the store now holds the events of `meetingId` up to `seq` (called after the append). */
  publishAdvanced(meetingId: string, seq: number): void;
  /**
   * Calls `handler` for every announcement, including this process's own (rooms ignore a seq they
   * already hold). Returns a function that stops the calls.
   */
  onAdvanced(handler: AdvancedHandler): () => void;
}

export type AdvancedHandler = (meetingId: string, seq: number) => void;

/**
 * A bus inside one process. Delivery is asynchronous (a later macrotask), like a network bus, so a
 * publisher never runs a subscriber's code on its own stack.
 */
export class InProcessBus implements MeetingBus {
  private readonly handlers = new Set<AdvancedHandler>();
  /** While paused, announcements are dropped (a test simulates a lost pub/sub message). */
  paused = false;

  publishAdvanced(meetingId: string, seq: number): void {
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
