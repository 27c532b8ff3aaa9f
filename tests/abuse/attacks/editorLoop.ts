import type * as Y from 'yjs';
import { type Editor, firstParagraph, openEditor, waitUntil } from '../../support/collab';
import { CloseTally, type OffenderRoom, offenderRoom } from '../../support/offenderRoom';

/** A stock editor of the offender's that makes one change a second, reopened whenever it is closed. */
export interface EditorLoop {
  room: OffenderRoom;
  tally: CloseTally;
  /** Changes made (accepted or not). */
  made: () => number;
  /** Ends the loop and frees the editor and the room. */
  stop: () => Promise<void>;
}

/**
 * Opens a stock y-websocket editor on the offender's proposal, calls `change(doc, n)` once a second
 * (the byte budget's refill) while it stays open, and opens a new one after each close, tallying the
 * close codes: what a user who keeps reloading would do.
 */
export async function startEditorLoop(
  url: string,
  adminToken: string,
  change: (doc: Y.Doc, n: number) => void,
): Promise<EditorLoop> {
  const room = await offenderRoom(url, adminToken);
  const tally = new CloseTally();
  let running = true;
  let made = 0;
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
        change(current.doc, made);
        made++;
        await new Promise((r) => setTimeout(r, 1000));
      }
      current.destroy();
    }
  })();
  return {
    room,
    tally,
    made: () => made,
    stop: async () => {
      running = false;
      await loop.catch(() => {});
      (editor as Editor | null)?.destroy();
      room.close();
    },
  };
}
