import * as Y from 'yjs';
import { baseTextBlocks } from './baseTextSyntax';

/**
 * The shape of a proposal's Yjs document, shared by the server (seeding, export checks), the editor
 * (Tiptap's Collaboration extension) and the exporters.
 * - `default` (Y.XmlFragment): the text, as ProseMirror nodes (paragraph, heading, lists...).
 *   Square brackets are a `bracket` mark, i.e. a `bracket` formatting attribute on Y.XmlText.
 * - `comments` (Y.Array of Y.Map): {@link CommentRecord}s anchored with Yjs relative positions.
 * - `bracketLog` (Y.Array): {@link BracketLogEntry}s: who removed which brackets, when.
 * - `authors` (Y.Map): clientID → {@link Author}, for revision marks; each editor writes its own entry.
 *
 * The server enforces who may write what in `comments`, `bracketLog` and `authors` (docs/collab.md,
 * "Authorship"; server/collab/worker/docRules.mjs).
 */
export const DOC_FIELDS = {
  text: 'default',
  comments: 'comments',
  bracketLog: 'bracketLog',
  authors: 'authors',
} as const;

/** Who a Yjs client id belongs to (`authors` Y.Map, keyed by clientID); set by each editor for itself. */
export interface Author {
  participantId: string;
  name: string;
  delegation: string;
}

/** A comment on a range of the text; `from`/`to` are `Y.relativePositionToJSON` values. */
export interface CommentRecord {
  id: string;
  from: unknown;
  to: unknown;
  /** The text the comment was made on, for the list when the range has since been deleted. */
  quote: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: number;
  resolved: boolean;
  replies: Array<{ id: string; authorId: string; authorName: string; text: string; createdAt: number }>;
}

/** A record that brackets were removed (text agreed): who, when, and the text. */
export interface BracketLogEntry {
  by: string;
  byName: string;
  at: number;
  text: string;
}

/** The `bracket` mark as y-prosemirror stores a mark without attributes. */
const BRACKET = { bracket: {} };

/**
 * Fills an empty document with a plain base text (./baseTextSyntax.ts): a blank line separates
 * paragraphs; a line that starts with "# " becomes a heading; "[…]" becomes the `bracket` mark, text
 * not yet agreed, without the bracket characters (the editor draws them; the exports write them);
 * "\[" and "\]" are literal brackets. Used once, when a proposal is created with a base text.
 */
export function seedDoc(doc: Y.Doc, baseText: string): void {
  const fragment = doc.getXmlFragment(DOC_FIELDS.text);
  if (fragment.length > 0) return;
  const blocks = baseTextBlocks(baseText);
  doc.transact(() => {
    const texts = blocks.map(() => new Y.XmlText());
    fragment.insert(
      0,
      blocks.map((block, i) => {
        const element = new Y.XmlElement(block.heading ? 'heading' : 'paragraph');
        if (block.heading) element.setAttribute('level', 2 as unknown as string);
        // Fixed pids (b1, b2…): seeding twice, or on two processes at once, gives one text.
        element.setAttribute('pid', `b${i + 1}`);
        element.insert(0, [texts[i]!]);
        return element;
      }),
    );
    // Filled once in the document: a mark is a formatting attribute, as the editor writes it.
    blocks.forEach((block, i) => {
      texts[i]!.applyDelta(
        block.runs.map((run) =>
          run.bracketed ? { insert: run.text, attributes: BRACKET } : { insert: run.text },
        ),
      );
    });
  }, 'seed');
}

/** The document's text as plain paragraphs (for tests, search and diffs). */
export function plainText(doc: Y.Doc): string {
  return docParagraphs(doc)
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n\n');
}

/** One run of text with its marks (bold, italic, underline, bracket...). */
export interface TextRun {
  text: string;
  marks: string[];
}

/** A block of the document: its node type, attributes and runs. Lists are flattened to items. */
export interface Block {
  type: string;
  attrs: Record<string, unknown>;
  runs: TextRun[];
  /** For list items: 'bullet' or 'ordered'. */
  list?: 'bullet' | 'ordered';
}

/** Walks the XML fragment into blocks, for export and diffs; unknown nodes keep their text. */
export function docParagraphs(doc: Y.Doc): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, list?: 'bullet' | 'ordered') => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) continue;
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      if (name === 'bulletList' || name === 'orderedList') {
        walk(child, name === 'bulletList' ? 'bullet' : 'ordered');
        continue;
      }
      if (name === 'listItem') {
        walk(child, list);
        continue;
      }
      const runs: TextRun[] = [];
      for (const part of child.toArray()) {
        if (part instanceof Y.XmlText) {
          for (const op of part.toDelta() as Array<{
            insert: unknown;
            attributes?: Record<string, unknown>;
          }>) {
            if (typeof op.insert === 'string')
              runs.push({ text: op.insert, marks: Object.keys(op.attributes ?? {}) });
          }
        }
      }
      blocks.push({ type: name, attrs: child.getAttributes(), runs, ...(list ? { list } : {}) });
    }
  };
  walk(doc.getXmlFragment(DOC_FIELDS.text));
  return blocks;
}
