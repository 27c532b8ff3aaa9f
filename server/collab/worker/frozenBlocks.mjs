// Frozen paragraphs (docs/collab.md, "Paragraphs"): the top-level blocks of the text whose pid the
// meeting has frozen (agreed, or under an "any objection?" check) must come out of an update exactly
// as they went in. Plain JavaScript: it runs in the validation worker without a TypeScript loader.
import * as Y from 'yjs';

/** The attribute that names a paragraph (shared/collab/paragraphs.ts PARAGRAPH_ATTRIBUTE; by hand). */
export const PID = 'pid';

/**
 * The top-level blocks of `fragment` whose pid is in `frozen` (a Set), by pid, in text order: one
 * pass over the top level, reading one attribute per block. A pid with two blocks lists both.
 * @returns {Map<string, Y.XmlElement[]>}
 */
export function frozenBlocks(fragment, frozen) {
  const found = new Map();
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const pid = child.getAttribute(PID);
    if (typeof pid !== 'string' || !frozen.has(pid)) continue;
    const list = found.get(pid);
    if (list) list.push(child);
    else found.set(pid, [child]);
  }
  return found;
}

/**
 * Everything a block is, as a string: its node name, its attributes (the pid among them), and its
 * content with every mark and mark attribute (`toDelta`), recursively. Two blocks with the same
 * serialization look the same in every editor and export, whatever Yjs structs make them up.
 */
export function serializeBlock(block) {
  return JSON.stringify(shape(block));
}

function shape(node) {
  if (node instanceof Y.XmlText) return { t: node.toDelta() };
  if (node instanceof Y.XmlElement) {
    const attributes = node.getAttributes();
    const sorted = {};
    for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
    return { n: node.nodeName, a: sorted, c: node.toArray().map(shape) };
  }
  if (node instanceof Y.XmlHook) return { h: node.hookName, m: node.toJSON() };
  return { x: String(node) };
}

/**
 * The top-level block a changed type belongs to, `fragment` itself when the change is to the top
 * level (a block inserted or deleted), or null when the type is elsewhere (another root, or a block
 * deleted meanwhile).
 */
export function blockOf(fragment, type) {
  let node = type;
  while (node !== fragment) {
    const parent = node._item?.parent ?? null;
    if (parent === null) return null;
    if (parent === fragment) return node;
    node = parent;
  }
  return fragment;
}
