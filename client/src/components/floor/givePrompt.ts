import type { FloorRequest, Meeting } from '../../../../shared';
import { participantOf } from '../../room/selectors';

/**
 * What the chair must decide before the floor goes to `request`: whether its holder is offline
 * (confirm first), and for a right of reply during a speech whether the speaker is suspended.
 * `null` when nothing needs asking.
 */
export interface GiveQuestion {
  delegation: string;
  offline: boolean;
  /** The delegation whose speech a right of reply would interrupt. */
  replyDuring: string | null;
}

export function giveQuestion(
  meeting: Meeting,
  request: FloorRequest,
  knownOffline = false,
): GiveQuestion | null {
  const who = participantOf(meeting, request.participantId);
  const offline = knownOffline || (who ? !who.online : false);
  const current = meeting.floor.current;
  const speaker =
    current && request.kind === 'reply' ? participantOf(meeting, current.participantId) : undefined;
  const replyDuring = speaker ? speaker.delegation : null;
  if (!offline && !replyDuring) return null;
  return { delegation: who?.delegation ?? '?', offline, replyDuring };
}

/** The chair's answers, as the optional fields of the give command (absent unless chosen). */
export const giveOptions = (question: GiveQuestion | null, suspend: boolean) => ({
  ...(question?.offline ? { confirmOffline: true } : {}),
  ...(question?.replyDuring && suspend ? { suspend: true } : {}),
});
