import UniqueID from '@tiptap/extension-unique-id';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { PARAGRAPH_ATTRIBUTE, PARAGRAPH_TYPES } from '../../../../../shared/collab/paragraphs';

const ID_CHARS = 10;

/**
 * A new paragraph id: 10 random base-36 characters (about 51 bits), within `PARAGRAPH_ID` and never
 * equal to a seeded `b1`, `b2`… (those are shorter).
 */
function newParagraphId(): string {
  const words = crypto.getRandomValues(new Uint32Array(2));
  const id = Array.from(words, (w) => w.toString(36).padStart(7, '0')).join('');
  return id.slice(0, ID_CHARS);
}

const remote = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;

/**
 * Gives every block the editor makes a `pid` (docs/collab.md, "Paragraphs"): a new block gets one,
 * a split keeps it in the first half (Tiptap's UniqueID moves it there when the split is at the
 * start), a pasted or copied block gets a new one (the schema never parses a pid from HTML,
 * collab/extensions.ts).
 *
 * It writes only what this user's own edit makes, and only while `writable()`:
 * - nothing at start-up: UniqueID would give the blocks of an old text (before pids) ids on every
 *   client that opens it, read-only ones included, and the clients would race each other;
 * - nothing on a remote (y-sync) transaction, even the first one (UniqueID's "initial generation"
 *   when Collaboration has no provider), for the same reason;
 * - nothing from a read-only editor (observer, projector, locked, closed), whatever dispatches.
 * The schema attribute itself is declared in collab/extensions.ts, so it is not declared again.
 */
export function paragraphIds(writable: () => boolean) {
  return UniqueID.extend({
    addGlobalAttributes: () => [],
    onCreate() {},
    onDestroy() {},
    addProseMirrorPlugins(this: { parent?: (() => Plugin[]) | null }) {
      return (this.parent?.() ?? []).map((plugin) => {
        const append = plugin.spec.appendTransaction;
        return new Plugin({
          ...plugin.spec,
          appendTransaction: (transactions, oldState, newState) =>
            writable() && !transactions.some(remote) ? append?.(transactions, oldState, newState) : undefined,
        });
      });
    },
  }).configure({
    attributeName: PARAGRAPH_ATTRIBUTE,
    types: [...PARAGRAPH_TYPES],
    generateID: newParagraphId,
    filterTransaction: (tr) => writable() && !remote(tr),
  });
}
