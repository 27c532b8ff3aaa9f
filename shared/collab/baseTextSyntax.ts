/**
 * The plain-text syntax of a proposal's base text, as `seedDoc` (./schema.ts) reads it:
 * - a blank line separates blocks; a block that starts with "# " is a heading; other line breaks
 *   are spaces;
 * - "[…]" is text not yet agreed: the `bracket` mark, which the editor draws as square brackets,
 *   counts in the square-brackets panel and warns about before a text is locked or agreed. ITU's
 *   base texts write text not yet agreed this way, and the Markdown export writes the mark so;
 * - "\[" and "\]" are literal brackets (as the Markdown export escapes them), so an exported text
 *   seeds the same marks again.
 * Brackets pair within a block only. A pair inside a bracketed passage stays as characters inside
 * the mark (a mark does not nest); an unpaired bracket, or an empty pair, stays as it is typed.
 */

/** A run of a block's text, inside square brackets or not. */
interface BaseTextRun {
  text: string;
  bracketed: boolean;
}

/** One block of a base text. */
export interface BaseTextBlock {
  heading: boolean;
  runs: BaseTextRun[];
}

const HEADING = /^#\s+/;

/**
 * `text` as written literally: its square brackets escaped, so that `seedDoc` keeps them as
 * characters instead of marking text not yet agreed (user text put into a generated base text).
 */
export const literalBrackets = (text: string): string => text.replace(/[[\]]/g, (b) => `\\${b}`);

/** The blocks of a base text, each with its runs. */
export function baseTextBlocks(baseText: string): BaseTextBlock[] {
  return baseText
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((block) => {
      const heading = HEADING.test(block);
      return { heading, runs: runsOf(block.replace(HEADING, '').replace(/\n/g, ' ')) };
    });
}

/** A character of a block, and whether it is a bracket that takes part in the syntax. */
interface Token {
  char: string;
  bracket: '[' | ']' | null;
}

function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    const next = line[i + 1];
    if (char === '\\' && (next === '[' || next === ']')) {
      tokens.push({ char: next, bracket: null });
      i++;
    } else tokens.push({ char, bracket: char === '[' || char === ']' ? char : null });
  }
  return tokens;
}

/** The outermost pairs of brackets of a block, as [open, close] token indexes. */
function outerPairs(tokens: readonly Token[]): [number, number][] {
  const open: number[] = [];
  const pairs: [number, number][] = [];
  tokens.forEach((token, index) => {
    if (token.bracket === '[') open.push(index);
    else if (token.bracket === ']' && open.length > 0) {
      const from = open.pop()!;
      // The outermost pair of a nest closes last: it replaces the pairs found inside it.
      while (pairs.length > 0 && pairs.at(-1)![0] > from) pairs.pop();
      pairs.push([from, index]);
    }
  });
  return pairs.filter(([from, to]) => to > from + 1);
}

function runsOf(line: string): BaseTextRun[] {
  const tokens = tokensOf(line);
  const pairs = outerPairs(tokens);
  const runs: BaseTextRun[] = [];
  const push = (text: string, bracketed: boolean) => {
    if (!text) return;
    const last = runs.at(-1);
    if (last && last.bracketed === bracketed) last.text += text;
    else runs.push({ text, bracketed });
  };
  const text = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => t.char)
      .join('');
  let at = 0;
  for (const [from, to] of pairs) {
    push(text(at, from), false);
    push(text(from + 1, to), true);
    at = to + 1;
  }
  push(text(at, tokens.length), false);
  return runs;
}
