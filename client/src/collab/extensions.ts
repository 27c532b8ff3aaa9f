import { type AnyExtension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { Bracket } from './bracket';

/**
 * The editor's content extensions, without the collaboration ones: they define the schema that the
 * Yjs document is read with, so tests and exporters use exactly what the editor uses.
 *
 * Only the node and mark types the toolbar offers (and the exporters understand) are enabled.
 * `undoRedo` is off because Collaboration brings its own undo (per user, over Yjs). `trailingNode`
 * is off because it would write a paragraph into the shared document on every client that sees a
 * heading last (duplicates; and read-only clients must never write).
 */
export function contentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: false,
      heading: { levels: [1, 2, 3] },
    }),
    Bracket,
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema of proposal texts (one instance: mark and node types compare by identity). */
export function editorSchema(): Schema {
  schema ??= getSchema(contentExtensions());
  return schema;
}
