import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
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
import type { WordComment, WordParagraph, WordRun } from './model';
import { withoutIsolates } from './plain';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const ORDERED = 'numbered-paragraphs';

/** A time as Word's revision and comment dates are written: ISO 8601, to the second. */
const wordDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function run(r: WordRun, id: number): ParagraphChild {
  const options = {
    text: withoutIsolates(r.text),
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
    ...(r.underline ? { underline: {} } : {}),
  };
  if (!r.revision) return new TextRun(options);
  // The time of the edit; a change whose time is unknown carries none (never the time of export).
  const change = {
    ...options,
    id,
    author: withoutIsolates(r.revision.author),
    date: (r.revision.date === undefined ? undefined : wordDate(r.revision.date)) as string,
  };
  return r.revision.kind === 'ins' ? new InsertedTextRun(change) : new DeletedTextRun(change);
}

/** The paragraph's runs with the comments that start or end on it (`index` -1: the title). */
function withComments(runs: ParagraphChild[], index: number, comments: readonly WordComment[]) {
  const out: ParagraphChild[] = [];
  comments.forEach((c, id) => {
    if (c.from === index) out.push(new CommentRangeStart(id));
  });
  out.push(...runs);
  comments.forEach((c, id) => {
    if (c.to !== index) return;
    out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
  });
  return out;
}

/**
 * A Word document from paragraphs (see `model.ts`). Each numbered list restarts at 1 (its own
 * numbering instance); revision runs become real tracked changes, each with its author and the time
 * of the edit; `comments` become Word comments on the paragraphs they cover.
 */
export function wordDocument(
  paragraphs: readonly WordParagraph[],
  meta: { title: string; subtitle?: string; comments?: readonly WordComment[] },
): Document {
  const comments = meta.comments ?? [];
  // Word wants one id space for all annotations: comments take 0…n−1, revisions follow.
  let revision = comments.length;
  let instance = 0;
  let previous: WordParagraph | undefined;
  const title = withoutIsolates(meta.title);
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: withComments([new TextRun(title)], -1, comments),
    }),
  ];
  if (meta.subtitle)
    children.push(
      new Paragraph({ children: [new TextRun({ text: withoutIsolates(meta.subtitle), italics: true })] }),
    );
  for (const [index, p] of paragraphs.entries()) {
    if (p.list === 'ordered' && previous?.list !== 'ordered') instance++;
    children.push(
      new Paragraph({
        ...(p.heading ? { heading: HEADINGS[p.heading - 1] } : {}),
        ...(p.list === 'bullet' ? { bullet: { level: 0 } } : {}),
        ...(p.list === 'ordered' ? { numbering: { reference: ORDERED, level: 0, instance } } : {}),
        children: withComments(
          p.runs.map((r) => run(r, revision++)),
          index,
          comments,
        ),
      }),
    );
    previous = p;
  }
  return new Document({
    title,
    comments: {
      children: comments.map((c, id) => ({
        id,
        author: withoutIsolates(c.author),
        date: new Date(c.date),
        children: withoutIsolates(c.text)
          .split('\n')
          .map((line) => new Paragraph({ children: [new TextRun(line)] })),
      })),
    },
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
