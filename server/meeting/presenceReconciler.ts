import type { MeetingId, ParticipantId } from '../../shared';
import { presenceChanges } from '../../shared/domain/presence';
import type { PresenceRegistry } from './presence';
import { DEFAULT_PRESENCE_FOLD, PresenceFold, type PresenceFoldOptions } from './presenceFold';
import type { MeetingRoom } from './room';

export interface PresenceReconcilerOptions {
  /** Who is connected, over every process. */
  presence: PresenceRegistry;
  /** How presence churn is folded (offline grace, writes per participant); unset: the defaults. */
  fold?: Partial<PresenceFoldOptions>;
  /** The room of a meeting this process holds. */
  room: (meetingId: MeetingId) => MeetingRoom | undefined;
  /** Every meeting this process holds (what a sweep reconciles). */
  meetingIds: () => MeetingId[];
  /** The registry could not be read (Redis away): the next sweep tries again. */
  onError: (error: unknown) => void;
}

/**
 * Keeps the stored online flags of the meetings this process holds in line with the presence
 * registry. Calls made while a round runs are folded into one more round, and each round decides
 * against the latest registry answer, so a quick disconnect and reconnect costs no offline/online
 * pair. Changes are folded (PresenceFold): an offline seen on this process is written only after a
 * grace period, and each participant has a budget of writes; a change held back is reconciled again
 * when it may be written (the pure part is `presenceChanges`, shared/domain/presence.ts).
 */
export class PresenceReconciler {
  /** The latest answer of `presence.online` per meeting: what a reconciliation decides against. */
  private readonly views = new Map<MeetingId, ReadonlySet<string>>();
  private readonly running = new Map<MeetingId, { again: boolean; done: Promise<void> }>();
  private readonly fold: PresenceFold;
  /** Per meeting: a reconciliation due when a held-back presence change may be written. */
  private readonly retries = new Map<MeetingId, { at: number; timer: NodeJS.Timeout }>();
  private sweep: NodeJS.Timeout | undefined;

  constructor(private readonly options: PresenceReconcilerOptions) {
    this.fold = new PresenceFold({ ...DEFAULT_PRESENCE_FOLD, ...options.fold });
  }

  /** A participant's connection to this process opened (+1) or closed (-1). */
  connectionChanged(meetingId: MeetingId, participantId: ParticipantId, delta: 1 | -1): void {
    if (delta < 0) this.fold.disconnected(meetingId, participantId);
    this.options.presence.change(meetingId, participantId, delta).then(
      () => this.reconcile(meetingId),
      (error) => this.options.onError(error),
    );
  }

  /** Every `ms` (0: never), one process reconciles every meeting it holds: e.g. a dead process's participants. */
  sweepEvery(ms: number): void {
    clearInterval(this.sweep);
    if (ms <= 0) return;
    this.sweep = setInterval(() => void this.sweepOnce(), ms);
    this.sweep.unref();
  }

  /** Brings the stored online flags of a meeting in line with the registry (see the class). */
  reconcile(meetingId: MeetingId): Promise<void> {
    const running = this.running.get(meetingId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const round = { again: true, done: Promise.resolve() };
    round.done = (async () => {
      try {
        while (round.again) {
          round.again = false;
          const room = this.options.room(meetingId);
          if (!room) return;
          this.views.set(meetingId, await this.options.presence.online(meetingId));
          let retryAt: number | undefined;
          await room.submit({
            decide: (meeting) => {
              const online = this.views.get(meetingId) ?? new Set<string>();
              const changes = presenceChanges(meeting, online, (participantId, isOnline) =>
                this.fold.allow(meetingId, participantId, isOnline),
              );
              retryAt = changes.retryAt;
              return { ok: true, events: changes.events };
            },
          });
          if (retryAt !== undefined) this.retry(meetingId, retryAt);
        }
      } catch (error) {
        // Presence unknowable (Redis away): the next sweep tries again.
        this.options.onError(error);
      } finally {
        this.running.delete(meetingId);
      }
    })();
    this.running.set(meetingId, round);
    return round.done;
  }

  /** Stops sweeping and retrying, waits for the rounds running, then closes the registry. */
  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const retry of this.retries.values()) clearTimeout(retry.timer);
    this.retries.clear();
    await Promise.all([...this.running.values()].map((r) => r.done));
    await this.options.presence.close();
  }

  /** Reconciles the meeting again at `at` (or earlier, if already due sooner). */
  private retry(meetingId: MeetingId, at: number): void {
    const due = this.retries.get(meetingId);
    if (due && due.at <= at) return;
    if (due) clearTimeout(due.timer);
    const timer = setTimeout(
      () => {
        this.retries.delete(meetingId);
        void this.reconcile(meetingId);
      },
      Math.max(0, at - Date.now()) + 10,
    );
    timer.unref();
    this.retries.set(meetingId, { at, timer });
  }

  private async sweepOnce(): Promise<void> {
    this.fold.prune();
    try {
      if (!(await this.options.presence.claimSweep())) return;
    } catch {
      return; // Redis away; next round.
    }
    for (const id of this.options.meetingIds()) await this.reconcile(id);
  }
}
