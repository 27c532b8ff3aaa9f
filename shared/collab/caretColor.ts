/** Distinct, readable caret colours; a participant keeps theirs across connections and documents. */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
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
