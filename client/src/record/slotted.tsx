import type { ReactNode } from 'react';
import { SLOT_VALUE } from '../components/Isolated';

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
