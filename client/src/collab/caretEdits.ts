import { Extension } from '@tiptap/core';
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { PARAGRAPH_ATTRIBUTE } from '../../../shared/collab/paragraphs';

/**
 * Why this exists: y-tiptap writes a local change to Yjs by diffing each changed paragraph's old
 * text with its new text, keeping the longest common start. When the typed character equals the
 * one after the caret ("Affordab|landlocked" + "l"), that diff cannot tell the two apart and takes
 * the old "l" for the new one: the new item goes after it, and the old "l" (the base text's) ends up
 * inside the typed word, where revision marks, comment anchors and carets then see it. The same goes
 * for deleting one of two equal characters. Here the paragraph under the caret gets its change
 * written where the caret says it happened, just before y-tiptap diffs (in the same Yjs
 * transaction), so y-tiptap finds that paragraph already up to date.
 */

const key = new PluginKey('editsAtCaret');
const PATCHED = Symbol('edits at the caret');

const isHighSurrogate = (c: string | undefined) => c !== undefined && /[\uD800-\uDBFF]/.test(c);
const isLowSurrogate = (c: string | undefined) => c !== undefined && /[\uDC00-\uDFFF]/.test(c);

/**
 * The edit that turns `a` into `b`, ending at `caret` (an offset in `b`) when it can: after typing
 * the caret stands right after the new text, after a deletion where the text was. The common end is
 * first taken up to the caret only, then the common start, then the rest of the common end: an
 * edit away from the caret (a command, a mark) still gets the smallest edit. Surrogate pairs are
 * never split.
 */
function diffAtCaret(a: string, b: string, caret: number): { index: number; remove: number; insert: string } {
  const same = (left: number, right: number) =>
    left + right < a.length && left + right < b.length && a[a.length - 1 - right] === b[b.length - 1 - right];
  let right = 0;
  while (right < b.length - caret && same(0, right)) right++;
  let left = 0;
  while (left + right < a.length && left + right < b.length && a[left] === b[left]) left++;
  while (same(left, right)) right++;
  if (left > 0 && isHighSurrogate(a[left - 1])) left--;
  if (right > 0 && isLowSurrogate(a[a.length - right])) right--;
  return { index: left, remove: a.length - left - right, insert: b.slice(left, b.length - right) };
}

/** The Yjs text of a block and the ProseMirror text nodes it is kept equal to (y-tiptap's grouping). */
interface CaretText {
  /** The Yjs elements from the top level down to the block, each with its ProseMirror node. */
  path: Array<[Y.XmlElement, PMNode]>;
  ytext: Y.XmlText;
  /** The consecutive text nodes that `ytext` holds (y-tiptap maps one Y.XmlText to each such run). */
  nodes: PMNode[];
  /** The caret's offset in those nodes' text. */
  caret: number;
}

const pidOf = (attrs: Record<string, unknown> | undefined) => attrs?.[PARAGRAPH_ATTRIBUTE] ?? null;

/**
 * The Yjs text of `fragment` under the caret `$head`, when the Yjs document still has the same blocks
 * down to it (same counts, names and pids at every level): the change is then one inside that text.
 * Null otherwise (a split, a join, a move: y-tiptap's own reconciliation handles those).
 */
function caretText(fragment: Y.XmlFragment, $head: ResolvedPos): CaretText | null {
  const block = $head.parent;
  if (!block.isTextblock) return null;
  let y: Y.XmlFragment | Y.XmlElement = fragment;
  const path: CaretText['path'] = [];
  for (let depth = 0; depth < $head.depth; depth++) {
    const parent = $head.node(depth);
    const index = $head.index(depth);
    const node = parent.child(index);
    const child: unknown = y.length === parent.childCount ? y.get(index) : null;
    if (!(child instanceof Y.XmlElement) || child.nodeName !== node.type.name) return null;
    if (pidOf(child.getAttributes()) !== pidOf(node.attrs)) return null;
    path.push([child, node]);
    y = child;
  }
  // The block's children as y-tiptap lays them out: a Y.XmlText per run of text nodes, a Y.XmlElement
  // per inline node.
  const offset = $head.parentOffset;
  let yIndex = 0;
  let pos = 0;
  let found: CaretText | null = null;
  for (let i = 0; i < block.childCount; yIndex++) {
    const node = block.child(i);
    if (!node.isText) {
      pos += node.nodeSize;
      i++;
      continue;
    }
    const nodes: PMNode[] = [];
    let length = 0;
    for (; i < block.childCount && block.child(i).isText; i++) {
      nodes.push(block.child(i));
      length += block.child(i).nodeSize;
    }
    const ytext: unknown = y.get(yIndex);
    if (!found && offset >= pos && offset <= pos + length && ytext instanceof Y.XmlText)
      found = { path, ytext, nodes, caret: offset - pos };
    pos += length;
  }
  return found && y.length === yIndex ? found : null;
}

/** `ytext`'s characters, or null when it holds anything else (y-tiptap writes only strings there). */
function plainText(ytext: Y.XmlText): string | null {
  let text = '';
  for (const op of ytext.toDelta() as Array<{ insert: unknown }>) {
    if (typeof op.insert !== 'string') return null;
    text += op.insert;
  }
  return text;
}

/**
 * Writes the change of the text under an empty caret at the caret. New text takes the formatting
 * before it, as in Yjs; y-tiptap then sets the marks ProseMirror has, if they differ.
 */
function writeAtCaret(found: CaretText): void {
  const before = plainText(found.ytext);
  const after = found.nodes.map((n) => n.text ?? '').join('');
  if (before === null || before === after) return;
  const { index, remove, insert } = diffAtCaret(before, after, found.caret);
  if (remove > 0) found.ytext.delete(index, remove);
  if (insert) found.ytext.insert(index, insert);
}

type Patched = ProsemirrorBinding & { [PATCHED]?: true };

/**
 * Runs `binding`'s ProseMirror-to-Yjs step with the caret's text written first, in one Yjs
 * transaction. Afterwards the binding's map of Yjs types to ProseMirror nodes is set along the
 * caret's path: y-tiptap, finding an outer block (a list) already equal, does not look inside it,
 * and would go on measuring positions (the selection kept across others' edits, carets) with the
 * inner blocks' old sizes.
 */
function patch(binding: Patched, view: EditorView): () => void {
  const original = binding._prosemirrorChanged;
  if (binding[PATCHED] || typeof original !== 'function') return () => undefined;
  binding[PATCHED] = true;
  binding._prosemirrorChanged = function (this: ProsemirrorBinding, doc: PMNode) {
    const { selection } = view.state;
    const ydoc = binding.type.doc;
    const found =
      ydoc && view.state.doc === doc && selection.empty ? caretText(binding.type, selection.$head) : null;
    if (!ydoc || !found) return original.call(this, doc);
    ydoc.transact(() => {
      writeAtCaret(found);
      original.call(this, doc);
      for (const [yElement, node] of found.path)
        if (!yElement._item?.deleted) binding.mapping.set(yElement, node);
      if (!found.ytext._item?.deleted) binding.mapping.set(found.ytext, found.nodes);
    }, ySyncPluginKey);
  };
  return () => {
    binding._prosemirrorChanged = original;
    delete binding[PATCHED];
  };
}

/**
 * Makes this editor's own edits land in Yjs where the caret is (see the note at the top of this
 * file). It works on Collaboration's binding, and does nothing without it. Remote changes are not
 * affected: the binding writes to Yjs only what this editor changed.
 */
export const EditsAtCaret = Extension.create({
  name: 'editsAtCaret',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        view: (view) => {
          const binding = (
            ySyncPluginKey.getState(view.state) as { binding?: ProsemirrorBinding } | undefined
          )?.binding;
          const restore = binding ? patch(binding, view) : () => undefined;
          return { destroy: restore };
        },
      }),
    ];
  },
});
