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
