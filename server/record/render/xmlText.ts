/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone
 * surrogates). A name or title typed with one would make Word refuse to open the whole file, or
 * Excel "repair" it, so the Office renderers drop them.
 */
const NOT_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters an XML document cannot contain. */
export const xmlSafe = (text: string): string => text.replace(NOT_IN_XML, '');
