import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOC_FIELDS, seedDoc } from '../../../shared/collab/schema';
import { editorSchema } from './extensions';

/** Test helpers: documents built the way the server seeds them, read with the editor's schema. */

/** A Y.Doc seeded with `text` (blank lines separate paragraphs; "# " starts a heading). */
export function seeded(text: string, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  seedDoc(doc, text);
  return doc;
}

/** The ProseMirror document the editor would show for `doc`. */
export const pmDoc = (doc: Y.Doc) =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FIELDS.text), editorSchema());

/** The ProseMirror range of the first occurrence of `word`. */
export function rangeOf(doc: Y.Doc, word: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pmDoc(doc).descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = node.text!.indexOf(word);
    if (at >= 0) found = { from: pos + at, to: pos + at + word.length };
    return false;
  });
  if (!found) throw new Error(`"${word}" not in the text`);
  return found;
}

/** The Y.XmlText of the `index`th block (top level). */
export function blockText(doc: Y.Doc, index: number): Y.XmlText {
  const block = doc.getXmlFragment(DOC_FIELDS.text).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

/** Applies every update of `from` that `to` lacks, as a provider would. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}
