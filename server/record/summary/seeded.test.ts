import { describe, expect, it } from 'vitest';
import { bracketRanges } from '../../../client/src/collab/brackets';
import { toMarkdown } from '../../../client/src/collab/export/markdown';
import { pmDoc, seeded } from '../../../client/src/collab/testDocs';
import type { MeetingRecord } from '../../../shared';
import { docParagraphs, plainText } from '../../../shared/collab/schema';
import { draftSummary } from './draft';
import { IRM1_RECORD } from './fixtures';

/**
 * The draft as the editor shows it: seeded into a real Y.Doc by `seedDoc`, as the collab server
 * seeds a new text, and read with the editor's schema (the square-brackets panel's `bracketRanges`).
 */
const editorOf = (text: string) => pmDoc(seeded(text));

const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATED = /\u2068[^\u2069]*\u2069/g;

describe('the draft in the editor', () => {
  const { text } = draftSummary(IRM1_RECORD, 'en');

  it('seeds each placeholder as text not yet agreed, which the square-brackets panel counts', () => {
    const placeholders = text.match(/\[[^\]]*\]/g) ?? [];
    const ranges = bracketRanges(editorOf(text));
    expect(ranges.map((r) => `[${r.text}]`)).toEqual(placeholders);
    expect(ranges.map((r) => r.text)).toContain('Main points raised by participants from Africa');
    expect(ranges.at(-1)?.text).toBe('Next steps, including the date of the next meeting');
    // The brackets are the mark's, drawn by the editor: not characters of the text as well.
    expect(plainText(seeded(text))).not.toMatch(/[[\]]/);
  });

  it('exports each placeholder with one pair of brackets', () => {
    const markdown = toMarkdown(docParagraphs(seeded(text)));
    expect(markdown).toContain('\n\n[Main points raised by participants from Africa]\n\n');
    expect(markdown).not.toMatch(/\[\[|\]\]|\\\[/);
  });

  it('keeps square brackets typed in user text as characters, not as text not yet agreed', () => {
    const record: MeetingRecord = structuredClone(IRM1_RECORD);
    record.items[3]!.documents[0]!.title = 'Draft [new] Resolution';
    record.items[3]!.outcome = 'Agreed [as amended]. See [';
    const draft = draftSummary(record, 'en').text;
    const ranges = bracketRanges(editorOf(draft)).map((r) => r.text);
    expect(ranges).toHaveLength(bracketRanges(editorOf(text)).length);
    expect(ranges.some((r) => r.includes('new') || r.includes('amended'))).toBe(false);
    const doc = plainText(seeded(draft));
    expect(doc).toContain('IRM-1/4, “Draft [new] Resolution”');
    expect(doc).toContain('“Agreed [as amended]. See [”');
    expect(toMarkdown(docParagraphs(seeded(draft)))).toContain('Draft \\[new\\] Resolution');
  });
});

describe('user text in the Arabic draft', () => {
  const { text } = draftSummary(IRM1_RECORD, 'ar');

  it('isolates every name, title, symbol and outcome in Latin script', () => {
    expect(paragraphs(text)[1]).toContain(
      `برئاسة ${FSI}Leyla Hasanova${PDI}، ${FSI}WTDC-25 Chair-designate (Azerbaijan)${PDI}.`,
    );
    // Outside the isolates, only the templates' own Latin: the RTOs' abbreviations and the offset.
    const outside = text.replace(ISOLATED, '');
    expect(outside).not.toMatch(/[\u2068\u2069]/);
    expect(new Set(outside.match(/\p{Script=Latin}+/gu))).toEqual(
      new Set(['APT', 'ATU', 'CEPT', 'CITEL', 'RCC', 'UTC']),
    );
  });

  it('keeps the isolates in the seeded document, and the exports leave them out', () => {
    const doc = seeded(text);
    expect(plainText(doc)).toContain(`${FSI}Kenya${PDI}`);
    const markdown = toMarkdown(docParagraphs(doc));
    expect(markdown).not.toMatch(/[\u2066-\u2069]/);
    expect(markdown).toContain('برئاسة Leyla Hasanova، WTDC-25 Chair-designate (Azerbaijan).');
  });

  it('isolates right-to-left user text in a left-to-right draft, and nothing else', () => {
    expect(draftSummary(IRM1_RECORD, 'en').text).not.toMatch(/[\u2068\u2069]/);
    const record: MeetingRecord = structuredClone(IRM1_RECORD);
    for (const i of record.items[2]!.interventions) {
      if (i.delegation === 'Egypt') i.delegation = 'مصر (جمهورية)';
    }
    expect(draftSummary(record, 'en').text).toContain(`from the Arab States, ${FSI}مصر (جمهورية)${PDI};`);
  });
});

const paragraphs = (text: string) => text.split('\n\n');
