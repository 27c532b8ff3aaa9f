import * as Y from 'yjs';
import { docParagraphs } from '../../../../shared/collab/schema';
import { attributionOf } from '../attribution';
import { authorsOf } from '../authors';
import { compareBlocks } from '../compare';
import { displayName } from '../identity';
import type { VersionsApi } from '../versions';
import { wordBlob, wordDocument } from './docx';
import { fileNameOf } from './download';
import { comparisonParagraphs, textParagraphs } from './model';

/**
 * The Word files of a numbered revision (`symbol/Rev.N`): its clean text, and its comparison with
 * the revision before (or, for Rev.1, with the base text) as tracked changes credited to whoever
 * made them. Both texts are saved versions (`revision.versionId`, `v_base_<proposalId>`), read
 * through the versions API; nothing is read from the live text, so the files are the same whoever
 * exports them and whenever.
 */

/** The version the server keeps of a proposal's base text (server/collab/doc/baseText.ts). */
const baseVersionId = (proposalId: string) => `v_base_${proposalId}`;

/** The base text of a proposal, or an empty text when it was made without one. */
export async function baseTextOf(api: VersionsApi, proposalId: string): Promise<Y.Doc> {
  const id = baseVersionId(proposalId);
  const versions = await api.list();
  return versions.some((v) => v.id === id) ? api.load(id) : new Y.Doc();
}

/** The clean text of `doc` as a .docx (square brackets kept as "[" and "]"). */
export function cleanDocx(doc: Y.Doc, title: string): Promise<Blob> {
  return wordBlob(wordDocument(textParagraphs(docParagraphs(doc)), { title }));
}

/**
 * `after` against `before` as a .docx with Word tracked changes: insertions and deletions each with
 * the name of who made them ("Name (Delegation)", from `after`'s authors; `unknownAuthor` when the
 * text does not say) and the time of the edit, from `after`'s edit log.
 */
export function comparisonDocx(
  before: Y.Doc,
  after: Y.Doc,
  meta: { title: string; subtitle: string; unknownAuthor: string },
): Promise<Blob> {
  const blocks = compareBlocks(docParagraphs(before), docParagraphs(after), attributionOf(after, before));
  const authors = authorsOf(after);
  const nameOf = (writer: number | undefined) => {
    const author = writer === undefined ? undefined : authors.get(String(writer));
    return author ? displayName(author) : meta.unknownAuthor;
  };
  return wordBlob(wordDocument(comparisonParagraphs(blocks, nameOf), meta));
}

/** File names with the revision's symbol: "IRM-1-5-Rev.2.docx", "IRM-1-5-Rev.2-compared.docx". */
export const revisionFileName = (symbol: string, compared: boolean): string =>
  `${fileNameOf(symbol)}${compared ? '-compared' : ''}.docx`;
