import type { Block, TextRun } from '../../../../shared/collab/schema';
import { bracketGroups } from '../runs';

/** Backslash-escapes what Markdown would read as markup, including literal square brackets. */
const escapeMarkdown = (text: string) => text.replace(/([\\*_`[\]<>])/g, '\\$1');

function inline(run: TextRun): string {
  if (!run.text) return '';
  // Markdown markup must hug the text: keep surrounding spaces outside the ** and *.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (!core) return run.text;
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

const headingLevel = (block: Block) => Math.min(6, Math.max(1, Number(block.attrs.level) || 1));

/**
 * The text as Markdown: headings as #, bullet lists as "-", numbered paragraphs as "1.", "2."...;
 * square brackets kept as [ ] (and literal brackets escaped, so the two cannot be confused).
 */
export function toMarkdown(blocks: readonly Block[], title?: string): string {
  const out: string[] = [];
  if (title) out.push(`# ${escapeMarkdown(title)}`, '');
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
  return `${out.join('\n')}\n`;
}
