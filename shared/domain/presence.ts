import type { ParticipantId } from '../ids';
import type { MeetingEvent } from './events';
import type { Meeting } from './model';

/**
 * Whether a participant's stored online flag may change to `online` now: `true` (the change is
 * written, and charged to whatever budget the caller keeps), or the time (ms since the epoch) at which
 * to ask again.
 */
export type PresenceAllowance = (participantId: ParticipantId, online: boolean) => true | number;

/** What a presence reconciliation writes, and when it has to run again. */
export interface PresenceChanges {
  /** `participant.online` / `participant.offline` events, in the meeting's participant order. */
  events: MeetingEvent[];
  /** The earliest time a held-back change may be written; undefined when nothing was held back. */
  retryAt: number | undefined;
}

/**
 * The events that bring the stored online flags of `meeting` in line with `online` (who has a live
 * connection now). Only participants whose flag differs are asked about (`allow`), so an unchanged
 * participant costs no budget; a change `allow` holds back is left for the retry at `retryAt`.
 */
export function presenceChanges(
  meeting: Meeting,
  online: ReadonlySet<string>,
  allow: PresenceAllowance,
): PresenceChanges {
  const events: MeetingEvent[] = [];
  let retryAt: number | undefined;
  for (const participant of meeting.participants) {
    const isOnline = online.has(participant.id);
    if (participant.online === isOnline) continue;
    const allowed = allow(participant.id, isOnline);
    if (allowed !== true) {
      retryAt = retryAt === undefined ? allowed : Math.min(retryAt, allowed);
      continue;
    }
    events.push({
      type: isOnline ? 'participant.online' : 'participant.offline',
      participantId: participant.id,
    });
  }
  return { events, retryAt };
}
