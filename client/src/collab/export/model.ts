import type { Block } from '../../../../shared/collab/schema';
import type { CompareBlock } from '../compare';
import { bracketGroups } from '../runs';

/** A run of a Word paragraph; `revision` makes it a tracked insertion or deletion. */
export interface WordRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** `date`: the time of the edit (ms), when known. */
  revision?: { kind: 'ins' | 'del'; author: string; date?: number };
}

/**
 * A comment (or a reply: Word shows it as a comment of its own on the same text) on the paragraphs
 * from `from` to `to` (indexes into the paragraphs; -1: the title, for a comment whose text is gone).
 */
export interface WordComment {
  author: string;
  date: number;
  text: string;
  from: number;
  to: number;
}

/** A Word paragraph: plain, a heading (1–3), or an item of a bullet or numbered list. */
export interface WordParagraph {
  heading?: number;
  list?: 'bullet' | 'ordered';
  runs: WordRun[];
}

const styleOf = (b: { type: string; attrs: Record<string, unknown>; list?: 'bullet' | 'ordered' }) => ({
  ...(b.type === 'heading' ? { heading: Math.min(3, Math.max(1, Number(b.attrs.level) || 1)) } : {}),
  ...(b.list ? { list: b.list } : {}),
});

/** The current text as Word paragraphs; square brackets written as literal "[" and "]". */
export function textParagraphs(blocks: readonly Block[]): WordParagraph[] {
  return blocks.map((block) => {
    const runs: WordRun[] = [];
    for (const group of bracketGroups(block.runs)) {
      if (group.bracketed) runs.push({ text: '[' });
      for (const r of group.runs) {
        if (!r.text) continue;
        runs.push({
          text: r.text,
          ...(r.marks.includes('bold') ? { bold: true } : {}),
          ...(r.marks.includes('italic') ? { italic: true } : {}),
          ...(r.marks.includes('underline') ? { underline: true } : {}),
        });
      }
      if (group.bracketed) runs.push({ text: ']' });
    }
    return { ...styleOf(block), runs };
  });
}

/**
 * A comparison as Word paragraphs whose changed runs are tracked revisions (Word shows them as
 * insertions and deletions that can be accepted or rejected), each with the name of who inserted or
 * deleted it (`authorOf` the segment's writer, undefined when unknown) and the time of the edit.
 */
export function comparisonParagraphs(
  blocks: readonly CompareBlock[],
  authorOf: (writer: number | undefined) => string,
): WordParagraph[] {
  return blocks.map((block) => ({
    ...styleOf(block),
    runs: block.segments
      .filter((s) => s.text)
      .map(
        (s): WordRun =>
          s.change === 'same'
            ? { text: s.text }
            : {
                text: s.text,
                revision: {
                  kind: s.change,
                  author: authorOf(s.writer),
                  ...(s.at !== undefined ? { date: s.at } : {}),
                },
              },
      ),
  }));
}
