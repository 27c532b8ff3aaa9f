import type * as Y from 'yjs';
import { blockCharIds } from './authors';
import type { Attribution } from './compare';
import { editIndex } from './editLog';

/**
 * Who changed what, and when, between a saved version (`base`) and the text now (`current`): each
 * character of the current text is credited to the Yjs client that typed it (its `authors` entry
 * names the participant) at the time of its insertion mark; each character of the base text that
 * is gone now, to the client whose deletion mark covers it. Both marks come from the current
 * document's edit log (./editLog.ts); a character the log does not cover has no time or deleter.
 */
export function attributionOf(current: Y.Doc, base: Y.Doc): Attribution {
  const index = editIndex(current);
  return {
    current: blockCharIds(current).map((ids) =>
      ids.map(({ client, clock }) => {
        const at = index.insertedAt(client, clock);
        return at === undefined ? { writer: client } : { writer: client, at };
      }),
    ),
    base: blockCharIds(base).map((ids) =>
      ids.map(({ client, clock }) => index.deletedBy(client, clock) ?? {}),
    ),
  };
}
