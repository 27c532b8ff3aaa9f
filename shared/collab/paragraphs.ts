import * as Y from 'yjs';
import type { ParagraphFacts, TextFacts } from '../domain/consensusModel';
import type { ProposalId } from '../ids';
import { DOC_FIELDS } from './schema';

/**
 * A paragraph of a proposal is a top-level block of its text (`default` XmlFragment): a paragraph,
 * a heading or a whole list. Its identity is the block's `pid` attribute, set once (by `seedDoc`,
 * or by the editor when the block is made) and kept across edits; a block split in two keeps its
 * pid in the first half and the second gets a new one (docs/collab.md, "Paragraphs").
 */
export const PARAGRAPH_ATTRIBUTE = 'pid';
/** The node types that carry a `pid` (the top-level blocks the editor makes). */
export const PARAGRAPH_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList'] as const;
/** A well-formed pid (as `paragraphIdSchema` in shared/protocol/commands.ts). */
export const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/;

const EXCERPT_CHARS = 80;

/** The pid of a top-level block, or null when it has none (or a malformed one). */
export function paragraphIdOf(element: Y.XmlElement): string | null {
  const pid = element.getAttribute(PARAGRAPH_ATTRIBUTE) as unknown;
  return typeof pid === 'string' && PARAGRAPH_ID.test(pid) ? pid : null;
}

/**
 * The paragraphs of a text as the domain sees them (`TextFacts`): numbered from 1 in order,
 * headings not counted; a block without a pid (a text written before pids) is counted but cannot
 * be named. A pid seen twice (only a forged update makes one: the editor gives copies new pids)
 * names its first block, but the brackets of every block carrying it count, since the co-editing
 * server freezes them all: a bracket hidden in a copy still keeps the paragraph from being agreed.
 */
export function paragraphFacts(doc: Y.Doc, proposalId: ProposalId): TextFacts {
  const paragraphs: ParagraphFacts[] = [];
  const byId = new Map<string, ParagraphFacts>();
  let number = 0;
  for (const child of doc.getXmlFragment(DOC_FIELDS.text).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const heading = child.nodeName === 'heading';
    if (!heading) number++;
    const id = paragraphIdOf(child);
    if (!id) continue;
    const { brackets, text } = readBlock(child);
    const seen = byId.get(id);
    if (seen) {
      seen.openBrackets += brackets;
      continue;
    }
    // A heading is not a paragraph, but its pid is taken: a block copying it is counted above.
    const facts = { id, number, openBrackets: brackets, excerpt: excerpt(text) };
    byId.set(id, facts);
    if (!heading) paragraphs.push(facts);
  }
  return { proposalId, paragraphs };
}

/** The block's plain text and how many bracketed runs it holds (adjacent bracketed runs are one). */
function readBlock(block: Y.XmlElement): { brackets: number; text: string } {
  let brackets = 0;
  let text = '';
  let inBracket = false;
  const walk = (node: Y.XmlElement) => {
    for (const part of node.toArray()) {
      if (part instanceof Y.XmlElement) {
        inBracket = false;
        walk(part);
        if (text.length > 0 && !text.endsWith(' ')) text += ' ';
        continue;
      }
      if (!(part instanceof Y.XmlText)) continue;
      for (const op of part.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string') continue;
        const bracketed = op.attributes?.bracket !== undefined;
        if (bracketed && !inBracket) brackets++;
        inBracket = bracketed;
        if (text.length < EXCERPT_CHARS * 2) text += op.insert;
      }
    }
  };
  walk(block);
  return { brackets, text };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}
