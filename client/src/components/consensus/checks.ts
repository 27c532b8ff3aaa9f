import { type ConsensusCheck, type Meeting, openChecks, type Participant } from '../../../../shared';

/**
 * Which checks the room's screens show, read from the meeting state alone (no clock of their own:
 * the countdowns take the server's time from `useServerNow`).
 */

/** How long the result of a check in the room stays on everyone's screen after it closed. */
export const RESULT_SHOWN_MS = 8_000;

/** The "any objection?" check open in the room now (there is at most one), or undefined. */
export const roomCheckOpen = (meeting: Meeting): ConsensusCheck | undefined =>
  openChecks(meeting).find((c) => c.procedure === 'room');

/** The check in the room that closed last, or undefined. */
export function lastRoomResult(meeting: Meeting): ConsensusCheck | undefined {
  for (let i = meeting.consensus.checks.length - 1; i >= 0; i--) {
    const check = meeting.consensus.checks[i]!;
    if (check.procedure === 'room' && check.result) return check;
  }
  return undefined;
}

/** The silence procedures of one proposal, or of every proposal: open ones first, then by deadline. */
export function silenceProcedures(meeting: Meeting, proposalId?: string): ConsensusCheck[] {
  return (
    meeting.consensus.checks
      .filter((c) => c.procedure === 'silence' && (proposalId === undefined || c.proposalId === proposalId))
      // By deadline only: an ending procedure keeps its place (its row, and the focus in it, stay).
      .sort((a, b) => a.endsAt - b.endsAt)
  );
}

/** A check's window in whole seconds: what it was asked for (20 for a 20 s check). */
const windowSecondsOf = (check: ConsensusCheck): number => Math.round((check.endsAt - check.askedAt) / 1000);

/**
 * Whole seconds left in `check` at server time `now`, the one count every screen shows (the
 * banner, the projector, the announcements): never below 0 (past its end the server closes it),
 * never above its window (a clock read a little before the check was asked must not start a 20 s
 * check at 21).
 */
export const secondsLeftOf = (check: ConsensusCheck, now: number): number =>
  Math.max(0, Math.min(Math.ceil((check.endsAt - now) / 1000), windowSecondsOf(check)));

/** The standing objection of `who`'s delegation in `check`, or undefined. */
export const objectionOf = (check: ConsensusCheck, who: Participant | undefined) =>
  who ? check.objections.find((o) => o.delegation === who.delegation) : undefined;

/** Whether objections are still taken at server time `now`. */
export const takesObjections = (check: ConsensusCheck, now: number): boolean =>
  check.result === null && now < check.endsAt;
