import { describe, expect, it } from 'vitest';
import { heading, inline, paragraph, toText } from './plainText';

describe('the draft as plain text', () => {
  it.each([
    ['Outcome\n\n# heading', 'Outcome # heading'],
    ['  one\r\ntwo\rthree\u2028four\u2029five  ', 'one two three four five'],
    ['tabs\tstay', 'tabs\tstay'],
    ['\n\n', ''],
  ])('puts user text %j on one line', (text, line) => {
    expect(inline(text)).toBe(line);
  });

  it('separates blocks by a blank line, and keeps a paragraph from looking like a heading', () => {
    expect(toText([heading('Title'), paragraph('# not a heading'), paragraph('#hashtag stays')])).toBe(
      '# Title\n\n\uff03 not a heading\n\n#hashtag stays',
    );
  });
});
