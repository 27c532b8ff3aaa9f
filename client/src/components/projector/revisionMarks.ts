import type { Node as ProseNode } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';
import type { CompareBlock } from '../../collab/compare';

/** A textblock of the shown document and where each character of its compared text sits. */
interface Textblock {
  /** Position of the block's start (before its first child). */
  start: number;
  end: number;
  /**
   * Per character of `blockText` (collab/compare.ts: brackets written out), the document position of
   * that character, or -1 for a written-out bracket (the editor draws brackets with CSS).
   */
  positions: number[];
}

/** The textblocks of `doc` in order, as `docParagraphs` lists blocks (lists flattened to items). */
function textblocks(doc: ProseNode): Textblock[] {
  const out: Textblock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const positions: number[] = [];
    let bracketed = false;
    node.forEach((child, offset) => {
      if (!child.isText || !child.text) return;
      const inBracket = child.marks.some((m) => m.type.name === 'bracket');
      if (inBracket !== bracketed) positions.push(-1);
      bracketed = inBracket;
      for (let i = 0; i < child.text.length; i++) positions.push(pos + 1 + offset + i);
    });
    if (bracketed) positions.push(-1);
    out.push({ start: pos + 1, end: pos + node.nodeSize - 1, positions });
    return false;
  });
  return out;
}

const deleted = (text: string, block: boolean) => () => {
  const del = document.createElement('del');
  del.className = block ? 'projector-del projector-del-block' : 'projector-del';
  del.textContent = text;
  return del;
};

/**
 * Revision marks (ITU MOD convention: insertions underlined, deletions struck through) as
 * decorations of the shown text: `blocks` compares a base text with the text now (`compareBlocks`),
 * whose current blocks are `doc`'s textblocks in order. Text the comparison and the document do not
 * agree on (a block of another shape) gets no marks rather than wrong ones.
 */
export function revisionDecorations(doc: ProseNode, blocks: readonly CompareBlock[]): Decoration[] {
  const shown = textblocks(doc);
  if (blocks.filter((b) => b.change !== 'del').length !== shown.length) return [];
  const out: Decoration[] = [];
  let ci = 0;
  let lastEnd = 0;
  blocks.forEach((block, bi) => {
    if (block.change === 'del') {
      const text = block.segments.map((s) => s.text).join('');
      // A removed paragraph shows after the paragraph before it (or before the first one).
      const at = ci > 0 ? lastEnd : (shown[0]?.start ?? 0);
      out.push(
        Decoration.widget(at, deleted(text, true), { side: ci > 0 ? 1 : -1, key: `del-${bi}-${text}` }),
      );
      return;
    }
    const tb = shown[ci++]!;
    lastEnd = tb.end;
    const length = block.segments.reduce((n, s) => n + (s.change === 'del' ? 0 : s.text.length), 0);
    if (length !== tb.positions.length) return;
    let offset = 0;
    for (const segment of block.segments) {
      if (segment.change === 'del') {
        const at = tb.positions.slice(offset).find((p) => p >= 0) ?? tb.end;
        out.push(
          Decoration.widget(at, deleted(segment.text, false), {
            side: -1,
            key: `del-${bi}-${offset}-${segment.text}`,
          }),
        );
        continue;
      }
      const real = tb.positions.slice(offset, offset + segment.text.length).filter((p) => p >= 0);
      offset += segment.text.length;
      if (segment.change === 'ins' && real.length > 0)
        out.push(
          Decoration.inline(real[0]!, real[real.length - 1]! + 1, {
            nodeName: 'ins',
            class: 'projector-ins',
          }),
        );
    }
  });
  return out;
}
