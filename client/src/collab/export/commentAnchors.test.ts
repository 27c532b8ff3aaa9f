import { describe, expect, it } from 'vitest';
import { addComment, listComments, replyTo } from '../comments';
import { rangeOf, seeded } from '../testDocs';
import { blockStarts, onComparison, wordComments } from './commentAnchors';
import { resolutionDoc } from './fixtures';

const labels = { on: (quote: string) => `On “${quote}”`, resolved: '(resolved)' };

describe('Word comment anchors', () => {
  it('finds where each block starts, lists flattened like docParagraphs', () => {
    // heading (0..15), paragraph, heading, ordered list of two items, bullet list of one.
    const starts = blockStarts(resolutionDoc());
    expect(starts).toHaveLength(6);
    expect(starts[0]).toBe(0);
    expect(starts[3]).toBeGreaterThan(starts[2]! + 2); // inside the list and its item
  });

  it('puts a comment and its replies on the block its range covers, the quote leading', () => {
    const doc = seeded('# Resolves\n\nto instruct the Director\n\nto invite Member States');
    const author = { id: 'p_k', name: 'Amina Diallo (Kenya)' };
    const id = addComment(doc, {
      ...rangeOf(doc, 'Member'),
      quote: 'Member',
      text: 'Which?',
      author,
      now: 5,
    })!;
    replyTo(doc, id, 'All of them', { id: 'p_b', name: 'Ana Souza (Brazil)' }, 6);
    expect(wordComments(doc, listComments(doc), labels)).toEqual([
      { author: 'Amina Diallo (Kenya)', date: 5, text: 'On “Member”\nWhich?', from: 2, to: 2 },
      { author: 'Ana Souza (Brazil)', date: 6, text: 'All of them', from: 2, to: 2 },
    ]);
  });

  it('moves comments past the paragraphs a comparison shows as deleted', () => {
    const block = (change: 'same' | 'del' | 'ins') => ({
      type: 'paragraph',
      attrs: {},
      change,
      segments: [],
    });
    const comment = { author: 'A', date: 0, text: 'x', from: 1, to: 2 };
    expect(
      onComparison(
        [comment, { ...comment, from: -1, to: -1 }],
        [block('same'), block('del'), block('same'), block('ins')],
      ),
    ).toEqual([
      { ...comment, from: 2, to: 3 },
      { ...comment, from: -1, to: -1 },
    ]);
  });
});
