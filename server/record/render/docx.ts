import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { assertNever, type ZonedTime } from '../../../shared';
import type { Block, Column, Field, Outline } from './outline';
import { withEntryTimes } from './zipTimes';

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** The width a table may take: A4 portrait less Word's default margins of 1 inch, in twips. */
const TEXT_WIDTH = 11906 - 2 * 1440;
/** Tables are set a point smaller than the text (half-points), so nine columns fit a page. */
const TABLE_TEXT_SIZE = 18;
/** The paragraph style of the tables' text. */
const TABLE_STYLE = 'RecordTableText';
/** Rows looked at to share the width among columns: enough to see the shape of the data. */
const ROWS_SAMPLED = 200;

/** Languages Word proofs as East Asian (w:eastAsia), and in a complex, right-to-left script (w:bidi). */
const EAST_ASIAN = new Set(['zh', 'ja', 'ko']);
const COMPLEX_SCRIPT = new Set(['ar', 'fa', 'he', 'ur']);

/** Characters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation forms). */
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** How the paragraphs and runs of a document in one direction are set. */
interface Direction {
  rtl: boolean;
}

/**
 * A run of text. In a right-to-left document a run holding right-to-left script is marked so
 * (w:rtl), so Word shapes it with the complex-script font; a run of Latin letters or digits (a
 * delegation, a time) is not, so it keeps its own order inside the right-to-left paragraph.
 */
function run(
  text: string,
  dir: Direction,
  style: { bold?: boolean; italics?: boolean; break?: number } = {},
) {
  return new TextRun({ text, ...style, ...(dir.rtl && RTL_SCRIPT.test(text) ? { rightToLeft: true } : {}) });
}

const paragraphDirection = (dir: Direction) => (dir.rtl ? { bidirectional: true } : {});

function fieldParagraph({ label, lines }: Field, labelEnd: string, dir: Direction): Paragraph {
  const [first = '', ...rest] = lines;
  return new Paragraph({
    ...paragraphDirection(dir),
    children: [
      run(label, dir, { bold: true }),
      run(`${labelEnd}${first}`, dir),
      ...rest.map((line) => run(line, dir, { break: 1 })),
    ],
  });
}

/** Column widths in proportion to what they hold (header and a sample of rows), within bounds. */
function columnWidths(columns: Column[], rows: string[][]): number[] {
  const weights = columns.map((column, i) => {
    let longest = column.header.length;
    for (const row of rows.slice(0, ROWS_SAMPLED)) longest = Math.max(longest, row[i]?.length ?? 0);
    return Math.min(40, Math.max(4, longest));
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
}

function tableCell(text: string, column: Column, dir: Direction, header: boolean): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        style: TABLE_STYLE,
        ...paragraphDirection(dir),
        ...(column.numeric ? { alignment: AlignmentType.END } : {}),
        children: text ? [run(text, dir, header ? { bold: true } : {})] : [],
      }),
    ],
  });
}

/** A real Word table: its first row is a header row (bold, repeated on each page it runs over). */
function table(columns: Column[], rows: string[][], dir: Direction): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnWidths(columns, rows),
    ...(dir.rtl ? { visuallyRightToLeft: true } : {}),
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column) => tableCell(column.header, column, dir, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({ children: columns.map((column, i) => tableCell(row[i] ?? '', column, dir, false)) }),
      ),
    ],
  });
}

function blockContent(b: Block, labelEnd: string, dir: Direction): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[b.level],
          ...paragraphDirection(dir),
          children: [run(b.text, dir)],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ ...paragraphDirection(dir), children: [run(b.text, dir)] })];
    case 'fields':
      return b.fields.map((field) => fieldParagraph(field, labelEnd, dir));
    case 'table':
      // An empty paragraph after a table keeps two tables in a row from merging into one in Word.
      return [table(b.columns, b.rows, dir), new Paragraph({ ...paragraphDirection(dir), children: [] })];
    default:
      return assertNever(b);
  }
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A time as the core properties want it: UTC, to the second. */
const w3cdtf = (time: ZonedTime) => new Date(Date.parse(time)).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The package's core properties (docProps/core.xml) in place of the library's, which stamps the
 * time of packing: created and modified are the record's `asOf`, so the same record and language
 * give the same bytes.
 */
function coreProperties(title: string, language: string, asOf: ZonedTime): string {
  const at = w3cdtf(asOf);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>IRM Room</dc:creator>` +
    `<dc:language>${escapeXml(language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The w:lang of a document in `language` (a BCP 47 tag): Word proofs Latin and Cyrillic text in
 * w:val's language, Chinese, Japanese and Korean script in w:eastAsia's, Arabic script in w:bidi's.
 * The document's language takes its script's slot; the others hold what such text most likely is
 * in an ITU record: English (names, symbols, addresses), Chinese, Arabic.
 */
function proofingLanguage(language: string): { value: string; eastAsia: string; bidirectional: string } {
  const primary = language.split('-')[0]!.toLowerCase();
  if (EAST_ASIAN.has(primary)) return { value: 'en-GB', eastAsia: language, bidirectional: 'ar-SA' };
  if (COMPLEX_SCRIPT.has(primary)) return { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: language };
  return { value: language, eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
}

/**
 * The record as a Word document: Title, then Heading 1 for its sections, Heading 2 for each item,
 * Heading 3 for an item's parts (Heading 4 for a text's calls for objections, statuses…), so the headings take the styles of the report template it is pasted
 * into; label–value lines and real tables with header rows. Right-to-left (Arabic): paragraphs are
 * bidirectional and tables run from the right. The document defaults carry `language` (a BCP 47
 * tag, as w:lang), so Word proofs every style's text in it. The same outline, language and `asOf`
 * give the same bytes.
 */
export async function recordDocx(
  outline: Outline,
  options: { labelEnd: string; dir: 'ltr' | 'rtl'; language: string; asOf: ZonedTime },
): Promise<Buffer> {
  const dir: Direction = { rtl: options.dir === 'rtl' };
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      ...paragraphDirection(dir),
      children: [run(outline.title, dir)],
    }),
    new Paragraph({
      ...paragraphDirection(dir),
      children: [run(outline.provenance, dir, { italics: true })],
    }),
  ];
  for (const b of outline.blocks) children.push(...blockContent(b, options.labelEnd, dir));
  const doc = new Document({
    title: outline.title,
    creator: 'IRM Room',
    styles: {
      default: {
        document: {
          run: { language: proofingLanguage(options.language) },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'Table text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: TABLE_TEXT_SIZE },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [{ children }],
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreProperties(outline.title, options.language, options.asOf) },
  ]);
  return withEntryTimes(packed, options.asOf);
}
