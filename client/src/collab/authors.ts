import * as Y from 'yjs';
import { type Author, DOC_FIELDS } from '../../../shared/collab/schema';

export type { Author };

/** The `authors` map: Yjs clientID (as a string) → {@link Author}. */
export const authorsOf = (doc: Y.Doc) => doc.getMap<Author>(DOC_FIELDS.authors);

/**
 * Records that this document's Yjs client is `author`, so that others can attribute what it types.
 * The server accepts an entry only for a client id this participant writes with, naming this
 * participant as the meeting knows them (docs/collab.md, "Authorship"); revision marks still
 * attribute text by client id.
 */
export function registerAuthor(doc: Y.Doc, author: Author): void {
  const map = authorsOf(doc);
  const key = String(doc.clientID);
  const known = map.get(key);
  if (known?.participantId === author.participantId && known.name === author.name) return;
  map.set(key, author);
}

/** The Yjs id of one character of the text: the client that typed it and its clock. */
export interface CharId {
  client: number;
  clock: number;
}

/**
 * For each block of the text (in the order of `docParagraphs`), the Yjs id of each character: the
 * ids of the live items of its Y.XmlText children. Walks the same nodes as `docParagraphs` so that
 * offsets line up.
 */
export function blockCharIds(doc: Y.Doc): CharId[][] {
  const blocks: CharId[][] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      if (name === 'bulletList' || name === 'orderedList' || name === 'listItem') {
        walk(child);
        continue;
      }
      const ids: CharId[] = [];
      for (const part of child.toArray()) {
        if (!(part instanceof Y.XmlText)) continue;
        for (let item = part._start; item !== null; item = item.right) {
          if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
          for (let i = 0; i < item.length; i++)
            ids.push({ client: item.id.client, clock: item.id.clock + i });
        }
      }
      blocks.push(ids);
    }
  };
  walk(doc.getXmlFragment(DOC_FIELDS.text));
  return blocks;
}

/** For each block of the text, the Yjs client that wrote each character (see `blockCharIds`). */
export const blockWriters = (doc: Y.Doc): number[][] =>
  blockCharIds(doc).map((ids) => ids.map((id) => id.client));
