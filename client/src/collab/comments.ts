import * as Y from 'yjs';
import { type CommentRecord, DOC_FIELDS } from '../../../shared/collab/schema';
import { toAbsolute, toRelative } from './positions';

/** Who is writing, as recorded on comments and replies. */
export interface Writer {
  id: string;
  name: string;
}

/** A comment with where its range is now (null when the text it was on has been deleted). */
export interface LiveComment extends CommentRecord {
  range: { from: number; to: number } | null;
}

const commentsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DOC_FIELDS.comments);

const newId = () =>
  globalThis.crypto?.randomUUID?.() ?? `c${Date.now()}${Math.random().toString(36).slice(2)}`;

/**
 * Adds a comment on the range `from`..`to` (ProseMirror positions). The range is stored as Yjs
 * relative positions, so it keeps pointing at the same words while anyone edits around or inside it.
 */
export function addComment(
  doc: Y.Doc,
  input: { from: number; to: number; quote: string; text: string; author: Writer; now?: number },
): string {
  const id = newId();
  const record: CommentRecord = {
    id,
    from: toRelative(doc, input.from),
    to: toRelative(doc, input.to),
    quote: input.quote,
    authorId: input.author.id,
    authorName: input.author.name,
    text: input.text,
    createdAt: input.now ?? Date.now(),
    resolved: false,
    replies: [],
  };
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    // Replies go in a Y.Array so that two people replying at once both keep their reply.
    for (const [key, value] of Object.entries(record))
      map.set(key, key === 'replies' ? new Y.Array<unknown>() : value);
    commentsOf(doc).push([map]);
  }, 'comment');
  return id;
}

const find = (doc: Y.Doc, id: string) =>
  commentsOf(doc)
    .toArray()
    .find((m) => m.get('id') === id);

/** Adds a reply to a comment. */
export function replyTo(doc: Y.Doc, id: string, text: string, author: Writer, now = Date.now()): void {
  const map = find(doc, id);
  const replies = map?.get('replies');
  if (!(replies instanceof Y.Array)) return;
  replies.push([{ id: newId(), authorId: author.id, authorName: author.name, text, createdAt: now }]);
}

/** Marks a comment resolved (or open again). */
export function setResolved(doc: Y.Doc, id: string, resolved: boolean): void {
  find(doc, id)?.set('resolved', resolved);
}

/** All comments, oldest first, each with its current range. */
export function listComments(doc: Y.Doc): LiveComment[] {
  return commentsOf(doc)
    .toArray()
    .map((map) => {
      const json = map.toJSON() as CommentRecord;
      const from = toAbsolute(doc, map.get('from'));
      const to = toAbsolute(doc, map.get('to'));
      const range = from !== null && to !== null && to > from ? { from, to } : null;
      return { ...json, replies: Array.isArray(json.replies) ? json.replies : [], range };
    });
}
