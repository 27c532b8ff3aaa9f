import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { RemoveMarkStep } from '@tiptap/pm/transform';

/** One bracketed passage of the text, with its ProseMirror range. */
export interface BracketRange {
  from: number;
  to: number;
  text: string;
}

/**
 * The open square brackets of a document, in reading order. Adjacent bracketed text nodes (split by
 * bold, italic...) inside one block count as one bracket, as a reader would see them; a bracket never
 * spans blocks.
 */
export function bracketRanges(doc: PMNode): BracketRange[] {
  const ranges: BracketRange[] = [];
  let open: BracketRange | null = null;
  doc.descendants((node, pos) => {
    if (!node.isText) {
      // A new block (or a leaf such as a line break) closes any bracket in progress.
      if (node.isBlock || node.isLeaf) open = null;
      return true;
    }
    const bracketed = node.marks.some((m) => m.type.name === 'bracket');
    if (!bracketed) {
      open = null;
      return false;
    }
    if (open && open.to === pos) {
      open.to = pos + node.nodeSize;
      open.text += node.text ?? '';
    } else {
      open = { from: pos, to: pos + node.nodeSize, text: node.text ?? '' };
      ranges.push(open);
    }
    return false;
  });
  return ranges;
}

/**
 * The text whose brackets a local transaction removed (agreement reached), one string per removal.
 * Remote changes (applied by the Yjs sync plugin) are left to the client that made them, so each
 * removal is logged once; deleting bracketed text outright is not agreement and is not reported.
 */
export function removedBracketTexts(tr: Transaction): string[] {
  const texts: string[] = [];
  tr.steps.forEach((step, i) => {
    if (!(step instanceof RemoveMarkStep) || step.mark.type.name !== 'bracket') return;
    const before = tr.docs[i];
    if (!before) return;
    let text = '';
    before.nodesBetween(step.from, step.to, (node, pos) => {
      if (!node.isText || !node.marks.some((m) => m.type.name === 'bracket')) return;
      const start = Math.max(step.from, pos);
      const end = Math.min(step.to, pos + node.nodeSize);
      text += (node.text ?? '').slice(start - pos, end - pos);
    });
    if (text.trim()) texts.push(text);
  });
  return texts;
}
