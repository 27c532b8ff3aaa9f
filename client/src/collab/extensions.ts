import { type AnyExtension, Extension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { PARAGRAPH_ATTRIBUTE, PARAGRAPH_TYPES } from '../../../shared/collab/paragraphs';
import { Bracket } from './bracket';

/**
 * The `pid` attribute of the top-level blocks (shared/collab/paragraphs.ts): without it in the
 * schema, y-prosemirror would drop the attribute when it reads the document, and the editor would
 * then write the blocks back without it. Shown as `data-pid` (the margin and tests find blocks by
 * it); never read from pasted HTML, so a copy never takes another paragraph's identity.
 */
const ParagraphAttribute = Extension.create({
  name: 'paragraphAttribute',
  addGlobalAttributes() {
    return [
      {
        types: [...PARAGRAPH_TYPES],
        attributes: {
          [PARAGRAPH_ATTRIBUTE]: {
            default: null,
            parseHTML: () => null,
            renderHTML: (attributes) => {
              const pid = attributes[PARAGRAPH_ATTRIBUTE];
              return typeof pid === 'string' ? { [`data-${PARAGRAPH_ATTRIBUTE}`]: pid } : {};
            },
          },
        },
      },
    ];
  },
});

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
    ParagraphAttribute,
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema of proposal texts (one instance: mark and node types compare by identity). */
export function editorSchema(): Schema {
  schema ??= getSchema(contentExtensions());
  return schema;
}
