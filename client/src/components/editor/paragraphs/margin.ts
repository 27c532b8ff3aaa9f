import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { ParagraphStatus } from '../../../../../shared';
import { readParagraphs } from './model';
import { type Said, tooltipOf } from './words';

const key = new PluginKey<DecorationSet>('paragraphMargin');

/** What the margin shows beside one paragraph, in the UI language (made by the React side). */
interface MarginEntry {
  status: ParagraphStatus;
  underCheck: boolean;
  /** e.g. "Ad ref. (Egypt)". */
  badge: Said;
  /** e.g. "Objection: Egypt", while the latest check's objections stand; or null. */
  objected: Said | null;
  /** e.g. "Under check", or null. */
  check: string | null;
  /** e.g. "2 interventions", or null when none. */
  links: string | null;
}

/** What the margin reads each time it is drawn. */
export interface MarginModel {
  entry(pid: string | null): MarginEntry;
  /** The UI language's direction: the margin's words are the interface's, not the text's. */
  dir: 'ltr' | 'rtl';
  /** A key that changes whenever any entry may have (the meeting's state, the language). */
  version: string;
  /** A click on a paragraph's margin opens its details. */
  onOpen(pid: string): void;
}

function marginDom(number: number, pid: string | null, entry: MarginEntry, model: MarginModel): HTMLElement {
  // Two boxes: the outer one has no direction of its own, so it takes the text's (the editor's
  // `dir="auto"`) and sits at the text's start side, in the padding kept for it, whatever the UI
  // language; the inner one reads in the UI's direction. A dir on the outer box would put an Arabic
  // UI's margin over the end of an English text's lines. The root's `dir="auto"` skips the inner
  // box (it has a dir), so the margin's words never decide the text's direction.
  const margin = document.createElement('div');
  margin.className = `paragraph-margin status-${entry.status}${entry.underCheck ? ' under-check' : ''}`;
  margin.contentEditable = 'false';
  // Seen, not read: the same facts (and the actions) are one Tab away in the paragraphs' list, and
  // inside the textbox they would be read as if they were part of the text.
  margin.setAttribute('aria-hidden', 'true');
  margin.dataset.paragraphNumber = String(number);
  const inner = document.createElement('div');
  inner.className = 'paragraph-margin-facts';
  inner.dir = model.dir;
  margin.append(inner);
  const part = (className: string, said: Said) => {
    const span = document.createElement('span');
    span.className = className;
    for (const piece of said) {
      if (!piece.user) {
        span.append(piece.text);
        continue;
      }
      const bdi = document.createElement('bdi');
      bdi.textContent = piece.text;
      span.append(bdi);
    }
    inner.append(span);
  };
  part('paragraph-number', [{ text: String(number) }]);
  part('paragraph-badge', entry.badge);
  if (entry.objected) part('paragraph-objected', entry.objected);
  if (entry.check) part('paragraph-check', [{ text: entry.check }]);
  if (entry.links) part('paragraph-links', [{ text: entry.links }]);
  margin.title = [
    tooltipOf(entry.badge),
    entry.objected && tooltipOf(entry.objected),
    entry.check,
    entry.links,
  ]
    .filter(Boolean)
    .join(' · ');
  if (pid) {
    // The caret stays where it was; the click opens the details.
    margin.addEventListener('mousedown', (e) => e.preventDefault());
    margin.addEventListener('click', () => model.onOpen(pid));
  }
  return margin;
}

function build(doc: PMNode, model: MarginModel): DecorationSet {
  const decorations: Decoration[] = [];
  for (const p of readParagraphs(doc)) {
    const entry = model.entry(p.id);
    const node = doc.nodeAt(p.pos);
    if (!node) continue;
    decorations.push(
      Decoration.widget(p.pos, () => marginDom(p.number, p.id, entry, model), {
        side: -1,
        ignoreSelection: true,
        stopEvent: () => true,
        // Redrawn only when what it shows changes.
        key: `${p.id}|${p.number}|${model.version}`,
      }),
      Decoration.node(p.pos, p.pos + node.nodeSize, {
        class: `paragraph-block paragraph-${entry.status}${entry.underCheck ? ' paragraph-under-check' : ''}`,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * The margin of the text: beside each numbered block its number, its status, "under check" and how
 * many interventions are linked to it; decorations, never content of the document. Redrawn when the
 * text changes and when asked ({@link refreshMargin}: the meeting's state or the language changed).
 */
export const ParagraphMargin = Extension.create<{ model: () => MarginModel | null }>({
  name: 'paragraphMargin',

  addOptions() {
    return { model: () => null };
  },

  addProseMirrorPlugins() {
    const { model } = this.options;
    const draw = (doc: PMNode) => {
      const current = model();
      return current ? build(doc, current) : DecorationSet.empty;
    };
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => draw(state.doc),
          apply: (tr, old, _, state) => (tr.docChanged || tr.getMeta(key) ? draw(state.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Redraws the margin (the meeting's state or the language changed; the text did not). */
export const refreshMargin = (view: EditorView): void => view.dispatch(view.state.tr.setMeta(key, true));
