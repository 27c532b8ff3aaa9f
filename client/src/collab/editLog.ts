import * as Y from 'yjs';
import {
  clientOfEditKey,
  type DeleteMark,
  EDIT_LIMITS,
  EDITS_FIELD,
  type EditMark,
  editKey,
  type InsertMark,
} from '../../../shared/collab/edits';
import { DOC_FIELDS } from '../../../shared/collab/schema';

/** The document's edit log (shared/collab/edits.ts). */
export const editsOf = (doc: Y.Doc) => doc.getMap<EditMark>(EDITS_FIELD);

/** The origin of the recorder's own writes, so it does not record them. */
const EDIT_LOG = Symbol('edit log');

/** Whether `item` is part of the text (not of comments, authors or the log itself). */
function inText(doc: Y.Doc, item: Y.Item): boolean {
  const text = doc.getXmlFragment(DOC_FIELDS.text);
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null;
  return type === text;
}

/** The ranges of `ds` that cover text items (flat: client, clock, length...), merged where adjacent. */
function textRanges(doc: Y.Doc, ds: Y.Transaction['deleteSet']): number[] {
  const out: number[] = [];
  for (const [client, deletes] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (const { clock, len } of deletes) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!(s instanceof Y.Item) || !inText(doc, s)) continue;
        const start = Math.max(clock, s.id.clock);
        const end = Math.min(clock + len, s.id.clock + s.length);
        const last = out.length - 3;
        if (last >= 0 && out[last] === client && out[last + 1]! + out[last + 2]! === start)
          out[last + 2] = end - out[last + 1]!;
        else out.push(client, start, end - start);
      }
    }
  }
  return out;
}

export interface EditRecorder {
  /** Writes the deletions not written yet (the recorder batches them for a moment). */
  flush(): void;
  /**
   * Stops recording; `flush` writes what is pending first. Pass false when the text just turned
   * read-only: the server would drop the write, leaving this copy ahead of everyone's.
   */
  stop(options: { flush: boolean }): void;
}

/**
 * Records this editor's own edits in the log: a mark when it starts inserting (then at most one a
 * minute), and its deletions of text, batched for `flushAfterMs`. Other writers record theirs.
 */
export function recordEdits(
  doc: Y.Doc,
  options: { now?: () => number; markEveryMs?: number; flushAfterMs?: number } = {},
): EditRecorder {
  const now = options.now ?? Date.now;
  const markEveryMs = options.markEveryMs ?? 60_000;
  const flushAfterMs = options.flushAfterMs ?? 1000;
  const log = editsOf(doc);
  let lastMark: { client: number; at: number } | null = null;
  let pending: DeleteMark | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (mark: EditMark) => {
    let seq = 0;
    while (log.has(editKey(doc.clientID, seq))) seq++;
    doc.transact(() => log.set(editKey(doc.clientID, seq), mark), EDIT_LOG);
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const mark = pending;
    pending = null;
    write(mark);
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (!tr.local || tr.origin === EDIT_LOG) return;
    const client = doc.clientID;
    const from = tr.beforeState.get(client) ?? 0;
    const inserted = (tr.afterState.get(client) ?? 0) > from;
    const ranges = textRanges(doc, tr.deleteSet);
    const at = now();
    // Written after this transaction has finished, as a change of its own.
    queueMicrotask(() => {
      if (inserted && (lastMark?.client !== client || at - lastMark.at >= markEveryMs)) {
        lastMark = { client, at };
        write({ at, from } satisfies InsertMark);
      }
      // A mark holds at most EDIT_LIMITS.rangeNumbers (the server refuses more): a large deletion
      // takes several marks.
      for (let i = 0; i < ranges.length; i += 3) {
        if (pending && pending.ranges.length + 3 > EDIT_LIMITS.rangeNumbers) flush();
        pending ??= { at, ranges: [] };
        pending.ranges.push(ranges[i]!, ranges[i + 1]!, ranges[i + 2]!);
      }
      if (pending) timer ??= setTimeout(flush, flushAfterMs);
    });
  };
  doc.on('afterTransaction', onTransaction);
  return {
    flush,
    stop: ({ flush: write }) => {
      doc.off('afterTransaction', onTransaction);
      if (write) flush();
      clearTimeout(timer);
      pending = null;
    },
  };
}

/** Looks up insertions and deletions in the log. */
export interface EditIndex {
  /** When the item `client`:`clock` was typed. */
  insertedAt(client: number, clock: number): number | undefined;
  /** Who deleted the item `client`:`clock`, and when (the earliest record, if several claim it). */
  deletedBy(client: number, clock: number): { writer: number; at: number } | undefined;
}

const isInsert = (m: unknown): m is InsertMark =>
  typeof m === 'object' && m !== null && typeof (m as InsertMark).from === 'number';
const isDelete = (m: unknown): m is DeleteMark =>
  typeof m === 'object' && m !== null && Array.isArray((m as DeleteMark).ranges);

/** An index of the document's edit log as it is now. */
export function editIndex(doc: Y.Doc): EditIndex {
  const inserts = new Map<number, InsertMark[]>();
  const deletes = new Map<number, Array<{ clock: number; len: number; writer: number; at: number }>>();
  for (const [key, mark] of editsOf(doc).entries()) {
    const writer = clientOfEditKey(key);
    if (writer === null || typeof mark?.at !== 'number') continue;
    if (isInsert(mark)) {
      const list = inserts.get(writer) ?? [];
      list.push(mark);
      inserts.set(writer, list);
    } else if (isDelete(mark)) {
      for (let i = 0; i + 2 < mark.ranges.length; i += 3) {
        const [client, clock, len] = [mark.ranges[i]!, mark.ranges[i + 1]!, mark.ranges[i + 2]!];
        const list = deletes.get(client) ?? [];
        list.push({ clock, len, writer, at: mark.at });
        deletes.set(client, list);
      }
    }
  }
  for (const list of inserts.values()) list.sort((a, b) => a.from - b.from);
  return {
    insertedAt: (client, clock) => {
      let at: number | undefined;
      for (const mark of inserts.get(client) ?? []) {
        if (mark.from > clock) break;
        at = mark.at;
      }
      return at;
    },
    deletedBy: (client, clock) => {
      let found: { writer: number; at: number } | undefined;
      for (const r of deletes.get(client) ?? []) {
        if (clock >= r.clock && clock < r.clock + r.len && (!found || r.at < found.at))
          found = { writer: r.writer, at: r.at };
      }
      return found;
    },
  };
}
