import { Mark, type Node as ProseNode, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { paragraphIdOf } from '../../../../shared/collab/paragraphs';
import { DOC_FIELDS } from '../../../../shared/collab/schema';

/** A top-level block of the projected text: its paragraph id and number (null for headings). */
export interface BlockMeta {
  pid: string | null;
  number: number | null;
}

/** The text as ProseMirror shows it, and per top-level node (same order) what the margin names. */
interface ProjectedText {
  doc: ProseNode;
  blocks: BlockMeta[];
}

type Delta = Array<{ insert: unknown; attributes?: Record<string, unknown> }>;

/**
 * Reads the shared text into a ProseMirror document without touching it. y-prosemirror's own
 * conversion may write (it deletes a node the schema refuses, and merges adjacent texts it made):
 * the projector must never write, so it reads the Yjs types itself, as y-prosemirror stores them
 * (elements by node name with their attributes; marks as formatting attributes, `name--hash` for
 * overlapping ones). What the schema does not know is left out, never repaired.
 *
 * Numbers follow `paragraphFacts` (shared/collab/paragraphs.ts): every top-level element that is not
 * a heading counts, and a pid seen twice names only its first block.
 */
export function projectText(ydoc: Y.Doc, schema: Schema): ProjectedText {
  const nodes: ProseNode[] = [];
  const blocks: BlockMeta[] = [];
  const seen = new Set<string>();
  let number = 0;
  for (const child of ydoc.getXmlFragment(DOC_FIELDS.text).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const heading = child.nodeName === 'heading';
    if (!heading) number++;
    const node = elementNode(child, schema);
    if (!node) continue;
    let pid = paragraphIdOf(child);
    if (pid && seen.has(pid)) pid = null;
    if (pid) seen.add(pid);
    nodes.push(node);
    blocks.push({ pid, number: heading ? null : number });
  }
  // An empty text is shown as the editor shows it: one empty paragraph (the schema wants a block).
  return {
    doc: schema.topNodeType.createAndFill(null, nodes) ?? schema.topNodeType.create(null, nodes),
    blocks,
  };
}

function elementNode(element: Y.XmlElement, schema: Schema): ProseNode | null {
  const type = schema.nodes[element.nodeName];
  if (!type || type === schema.topNodeType) return null;
  const children: ProseNode[] = [];
  for (const part of element.toArray()) {
    if (part instanceof Y.XmlElement) {
      const node = elementNode(part, schema);
      if (node) children.push(node);
    } else if (part instanceof Y.XmlText) children.push(...textNodes(part, schema));
  }
  try {
    const node = type.create(element.getAttributes(), children);
    node.check();
    return node;
  } catch {
    // Content the schema refuses (a text written by a newer editor): shown as well as it can be.
    return type.createAndFill(element.getAttributes()) ?? null;
  }
}

function textNodes(text: Y.XmlText, schema: Schema): ProseNode[] {
  const out: ProseNode[] = [];
  for (const op of text.toDelta() as Delta) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const marks: Mark[] = [];
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const markType = schema.marks[key.replace(/--.*$/, '')];
      if (!markType) continue;
      const attrs = value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
      marks.push(markType.create(attrs));
    }
    // In the schema's order, as ProseMirror requires of a node's mark set.
    out.push(schema.text(op.insert, Mark.setFrom(marks)));
  }
  return out;
}
