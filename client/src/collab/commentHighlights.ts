import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { DOC_FIELDS } from '../../../shared/collab/schema';
import { listComments } from './comments';

const key = new PluginKey<DecorationSet>('commentHighlights');

/**
 * Tints the ranges of open comments in the text (the active one more strongly). Ranges are resolved
 * from the comments' Yjs relative positions on every change of the text, and again whenever the
 * comments themselves change, which is not a ProseMirror change.
 */
export const CommentHighlights = Extension.create<{ doc: Y.Doc | null; active: () => string | null }>({
  name: 'commentHighlights',

  addOptions() {
    return { doc: null, active: () => null };
  },

  addProseMirrorPlugins() {
    const { doc, active } = this.options;
    if (!doc) return [];
    const build = (pmDoc: Parameters<typeof DecorationSet.create>[0]) => {
      const size = pmDoc.content.size;
      const current = active();
      const decorations = listComments(doc)
        .filter((c) => !c.resolved && c.range && c.range.to <= size)
        .map((c) =>
          Decoration.inline(c.range!.from, c.range!.to, {
            class: c.id === current ? 'comment-range comment-active' : 'comment-range',
            'data-comment-id': c.id,
          }),
        );
      return DecorationSet.create(pmDoc, decorations);
    };
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => build(state.doc),
          apply: (tr, old, _, state) => (tr.docChanged || tr.getMeta(key) ? build(state.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
        view: (view) => {
          const comments = doc.getArray(DOC_FIELDS.comments);
          let destroyed = false;
          // Out of the Yjs transaction that changed the comments: dispatching inside it would nest.
          const refresh = () =>
            queueMicrotask(() => {
              if (!destroyed && !view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
            });
          comments.observeDeep(refresh);
          return {
            destroy: () => {
              destroyed = true;
              comments.unobserveDeep(refresh);
            },
          };
        },
      }),
    ];
  },
});

/** Asks the highlights to redraw (e.g. after the active comment changed). */
export const refreshHighlights = (view: EditorView): void => view.dispatch(view.state.tr.setMeta(key, true));
