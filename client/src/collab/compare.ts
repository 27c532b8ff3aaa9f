import { diffArrays, diffWords } from 'diff';
import type { Block } from '../../../shared/collab/schema';
import { bracketGroups } from './runs';

/** How a piece of text differs from the text it is compared with. */
type Change = 'same' | 'ins' | 'del';

/** A piece of a compared block; `writer` is the Yjs client that typed inserted text, when known. */
interface Segment {
  text: string;
  change: Change;
  writer?: number;
}

/** A block of the comparison: a whole block added or removed, or a block with word-level marks. */
export interface CompareBlock {
  type: string;
  attrs: Record<string, unknown>;
  list?: 'bullet' | 'ordered';
  change: Change;
  segments: Segment[];
}

/**
 * A block's text as readers see it: square brackets written out as "[" and "]", so that brackets
 * added or removed (agreement) show as revision marks like any other change.
 */
export function blockText(block: Block): string {
  return bracketGroups(block.runs)
    .map((g) => {
      const text = g.runs.map((r) => r.text).join('');
      return g.bracketed ? `[${text}]` : text;
    })
    .join('');
}

/**
 * Per character of {@link blockText}, the writer of that character (-1: unknown). The drawn brackets
 * take the writer of the text they enclose, so they do not split an insertion into a separate part.
 */
function textWriters(block: Block, writers: number[] | undefined): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const group of bracketGroups(block.runs)) {
    const length = group.runs.reduce((n, r) => n + r.text.length, 0);
    if (group.bracketed) out.push(writers?.[offset] ?? -1);
    for (let i = 0; i < length; i++) out.push(writers?.[offset + i] ?? -1);
    offset += length;
    if (group.bracketed) out.push(writers?.[offset - 1] ?? -1);
  }
  return out;
}

/** Splits an inserted piece wherever its writer changes. */
function attribute(text: string, owners: number[], start: number): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const owner = owners[start + i] ?? -1;
    const writer = owner >= 0 ? owner : undefined;
    const last = out[out.length - 1];
    if (last && last.writer === writer) last.text += text[i];
    else out.push({ text: text[i] ?? '', change: 'ins', ...(writer !== undefined ? { writer } : {}) });
  }
  // The word diff moves spaces across word edges, so a space may belong to the older text; a piece
  // that is only spaces joins its neighbour rather than showing as a separate author.
  const merged: Segment[] = [];
  for (const seg of out) {
    const last = merged[merged.length - 1];
    if (last && (!seg.text.trim() || !last.text.trim())) {
      const writer = last.text.trim() ? last.writer : seg.writer;
      merged[merged.length - 1] = {
        text: last.text + seg.text,
        change: 'ins',
        ...(writer !== undefined ? { writer } : {}),
      };
    } else merged.push(seg);
  }
  return merged;
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : undefined;

function compareBlock(before: Block, after: Block, owners: number[]): CompareBlock {
  const segments: Segment[] = [];
  let offset = 0; // in the current text; diffWords reproduces the new text exactly
  // A word segmenter splits Chinese (and other scripts without spaces) into words.
  for (const part of diffWords(blockText(before), blockText(after), { intlSegmenter: segmenter })) {
    if (part.removed) segments.push({ text: part.value, change: 'del' });
    else if (part.added) {
      segments.push(...attribute(part.value, owners, offset));
      offset += part.value.length;
    } else {
      segments.push({ text: part.value, change: 'same' });
      offset += part.value.length;
    }
  }
  const changed = segments.some((s) => s.change !== 'same');
  return {
    ...shape(after),
    change: 'same',
    segments: changed ? segments : [{ text: blockText(after), change: 'same' }],
  };
}

const shape = (b: Block) => ({ type: b.type, attrs: b.attrs, ...(b.list ? { list: b.list } : {}) });

/**
 * The revision-mark model of `current` against `base` (ITU MOD convention: insertions underlined,
 * deletions struck through). Blocks are aligned first (whole paragraphs added or removed), then the
 * blocks that replace one another are compared word by word. `writers` (from `blockWriters`) lets
 * inserted text carry who typed it.
 */
export function compareBlocks(base: Block[], current: Block[], writers: number[][] = []): CompareBlock[] {
  const baseTexts = base.map(blockText);
  const currentTexts = current.map(blockText);
  const out: CompareBlock[] = [];
  let bi = 0;
  let ci = 0;
  const changes = diffArrays(baseTexts, currentTexts);
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (!change.added && !change.removed) {
      for (let n = 0; n < change.count; n++, bi++, ci++)
        out.push({
          ...shape(current[ci]!),
          change: 'same',
          segments: [{ text: currentTexts[ci]!, change: 'same' }],
        });
      continue;
    }
    // A run of removed blocks next to a run of added ones: edited paragraphs, compared word by word.
    const next = changes[k + 1];
    const removed = change.removed ? change.count : next?.removed ? next.count : 0;
    const added = change.added ? change.count : next?.added ? next.count : 0;
    if (next && (next.added || next.removed) && next.added !== change.added) k++;
    const paired = Math.min(removed, added);
    for (let n = 0; n < paired; n++, bi++, ci++)
      out.push(compareBlock(base[bi]!, current[ci]!, textWriters(current[ci]!, writers[ci])));
    for (let n = paired; n < removed; n++, bi++)
      out.push({ ...shape(base[bi]!), change: 'del', segments: [{ text: baseTexts[bi]!, change: 'del' }] });
    for (let n = paired; n < added; n++, ci++) {
      const owners = textWriters(current[ci]!, writers[ci]);
      out.push({ ...shape(current[ci]!), change: 'ins', segments: attribute(currentTexts[ci]!, owners, 0) });
    }
  }
  return out;
}

/** Whether the comparison shows any change at all. */
export const hasChanges = (blocks: CompareBlock[]): boolean =>
  blocks.some((b) => b.change !== 'same' || b.segments.some((s) => s.change !== 'same'));
