import { firstParagraph } from '../../support/collab';
import type { CloseTally, OffenderRoom } from '../../support/offenderRoom';
import { startEditorLoop } from './editorLoop';
import type { Attack, AttackContext, RunningAttack } from './types';

/** Characters of each copy pasted (the 900 KB text). */
export const COPY_CHARS = 900_000;

export interface RunningTextQuota extends RunningAttack {
  room: OffenderRoom;
  tally: CloseTally;
  /** Copies the offender's editors pasted (accepted or not). */
  pasted: () => number;
}

/** Pastes a 900 KB text once a second, with a stock editor, reconnecting after each close. */
export async function startTextQuota({ url, adminToken }: AttackContext): Promise<RunningTextQuota> {
  const loop = await startEditorLoop(url, adminToken, (doc, n) => {
    const text = firstParagraph(doc);
    text.insert(text.length, String(n % 10).repeat(COPY_CHARS));
  });
  return {
    room: loop.room,
    tally: loop.tally,
    pasted: loop.made,
    stop: async () => {
      await loop.stop();
      return `${loop.made()} copies pasted; closed: ${loop.tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'text-quota',
  summary: `pastes a ${COPY_CHARS / 1000} KB text into one proposal every second (the issue: 300 copies stored)`,
  start: startTextQuota,
};
