import * as Y from 'yjs';
import { DOC_FIELDS } from '../../../../shared/collab/schema';
import type { LiveComment } from '../comments';
import type { CompareBlock } from '../compare';
import type { WordComment } from './model';

/** Nodes without content (as in ../positions.ts): ProseMirror gives them size 1. */
const LEAVES = new Set(['hardBreak', 'horizontalRule', 'image']);
const WRAPPERS = new Set(['bulletList', 'orderedList', 'listItem']);

/**
 * Where each block of the text (in the order of `docParagraphs`) starts, as a ProseMirror position,
 * so that a comment's range can be placed on the blocks it covers.
 */
export function blockStarts(doc: Y.Doc): number[] {
  const starts: number[] = [];
  const size = (node: Y.XmlElement | Y.XmlText): number => {
    if (node instanceof Y.XmlText) return node.length;
    if (LEAVES.has(node.nodeName)) return 1;
    return 2 + node.toArray().reduce((n, c) => n + size(c as Y.XmlElement | Y.XmlText), 0);
  };
  const walk = (node: Y.XmlElement | Y.XmlFragment, at: number): number => {
    let pos = at;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (WRAPPERS.has(child.nodeName)) {
        pos = walk(child, pos + 1) + 1;
        continue;
      }
      starts.push(pos);
      pos += size(child);
    }
    return pos;
  };
  walk(doc.getXmlFragment(DOC_FIELDS.text), 0);
  return starts;
}

/** The block a ProseMirror position falls in (the last that starts at or before it). */
function blockAt(starts: readonly number[], pos: number): number {
  let found = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= pos) found = i;
  return found;
}

/**
 * The comments and their replies as Word comments, each on the paragraphs its range covers (a
 * comment whose text is gone goes on the title, quoting what it was on). The comment's quote leads
 * its text, so the comment reads right wherever Word shows it.
 */
export function wordComments(
  doc: Y.Doc,
  comments: readonly LiveComment[],
  labels: { on: (quote: string) => string; resolved: string },
): WordComment[] {
  const starts = blockStarts(doc);
  return comments.flatMap((c) => {
    const from = c.range ? blockAt(starts, c.range.from) : -1;
    const to = c.range ? blockAt(starts, c.range.to) : -1;
    const lead = [labels.on(c.quote), c.resolved ? labels.resolved : ''].filter(Boolean).join(' ');
    return [
      { author: c.authorName, date: c.createdAt, text: `${lead}\n${c.text}`, from, to },
      ...c.replies.map((r) => ({ author: r.authorName, date: r.createdAt, text: r.text, from, to })),
    ];
  });
}

/**
 * The same comments placed on a comparison's paragraphs: those of the current text keep their
 * order there, between the paragraphs shown as deleted.
 */
export function onComparison(
  comments: readonly WordComment[],
  blocks: readonly CompareBlock[],
): WordComment[] {
  const at: number[] = [];
  blocks.forEach((b, i) => {
    if (b.change !== 'del') at.push(i);
  });
  const place = (index: number) => (index < 0 ? -1 : (at[index] ?? -1));
  return comments.map((c) => ({ ...c, from: place(c.from), to: place(c.to) }));
}
