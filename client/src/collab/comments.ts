import * as Y from 'yjs';
import { COLLAB_LIMITS } from '../../../shared/collab/limits';
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
 * Whether `author` may add one more comment to this text: the server refuses (and closes the editor,
 * docs/collab.md) a comment over its quotas, so the editor checks them first.
 */
function canAddComment(doc: Y.Doc, author: Writer): boolean {
  const all = commentsOf(doc).toArray();
  const mine = all.filter((m) => m.get('authorId') === author.id).length;
  return all.length < COLLAB_LIMITS.commentsPerDoc && mine < COLLAB_LIMITS.commentsPerParticipant;
}

/** Whether a comment can take one more reply (the server's quota). */
function canReply(doc: Y.Doc, id: string): boolean {
  const replies = find(doc, id)?.get('replies');
  return replies instanceof Y.Array && replies.length < COLLAB_LIMITS.repliesPerComment;
}

/**
 * Adds a comment on the range `from`..`to` (ProseMirror positions). The range is stored as Yjs
 * relative positions, so it keeps pointing at the same words while anyone edits around or inside it.
 * Text and quote are cut to the server's limits; null (nothing written) when over the comment quotas.
 */
export function addComment(
  doc: Y.Doc,
  input: { from: number; to: number; quote: string; text: string; author: Writer; now?: number },
): string | null {
  if (!canAddComment(doc, input.author)) return null;
  const id = newId();
  const record: CommentRecord = {
    id,
    from: toRelative(doc, input.from),
    to: toRelative(doc, input.to),
    quote: input.quote.slice(0, COLLAB_LIMITS.quoteChars),
    authorId: input.author.id,
    authorName: input.author.name,
    text: input.text.slice(0, COLLAB_LIMITS.commentChars),
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

/** Adds a reply to a comment (cut to the server's limit; nothing when the comment is full). */
export function replyTo(doc: Y.Doc, id: string, text: string, author: Writer, now = Date.now()): void {
  const map = find(doc, id);
  const replies = map?.get('replies');
  if (!(replies instanceof Y.Array) || !canReply(doc, id)) return;
  replies.push([
    {
      id: newId(),
      authorId: author.id,
      authorName: author.name,
      text: text.slice(0, COLLAB_LIMITS.commentChars),
      createdAt: now,
    },
  ]);
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
