import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docParagraphs } from '../../../shared/collab/schema';
import { authorsOf, blockWriters, registerAuthor } from './authors';
import { type CompareBlock, compareBlocks, hasChanges, blockText as textOf } from './compare';
import { blockText, seeded, sync } from './testDocs';

const BASE = '# Resolves\n\nto instruct the Director of BDT\n\nto invite Member States';

/** Each block as a compact string: +[inserted] -[deleted]. */
const marks = (blocks: CompareBlock[]) =>
  blocks.map((b) =>
    b.segments
      .map((s) => (s.change === 'ins' ? `+[${s.text}]` : s.change === 'del' ? `-[${s.text}]` : s.text))
      .join(''),
  );

describe('compareBlocks', () => {
  it('shows no change for the same text', () => {
    const doc = seeded(BASE);
    const result = compareBlocks(docParagraphs(doc), docParagraphs(doc));
    expect(hasChanges(result)).toBe(false);
    expect(marks(result)).toEqual(['Resolves', 'to instruct the Director of BDT', 'to invite Member States']);
  });

  it('marks inserted and deleted words inside an edited paragraph', () => {
    const base = seeded(BASE);
    const current = seeded(BASE.replace('instruct the Director', 'request the Director urgently'));
    const result = compareBlocks(docParagraphs(base), docParagraphs(current));
    expect(marks(result)[1]).toBe('to -[instruct]+[request] the Director +[urgently ]of BDT');
    expect(result[1]!.change).toBe('same');
    expect(hasChanges(result)).toBe(true);
  });

  it('marks whole paragraphs added and removed, keeping their type', () => {
    const base = seeded(BASE);
    const current = seeded('# Resolves\n\nto invite Member States\n\nto report to WTDC-29');
    const result = compareBlocks(docParagraphs(base), docParagraphs(current));
    expect(result.map((b) => [b.type, b.change])).toEqual([
      ['heading', 'same'],
      ['paragraph', 'del'],
      ['paragraph', 'same'],
      ['paragraph', 'ins'],
    ]);
    expect(marks(result)[1]).toBe('-[to instruct the Director of BDT]');
  });

  it('shows square brackets as text, so agreeing (removing them) is a visible change', () => {
    const base = seeded(BASE);
    blockText(base, 1).format(3, 8, { bracket: {} });
    expect(textOf(docParagraphs(base)[1]!)).toBe('to [instruct] the Director of BDT');
    const current = seeded(BASE);
    expect(marks(compareBlocks(docParagraphs(base), docParagraphs(current)))[1]).toBe(
      'to -[[]instruct-[]] the Director of BDT',
    );
  });

  it('compares words in Chinese, which has no spaces', () => {
    const base = seeded('国际电信联盟决定');
    const current = seeded('国际电信联盟进一步决定');
    expect(marks(compareBlocks(docParagraphs(base), docParagraphs(current)))).toEqual([
      '国际电信联盟+[进一步]决定',
    ]);
  });
});

describe('attribution of inserted text', () => {
  it('names the Yjs client that typed each inserted part', () => {
    const base = seeded(BASE, 1);
    const kenya = new Y.Doc();
    kenya.clientID = 20;
    const brazil = new Y.Doc();
    brazil.clientID = 30;
    sync(base, kenya);
    sync(base, brazil);
    registerAuthor(kenya, { participantId: 'p_k', name: 'Amina Diallo', delegation: 'Kenya' });
    registerAuthor(brazil, { participantId: 'p_b', name: 'Ana Souza', delegation: 'Brazil' });
    blockText(kenya, 1).insert(2, ' urgently'); // "to urgently instruct..."
    const end = blockText(brazil, 2);
    end.insert(end.length, ' and Sector Members');
    sync(kenya, brazil);
    sync(brazil, kenya);

    const result = compareBlocks(docParagraphs(base), docParagraphs(kenya), blockWriters(kenya));
    const inserted = result.flatMap((b) => b.segments.filter((s) => s.change === 'ins'));
    expect(inserted.map((s) => [s.text, s.writer])).toEqual([
      ['urgently ', 20],
      ['and Sector Members', 30],
    ]);
    expect(authorsOf(kenya).get('30')).toMatchObject({ name: 'Ana Souza', delegation: 'Brazil' });
  });

  it('lines writers up with the text, block by block (lists flattened like docParagraphs)', () => {
    const doc = seeded(BASE, 7);
    const writers = blockWriters(doc);
    expect(writers.map((w) => w.length)).toEqual(
      docParagraphs(doc).map((b) => b.runs.map((r) => r.text).join('').length),
    );
    expect(new Set(writers.flat())).toEqual(new Set([7]));
  });
});
