import * as Y from 'yjs';
import { DOC_FIELDS } from '../../../shared/collab/schema';
import type { CloseTally, OffenderRoom } from '../../support/offenderRoom';
import { startEditorLoop } from './editorLoop';
import type { Attack, AttackContext, RunningAttack } from './types';

/** One-character structs per update: just inside the 100 000 structs an update may carry. */
const STRUCTS = 90_000;

export interface RunningStructFlood extends RunningAttack {
  room: OffenderRoom;
  tally: CloseTally;
  /** Updates sent (each one insertion of STRUCTS structs, or the deletion of everything typed). */
  sent: () => number;
}

/**
 * A delegate with a stock provider types 90 000 characters backwards in one transaction (every
 * character its own struct: about 900 KB, inside the message, byte and struct limits), once a second
 * (the byte budget's refill), each time in a new paragraph, and deletes those paragraphs every fourth
 * time so the text never reaches its size limit. Each such update is applied twice, on the worker's mirror and on the main thread.
 */
export async function startStructFlood({ url, adminToken }: AttackContext): Promise<RunningStructFlood> {
  const loop = await startEditorLoop(url, adminToken, (doc, n) => {
    const fragment = doc.getXmlFragment(DOC_FIELDS.text);
    if (n % 4 === 3) fragment.delete(1, fragment.length - 1);
    else
      doc.transact(() => {
        // A paragraph of its own each time: typing at the start of text that has tombstones before
        // it is quadratic in Yjs's own Y.Text (client side), and this client must stay fast.
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        fragment.insert(fragment.length, [paragraph]);
        for (let c = 0; c < STRUCTS; c++) text.insert(0, String(c % 10));
      });
  });
  return {
    room: loop.room,
    tally: loop.tally,
    sent: loop.made,
    stop: async () => {
      await loop.stop();
      return `${loop.made()} updates sent; closed: ${loop.tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'struct-flood',
  summary: `types ${STRUCTS / 1000}k characters backwards (one struct each) into one proposal every second`,
  start: startStructFlood,
};
