import { type Editor, firstParagraph, openEditor, waitUntil } from '../../support/collab';
import { CloseTally, type OffenderRoom, offenderRoom } from '../../support/offenderRoom';
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
  const room = await offenderRoom(url, adminToken);
  const tally = new CloseTally();
  let running = true;
  let pasted = 0;
  let editor: Editor | null = null;
  const loop = (async () => {
    while (running) {
      const current = openEditor(url, room.proposalId, room.offender.token);
      editor = current;
      let open = true;
      void current.closed.then(({ code }) => {
        open = false;
        tally.add(code);
      });
      await current.synced;
      await waitUntil(() => firstParagraph(current.doc).length > 0, 'the text');
      while (running && open) {
        const text = firstParagraph(current.doc);
        text.insert(text.length, String(pasted % 10).repeat(COPY_CHARS));
        pasted++;
        await new Promise((r) => setTimeout(r, 1000));
      }
      current.destroy();
    }
  })();
  return {
    room,
    tally,
    pasted: () => pasted,
    stop: async () => {
      running = false;
      await loop.catch(() => {});
      (editor as Editor | null)?.destroy();
      room.close();
      return `${pasted} copies pasted; closed: ${tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'text-quota',
  summary: `pastes a ${COPY_CHARS / 1000} KB text into one proposal every second (the issue: 300 copies stored)`,
  start: startTextQuota,
};
