import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { WordParagraph, WordRun } from './model';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const ORDERED = 'numbered-paragraphs';

function run(r: WordRun, id: number, date: string): ParagraphChild {
  const options = {
    text: r.text,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.underline ? { underline: {} } : {}),
  };
  if (r.revision?.kind === 'ins')
    return new InsertedTextRun({ ...options, id, author: r.revision.author, date });
  if (r.revision?.kind === 'del')
    return new DeletedTextRun({ ...options, id, author: r.revision.author, date });
  return new TextRun(options);
}

/**
 * A Word document from paragraphs (see `model.ts`). Each numbered list restarts at 1 (its own
 * numbering instance); revision runs become real tracked changes dated `date`.
 */
export function wordDocument(
  paragraphs: readonly WordParagraph[],
  meta: { title: string; subtitle?: string; date?: Date },
): Document {
  const date = (meta.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  let revision = 1;
  let instance = 0;
  let previous: WordParagraph | undefined;
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
  ];
  if (meta.subtitle)
    children.push(new Paragraph({ children: [new TextRun({ text: meta.subtitle, italics: true })] }));
  for (const p of paragraphs) {
    if (p.list === 'ordered' && previous?.list !== 'ordered') instance++;
    children.push(
      new Paragraph({
        ...(p.heading ? { heading: HEADINGS[p.heading - 1] } : {}),
        ...(p.list === 'bullet' ? { bullet: { level: 0 } } : {}),
        ...(p.list === 'ordered' ? { numbering: { reference: ORDERED, level: 0, instance } } : {}),
        children: p.runs.map((r) => run(r, revision++, date)),
      }),
    );
    previous = p;
  }
  return new Document({
    title: meta.title,
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children }],
  });
}

/** The document as a Blob for download in the browser. */
export const wordBlob = (doc: Document): Promise<Blob> => Packer.toBlob(doc);
