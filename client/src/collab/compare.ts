import { diffArrays, diffWords } from 'diff';
import type { Block } from '../../../shared/collab/schema';
import { bracketGroups } from './runs';

/** How a piece of text differs from the text it is compared with. */
type Change = 'same' | 'ins' | 'del';

/**
 * A piece of a compared block. `writer` is the Yjs client that typed inserted text, or that deleted
 * deleted text; `at` the time of that edit; each when known.
 */
interface Segment {
  text: string;
  change: Change;
  writer?: number;
  at?: number;
}

/** Who made a character's change and when (see `Segment`). */
interface Credit {
  writer?: number;
  at?: number;
}

/**
 * Per block, per character: the credit of each character of the current text (who typed it, when)
 * and of the base text (who deleted it, when; nothing for text still there).
 */
export interface Attribution {
  current: Credit[][];
  base: Credit[][];
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
 * Per character of {@link blockText}, the credit of that character. The drawn brackets take the
 * credit of the text they enclose, so they do not split an insertion into a separate part.
 */
function textCredits(block: Block, credits: Credit[] | undefined): Credit[] {
  const out: Credit[] = [];
  let offset = 0;
  for (const group of bracketGroups(block.runs)) {
    const length = group.runs.reduce((n, r) => n + r.text.length, 0);
    if (group.bracketed) out.push(credits?.[offset] ?? {});
    for (let i = 0; i < length; i++) out.push(credits?.[offset + i] ?? {});
    offset += length;
    if (group.bracketed) out.push(credits?.[offset - 1] ?? {});
  }
  return out;
}

const credited = (text: string, change: Change, credit: Credit): Segment => ({
  text,
  change,
  ...(credit.writer !== undefined ? { writer: credit.writer } : {}),
  ...(credit.at !== undefined ? { at: credit.at } : {}),
});

/** Splits an inserted or deleted piece wherever its writer or time changes. */
function attribute(text: string, credits: Credit[], start: number, change: 'ins' | 'del'): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const credit = credits[start + i] ?? {};
    const last = out[out.length - 1];
    if (last && last.writer === credit.writer && last.at === credit.at) last.text += text[i];
    else out.push(credited(text[i] ?? '', change, credit));
  }
  // The word diff moves spaces across word edges, so a space may belong to the older text; a piece
  // that is only spaces joins its neighbour rather than showing as a separate author.
  const merged: Segment[] = [];
  for (const seg of out) {
    const last = merged[merged.length - 1];
    if (last && (!seg.text.trim() || !last.text.trim())) {
      const owner = last.text.trim() ? last : seg;
      merged[merged.length - 1] = credited(last.text + seg.text, change, owner);
    } else merged.push(seg);
  }
  return merged;
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : undefined;

function compareBlock(before: Block, after: Block, owners: Credit[], deleters: Credit[]): CompareBlock {
  const segments: Segment[] = [];
  // Offsets in the current and the base text: diffWords reproduces both exactly.
  let offset = 0;
  let baseOffset = 0;
  // A word segmenter splits Chinese (and other scripts without spaces) into words.
  for (const part of diffWords(blockText(before), blockText(after), { intlSegmenter: segmenter })) {
    if (part.removed) {
      segments.push(...attribute(part.value, deleters, baseOffset, 'del'));
      baseOffset += part.value.length;
    } else if (part.added) {
      segments.push(...attribute(part.value, owners, offset, 'ins'));
      offset += part.value.length;
    } else {
      segments.push({ text: part.value, change: 'same' });
      offset += part.value.length;
      baseOffset += part.value.length;
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
 * blocks that replace one another are compared word by word. `credits` lets inserted and deleted
 * text carry who changed it and when (./attribution.ts); writers only (from `blockWriters`) credit
 * insertions with their writer.
 */
export function compareBlocks(
  base: Block[],
  current: Block[],
  credits: number[][] | Attribution = [],
): CompareBlock[] {
  const { current: owners, base: deleters } = Array.isArray(credits)
    ? { current: credits.map((w) => w.map((writer) => ({ writer }))), base: [] }
    : credits;
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
      out.push(
        compareBlock(
          base[bi]!,
          current[ci]!,
          textCredits(current[ci]!, owners[ci]),
          textCredits(base[bi]!, deleters[bi]),
        ),
      );
    for (let n = paired; n < removed; n++, bi++) {
      const gone = textCredits(base[bi]!, deleters[bi]);
      out.push({ ...shape(base[bi]!), change: 'del', segments: attribute(baseTexts[bi]!, gone, 0, 'del') });
    }
    for (let n = paired; n < added; n++, ci++) {
      const typed = textCredits(current[ci]!, owners[ci]);
      out.push({
        ...shape(current[ci]!),
        change: 'ins',
        segments: attribute(currentTexts[ci]!, typed, 0, 'ins'),
      });
    }
  }
  return out;
}

/** Whether the comparison shows any change at all. */
export const hasChanges = (blocks: CompareBlock[]): boolean =>
  blocks.some((b) => b.change !== 'same' || b.segments.some((s) => s.change !== 'same'));
