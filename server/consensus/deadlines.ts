import { closeDueChecks, type MeetingId, nextCheckDeadline } from '../../shared';
import type { MeetingService } from '../meeting/service';
import type { Logger } from '../observability/logger';

/** setTimeout's largest delay (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface CheckDeadlinesOptions {
  /** The rooms' clock (the one their decisions read), in ms since the epoch. */
  now: () => number;
  log: Logger;
}

interface Armed {
  /** The deadline this timer is for. */
  due: number;
  timer: NodeJS.Timeout;
}

/**
 * Ends "any objection?" checks at their deadlines (docs/protocol.md, "Consensus"): for every meeting
 * this process holds, one timer at `nextCheckDeadline`, armed again whenever the meeting's events
 * are stored (from this process or another) and whenever a room opens. When it fires it submits a
 * job deciding `closeDueChecks` against the state of that moment.
 *
 * Several processes over one store each arm their own timer for the same meeting: the store's seq
 * ordering lets one batch win, and the others, decided again after catching up, find nothing due
 * (an empty decision appends nothing), so each check gets exactly one `consensus.closed`. A deadline
 * that passed while no process ran is applied by `start`, which scans every meeting loaded.
 */
export class CheckDeadlines {
  private readonly armed = new Map<MeetingId, Armed>();
  private readonly unsubscribe: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly service: MeetingService,
    private readonly options: CheckDeadlinesOptions,
  ) {}

  /** Follows the service from now on and arms every meeting it holds (call after `MeetingService.load`). */
  start(): void {
    this.unsubscribe.push(
      this.service.onEventsStored((meetingId) => this.arm(meetingId)),
      this.service.onRoomOpened((meetingId) => this.arm(meetingId)),
    );
    for (const meetingId of this.service.meetingIds()) this.arm(meetingId);
  }

  /** Stops every timer; nothing is submitted after this resolves (call before the service closes). */
  close(): void {
    this.closed = true;
    for (const stop of this.unsubscribe.splice(0)) stop();
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }

  /**
   * Sets the meeting's timer for its next deadline (or clears it when none). Runs inside the
   * meeting's writer (an `onEventsStored` listener): it never throws.
   */
  private arm(meetingId: MeetingId): void {
    if (this.closed) return;
    try {
      const due = this.dueOf(meetingId);
      const current = this.armed.get(meetingId);
      if (current?.due === due) return;
      if (current) clearTimeout(current.timer);
      if (due === null) {
        this.armed.delete(meetingId);
        return;
      }
      // A deadline further than setTimeout can wait: the timer fires early, finds nothing due and
      // is armed again for what is left.
      const delay = Math.min(MAX_TIMEOUT_MS, Math.max(0, due - this.options.now()));
      const timer = setTimeout(() => this.fire(meetingId), delay);
      // A pending deadline never keeps the process alive on its own (shutdown closes it anyway).
      timer.unref();
      this.armed.set(meetingId, { due, timer });
    } catch (error) {
      this.options.log.error({ err: error, meetingId }, 'arming a check deadline failed');
    }
  }

  /**
   * The meeting's next deadline, or null when there is nothing to do: no open check, a room that
   * refuses the meeting, or an archived meeting (nothing closes there; unarchiving re-arms it).
   */
  private dueOf(meetingId: MeetingId): number | null {
    const room = this.service.room(meetingId);
    if (!room || room.unreadable || room.state.archived) return null;
    return nextCheckDeadline(room.state);
  }

  private fire(meetingId: MeetingId): void {
    this.armed.delete(meetingId);
    const room = this.service.room(meetingId);
    if (this.closed || !room) return;
    room
      // No idempotency key: the decision is made against the state of the moment, so a second
      // firing (here or on another process) finds nothing due and stores nothing.
      .submit({ decide: (meeting, ctx) => ({ ok: true, events: closeDueChecks(meeting, ctx.now) }) })
      .then(
        (ack) => {
          if (!ack.ok) this.options.log.warn({ meetingId, error: ack.error }, 'closing due checks refused');
        },
        (error: unknown) => this.options.log.error({ err: error, meetingId }, 'closing due checks failed'),
      )
      // Armed again whatever happened: a store failure is retried a second later (the deadline is
      // still due), a timer that fired early (a clamped delay) waits for what is left, and events
      // stored meanwhile have already re-armed it for the next check.
      .finally(() => this.retryLater(meetingId));
  }

  /** Arms again after a firing; a deadline still due (the store failed) waits a second, not zero. */
  private retryLater(meetingId: MeetingId): void {
    if (this.closed || this.armed.has(meetingId)) return;
    const due = this.dueOf(meetingId);
    if (due !== null && due <= this.options.now()) {
      const timer = setTimeout(() => this.fire(meetingId), STORE_RETRY_MS);
      timer.unref();
      this.armed.set(meetingId, { due, timer });
      return;
    }
    this.arm(meetingId);
  }
}

/** How long a deadline whose closing could not be stored waits before it is tried again. */
const STORE_RETRY_MS = 1000;
