// Who may write what in the parts of a proposal's document that name people (shared/collab/schema.ts):
// comments and their replies, the bracket log, and the `authors` map. Judged on the JSON of each part
// before and after an update, so the rules see exactly what the update changed, whatever Yjs structs
// it used to do it. Plain JavaScript: it runs in the validation worker without a TypeScript loader.

/**
 * A refusal: `kind` is 'forbidden' (a stock client never writes it: the connection is closed as
 * invalid) or 'limit' (a quota an honest user can reach, e.g. by pasting too much).
 */
export class RuleError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const forbid = (message) => {
  throw new RuleError('forbidden', message);
};
const limit = (message) => {
  throw new RuleError('limit', message);
};

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const text = (v, max, what) => {
  if (typeof v !== 'string') forbid(`${what} is not text`);
  if (v.length > max) limit(`${what} over ${max} characters`);
};

/** The fields a comment's author sets once; only `resolved` and `replies` change afterwards. */
const COMMENT_FIXED = ['id', 'from', 'to', 'quote', 'authorId', 'authorName', 'text', 'createdAt'];

function checkReplies(before, after, writer, limits) {
  const old = new Map(before.map((r) => [r?.id, r]));
  const seen = new Set();
  for (const reply of after) {
    if (!isObject(reply) || typeof reply.id !== 'string') forbid('a reply without an id');
    if (seen.has(reply.id)) forbid('two replies with one id');
    seen.add(reply.id);
    const was = old.get(reply.id);
    if (was !== undefined) {
      if (!same(was, reply)) forbid("changes another reply's author, text or time");
      continue;
    }
    if (reply.authorId !== writer.participantId || reply.authorName !== writer.displayName)
      forbid('a reply in the name of someone else');
    text(reply.text, limits.commentChars, 'reply');
    if (typeof reply.createdAt !== 'number') forbid('a reply without a time');
  }
  for (const [id, was] of old) {
    if (!seen.has(id) && was?.authorId !== writer.participantId && !writer.moderates)
      forbid("deletes another participant's reply");
  }
  if (after.length > limits.repliesPerComment && after.length > before.length)
    limit(`over ${limits.repliesPerComment} replies on a comment`);
}

/** `after` and `afterTypes` are the comments array as JSON and as Y.Maps, in the same order. */
export function checkComments(before, after, afterTypes, writer, limits, isMapWithArray) {
  const old = new Map();
  for (const c of before) if (isObject(c)) old.set(c.id, c);
  const seen = new Set();
  let mine = 0;
  for (const [i, comment] of after.entries()) {
    if (!isObject(comment) || typeof comment.id !== 'string') forbid('a comment without an id');
    if (seen.has(comment.id)) forbid('two comments with one id');
    seen.add(comment.id);
    if (comment.authorId === writer.participantId) mine++;
    const was = old.get(comment.id);
    if (was !== undefined) {
      for (const key of new Set([...Object.keys(was), ...Object.keys(comment)])) {
        if (key === 'resolved' || key === 'replies') continue;
        if (!COMMENT_FIXED.includes(key) || !same(was[key], comment[key]))
          forbid(`changes the ${key} of a comment`);
      }
      if (typeof comment.resolved !== 'boolean') forbid('a comment resolved is not true or false');
      if (!Array.isArray(comment.replies)) forbid('comment replies are not a list');
      checkReplies(Array.isArray(was.replies) ? was.replies : [], comment.replies, writer, limits);
      continue;
    }
    // A new comment: written by this connection's participant, in its own name, open, no replies yet
    // but someone else's (a reply may arrive with it after an offline spell: then it is its own).
    if (!isMapWithArray(afterTypes[i])) forbid('a comment that is not a map with a replies list');
    if (comment.authorId !== writer.participantId || comment.authorName !== writer.displayName)
      forbid('a comment in the name of someone else');
    for (const key of Object.keys(comment)) {
      if (!COMMENT_FIXED.includes(key) && key !== 'resolved' && key !== 'replies')
        forbid(`a comment with an unknown field ${key}`);
    }
    text(comment.text, limits.commentChars, 'comment');
    text(comment.quote, limits.quoteChars, 'comment quote');
    if (typeof comment.createdAt !== 'number') forbid('a comment without a time');
    if (typeof comment.resolved !== 'boolean') forbid('a comment resolved is not true or false');
    checkReplies([], Array.isArray(comment.replies) ? comment.replies : [], writer, limits);
  }
  for (const [id, was] of old) {
    if (!seen.has(id) && was.authorId !== writer.participantId && !writer.moderates)
      forbid("deletes another participant's comment");
  }
  const mineBefore = before.filter((c) => isObject(c) && c.authorId === writer.participantId).length;
  if (mine > limits.commentsPerParticipant && mine > mineBefore)
    limit(`over ${limits.commentsPerParticipant} comments by one participant on a text`);
  if (after.length > limits.commentsPerDoc && after.length > before.length)
    limit(`over ${limits.commentsPerDoc} comments on a text`);
}

/** The bracket log only grows: entries stay as written, new ones are the writer's own. */
export function checkBracketLog(before, after, writer, limits) {
  const left = new Map();
  for (const entry of before) {
    const key = JSON.stringify(entry);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  for (const entry of after) {
    const key = JSON.stringify(entry);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      continue;
    }
    if (!isObject(entry)) forbid('a bracket log entry that is not a record');
    if (entry.by !== writer.participantId || entry.byName !== writer.displayName)
      forbid('a bracket log entry in the name of someone else');
    text(entry.text, limits.bracketTextChars, 'bracket log text');
    if (typeof entry.at !== 'number') forbid('a bracket log entry without a time');
  }
  for (const n of left.values()) if (n > 0) forbid('changes or deletes a bracket log entry');
  if (after.length > limits.bracketLogEntries && after.length > before.length)
    limit(`over ${limits.bracketLogEntries} bracket log entries`);
}

/**
 * `authors`: a key is a Yjs client id; only the participant that owns that client id (the first to
 * write with it, `ownerOf`) may set or remove it, and only to name itself.
 */
export function checkAuthors(before, after, writer, ownerOf) {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue;
    if (!/^\d{1,10}$/.test(key) || ownerOf(Number(key)) !== writer.participantId)
      forbid("sets the author of another participant's Yjs client");
    if (!(key in after)) continue;
    const value = after[key];
    if (
      !isObject(value) ||
      value.participantId !== writer.participantId ||
      value.name !== writer.name ||
      value.delegation !== writer.delegation
    )
      forbid('an author entry naming someone else');
    for (const field of Object.keys(value)) {
      if (!['participantId', 'name', 'delegation', 'color'].includes(field))
        forbid(`an author entry with an unknown field ${field}`);
    }
    if (value.color !== undefined && (typeof value.color !== 'string' || value.color.length > 32))
      forbid('an author colour that is not a short string');
  }
}

/**
 * `edits` (the edit log, shared/collab/edits.ts): keys are `<Yjs client id>:<sequence>`; only the
 * participant that owns the client id adds one, and an entry never changes or goes. An entry is an
 * insertion mark `{ at, from }` or a deletion mark `{ at, ranges }` (client, clock, length triples),
 * its time not in the future. A writer can thus only credit edits to itself.
 */
export function checkEdits(before, after, writer, ownerOf, limits, now) {
  for (const key of Object.keys(before)) {
    if (!(key in after)) forbid('deletes an edit log entry');
    if (!same(before[key], after[key])) forbid('changes an edit log entry');
  }
  for (const [key, value] of Object.entries(after)) {
    if (key in before) continue;
    const match = /^(\d{1,10}):\d{1,10}$/.exec(key);
    if (!match || ownerOf(Number(match[1])) !== writer.participantId)
      forbid("an edit log entry for another participant's Yjs client");
    if (!isObject(value) || !Number.isSafeInteger(value.at) || value.at < 0)
      forbid('an edit log entry without a time');
    if (value.at > now + limits.futureMs) forbid('an edit log entry dated in the future');
    const fields = Object.keys(value).sort().join(',');
    if (fields === 'at,from') {
      if (!Number.isSafeInteger(value.from) || value.from < 0) forbid('an insertion mark without a clock');
    } else if (fields === 'at,ranges') {
      const { ranges } = value;
      if (!Array.isArray(ranges) || ranges.length % 3 !== 0) forbid('deletion ranges that are not triples');
      if (ranges.length > limits.rangeNumbers)
        limit(`over ${limits.rangeNumbers / 3} ranges in one deletion mark`);
      if (!ranges.every((n) => Number.isSafeInteger(n) && n >= 0))
        forbid('deletion ranges that are not clocks');
    } else forbid(`an edit log entry with the fields ${fields}`);
  }
}

const FROZEN = 'which is frozen (agreed, or under an "any objection?" check)';

/**
 * Frozen paragraphs (docs/collab.md, "Paragraphs"): for each frozen pid, the top-level blocks that
 * carry it after the update (`after`, pid → blocks) are the ones before it (`before`, pid →
 * `{ block, json }`), as many, each serialized the same. So an update may neither change a frozen
 * paragraph's content, marks or attributes, nor delete it, rename its pid, nor add a second block
 * with its pid. A block that is the same object as before and that the update did not touch
 * (`untouched`) is not serialized again: the cost is the frozen blocks the update reached.
 */
export function checkFrozen(frozen, before, after, untouched, serialize) {
  for (const pid of frozen) {
    const was = before.get(pid) ?? [];
    const now = after.get(pid) ?? [];
    if (now.length > was.length) forbid(`adds a second paragraph with the pid ${pid}, ${FROZEN}`);
    if (now.length < was.length) forbid(`deletes paragraph ${pid} or changes its pid, ${FROZEN}`);
    for (let i = 0; i < now.length; i++) {
      if (now[i] === was[i].block && untouched(now[i])) continue;
      if (serialize(now[i]) !== was[i].json) forbid(`changes paragraph ${pid}, ${FROZEN}`);
    }
  }
}
