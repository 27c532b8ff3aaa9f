import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docParagraphs } from '../../../../shared/collab/schema';
import { compareBlocks } from '../compare';
import { seeded } from '../testDocs';
import { wordDocument } from './docx';
import { resolutionDoc } from './fixtures';
import { comparisonParagraphs, textParagraphs } from './model';

/** The main part of a .docx (a zip): word/document.xml. */
async function documentXml(paragraphs: Parameters<typeof wordDocument>[0]) {
  const buffer = await Packer.toBuffer(wordDocument(paragraphs, { title: 'ACP/67A1/1' }));
  expect(buffer.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(buffer);
  return zip.file('word/document.xml')!.async('string');
}

describe('Word paragraph model', () => {
  it('keeps headings, lists, marks and brackets of the text', () => {
    const model = textParagraphs(docParagraphs(resolutionDoc()));
    expect(model[0]).toEqual({ heading: 1, runs: [{ text: 'Resolution 37' }] });
    expect(model[3]).toEqual({
      list: 'ordered',
      runs: [
        { text: 'to instruct the ' },
        { text: '[' },
        { text: 'Director' },
        { text: ' of BDT', bold: true },
        { text: ']' },
      ],
    });
    expect(model[5]!.list).toBe('bullet');
  });

  it('turns a comparison into tracked insertions and deletions with author names', () => {
    const base = seeded('to instruct the Director');
    const current = seeded('to request the Director');
    const model = comparisonParagraphs(compareBlocks(docParagraphs(base), docParagraphs(current)), (w) =>
      w === undefined ? 'IRM Room' : `writer ${w}`,
    );
    expect(model).toEqual([
      {
        runs: [
          { text: 'to ' },
          { text: 'instruct', revision: { kind: 'del', author: 'IRM Room' } },
          { text: 'request', revision: { kind: 'ins', author: 'IRM Room' } },
          { text: ' the Director' },
        ],
      },
    ]);
  });
});

describe('wordDocument', () => {
  it('packs a .docx whose text keeps brackets and numbering', async () => {
    const xml = await documentXml(textParagraphs(docParagraphs(resolutionDoc())));
    expect(xml).toContain('>[</w:t>');
    expect(xml).toContain('Director');
    expect(xml).toContain('<w:numPr>');
  });

  it('writes revision marks as real Word tracked changes (w:ins, w:del) with authors', async () => {
    const xml = await documentXml([
      {
        runs: [
          { text: 'to ' },
          { text: 'instruct', revision: { kind: 'del', author: 'Ana Souza (Brazil)' } },
          { text: 'request', revision: { kind: 'ins', author: 'Amina Diallo (Kenya)' } },
        ],
      },
    ]);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Amina Diallo \(Kenya\)"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Ana Souza \(Brazil\)"/);
    expect(xml).toContain('<w:delText');
  });
});

/** The parts of a packed .docx. */
async function parts(doc: ReturnType<typeof wordDocument>) {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  return { document: await read('word/document.xml'), comments: await read('word/comments.xml') };
}

describe('authorship and comments in the .docx', () => {
  it('dates each tracked change at the time of its edit, and an unknown time not at all', async () => {
    const { document } = await parts(
      wordDocument(
        [
          {
            runs: [
              { text: 'to ' },
              {
                text: 'instruct',
                revision: { kind: 'del', author: 'Ana Souza (Brazil)', date: Date.UTC(2026, 0, 5, 10, 15) },
              },
              {
                text: 'request',
                revision: { kind: 'ins', author: 'Amina Diallo (Kenya)', date: Date.UTC(2026, 0, 5, 9, 30) },
              },
              { text: ' urgently', revision: { kind: 'ins', author: 'author not recorded' } },
            ],
          },
        ],
        { title: 'ACP/67A1/1' },
      ),
    );
    expect(document).toMatch(/<w:del [^>]*w:author="Ana Souza \(Brazil\)"[^>]*w:date="2026-01-05T10:15:00Z"/);
    expect(document).toMatch(
      /<w:ins [^>]*w:author="Amina Diallo \(Kenya\)"[^>]*w:date="2026-01-05T09:30:00Z"/,
    );
    const unknown = /<w:ins [^>]*w:author="author not recorded"[^>]*>/.exec(document)?.[0];
    expect(unknown).toBeDefined();
    expect(unknown).not.toContain('w:date');
  });

  it('writes comments and their replies as Word comments on the paragraphs they cover', async () => {
    const { document, comments } = await parts(
      wordDocument(
        [{ runs: [{ text: 'Resolution 37' }] }, { runs: [{ text: 'to instruct the Director' }] }],
        {
          title: 'ACP/67A1/1',
          comments: [
            {
              author: 'Amina Diallo (Kenya)',
              date: Date.UTC(2026, 0, 5, 9, 0),
              text: 'On “instruct”\nWhich Director?',
              from: 1,
              to: 1,
            },
            { author: 'Ana Souza (Brazil)', date: Date.UTC(2026, 0, 5, 9, 5), text: 'BDT', from: 1, to: 1 },
          ],
        },
      ),
    );
    expect(comments).toMatch(
      /<w:comment [^>]*w:author="Amina Diallo \(Kenya\)"[^>]*w:date="2026-01-05T09:00:00/,
    );
    expect(comments).toContain('Which Director?');
    expect(comments).toMatch(/<w:comment [^>]*w:author="Ana Souza \(Brazil\)"/);
    expect(comments).toContain('>BDT<');
    expect(document.match(/<w:commentRangeStart /g)).toHaveLength(2);
    expect(document.match(/<w:commentReference /g)).toHaveLength(2);
    // Both on the second paragraph (the first is the title, then "Resolution 37").
    const third = document.split('<w:p>').find((p) => p.includes('to instruct the Director')) ?? '';
    expect(third).toContain('<w:commentRangeStart');
  });

  it('keeps no invisible direction marks in titles, names or text', async () => {
    const { document, comments } = await parts(
      wordDocument([{ runs: [{ text: 'Text \u2068quoted\u2069' }] }], {
        title: 'ACP/67A1/1 — \u2068Résolution\u2069',
        subtitle: 'Changes since “\u2068After the first reading\u2069”',
        comments: [{ author: '\u2068Amina (Kenya)\u2069', date: 0, text: 'x\u200f', from: 0, to: 0 }],
      }),
    );
    for (const xml of [document, comments]) expect(xml).not.toMatch(/[\u2066-\u2069\u200e\u200f]/);
    expect(document).toContain('After the first reading');
  });
});
