import { describe, expect, it } from 'vitest';
import { baseTextBlocks, literalBrackets } from './baseTextSyntax';

const runs = (text: string) => baseTextBlocks(text).map((b) => b.runs);
const plain = (text: string) => ({ text, bracketed: false });
const bracketed = (text: string) => ({ text, bracketed: true });

describe('the syntax of a base text', () => {
  it('reads paragraphs, headings and square brackets', () => {
    expect(baseTextBlocks('# Resolves\n\nto [instruct] the\nDirector [of BDT]')).toEqual([
      { heading: true, runs: [plain('Resolves')] },
      {
        heading: false,
        runs: [plain('to '), bracketed('instruct'), plain(' the Director '), bracketed('of BDT')],
      },
    ]);
    expect(runs('[Main points raised by participants from Africa]')).toEqual([
      [bracketed('Main points raised by participants from Africa')],
    ]);
  });

  it('keeps a pair inside brackets as characters, and unpaired or empty brackets as typed', () => {
    expect(runs('[to invite [Member States] to] act')).toEqual([
      [bracketed('to invite [Member States] to'), plain(' act')],
    ]);
    expect(runs('a [ b ] c ] d [ e')).toEqual([[plain('a '), bracketed(' b '), plain(' c ] d [ e')]]);
    expect(runs('empty [] pair')).toEqual([[plain('empty [] pair')]]);
    // A bracket does not span two paragraphs.
    expect(runs('[open\n\nclose]')).toEqual([[plain('[open')], [plain('close]')]]);
  });

  it('reads escaped brackets as literal ones, as the Markdown export writes them', () => {
    expect(runs('a literal \\[sic\\] and [text]')).toEqual([
      [plain('a literal [sic] and '), bracketed('text')],
    ]);
    expect(runs('C:\\path \\x')).toEqual([[plain('C:\\path \\x')]]);
  });

  it.each([
    'Draft [new] Resolution',
    'a ] then [',
    '[[x]]',
    'ends with a backslash \\',
    'a backslash before a bracket \\[',
  ])('keeps user text %j literal once escaped', (text) => {
    expect(runs(literalBrackets(text))).toEqual([[plain(text)]]);
  });
});
