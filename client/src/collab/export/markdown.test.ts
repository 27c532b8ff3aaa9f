import { describe, expect, it } from 'vitest';
import { docParagraphs } from '../../../../shared/collab/schema';
import { seeded } from '../testDocs';
import { resolutionDoc } from './fixtures';
import { toMarkdown } from './markdown';

describe('toMarkdown', () => {
  it('writes headings, numbered paragraphs, bullets, marks and square brackets', () => {
    expect(toMarkdown(docParagraphs(resolutionDoc()), 'ACP/67A1/1')).toBe(
      [
        '# ACP/67A1/1',
        '',
        '# Resolution 37',
        '',
        'The World Telecommunication Development Conference *(Baku, 2025)*',
        '',
        '## resolves',
        '',
        '1. to instruct the [Director **of BDT**]',
        '2. to invite **Member States**',
        '',
        '- a note with a literal \\[sic\\] and \\*stars\\*',
        '',
      ].join('\n'),
    );
  });

  it('keeps one pair of brackets across a formatting change, and spaces outside the markup', () => {
    const [line] = toMarkdown([
      {
        type: 'paragraph',
        attrs: {},
        runs: [
          { text: 'agreed ', marks: ['bracket'] },
          { text: 'text ', marks: ['bracket', 'bold'] },
          { text: 'here', marks: [] },
        ],
      },
    ]).split('\n');
    expect(line).toBe('[agreed **text** ]here');
  });

  it('writes a seeded base text as paragraphs, in any script', () => {
    expect(toMarkdown(docParagraphs(seeded('# القرار\n\nيقرر المؤتمر\n\n决定')))).toBe(
      '## القرار\n\nيقرر المؤتمر\n\n决定\n',
    );
  });
});
