import type { Response } from 'express';
import type { MeetingId } from '../../shared';
import { Budget, type Rate } from '../limits/budget';
import { participantKey } from '../limits/participants';
import type { Caller } from './auth';
import { sendError } from './errors';

/**
 * Bytes of HTTP answers that read a meeting or a text (`GET /api/meetings/:id`, the versions list, a
 * version's state): each is serialised on the main thread, and a meeting or a version can be
 * megabytes, so reading them in a loop is the HTTP twin of a `resync` flood (docs/protocol.md,
 * "Limits"). Per participant (token; the view token is one per meeting) and per meeting (so that
 * participants a secretariat registers for the purpose do not multiply it). The administrator is not
 * limited.
 */
export interface HttpReadLimits {
  perParticipant: Rate;
  perMeeting: Rate;
}

const MiB = 1024 * 1024;

/** Room for a comparison of two full-size versions (4 MiB each, base64) at once. */
const DEFAULT_HTTP_READ_LIMITS: HttpReadLimits = {
  perParticipant: { burst: 16 * MiB, perSecond: 2 * MiB },
  perMeeting: { burst: 32 * MiB, perSecond: 8 * MiB },
};

/** The refusal's message: names both limits. */
const readRefusal = (limits: HttpReadLimits): string =>
  `read budget spent: at most ${limits.perParticipant.perSecond / MiB} MiB of meeting and version reads a second per participant, ${limits.perMeeting.perSecond / MiB} MiB per meeting; try again in a second`;

export class HttpReadBudget {
  private readonly budgets = new Map<string, Budget>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly limits: HttpReadLimits;

  constructor(limits: Partial<HttpReadLimits> = {}) {
    this.limits = { ...DEFAULT_HTTP_READ_LIMITS, ...limits };
    this.sweeper = setInterval(() => {
      for (const [key, budget] of this.budgets) if (budget.full()) this.budgets.delete(key);
    }, 30_000);
    this.sweeper.unref();
  }

  /**
   * Sends `body` as JSON if the caller's and the meeting's budgets have anything left, and charges
   * its bytes to both; otherwise answers `429 rate_limited`. Checked right before serialising, so
   * requests in parallel see each other's charges.
   */
  send(res: Response, caller: Caller, meetingId: MeetingId, body: unknown): void {
    if (this.refused(res, caller, meetingId)) return;
    this.sendJson(res, caller, meetingId, JSON.stringify(body));
  }

  /** `send` of a body already written as JSON (a cached one: the record). */
  sendJson(res: Response, caller: Caller, meetingId: MeetingId, text: string): void {
    if (this.refused(res, caller, meetingId)) return;
    if (caller.kind !== 'admin') for (const b of this.budgetsOf(caller, meetingId)) b.charge(text.length);
    res.type('application/json').send(text);
  }

  /**
   * Answers `429 rate_limited` and returns true when the caller's or the meeting's budget is spent:
   * for a route to ask before it does the costly part (loading a version).
   */
  refused(res: Response, caller: Caller, meetingId: MeetingId): boolean {
    if (caller.kind === 'admin') return false;
    if (this.budgetsOf(caller, meetingId).every((b) => b.positive())) return false;
    sendError(res, 'rate_limited', readRefusal(this.limits));
    return true;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.budgets.clear();
  }

  private budgetsOf(caller: Caller & { kind: 'participant' }, meetingId: MeetingId): Budget[] {
    const who = participantKey(meetingId, caller.claims.view ? null : caller.claims.participantId);
    return [
      this.budget(who, this.limits.perParticipant),
      this.budget(`${meetingId}|*`, this.limits.perMeeting),
    ];
  }

  private budget(key: string, rate: Rate): Budget {
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new Budget(rate);
      this.budgets.set(key, budget);
    }
    return budget;
  }
}
