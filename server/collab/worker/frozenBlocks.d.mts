import type * as Y from 'yjs';

/** The attribute that names a paragraph (frozenBlocks.mjs; PARAGRAPH_ATTRIBUTE, kept in step by hand). */
export declare const PID: string;
/** The top-level blocks of `fragment` whose pid is in `frozen`, in text order. */
export declare function frozenBlocks(
  fragment: Y.XmlFragment,
  frozen: ReadonlySet<string>,
): { pid: string; block: Y.XmlElement }[];
/** The pid of a top-level block, or null (not an element, or no pid). */
export declare function pidOf(node: unknown): string | null;
/** Everything a block looks like (name, attributes, content with marks, texts' attributes), as a string. */
export declare function serializeBlock(block: Y.XmlElement): string;
/** The ids of the live items that make up a block's content, as merged runs, as a string. */
export declare function contentIds(block: Y.XmlElement): string;
/** The top-level block a changed type belongs to, `fragment` for a top-level change, or null. */
export declare function blockOf(
  fragment: Y.XmlFragment,
  type: Y.AbstractType<unknown>,
): Y.XmlElement | Y.XmlFragment | null;
