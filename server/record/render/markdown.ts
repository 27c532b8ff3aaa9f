import { assertNever } from '../../../shared';
import type { Block, Column, Field, Outline } from './outline';

/**
 * Backslash-escapes what Markdown (CommonMark, GitHub's tables, strikethrough and math) would read
 * as markup anywhere in a line: emphasis, code, links and images, raw HTML and autolinks, table
 * cells, headings' closing #, and character references. A title such as
 * `| <img src=x> [a](javascript:x)` then reads as itself: no cell split, no HTML, no link.
 */
const escapeInline = (text: string): string =>
  text.replace(/[\\`*_[\]<>#|~$]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');

/**
 * A line that starts a Markdown line: also what a line start turns into a block (list item, quote,
 * setext underline, numbered item).
 */
function escapeLineStart(text: string): string {
  const escaped = escapeInline(text);
  const numbered = /^(\d+)([.)])/.exec(escaped);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${escaped.slice(numbered[0].length)}`;
  return /^[-+=>]/.test(escaped) ? `\\${escaped}` : escaped;
}

const cell = (text: string) => escapeInline(text) || ' ';

function table(columns: Column[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    line(columns.map((c) => c.header)),
    `| ${columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(line),
  ];
}

/** A label–value list: `- **Label**: value`, further lines of a value as hard breaks within its item. */
function fields(list: Field[], labelEnd: string): string[] {
  return list.map(({ label, lines }) => {
    const [first = '', ...rest] = lines;
    const head = `- **${escapeInline(label)}**${escapeInline(labelEnd)}${escapeInline(first)}`;
    return [head, ...rest.map((line) => `  ${escapeLineStart(line)}`)].join('\\\n');
  });
}

function block(b: Block, labelEnd: string): string[] {
  switch (b.type) {
    case 'heading':
      return [`${'#'.repeat(b.level + 1)} ${escapeInline(b.text)}`];
    case 'paragraph':
      return [escapeLineStart(b.text)];
    case 'fields':
      return fields(b.fields, labelEnd);
    case 'table':
      return table(b.columns, b.rows);
    default:
      return assertNever(b);
  }
}

/**
 * The record as Markdown (GitHub-flavoured: tables), to paste into a report or a wiki: the title as
 * `#`, sections `##`, items `###`, their parts `####` (a text's consensus parts `#####`). All text comes from the outline and is
 * escaped here, the words of the export as much as the names and titles typed by participants.
 */
export function recordMarkdown(outline: Outline, labelEnd: string): string {
  const out: string[] = [`# ${escapeInline(outline.title)}`, '', `*${escapeInline(outline.provenance)}*`];
  for (const b of outline.blocks) out.push('', ...block(b, labelEnd));
  return `${out.join('\n')}\n`;
}
