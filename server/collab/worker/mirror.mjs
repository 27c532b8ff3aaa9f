// A copy of one live document inside the validation worker, kept in step with the main thread's, on
// which every candidate update is tried first: what it costs, whether it leaves anything pending,
// how large it makes the document and what it changes in comments, bracket log and authors are all
// measured on the real content, never guessed from the message alone.
import * as Y from 'yjs';
import {
  checkAuthors,
  checkBracketLog,
  checkComments,
  checkEdits,
  checkFrozen,
  checkFrozenReached,
  RuleError,
} from './docRules.mjs';
import { blockOf, contentIds, frozenBlocks, pidOf, serializeBlock } from './frozenBlocks.mjs';
import { scanUpdate } from './scanUpdate.mjs';

/** The document's parts (shared/collab/schema.ts DOC_FIELDS; kept in step by hand: no TS here). */
const FIELDS = {
  text: 'default',
  comments: 'comments',
  bracketLog: 'bracketLog',
  authors: 'authors',
  edits: 'edits',
};

/** The edit log's bounds (shared/collab/edits.ts EDIT_LIMITS; kept in step by hand). */
const EDIT_LIMITS = { rangeNumbers: 3 * 2000, futureMs: 5 * 60_000 };

/** Why a candidate was refused: 'invalid' (no stock client sends it) or 'limit' (a quota). */
export class Refusal extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

export class Mirror {
  /**
   * @param {Uint8Array} state the main thread's whole document (`Y.encodeStateAsUpdate`)
   * @param {object} limits CollabLimits (shared/collab/limits.ts)
   */
  constructor(state, limits) {
    this.limits = limits;
    this.doc = new Y.Doc({ gc: true });
    /** Set once the copy may differ from the main thread's (a refused update got in): drop it. */
    this.broken = false;
    /**
     * Yjs client id → the participant that first wrote with it (or that its `authors` entry names):
     * only that participant may set the id's `authors` entry. Writing text under another's id is not
     * refused: a client may legitimately re-send others' structs (docs/collab.md, "Authorship").
     */
    this.owners = new Map();
    this.touched = new Set();
    /** The types of the text (`default`) the last change touched, to find the blocks it reached. */
    this.textTypes = [];
    /**
     * The frozen paragraphs as they are now, for the frozen set `pids` (sorted): `blocks`, in text
     * order, `{ pid, block, json, ids }` (docRules.mjs `checkFrozen`), and `byBlock`, the same by
     * block. Valid only while every change to the text since it was read was judged against this
     * same set (an accepted update leaves frozen blocks as they were). So it is dropped whenever that
     * stops being true: an update judged with nothing frozen (it may change or replace those blocks
     * freely), or a tracked change to the text; a different set reads them again.
     */
    this.frozen = null;
    this.doc.on('afterTransaction', (tr) => {
      for (const type of tr.changed.keys()) {
        const root = rootName(this.doc, type);
        this.touched.add(root);
        if (root === FIELDS.text) this.textTypes.push(type);
      }
    });
    Y.applyUpdate(this.doc, state);
    this.clearTouched();
    /** An upper bound of the encoded size: exact after a load or a check, plus what was added since. */
    this.size = state.length;
    this.cache = {
      comments: this.doc.getArray(FIELDS.comments).toJSON(),
      bracketLog: this.doc.getArray(FIELDS.bracketLog).toJSON(),
      authors: this.doc.getMap(FIELDS.authors).toJSON(),
      edits: this.doc.getMap(FIELDS.edits).toJSON(),
    };
    this.learnOwners();
  }

  /**
   * Tries `update` as `writer`'s; throws a {@link Refusal} (and marks the copy broken when the update
   * got in) or returns the milliseconds it took.
   */
  judge(update, writer) {
    const { limits } = this;
    let shape;
    try {
      shape = scanUpdate(update);
    } catch (error) {
      throw new Refusal('invalid', error instanceof Error ? error.message : String(error));
    }
    if (shape.structs > limits.maxStructsPerUpdate)
      throw new Refusal(
        'limit',
        `${shape.structs} structs in one update (limit ${limits.maxStructsPerUpdate})`,
      );
    // Clients this update adds structs for (a sync step 2 may also repeat what the document has).
    const fresh = [];
    for (const [client, end] of shape.ends) if (end > Y.getState(this.doc.store, client)) fresh.push(client);
    this.checkNothingPending(shape);
    const live = this.liveDeleteRanges(shape);
    if (live > limits.maxDeleteRangesPerUpdate)
      throw new Refusal(
        'limit',
        `${live} deletions in one update (limit ${limits.maxDeleteRangesPerUpdate})`,
      );

    // Before the update: the frozen blocks as they are (computed once per frozen set).
    const frozen = this.frozenBefore(writer.frozen);
    this.clearTouched();
    const started = performance.now();
    try {
      Y.applyUpdate(this.doc, update);
    } catch (error) {
      this.broken = true;
      throw new Refusal('invalid', `does not apply: ${error instanceof Error ? error.message : error}`);
    }
    const ms = performance.now() - started;
    // Judged with nothing frozen, a change to the text may have changed or replaced the blocks the
    // cache holds: they are read again the next time something is frozen.
    if (frozen === null && this.touched.has(FIELDS.text)) this.frozen = null;
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      this.broken = true;
      throw new Refusal('invalid', 'refers to changes the document does not have (would stay pending)');
    }
    if (ms > limits.costBudgetMs) {
      this.broken = true;
      throw new Refusal('limit', `took ${ms.toFixed(0)} ms to apply (budget ${limits.costBudgetMs} ms)`);
    }
    this.checkSize(update, shape);
    try {
      if (frozen && this.touched.has(FIELDS.text)) this.checkFrozen(frozen);
      this.checkRules(writer, fresh);
    } catch (error) {
      this.broken = true;
      if (error instanceof RuleError)
        throw new Refusal(error.kind === 'limit' ? 'limit' : 'invalid', error.message);
      throw error;
    }
    for (const client of fresh) if (!this.owners.has(client)) this.owners.set(client, writer.participantId);
    return ms;
  }

  /** Applies an update the main thread applied without asking (other processes, seeding). */
  track(update) {
    this.clearTouched();
    Y.applyUpdate(this.doc, update);
    // Judged elsewhere (another process) or the server's own: the frozen blocks are read again.
    if (this.touched.has(FIELDS.text)) this.frozen = null;
    this.size += update.length;
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) this.broken = true;
    this.refresh();
    this.learnOwners();
  }

  destroy() {
    this.doc.destroy();
  }

  clearTouched() {
    this.touched.clear();
    this.textTypes = [];
  }

  /**
   * The frozen paragraphs before the update (see `this.frozen`), or null when nothing is frozen.
   * Serializes every frozen block only when the frozen set changed, or the text changed without
   * being judged against it (tracked, or judged while nothing was frozen).
   */
  frozenBefore(pids) {
    if (!Array.isArray(pids) || pids.length === 0) return null;
    // Compared, not joined into a key: no string the size of the set built on every update.
    if (this.frozen !== null && samePids(this.frozen.pids, pids)) return this.frozen;
    const set = new Set(pids);
    const blocks = frozenBlocks(this.doc.getXmlFragment(FIELDS.text), set).map(({ pid, block }) => ({
      pid,
      block,
      json: serializeBlock(block),
      ids: contentIds(block),
    }));
    this.frozen = {
      pids: [...pids],
      set,
      blocks,
      byBlock: new Map(blocks.map((entry) => [entry.block, entry])),
    };
    return this.frozen;
  }

  /**
   * Refuses a change to a frozen paragraph (docRules.mjs `checkFrozen`). An update that inserted or
   * deleted top-level blocks gets one pass over the top level to find the frozen blocks now; one
   * that did not (typing, formatting: the usual case) only has the blocks it reached looked at. Only
   * the frozen blocks the update reached are serialized again. Accepted, the frozen blocks are the
   * same items with the same content as before: `frozen` stays as it is.
   */
  checkFrozen(frozen) {
    const fragment = this.doc.getXmlFragment(FIELDS.text);
    const reached = new Set();
    let topLevel = false;
    for (const type of this.textTypes) {
      const block = blockOf(fragment, type);
      if (block === fragment) topLevel = true;
      else if (block !== null) reached.add(block);
    }
    if (topLevel) {
      const after = frozenBlocks(fragment, frozen.set);
      checkFrozen(frozen.set, frozen.blocks, after, reached, serializeBlock, contentIds);
    } else checkFrozenReached(frozen.set, frozen.byBlock, reached, pidOf, serializeBlock, contentIds);
  }

  /**
   * Refuses, before applying it (so the copy stays usable), an update that Yjs would keep pending:
   * structs that start after what the document has of their client, items that point to ids neither
   * the document nor the update has, deletions beyond both. The check after applying stays, as a
   * backstop.
   */
  checkNothingPending(shape) {
    const store = this.doc.store;
    const known = (client) => Math.max(Y.getState(store, client), shape.ends.get(client) ?? 0);
    for (const [client, start] of shape.starts) {
      if (start > Y.getState(store, client))
        throw new Refusal('invalid', 'starts after what the document has (would stay pending)');
    }
    const { refs, ds } = shape;
    for (let i = 0; i < refs.length; i += 2) {
      if (refs[i + 1] >= known(refs[i]))
        throw new Refusal('invalid', 'refers to changes the document does not have (would stay pending)');
    }
    for (let i = 0; i < ds.length; i += 3) {
      if (ds[i + 1] + ds[i + 2] > known(ds[i]))
        throw new Refusal('invalid', 'deletes what the document does not have (would stay pending)');
    }
  }

  /**
   * Delete-set ranges that reach content still there (the ones that cost work: a split, a deletion).
   * A sync step 2 carries the document's whole delete set, mostly of content long gone: not counted.
   */
  liveDeleteRanges(shape) {
    const { ds } = shape;
    let live = 0;
    for (let r = 0; r < ds.length; r += 3) {
      const structs = this.doc.store.clients.get(ds[r]);
      if (!structs || structs.length === 0) continue;
      const clock = ds[r + 1];
      const len = ds[r + 2];
      const last = structs[structs.length - 1];
      if (clock >= last.id.clock + last.length) continue; // beyond the document: refused above
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i];
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) {
          live++;
          break;
        }
      }
    }
    return live;
  }

  checkSize(update, shape) {
    const max = this.limits.maxDocBytes;
    this.size += update.length;
    if (this.size <= max) return;
    this.size = Y.encodeStateAsUpdate(this.doc).length;
    // A document over the limit may still lose text (deletions only), never gain any.
    if (this.size > max && shape.structs > 0) {
      this.broken = true;
      throw new Refusal('limit', `document would be ${this.size} bytes (limit ${max})`);
    }
  }

  checkRules(writer, fresh) {
    const { limits, doc } = this;
    if (this.touched.has(FIELDS.comments)) {
      const root = doc.getArray(FIELDS.comments);
      if (root._map.size > 0) throw new RuleError('forbidden', 'map entries in the comments list');
      checkComments(
        this.cache.comments,
        root.toJSON(),
        root.toArray(),
        writer,
        limits,
        (t) => t instanceof Y.Map && t.get('replies') instanceof Y.Array,
      );
    }
    if (this.touched.has(FIELDS.bracketLog)) {
      const root = doc.getArray(FIELDS.bracketLog);
      if (root._map.size > 0) throw new RuleError('forbidden', 'map entries in the bracket log');
      checkBracketLog(this.cache.bracketLog, root.toJSON(), writer, limits);
    }
    if (this.touched.has(FIELDS.authors)) {
      const root = doc.getMap(FIELDS.authors);
      if (root._start !== null) throw new RuleError('forbidden', 'list content in the authors map');
      // Client ids this very update writes with become the writer's if nobody had them.
      const ownerOf = (client) =>
        this.owners.get(client) ?? (fresh.includes(client) ? writer.participantId : undefined);
      checkAuthors(this.cache.authors, root.toJSON(), writer, ownerOf);
    }
    if (this.touched.has(FIELDS.edits)) {
      const root = doc.getMap(FIELDS.edits);
      if (root._start !== null) throw new RuleError('forbidden', 'list content in the edit log');
      const ownerOf = (client) =>
        this.owners.get(client) ?? (fresh.includes(client) ? writer.participantId : undefined);
      checkEdits(this.cache.edits, root.toJSON(), writer, ownerOf, EDIT_LIMITS, Date.now());
    }
    this.refresh();
  }

  refresh() {
    const { doc } = this;
    if (this.touched.has(FIELDS.comments)) this.cache.comments = doc.getArray(FIELDS.comments).toJSON();
    if (this.touched.has(FIELDS.bracketLog)) this.cache.bracketLog = doc.getArray(FIELDS.bracketLog).toJSON();
    if (this.touched.has(FIELDS.authors)) this.cache.authors = doc.getMap(FIELDS.authors).toJSON();
    if (this.touched.has(FIELDS.edits)) this.cache.edits = doc.getMap(FIELDS.edits).toJSON();
  }

  /** Each `authors` entry names the owner of its client id (entries are checked when written). */
  learnOwners() {
    for (const [key, value] of Object.entries(this.cache.authors)) {
      const client = Number(key);
      if (isObject(value) && typeof value.participantId === 'string' && !this.owners.has(client))
        this.owners.set(client, value.participantId);
    }
  }
}

/** Whether two sorted pid lists are the same. */
function samePids(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The name of the root type `type` belongs to (doc.share's key). */
function rootName(doc, type) {
  let root = type;
  while (root._item?.parent) root = root._item.parent;
  for (const [name, shared] of doc.share) if (shared === root) return name;
  return '';
}
