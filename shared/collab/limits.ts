/**
 * What one proposal text and one update may hold (docs/collab.md, "Limits inside the text"). The
 * server's validation worker enforces them on the real document; the editor keeps below them
 * (client/src/collab/comments.ts) so that an honest user is never refused for what it wrote.
 */
export interface CollabLimits {
  /** Encoded size of the whole document (`Y.encodeStateAsUpdate`), in bytes. */
  maxDocBytes: number;
  /** Structs (items) one update may add. */
  maxStructsPerUpdate: number;
  /** Delete-set ranges of one update that reach content still in the document. */
  maxDeleteRangesPerUpdate: number;
  /** An update that takes longer than this to apply (measured on the worker's copy) is refused. */
  costBudgetMs: number;
  commentsPerDoc: number;
  commentsPerParticipant: number;
  repliesPerComment: number;
  /** Characters of a comment's or a reply's text. */
  commentChars: number;
  /** Characters of the text a comment quotes. */
  quoteChars: number;
  bracketLogEntries: number;
  /** Characters of the text recorded in one bracket log entry. */
  bracketTextChars: number;
}

export const COLLAB_LIMITS: CollabLimits = {
  maxDocBytes: 4 * 1024 * 1024,
  maxStructsPerUpdate: 100_000,
  maxDeleteRangesPerUpdate: 20_000,
  costBudgetMs: 250,
  commentsPerDoc: 1000,
  commentsPerParticipant: 200,
  repliesPerComment: 100,
  commentChars: 4000,
  quoteChars: 1000,
  bracketLogEntries: 5000,
  bracketTextChars: 20_000,
};

/** The name comments, replies and the bracket log record: "Name (Delegation)". */
export function writerName(person: { name: string; delegation?: string }): string {
  return person.delegation && !person.name.includes(`(${person.delegation})`)
    ? `${person.name} (${person.delegation})`
    : person.name;
}
