/**
 * The edit log of a proposal text: when each writer inserted text, and who deleted what when. Yjs
 * records neither (an item knows the client that inserted it, not when; a deletion is only a range in
 * the delete set, by nobody), so each editor records its own edits in the document's `edits` Y.Map,
 * and the server accepts an entry only in the writer's own name (docs/collab.md, "Edit log";
 * server/collab/worker/docRules.mjs). Exports and the Compare view read it to credit every insertion
 * and deletion with a delegation and a time.
 */

/** The Y.Map of the document that holds the log (not in DOC_FIELDS: older documents lack it). */
export const EDITS_FIELD = 'edits';

/**
 * Insertions: the Yjs client's items from clock `from` on were typed at `at` or later (until its next
 * mark). Editors write one mark per minute of typing, so the log stays small.
 */
export interface InsertMark {
  at: number;
  from: number;
}

/**
 * Deletions: the client (the key's) deleted these item ranges at `at`. `ranges` is flat:
 * client, clock, length, client, clock, length...
 */
export interface DeleteMark {
  at: number;
  ranges: number[];
}

export type EditMark = InsertMark | DeleteMark;

/** Keys are `<Yjs client id>:<sequence>`: the client id says whose entry it is. */
export const editKey = (client: number, seq: number): string => `${client}:${seq}`;

/** Where an edit mark's key names its client; null for a key that is not an edit mark's. */
export function clientOfEditKey(key: string): number | null {
  const match = /^(\d{1,10}):\d{1,10}$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** Bounds the server holds the log to (docs/collab.md, "Edit log"). */
export const EDIT_LIMITS = {
  /** Numbers in one deletion mark (a third of it in ranges). */
  rangeNumbers: 3 * 2000,
  /** How far in the future (by the server's clock) a mark's time may be. */
  futureMs: 5 * 60_000,
} as const;
