import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docParagraphs, plainText, seedDoc } from './schema';

describe('proposal document schema', () => {
  it('seeds a base text as paragraphs and headings, once', () => {
    const doc = new Y.Doc();
    seedDoc(
      doc,
      '# RESOLUTION 31 (Rev. Kigali, 2022)\n\nThe World Telecommunication Development Conference,\n\nconsidering\na) that…',
    );
    expect(docParagraphs(doc).map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(plainText(doc)).toBe(
      'RESOLUTION 31 (Rev. Kigali, 2022)\n\nThe World Telecommunication Development Conference,\n\nconsidering a) that…',
    );
    seedDoc(doc, 'again');
    expect(docParagraphs(doc)).toHaveLength(3);
  });

  it('reads marks such as brackets from the text', () => {
    const doc = new Y.Doc();
    seedDoc(doc, 'resolves to invite Member States');
    const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(3, 6, { bracket: {} });
    expect(docParagraphs(doc)[0]!.runs).toEqual([
      { text: 'res', marks: [] },
      { text: 'olves ', marks: ['bracket'] },
      { text: 'to invite Member States', marks: [] },
    ]);
  });

  it('seeds square brackets as the bracket mark, without the bracket characters', () => {
    const doc = new Y.Doc();
    seedDoc(doc, '# [Title]\n\nresolves [to invite] Member States, a literal \\[sic\\]');
    expect(docParagraphs(doc).map((b) => b.runs)).toEqual([
      [{ text: 'Title', marks: ['bracket'] }],
      [
        { text: 'resolves ', marks: [] },
        { text: 'to invite', marks: ['bracket'] },
        { text: ' Member States, a literal [sic]', marks: [] },
      ],
    ]);
    const text = (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    // The attribute the editor's mark reads (y-prosemirror: mark name → its attributes).
    expect(text.toDelta()[1]).toEqual({ insert: 'to invite', attributes: { bracket: {} } });
  });
});
