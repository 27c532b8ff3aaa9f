/**
 * User text in a sentence of the other direction. A Latin title at the end of an Arabic sentence
 * takes the sentence's direction for its neutral characters: "(WTDC-25 Chair-designate
 * (Azerbaijan))" shows its brackets mirrored and out of place. Wrapped in FSI…PDI (U+2068, U+2069),
 * it is laid out on its own, in the direction of its first strong letter, and cannot reorder the
 * words around it. The co-editing server keeps the characters in a document (it does not filter
 * text), and the exports drop them (client/src/collab/export/plain.ts `withoutIsolates`).
 */

/** Letters of the right-to-left scripts. */
const RTL_LETTER =
  /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
/** Letters of any other script: left to right. */
const LTR_LETTER =
  /(?=\p{L})[^\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` as a sentence written in `direction` takes it: isolated when it has a letter of the other
 * direction, as it is otherwise (digits and punctuation alone take the sentence's direction, as
 * they should; an isolate that changes nothing is only an invisible character more to copy).
 */
export function inDirection(direction: 'ltr' | 'rtl', text: string): string {
  const foreign = direction === 'rtl' ? LTR_LETTER : RTL_LETTER;
  return foreign.test(text) ? `${FSI}${text}${PDI}` : text;
}
