import type { MeetingId, ParticipantId } from '../../shared';

/**
 * Who has at least one live connection to a meeting, counted over every process that serves it.
 *
 * A participant's stored `online` flag follows this registry (MeetingService reconciles the two), so
 * a delegate connected to process A and then to process B is online once, and a process that dies
 * takes its participants offline within a heartbeat or so instead of leaving them online forever.
 */
export interface PresenceRegistry {
  /**
   * A connection of `participantId` to `meetingId` opened (+1) or closed (-1) on this process. The
   * local count changes at once; the shared view may follow later (it is re-published on reconnect).
   */
  change(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): Promise<void>;
  /** Participants with at least one live connection on any live process. Rejects when unknowable. */
  online(meetingId: MeetingId): Promise<ReadonlySet<string>>;
  /**
   * Called every few seconds by MeetingService: true when this process should reconcile the stored
   * flags of every meeting it holds now (one process at a time in a cluster; always true alone).
   */
  claimSweep(): Promise<boolean>;
  close(): Promise<void>;
}

/** Connection counts kept by one process, per meeting and participant. */
export class ConnectionCounts {
  private readonly counts = new Map<MeetingId, Map<ParticipantId, number>>();

  /** Applies `delta` and returns the participant's new count on this process. */
  change(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): number {
    let meeting = this.counts.get(meetingId);
    if (!meeting) {
      meeting = new Map();
      this.counts.set(meetingId, meeting);
    }
    const after = Math.max(0, (meeting.get(participantId) ?? 0) + delta);
    if (after === 0) meeting.delete(participantId);
    else meeting.set(participantId, after);
    if (meeting.size === 0) this.counts.delete(meetingId);
    return after;
  }

  participants(meetingId: MeetingId): Set<ParticipantId> {
    return new Set(this.counts.get(meetingId)?.keys() ?? []);
  }

  /** Every (meeting, participant, count) with a live connection here. */
  *entries(): Iterable<[MeetingId, ParticipantId, number]> {
    for (const [meetingId, meeting] of this.counts) {
      for (const [participantId, count] of meeting) yield [meetingId, participantId, count];
    }
  }
}

/** Presence for a single process: its own connections are all there is. */
export class LocalPresence implements PresenceRegistry {
  private readonly counts = new ConnectionCounts();

  async change(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): Promise<void> {
    this.counts.change(meetingId, participantId, delta);
  }

  async online(meetingId: MeetingId): Promise<ReadonlySet<string>> {
    return this.counts.participants(meetingId);
  }

  async claimSweep(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
