// @vitest-environment jsdom
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language, MeetingRecord } from '../../../shared';
import { recordDocx } from './docx';
import { hostileRecord, irmRecord, roundedPartsRecord } from './fixtures';
import { recordOutline } from './outline';
import { RECORD_WORDS } from './words';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docxOf(record: MeetingRecord, lang: Language = 'en') {
  const words = RECORD_WORDS[lang];
  return recordDocx(recordOutline(record, words), {
    labelEnd: words.labelEnd,
    dir: words.dir,
    language: words.documentLanguage,
    asOf: record.meeting.asOf,
  });
}

/** A part of the package, parsed (a parse error fails the test: the XML must be well formed). */
async function part(docx: Buffer, path: string): Promise<Document> {
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file(path)!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const all = (node: Document | Element, name: string) => [...node.getElementsByTagNameNS(W, name)];
const styleOf = (p: Element) => all(p, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? null;
const textOf = (node: Element) =>
  all(node, 't')
    .map((t) => t.textContent)
    .join('');
const headings = (doc: Document, style: string) =>
  all(doc, 'p')
    .filter((p) => styleOf(p) === style)
    .map(textOf);
/** Every table as rows of cell texts. */
const tables = (doc: Document) =>
  all(doc, 'tbl').map((table) => all(table, 'tr').map((row) => all(row, 'tc').map(textOf)));

/** The English document of the fixture, made once: Word documents take a while to pack. */
let english: Promise<Document> | undefined;
const englishDocument = () => {
  english ??= docxOf(irmRecord()).then((docx) => part(docx, 'word/document.xml'));
  return english;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('record.docx', () => {
  it('has Word headings: the title, the sections, each item as "number title", its parts', async () => {
    const doc = await englishDocument();
    expect(headings(doc, 'Title')).toEqual(['IRM-1 for WTDC-25: record of the meeting']);
    expect(headings(doc, 'Heading1')).toEqual([
      'Meeting',
      'Agenda items',
      'Texts under no agenda item, agreed paragraph by paragraph',
      'Attendance',
      'Speaking time',
      'Interventions outside the agenda',
    ]);
    const items = irmRecord().items.map((item) => `${item.number} ${item.title}`);
    // Items appear under "Agenda items" and again under "Speaking time".
    expect(headings(doc, 'Heading2')).toEqual([
      ...items,
      'IRM-1/5, paragraph by paragraph',
      'By region',
      'By RTO',
      'By category',
      'Participants',
      'Whole meeting',
      ...items,
    ]);
    expect(headings(doc, 'Heading3').filter((h) => h === 'Interventions')).toHaveLength(items.length);
    // A text agreed paragraph by paragraph under its item, and its parts a level down.
    expect(headings(doc, 'Heading3')).toContain('AFCP/31/1, paragraph by paragraph');
    expect(headings(doc, 'Heading4')).toEqual([
      'Calls for objections and silence procedures',
      'Paragraph status',
      'Revisions',
      'Interventions on paragraphs',
    ]);
  });

  it('puts the interventions in real tables with a repeated header row, a row each', async () => {
    const record = irmRecord();
    const doc = await englishDocument();
    const found = tables(doc);
    const interventionTables = found.filter((t) => t[0]?.[0] === 'No.' && t[0]?.[2] === 'Speaker');
    // One per item with interventions, and the one outside the agenda.
    expect(interventionTables).toHaveLength(
      record.items.filter((i) => i.interventions.length > 0).length + 1,
    );
    const reports = interventionTables[1]!;
    expect(reports).toHaveLength(1 + record.items[1]!.interventions.length);
    expect(reports[3]).toEqual([
      '3',
      'CEPT',
      'Ingrid Larsen',
      'CEPT',
      'Statement',
      '13:20:30',
      '4:40',
      '',
      '13:20:30–13:22:10 (1:40); 13:24:40–13:27:40 (3:00)',
    ]);
    expect(reports[4]).toEqual([
      '4',
      'Egypt',
      'عمر الفاروق',
      '',
      'Point of order',
      '13:22:15',
      '2:15',
      '0:15',
      '',
    ]);
    for (const table of all(doc, 'tbl')) {
      const [header] = all(table, 'tr');
      expect(all(header!, 'tblHeader')).toHaveLength(1);
      expect(all(header!, 'b').length).toBeGreaterThan(0);
    }
    const participants = found.find((t) => t[0]?.[0] === 'Name')!;
    expect(participants).toHaveLength(1 + record.attendance.participants.length);
    expect(participants.map((row) => row[0])).toContain('李明');
  });

  it('gives suspended parts their own seconds and says when an item was deferred while pending', async () => {
    const doc = await part(await docxOf(roundedPartsRecord()), 'word/document.xml');
    const cept = tables(doc)
      .flat()
      .find((row) => row[2] === 'Ingrid Larsen')!;
    expect(cept.slice(6)).toEqual(['0:23', '', '13:20:30–13:20:42 (0:11); 13:24:40–13:24:52 (0:12)']);
    const paragraphs = all(doc, 'p').map(textOf);
    const aob = paragraphs.indexOf('4 Any other business');
    expect(paragraphs.slice(aob, aob + 6)).toContain('Deferred: 2025-07-14 14:31 (UTC+02:00)');
  });

  it.each([
    ['ar', 'en-GB', 'zh-CN', 'ar-SA'],
    ['zh', 'en-GB', 'zh-CN', 'ar-SA'],
    ['en', 'en-GB', 'zh-CN', 'ar-SA'],
    ['fr', 'fr-FR', 'zh-CN', 'ar-SA'],
    ['ru', 'ru-RU', 'zh-CN', 'ar-SA'],
    ['es', 'es-ES', 'zh-CN', 'ar-SA'],
  ] as const)(
    'marks the %s document’s language for proofing (w:lang)',
    async (lang, value, eastAsia, bidi) => {
      const docx = await docxOf(irmRecord(), lang);
      const styles = await part(docx, 'word/styles.xml');
      const defaults = all(styles, 'rPrDefault')[0]!;
      const [mark, ...others] = all(defaults, 'lang');
      expect(others).toHaveLength(0);
      expect([
        mark!.getAttributeNS(W, 'val'),
        mark!.getAttributeNS(W, 'eastAsia'),
        mark!.getAttributeNS(W, 'bidi'),
      ]).toEqual([value, eastAsia, bidi]);
      // No style sets a language of its own, so every one proofs in the default's.
      expect(all(styles, 'lang')).toHaveLength(1);
      const core = await part(docx, 'docProps/core.xml');
      expect(core.getElementsByTagName('dc:language')[0]!.textContent).toBe(
        RECORD_WORDS[lang].documentLanguage,
      );
    },
  );

  it('writes Arabic right to left: bidirectional paragraphs, tables from the right, RTL runs', async () => {
    const doc = await part(await docxOf(irmRecord(), 'ar'), 'word/document.xml');
    const paragraphs = all(doc, 'p');
    expect(paragraphs.every((p) => all(p, 'bidi').length === 1)).toBe(true);
    expect(all(doc, 'tbl').every((t) => all(t, 'bidiVisual').length === 1)).toBe(true);
    expect(headings(doc, 'Heading1')[0]).toBe('الاجتماع');
    const arabicRun = all(doc, 'r').find((r) => textOf(r) === 'الاجتماع')!;
    expect(all(arabicRun, 'rtl')).toHaveLength(1);
    // A Latin value keeps its own direction inside the paragraph.
    const latinRun = all(doc, 'r').find((r) => textOf(r) === 'Kwame Mensah')!;
    expect(all(latinRun, 'rtl')).toHaveLength(0);
    expect(all(await englishDocument(), 'bidi')).toHaveLength(0);
  });

  it('stays a valid document with hostile text, which it keeps as text', async () => {
    const doc = await part(await docxOf(hostileRecord()), 'word/document.xml');
    expect(headings(doc, 'Title')[0]).toBe('| <img src=x> [a](javascript:x): record of the meeting');
    expect(headings(doc, 'Heading2')[0]).toBe('1 Opening of the meeting and adoption of the agenda');
    expect(all(doc, 'hyperlink')).toHaveLength(0);
  });

  it('gives the same bytes for the same record and language, whatever the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = await docxOf(irmRecord(), 'fr');
    vi.setSystemTime(new Date('2031-06-15T08:30:17Z'));
    const second = await docxOf(irmRecord(), 'fr');
    expect(second.equals(first)).toBe(true);
    const core = await part(first, 'docProps/core.xml');
    expect(core.getElementsByTagName('dcterms:created')[0]!.textContent).toBe('2025-07-14T13:12:00Z');
    expect(core.getElementsByTagName('dcterms:modified')[0]!.textContent).toBe('2025-07-14T13:12:00Z');
    expect(core.getElementsByTagName('dc:title')[0]!.textContent).toBe(
      'IRM-1 for WTDC-25\u00a0: compte rendu de la réunion',
    );
    const zip = await JSZip.loadAsync(first);
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString()).toBe('2025-07-14T15:12:00.000Z');
  });
});
