import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { PARAGRAPH_ATTRIBUTE } from '../../../../../shared/collab/paragraphs';

const key = new PluginKey('frozenParagraphs');

const pidOf = (node: PMNode): string | null => {
  const pid = node.attrs[PARAGRAPH_ATTRIBUTE] as unknown;
  return typeof pid === 'string' ? pid : null;
};

/**
 * The first frozen paragraph that `after` changes or loses, or null. A frozen paragraph is kept when
 * `after` still holds a top-level block with its pid equal to one it had in `before` (type,
 * attributes, text and marks): so typing in it, deleting across it, pasting over it, marking it or
 * joining the next paragraph into it are caught, while a new paragraph before or after it is not.
 * Between a split and the id fix-up that follows it (one batch of transactions), two blocks carry
 * the pid for a moment; keeping either one of them is keeping the paragraph.
 * Cost: one pass over the top-level blocks of each document; unchanged blocks compare by identity.
 */
function changedFrozenParagraph(before: PMNode, after: PMNode, frozen: ReadonlySet<string>): string | null {
  if (frozen.size === 0 || before === after) return null;
  const blocks = (doc: PMNode) => {
    const byPid = new Map<string, PMNode[]>();
    doc.forEach((node) => {
      const pid = pidOf(node);
      if (pid && frozen.has(pid)) byPid.set(pid, [...(byPid.get(pid) ?? []), node]);
    });
    return byPid;
  };
  const now = blocks(after);
  for (const [pid, was] of blocks(before)) {
    const kept = now.get(pid) ?? [];
    if (!was.some((old) => kept.some((n) => n === old || n.eq(old)))) return pid;
  }
  return null;
}

/**
 * The frozen paragraph that `after` moves another block across (or reorders), or null. y-tiptap
 * writes a block dragged up past a frozen one by deleting and re-creating the frozen one (its diff
 * keeps the dragged block), which the server refuses as re-creating an agreed paragraph: so a block
 * keeps its place among the frozen ones. Blocks are told apart by their pids; new blocks and blocks
 * without one stay free to go anywhere.
 */
function movedAcrossFrozen(before: PMNode, after: PMNode, frozen: ReadonlySet<string>): string | null {
  if (frozen.size === 0 || before === after || withinOneBlock(before, after)) return null;
  const layout = (doc: PMNode) => {
    const order: string[] = [];
    const seen = new Set<string>();
    const segment = new Map<string, number>();
    doc.forEach((node) => {
      const pid = pidOf(node);
      if (!pid) return;
      // A split lends the pid to its second half for a moment (one batch): the first one counts.
      if (frozen.has(pid)) {
        if (!seen.has(pid)) order.push(pid);
        seen.add(pid);
      } else if (!segment.has(pid)) segment.set(pid, order.length);
    });
    return { order, seen, segment };
  };
  const was = layout(before);
  const now = layout(after);
  const kept = now.order.filter((pid) => was.seen.has(pid));
  const keptSet = new Set(kept);
  const wasKept = was.order.filter((pid) => keptSet.has(pid));
  const reordered = kept.findIndex((pid, i) => pid !== wasKept[i]);
  if (reordered !== -1) return kept[reordered]!;
  for (const [pid, from] of was.segment) {
    const to = now.segment.get(pid);
    // The frozen block between its two places: the first one it passed.
    if (to !== undefined && to !== from) return was.order[Math.min(from, to)] ?? null;
  }
  return null;
}

/**
 * Whether `after` differs from `before` in one top-level block at most, with the same number of
 * them: typing, the usual case, which cannot move a block. Compared by identity, so one pass of
 * pointer checks per keystroke.
 */
function withinOneBlock(before: PMNode, after: PMNode): boolean {
  if (before.childCount !== after.childCount) return false;
  let differing = 0;
  for (let i = 0; i < before.childCount && differing < 2; i++)
    if (before.child(i) !== after.child(i)) differing++;
  return differing < 2;
}

/** Options of {@link FrozenParagraphs}: read on every transaction, so they follow the meeting live. */
export interface FrozenOptions {
  /** The pids nobody may change now (`frozenParagraphIds`, shared/domain/consensusDecide.ts). */
  frozen: () => ReadonlySet<string>;
  /** Told which paragraph a refused edit would have changed, to say why. */
  onRefused: (pid: string) => void;
}

/**
 * Makes the agreed paragraphs and those under a check read-only in this editor: a local transaction
 * that would change one is refused whole (ProseMirror then puts back what the browser had already
 * drawn). Remote changes (the y-sync plugin's) always apply: the server has accepted them, and
 * refusing them would leave this editor out of step with the shared text. The server enforces the
 * same rule; this is what an honest user sees.
 */
export const FrozenParagraphs = Extension.create<FrozenOptions>({
  name: 'frozenParagraphs',

  addOptions() {
    return { frozen: () => new Set<string>(), onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const { frozen, onRefused } = this.options;
    return [
      new Plugin({
        key,
        filterTransaction: (tr) => {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
          const now = frozen();
          const pid =
            changedFrozenParagraph(tr.before, tr.doc, now) ?? movedAcrossFrozen(tr.before, tr.doc, now);
          if (pid) onRefused(pid);
          return pid === null;
        },
      }),
    ];
  },
});
