import * as Y from 'yjs';
import { docParagraphs } from '../../../../shared/collab/schema';
import { attributionOf } from '../attribution';
import { authorsOf } from '../authors';
import { compareBlocks } from '../compare';
import { displayName } from '../identity';
import type { VersionsApi } from '../versions';
import { wordBlob, wordDocument } from './docx';
import { fileNameOf } from './download';
import { comparisonParagraphs, textParagraphs, type WordParagraph } from './model';

/**
 * The Word files of a numbered revision (`symbol/Rev.N`): its clean text, and its comparison with
 * the revision before (or, for Rev.1, with the base text) as tracked changes credited to whoever
 * made them. Both texts are saved versions (`revision.versionId`, `v_base_<proposalId>`), read
 * through the versions API; nothing is read from the live text, so the files are the same whoever
 * exports them and whenever. Both open, after the title, with the paragraphs' statuses as the
 * revision froze them (`revision.paragraphs`), worded by the caller in the UI language.
 */

/** The statuses a revision's files open with: a heading, then one line per paragraph, in order. */
export interface RevisionStatuses {
  /** e.g. "Paragraph status in IRM-1/5/Rev.2". */
  heading: string;
  /** e.g. "Paragraph 2: Agreed ad referendum (Egypt)". */
  lines: readonly string[];
}

/**
 * The statuses as Word paragraphs, before the text: the heading in bold, then a bullet per
 * paragraph (a bullet list, not a numbered one: the numbers are the paragraphs', in the words).
 * Nothing when the revision has no paragraph.
 */
function statusParagraphs(statuses: RevisionStatuses): WordParagraph[] {
  if (statuses.lines.length === 0) return [];
  return [
    { runs: [{ text: statuses.heading, bold: true }] },
    ...statuses.lines.map((line): WordParagraph => ({ list: 'bullet', runs: [{ text: line }] })),
    // An empty paragraph between the statuses and the text, so that the text's first paragraph
    // is not read as one more status.
    { runs: [] },
  ];
}

/** The version the server keeps of a proposal's base text (server/collab/doc/baseText.ts). */
const baseVersionId = (proposalId: string) => `v_base_${proposalId}`;

/** The base text of a proposal, or an empty text when it was made without one. */
export async function baseTextOf(api: VersionsApi, proposalId: string): Promise<Y.Doc> {
  const id = baseVersionId(proposalId);
  const versions = await api.list();
  return versions.some((v) => v.id === id) ? api.load(id) : new Y.Doc();
}

/** The clean text of `doc` as a .docx (square brackets kept as "[" and "]"), statuses first. */
export function cleanDocx(doc: Y.Doc, meta: { title: string; statuses: RevisionStatuses }): Promise<Blob> {
  const paragraphs = [...statusParagraphs(meta.statuses), ...textParagraphs(docParagraphs(doc))];
  return wordBlob(wordDocument(paragraphs, { title: meta.title }));
}

/**
 * `after` against `before` as a .docx with Word tracked changes: insertions and deletions each with
 * the name of who made them ("Name (Delegation)", from `after`'s authors; `unknownAuthor` when the
 * text does not say) and the time of the edit, from `after`'s edit log; the statuses (of `after`'s
 * revision) first.
 */
export function comparisonDocx(
  before: Y.Doc,
  after: Y.Doc,
  meta: { title: string; subtitle: string; unknownAuthor: string; statuses: RevisionStatuses },
): Promise<Blob> {
  const blocks = compareBlocks(docParagraphs(before), docParagraphs(after), attributionOf(after, before));
  const authors = authorsOf(after);
  const nameOf = (writer: number | undefined) => {
    const author = writer === undefined ? undefined : authors.get(String(writer));
    return author ? displayName(author) : meta.unknownAuthor;
  };
  const paragraphs = [...statusParagraphs(meta.statuses), ...comparisonParagraphs(blocks, nameOf)];
  return wordBlob(wordDocument(paragraphs, { title: meta.title, subtitle: meta.subtitle }));
}

/** File names with the revision's symbol: "IRM-1-5-Rev.2.docx", "IRM-1-5-Rev.2-compared.docx". */
export const revisionFileName = (symbol: string, compared: boolean): string =>
  `${fileNameOf(symbol)}${compared ? '-compared' : ''}.docx`;
