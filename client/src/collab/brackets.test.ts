import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { bracketRanges, removedBracketTexts } from './brackets';
import { editorSchema } from './extensions';
import { blockText, pmDoc, seeded } from './testDocs';

const TEXT = '# Resolves\n\nto instruct the Director of BDT\n\nto invite Member States';

describe('bracketRanges', () => {
  it('lists each bracketed passage with its range and text, in reading order', () => {
    const doc = seeded(TEXT);
    blockText(doc, 1).format(3, 8, { bracket: {} }); // "instruct"
    blockText(doc, 2).format(3, 6, { bracket: {} }); // "invite"
    const pm = pmDoc(doc);
    const ranges = bracketRanges(pm);
    expect(ranges.map((r) => r.text)).toEqual(['instruct', 'invite']);
    for (const r of ranges) expect(pm.textBetween(r.from, r.to)).toBe(r.text);
  });

  it('counts one bracket across formatting changes, and separate ones across paragraphs', () => {
    const doc = seeded(TEXT);
    const text = blockText(doc, 1);
    text.format(0, 12, { bracket: {} }); // "to instruct "
    text.format(3, 5, { bold: {} }); // bold inside the bracket splits the text node
    blockText(doc, 2).format(0, 2, { bracket: {} });
    expect(bracketRanges(pmDoc(doc)).map((r) => r.text)).toEqual(['to instruct ', 'to']);
  });

  it('is empty for a text without brackets', () => {
    expect(bracketRanges(pmDoc(seeded(TEXT)))).toEqual([]);
  });
});

describe('removedBracketTexts', () => {
  const bracketed = () => {
    const schema = editorSchema();
    const doc = seeded(TEXT);
    blockText(doc, 1).format(3, 8, { bracket: {} }); // "instruct"
    return { schema, state: EditorState.create({ schema, doc: pmDoc(doc) }) };
  };

  it('reports the text whose brackets were taken away', () => {
    const { schema, state } = bracketed();
    const [range] = bracketRanges(state.doc);
    const tr = state.tr.removeMark(range!.from, range!.to, schema.marks.bracket!);
    expect(removedBracketTexts(tr)).toEqual(['instruct']);
  });

  it('reports only the part of a wider selection that was bracketed', () => {
    const { schema, state } = bracketed();
    const tr = state.tr.removeMark(1, state.doc.content.size - 1, schema.marks.bracket!);
    expect(removedBracketTexts(tr)).toEqual(['instruct']);
  });

  it('does not count deleting bracketed text, or adding brackets, as agreement', () => {
    const { schema, state } = bracketed();
    const [range] = bracketRanges(state.doc);
    expect(removedBracketTexts(state.tr.delete(range!.from, range!.to))).toEqual([]);
    expect(removedBracketTexts(state.tr.addMark(1, 5, schema.marks.bracket!.create()))).toEqual([]);
  });
});
