import type { FloorKind, MeetingStatus } from './model';

/**
 * Plain English for refusal messages: what happened and what to do, never a command name. The
 * client shows its own translation by error code; these are the fallback and the logs' wording.
 */

const KIND_WORDS: Record<FloorKind, string> = {
  point_of_order: 'a point of order',
  reply: 'a right of reply',
  speak: 'a request to speak',
};

/** "a point of order", "a right of reply", "a request to speak". */
export const kindWords = (kind: FloorKind): string => KIND_WORDS[kind];

const STATUS_WORDS: Record<MeetingStatus, string> = {
  scheduled: 'the meeting has not been opened yet: open it first',
  open: 'the meeting is open already',
  suspended: 'the meeting is suspended: resume it first',
  closed: 'the meeting is closed',
};

/** Why something cannot be done in a meeting of this status, and what to do. */
export const statusWords = (status: MeetingStatus): string => STATUS_WORDS[status];

export const NO_SUCH_REQUEST =
  'that request is no longer in the list of speakers (withdrawn, removed or given the floor)';
export const NO_SUCH_ITEM = 'that agenda item does not exist (it may have been removed)';
export const NO_ITEM_OPEN = 'no agenda item is open: open one first';
