/**
 * The draft is plain text that `seedDoc` (shared/collab/schema.ts) turns into a document: a blank
 * line separates paragraphs and a block that starts with "# " is a heading. User text must do
 * neither: it is put on one line before it goes in, and no paragraph may start like a heading.
 */

/** One block of the draft. */
export interface Block {
  heading: boolean;
  text: string;
}

// Every kind of line break, with the spaces around it: one space keeps the words apart.
const LINE_BREAKS = /\s*[\n\r\v\f\u0085\u2028\u2029]+\s*/g;

/**
 * User text (a name, a title, an outcome) on one line, otherwise as typed: an outcome of several
 * paragraphs stays one quotation, and a title with "\n\n# x" does not open a heading.
 */
export const inline = (text: string): string => text.replace(LINE_BREAKS, ' ').trim();

export const heading = (text: string): Block => ({ heading: true, text });
export const paragraph = (text: string): Block => ({ heading: false, text });

// A paragraph that starts like a heading keeps its text but not the look of a heading: the
// templates never start one with user text, so this is a last defence, not a rule of style.
const HEADING_START = /^#(?=\s)/;

/** The blocks as the draft's text. */
export function toText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.heading ? `# ${b.text}` : inline(b.text).replace(HEADING_START, '\uff03')))
    .join('\n\n');
}
