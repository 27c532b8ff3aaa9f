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
 * Frozen paragraphs (docs/collab.md, "Frozen paragraphs"). `before` lists the frozen top-level blocks
 * before the update, in text order (`{ pid, block, json, ids }`: its serialization and content ids),
 * `after` those after it (`{ pid, block }`). Each must be the very same Yjs item, with the same pid,
 * in the same order: Yjs never moves an item, so a paragraph "moved", "swapped" or replaced by an
 * identical copy is one deleted and a new one inserted, and the copy's text would be the inserter's
 * (Compare and the Word export credit it to them). Each block the update `reached` must also
 * serialize the same (text, marks, attributes) and keep the same content items (`ids`): no
 * character deleted and typed again. So an update may neither change, move, replace nor delete a
 * frozen paragraph, rename its pid, nor add a second block with its pid. The cost is one comparison
 * per frozen block, and a serialization of the frozen blocks the update reached.
 */
export function checkFrozen(frozen, before, after, reached, serialize, contentIds) {
  // A pid with more or fewer blocks than before: said as such (the usual forged edit).
  const counted = () => {
    const count = (list) => {
      const n = new Map();
      for (const { pid } of list) n.set(pid, (n.get(pid) ?? 0) + 1);
      return n;
    };
    const was = count(before);
    const now = count(after);
    for (const pid of frozen) {
      const more = (now.get(pid) ?? 0) - (was.get(pid) ?? 0);
      if (more > 0) forbid(`adds a second paragraph with the pid ${pid}, ${FROZEN}`);
      if (more < 0) forbid(`deletes paragraph ${pid} or changes its pid, ${FROZEN}`);
    }
  };
  if (after.length !== before.length) counted();
  for (let i = 0; i < before.length; i++) {
    const { pid, block, json, ids } = before[i];
    const now = after[i];
    if (now.block !== block || now.pid !== pid) {
      counted();
      if (now.block === block) forbid(`deletes paragraph ${pid} or changes its pid, ${FROZEN}`);
      forbid(`moves or re-creates paragraph ${pid}, ${FROZEN}`);
    }
    if (!reached.has(block)) continue;
    if (serialize(block) !== json || contentIds(block) !== ids) forbid(`changes paragraph ${pid}, ${FROZEN}`);
  }
}

/**
 * {@link checkFrozen} for an update that changed no top-level list (no block inserted or deleted):
 * the blocks and their order are then as before, so only the blocks the update `reached` are looked
 * at (their pid now, `pidOf`: null for what is not a block), without a pass over the whole text.
 * `byBlock` maps each frozen block before the update to its `{ pid, json, ids }`.
 */
export function checkFrozenReached(frozen, byBlock, reached, pidOf, serialize, contentIds) {
  for (const block of reached) {
    const pid = pidOf(block);
    const was = byBlock.get(block);
    if (was === undefined) {
      if (pid !== null && frozen.has(pid)) forbid(`adds a second paragraph with the pid ${pid}, ${FROZEN}`);
      continue;
    }
    if (pid !== was.pid) forbid(`deletes paragraph ${was.pid} or changes its pid, ${FROZEN}`);
    if (serialize(block) !== was.json || contentIds(block) !== was.ids)
      forbid(`changes paragraph ${was.pid}, ${FROZEN}`);
  }
}
