import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOC_FIELDS } from '../../../shared/collab/schema';

/** Nodes without content: ProseMirror gives them size 1 and no opening/closing tokens. */
const LEAVES = new Set(['hardBreak', 'horizontalRule', 'image']);

/**
 * A stand-in for the ProseMirror binding's type→node mapping, computed from the Yjs structure itself.
 * y-tiptap's position helpers only read `nodeSize` from it, and computing it from Yjs keeps the
 * conversion usable (and testable) without an editor view, and exact for the document as it is now.
 */
function sizeMapping() {
  const sizes = new Map<Y.AbstractType<unknown>, number>();
  const size = (type: Y.AbstractType<unknown>): number => {
    const known = sizes.get(type);
    if (known !== undefined) return known;
    let n: number;
    if (type instanceof Y.XmlText) n = type.length;
    else if (type instanceof Y.XmlElement && LEAVES.has(type.nodeName)) n = 1;
    else if (type instanceof Y.XmlElement)
      n = 2 + type.toArray().reduce((sum, child) => sum + size(child as Y.AbstractType<unknown>), 0);
    else n = 0;
    sizes.set(type, n);
    return n;
  };
  return { get: (type: Y.AbstractType<unknown>) => ({ nodeSize: size(type) }) };
}

/** A ProseMirror position of the text, as a JSON-safe Yjs relative position that follows edits. */
export function toRelative(doc: Y.Doc, pos: number): unknown {
  const fragment = doc.getXmlFragment(DOC_FIELDS.text);
  const rel = absolutePositionToRelativePosition(pos, fragment, sizeMapping() as never);
  return Y.relativePositionToJSON(rel);
}

/**
 * The ProseMirror position a stored relative position points at now (where its text was, if that text
 * was deleted); null when it cannot be resolved, e.g. its whole block is gone.
 */
export function toAbsolute(doc: Y.Doc, json: unknown): number | null {
  if (!json || typeof json !== 'object') return null;
  const fragment = doc.getXmlFragment(DOC_FIELDS.text);
  try {
    const rel = Y.createRelativePositionFromJSON(json);
    return relativePositionToAbsolutePosition(doc, fragment, rel, sizeMapping() as never);
  } catch {
    return null;
  }
}
