import type { ReactNode } from 'react';

/** Stands in for the value while the sentence is translated; a private-use character no text holds. */
const SLOT = '\uE000';

/**
 * A translated sentence around one piece of user text (an outcome, a delegation), with that text in
 * a <bdi>: an English outcome keeps its own direction inside an Arabic sentence, without invisible
 * isolation characters in the text. `sentence` is the translation made with `SLOT_VALUE` as the value.
 */
export function isolatedIn(sentence: string, value: string): ReactNode {
  const [before, ...after] = sentence.split(SLOT);
  if (after.length === 0) return sentence;
  return (
    <>
      {before}
      <bdi>{value}</bdi>
      {after.join(value)}
    </>
  );
}

/** The value to translate a sentence with, for `isolatedIn`. */
export const SLOT_VALUE = SLOT;

/**
 * A translated sentence made with `SLOT_VALUE` as its one value, with `node` (times, durations:
 * elements, not text) where the translation put the value.
 * @example slotted(t('record.item.deferredAt', { number, times: SLOT_VALUE }), <TimeList … />)
 */
export function slotted(sentence: string, node: ReactNode): ReactNode {
  const [before, ...after] = sentence.split(SLOT_VALUE);
  if (after.length === 0) return sentence;
  return (
    <>
      {before}
      {node}
      {after.join('')}
    </>
  );
}
