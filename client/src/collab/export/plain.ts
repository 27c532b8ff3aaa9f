/**
 * Text as an exported file should hold it: without the invisible directional marks the UI puts
 * around values in translated sentences (FSI, LRI, RLI, PDI: U+2066–U+2069; LRM, RLM), which a
 * file would keep as stray characters in titles and names.
 */
export const withoutIsolates = (text: string): string => text.replace(/[\u2066-\u2069\u200e\u200f]/g, '');
