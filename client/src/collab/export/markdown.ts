import type { Block, TextRun } from '../../../../shared/collab/schema';
import type { LiveComment } from '../comments';
import type { CompareBlock } from '../compare';
import { bracketGroups } from '../runs';
import { withoutIsolates } from './plain';

/** Backslash-escapes what Markdown would read as markup, including literal square brackets. */
const escapeMarkdown = (text: string) => text.replace(/([\\*_`[\]<>])/g, '\\$1');

function inline(run: TextRun): string {
  // Directional isolates around names (a generated Arabic summary has them) stay out of the file.
  const text = withoutIsolates(run.text);
  if (!text) return '';
  // Markdown markup must hug the text: keep surrounding spaces outside the ** and *.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (!core) return text;
  let out = escapeMarkdown(core);
  if (run.marks.includes('underline')) out = `<u>${out}</u>`;
  if (run.marks.includes('italic')) out = `*${out}*`;
  if (run.marks.includes('bold')) out = `**${out}**`;
  return lead + out + trail;
}

/** A block's inline content; square brackets are written as [ ] around the bracketed text. */
function line(block: Block): string {
  return bracketGroups(block.runs)
    .map((g) => {
      const text = g.runs.map(inline).join('');
      return g.bracketed ? `[${text}]` : text;
    })
    .join('');
}

const headingLevel = (block: { attrs: Record<string, unknown> }) =>
  Math.min(6, Math.max(1, Number(block.attrs.level) || 1));

/**
 * The text as Markdown: headings as #, bullet lists as "-", numbered paragraphs as "1.", "2."...;
 * square brackets kept as [ ] (and literal brackets escaped, so the two cannot be confused).
 */
export function toMarkdown(
  blocks: readonly Block[],
  title?: string,
  comments?: { comments: readonly LiveComment[]; labels: CommentLabels },
): string {
  const out: string[] = [];
  if (title) out.push(`# ${escapeMarkdown(withoutIsolates(title))}`, '');
  let number = 0;
  let previous: Block | undefined;
  for (const block of blocks) {
    const text = line(block);
    if (block.list) {
      number = block.list === 'ordered' && previous?.list === 'ordered' ? number + 1 : 1;
      // List items of one list stay together; a blank line before the list separates it.
      if (previous && previous.list !== block.list) out.push('');
      out.push(block.list === 'ordered' ? `${number}. ${text}` : `- ${text}`);
    } else {
      if (previous) out.push('');
      out.push(block.type === 'heading' ? `${'#'.repeat(headingLevel(block))} ${text}` : text);
    }
    previous = block;
  }
  if (comments?.comments.length) out.push('', ...commentsSection(comments.comments, comments.labels));
  return `${out.join('\n')}\n`;
}

/** The words of the comments section, in the language of the export. */
export interface CommentLabels {
  heading: string;
  /** "Name, time, on “quote”" */
  byOn: (name: string, time: string, quote: string) => string;
  /** "Name, time" */
  by: (name: string, time: string) => string;
  resolved: string;
  time: (ms: number) => string;
}

/** "## Comments": each comment as a numbered item, its replies nested under it. */
function commentsSection(comments: readonly LiveComment[], labels: CommentLabels): string[] {
  const out = [`## ${escapeMarkdown(labels.heading)}`, ''];
  comments.forEach((c, i) => {
    const head = withoutIsolates(labels.byOn(c.authorName, labels.time(c.createdAt), c.quote));
    const state = c.resolved ? ` (${labels.resolved})` : '';
    out.push(
      `${i + 1}. **${escapeMarkdown(head)}**${escapeMarkdown(state)}: ${escapeMarkdown(oneLine(c.text))}`,
    );
    for (const r of c.replies) {
      const by = withoutIsolates(labels.by(r.authorName, labels.time(r.createdAt)));
      out.push(`   - **${escapeMarkdown(by)}**: ${escapeMarkdown(oneLine(r.text))}`);
    }
  });
  return out;
}

const oneLine = (text: string) => withoutIsolates(text).replace(/\s*\n\s*/g, ' ');

/**
 * A comparison as Markdown with CriticMarkup revision marks: `{++inserted++}` and `{--deleted--}`,
 * each followed by `{>>who, when<<}` (`creditOf` the segment; empty when nothing is known).
 */
export function comparisonMarkdown(
  blocks: readonly CompareBlock[],
  title: string,
  creditOf: (segment: CompareBlock['segments'][number]) => string,
): string {
  const out = [`# ${escapeMarkdown(withoutIsolates(title))}`];
  for (const block of blocks) {
    const text = block.segments
      .map((s) => {
        if (s.change === 'same') return escapeMarkdown(s.text);
        const mark =
          s.change === 'ins' ? `{++${escapeMarkdown(s.text)}++}` : `{--${escapeMarkdown(s.text)}--}`;
        const credit = withoutIsolates(creditOf(s));
        return credit ? `${mark}{>>${escapeMarkdown(credit)}<<}` : mark;
      })
      .join('');
    const prefix =
      block.type === 'heading'
        ? `${'#'.repeat(headingLevel(block))} `
        : block.list === 'bullet'
          ? '- '
          : block.list === 'ordered'
            ? '1. '
            : '';
    out.push('', prefix + text);
  }
  return `${out.join('\n')}\n`;
}
