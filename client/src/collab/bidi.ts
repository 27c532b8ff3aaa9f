/**
 * Wraps text in Unicode directional isolates (FSI … PDI), for values put into translated sentences:
 * a Latin name or a date inside an Arabic sentence (or Arabic text quoted in an English one) then
 * keeps its own direction and does not reorder the words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
