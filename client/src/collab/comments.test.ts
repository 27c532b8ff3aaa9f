import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_LIMITS } from '../../../shared/collab/limits';
import { DOC_FIELDS } from '../../../shared/collab/schema';
import { addComment, listComments, replyTo, setResolved } from './comments';
import { blockText, pmDoc, rangeOf, seeded, sync } from './testDocs';

const TEXT = '# Considering\n\nthat digital inclusion is a priority for all regions\n\nresolves to act';
const amina = { id: 'p_amina', name: 'Amina Diallo (Kenya)' };
const ana = { id: 'p_ana', name: 'Ana Souza (Brazil)' };

/** The text a comment's live range covers now. */
const covered = (doc: Y.Doc, id: string) => {
  const c = listComments(doc).find((x) => x.id === id)!;
  return c.range ? pmDoc(doc).textBetween(c.range.from, c.range.to) : null;
};

const commentOn = (doc: Y.Doc, word: string) =>
  addComment(doc, { ...rangeOf(doc, word), quote: word, text: 'Why?', author: amina, now: 1 })!;

describe('comments', () => {
  it('stores the comment per the shared CommentRecord shape', () => {
    const doc = seeded(TEXT);
    const id = commentOn(doc, 'digital inclusion');
    const stored = doc.getArray<Y.Map<unknown>>(DOC_FIELDS.comments).get(0).toJSON();
    expect(stored).toMatchObject({
      id,
      quote: 'digital inclusion',
      authorId: 'p_amina',
      authorName: 'Amina Diallo (Kenya)',
      text: 'Why?',
      createdAt: 1,
      resolved: false,
      replies: [],
    });
    // Anchors are JSON relative positions, so any client (or the server) can read them.
    expect(Y.createRelativePositionFromJSON(stored.from)).toBeInstanceOf(Y.RelativePosition);
    expect(covered(doc, id)).toBe('digital inclusion');
  });

  it('keeps its anchors on the same words while text is inserted and deleted around them', () => {
    const doc = seeded(TEXT);
    const id = commentOn(doc, 'digital inclusion');
    const text = blockText(doc, 1);
    text.insert(0, 'recognizing '); // before, same paragraph
    text.insert(text.length, ' and sub-regions'); // after
    text.delete(text.toString().indexOf('is a'), 5); // after, deletion
    blockText(doc, 0).insert(0, 'Further '); // in the heading before it
    blockText(doc, 2).delete(0, 3); // a later paragraph
    expect(blockText(doc, 1).toString()).toBe(
      'recognizing that digital inclusion priority for all regions and sub-regions',
    );
    expect(covered(doc, id)).toBe('digital inclusion');
  });

  it('grows with text typed inside its range, and follows paragraphs inserted before it', () => {
    const doc = seeded(TEXT);
    const id = commentOn(doc, 'digital inclusion');
    const text = blockText(doc, 1);
    text.insert(text.toString().indexOf('inclusion'), 'and financial ');
    const fragment = doc.getXmlFragment(DOC_FIELDS.text);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('noting the reports')]);
    fragment.insert(1, [paragraph]);
    expect(covered(doc, id)).toBe('digital and financial inclusion');
  });

  it('survives concurrent edits by two participants, merged in either order', () => {
    const a = seeded(TEXT, 1);
    const b = new Y.Doc();
    b.clientID = 2;
    sync(a, b);
    const id = commentOn(a, 'inclusion');
    blockText(b, 1).insert(0, 'noting '); // concurrently, before the comment
    sync(a, b);
    sync(b, a);
    expect(covered(a, id)).toBe('inclusion');
    expect(covered(b, id)).toBe('inclusion');
  });

  it('loses its range (but keeps its quote) when its text is deleted', () => {
    const doc = seeded(TEXT);
    const id = commentOn(doc, 'digital inclusion');
    const text = blockText(doc, 1);
    text.delete(text.toString().indexOf('digital'), 'digital inclusion'.length);
    const c = listComments(doc).find((x) => x.id === id)!;
    expect(c.range).toBeNull();
    expect(c.quote).toBe('digital inclusion');
  });

  it('takes replies from several people, and can be resolved and reopened', () => {
    const a = seeded(TEXT, 1);
    const b = new Y.Doc();
    b.clientID = 2;
    const id = commentOn(a, 'priority');
    sync(a, b);
    replyTo(a, id, 'Because of the RPMs.', amina, 2);
    replyTo(b, id, 'Agreed.', ana, 3);
    sync(a, b);
    sync(b, a);
    for (const doc of [a, b]) {
      const [c] = listComments(doc);
      expect(c!.replies.map((r) => r.text).sort()).toEqual(['Agreed.', 'Because of the RPMs.']);
    }
    setResolved(a, id, true);
    expect(listComments(a)[0]!.resolved).toBe(true);
    setResolved(a, id, false);
    expect(listComments(a)[0]!.resolved).toBe(false);
  });

  it('keeps within the server limits: text and quote cut, no comment over the quota', () => {
    const doc = seeded(TEXT);
    const long = 'x'.repeat(COLLAB_LIMITS.commentChars + 10);
    const id = addComment(doc, { ...rangeOf(doc, 'digital'), quote: long, text: long, author: ana })!;
    const stored = listComments(doc).find((c) => c.id === id)!;
    expect(stored.text.length).toBe(COLLAB_LIMITS.commentChars);
    expect(stored.quote.length).toBe(COLLAB_LIMITS.quoteChars);
    doc.transact(() => {
      for (let i = 1; i < COLLAB_LIMITS.commentsPerParticipant; i++)
        addComment(doc, { ...rangeOf(doc, 'digital'), quote: 'd', text: 't', author: ana });
    });
    expect(addComment(doc, { ...rangeOf(doc, 'digital'), quote: 'd', text: 't', author: ana })).toBeNull();
    expect(
      addComment(doc, { ...rangeOf(doc, 'digital'), quote: 'd', text: 't', author: amina }),
    ).not.toBeNull();
  });
});
