import { Fragment } from 'react';
import type { Said } from './words';

/** A sentence of the paragraphs' words, its user text (delegations) each in a <bdi>. */
export function SaidText({ said }: { said: Said }) {
  // Keyed by where each part starts in the sentence: the parts never move.
  let at = 0;
  return (
    <>
      {said
        .filter((part) => part.text !== '')
        .map((part) => {
          const key = at;
          at += part.text.length;
          return part.user ? <bdi key={key}>{part.text}</bdi> : <Fragment key={key}>{part.text}</Fragment>;
        })}
    </>
  );
}
