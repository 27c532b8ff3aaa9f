import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration as Deco, type Decoration, DecorationSet } from '@tiptap/pm/view';
import type { ParagraphMark } from './following';
import type { BlockMeta } from './yToProse';

/** What the margin and the highlight show, from the meeting state (not from the text). */
export interface MarginInfo {
  marks: ReadonlyMap<string, ParagraphMark>;
  followed: string | null;
  /** "¶ 2"-style label of a paragraph's number, in the UI language. */
  numberLabel: (n: number) => string;
  statusLabel: Record<ParagraphMark, string>;
}

/** A change of what is shown, carried by the transaction that makes it (the view never edits). */
export interface ProjectorMeta {
  blocks?: BlockMeta[];
  info?: MarginInfo;
  revisions?: Decoration[];
}

interface ProjectorState {
  blocks: BlockMeta[];
  info: MarginInfo | null;
  revisions: Decoration[];
  decorations: DecorationSet;
  /** Where the followed block starts, or null when it is not in the text. */
  followedAt: number | null;
}

export const projectorKey = new PluginKey<ProjectorState>('projector');

function build(
  state: Omit<ProjectorState, 'decorations' | 'followedAt'>,
  doc: EditorState['doc'],
): ProjectorState {
  const decorations: Decoration[] = [...state.revisions];
  let followedAt: number | null = null;
  const { info } = state;
  doc.forEach((node, offset, index) => {
    const meta = state.blocks[index];
    const mark: ParagraphMark = (meta?.pid && info?.marks.get(meta.pid)) || 'open';
    const followed = !!meta?.pid && meta.pid === info?.followed;
    if (followed) followedAt = offset;
    const number = meta?.number ?? null;
    decorations.push(
      Deco.node(offset, offset + node.nodeSize, {
        class: `projector-block mark-${number === null ? 'heading' : mark}${followed ? ' is-followed' : ''}`,
      }),
    );
    const label =
      info && number !== null
        ? { n: number, number: info.numberLabel(number), status: info.statusLabel[mark] }
        : null;
    decorations.push(
      Deco.widget(offset, () => margin(label, mark), {
        side: -1,
        key: `m-${index}-${mark}-${label ? `${label.number}-${label.status}` : ''}`,
        ignoreSelection: true,
      }),
    );
  });
  return { ...state, decorations: DecorationSet.create(doc, decorations), followedAt };
}

/**
 * The margin beside a block: its number and status (empty beside a heading, to keep the grid).
 *
 * The number is shown as digits only, so that the margin stays narrow and the text wide; the full
 * label ("Para. 2", in the UI language) is there for screen readers. Label and status are in <bdi>:
 * the text's `dir="auto"` finds its direction from the text, never from these UI words.
 */
function margin(
  label: { n: number; number: string; status: string } | null,
  mark: ParagraphMark,
): HTMLElement {
  const box = document.createElement('span');
  box.className = `projector-margin mark-${mark}`;
  if (!label) {
    box.setAttribute('aria-hidden', 'true');
    return box;
  }
  const n = document.createElement('span');
  n.className = 'projector-pnum';
  const spoken = document.createElement('bdi');
  spoken.className = 'sr-only';
  spoken.textContent = label.number;
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  shown.textContent = String(label.n);
  n.append(spoken, shown);
  const s = document.createElement('bdi');
  s.className = 'projector-pstatus';
  s.textContent = label.status;
  box.append(n, ' ', s);
  return box;
}

/**
 * The projector's decorations of the read-only text: each top-level block's number and status in
 * the margin, the followed paragraph highlighted, revision marks. Recomputed only when a transaction
 * carries a {@link ProjectorMeta}: the only transactions are the projector's own.
 */
export function projectorPlugin(): Plugin<ProjectorState> {
  return new Plugin<ProjectorState>({
    key: projectorKey,
    state: {
      init: (_config, state) => build({ blocks: [], info: null, revisions: [] }, state.doc),
      apply: (tr: Transaction, value, _old, next) => {
        const meta = tr.getMeta(projectorKey) as ProjectorMeta | undefined;
        if (!meta)
          return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return build(
          {
            blocks: meta.blocks ?? value.blocks,
            info: meta.info ?? value.info,
            revisions: meta.revisions ?? value.revisions,
          },
          next.doc,
        );
      },
    },
    props: { decorations: (state) => projectorKey.getState(state)?.decorations },
  });
}
