/** Distinct, readable caret colours; a participant keeps theirs across connections and documents. */
const PALETTE = [
  // Each at least 4.5:1 against white: a caret's label is white text on its colour (WCAG AA).
  '#1a5f96',
  '#b81f1f',
  '#1d7321',
  '#7a4fa8',
  '#8c564b',
  '#b0347f',
  '#0e6f7a',
  '#6b6a12',
  '#a84f00',
  '#005f73',
  '#ae2012',
  '#3a5a40',
];

/**
 * A participant's caret colour, stable across sessions. The server puts it in the awareness state it
 * relays; the client uses it for its own caret and for revision marks, so they all match.
 */
export function colorFor(participantId: string): string {
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
