import type * as Y from 'yjs';

/** The attribute that names a paragraph (frozenBlocks.mjs; PARAGRAPH_ATTRIBUTE, kept in step by hand). */
export declare const PID: string;
/** The top-level blocks of `fragment` whose pid is in `frozen`, by pid, in text order. */
export declare function frozenBlocks(
  fragment: Y.XmlFragment,
  frozen: ReadonlySet<string>,
): Map<string, Y.XmlElement[]>;
/** Everything a block is (name, attributes, content with marks), as a string. */
export declare function serializeBlock(block: Y.XmlElement): string;
/** The top-level block a changed type belongs to, `fragment` for a top-level change, or null. */
export declare function blockOf(
  fragment: Y.XmlFragment,
  type: Y.AbstractType<unknown>,
): Y.XmlElement | Y.XmlFragment | null;
