import { describe, expect, it } from 'vitest';
import { docParagraphs } from '../../../../shared/collab/schema';
import { seeded } from '../testDocs';
import { resolutionDoc } from './fixtures';
import { comparisonMarkdown, toMarkdown } from './markdown';

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

describe('comments and comparisons in Markdown', () => {
  const labels = {
    heading: 'Comments',
    byOn: (name: string, time: string, quote: string) => `${name}, ${time}, on “${quote}”`,
    by: (name: string, time: string) => `${name}, ${time}`,
    resolved: 'resolved',
    time: (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' '),
  };

  it('ends with a Comments section: each comment with its author, time and quote, replies under it', () => {
    const md = toMarkdown(docParagraphs(seeded('to instruct the Director')), '\u2068ACP/67A1/1\u2069', {
      labels,
      comments: [
        {
          id: 'c1',
          from: null,
          to: null,
          range: null,
          quote: 'instruct',
          authorId: 'p_k',
          authorName: '\u2068Amina Diallo (Kenya)\u2069',
          text: 'Which\nDirector?',
          createdAt: Date.UTC(2026, 0, 5, 9, 0),
          resolved: true,
          replies: [
            {
              id: 'r1',
              authorId: 'p_b',
              authorName: 'Ana Souza (Brazil)',
              text: 'BDT',
              createdAt: Date.UTC(2026, 0, 5, 9, 5),
            },
          ],
        },
      ],
    });
    expect(md).toBe(
      [
        '# ACP/67A1/1',
        '',
        'to instruct the Director',
        '',
        '## Comments',
        '',
        '1. **Amina Diallo (Kenya), 2026-01-05 09:00, on “instruct”** (resolved): Which Director?',
        '   - **Ana Souza (Brazil), 2026-01-05 09:05**: BDT',
        '',
      ].join('\n'),
    );
    expect(md).not.toMatch(/[\u2066-\u2069\u200e\u200f]/);
  });

  it('writes a comparison with CriticMarkup, each change followed by who made it and when', () => {
    const md = comparisonMarkdown(
      [
        {
          type: 'paragraph',
          attrs: {},
          change: 'same',
          segments: [
            { text: 'to ', change: 'same' },
            { text: 'instruct', change: 'del', writer: 30, at: 1 },
            { text: 'request', change: 'ins', writer: 20, at: 2 },
            { text: ' the Director', change: 'same' },
          ],
        },
      ],
      'ACP/67A1/1: changes since “\u2068Base text\u2069”',
      (s) => (s.change === 'ins' ? 'inserted by \u2068Kenya\u2069, 09:30' : 'deleted by Brazil, 10:15'),
    );
    expect(md).toBe(
      [
        '# ACP/67A1/1: changes since “Base text”',
        '',
        'to {--instruct--}{>>deleted by Brazil, 10:15<<}{++request++}{>>inserted by Kenya, 09:30<<} the Director',
        '',
      ].join('\n'),
    );
  });
});
