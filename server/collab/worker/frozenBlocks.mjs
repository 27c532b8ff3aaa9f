// Frozen paragraphs (docs/collab.md, "Frozen paragraphs"): the top-level blocks of the text whose
// pid the meeting has frozen (agreed, or under an "any objection?" check) must come out of an update
// as the very same Yjs items, in the same order, holding the same content items. Plain JavaScript:
// it runs in the validation worker without a TypeScript loader.
import * as Y from 'yjs';

/** The attribute that names a paragraph (shared/collab/paragraphs.ts PARAGRAPH_ATTRIBUTE; by hand). */
export const PID = 'pid';

/**
 * The top-level blocks of `fragment` whose pid is in `frozen` (a Set), in text order: one pass over
 * the top level, reading one attribute per block. A pid with two blocks is listed twice.
 * @returns {{ pid: string, block: Y.XmlElement }[]}
 */
export function frozenBlocks(fragment, frozen) {
  const found = [];
  for (const child of fragment.toArray()) {
    const pid = pidOf(child);
    if (pid !== null && frozen.has(pid)) found.push({ pid, block: child });
  }
  return found;
}

/** The pid of a top-level block, or null (not an element, or no pid). */
export function pidOf(node) {
  if (!(node instanceof Y.XmlElement)) return null;
  const pid = node.getAttribute(PID);
  return typeof pid === 'string' ? pid : null;
}

/**
 * Everything a block looks like, as a string: its node name, its attributes (the pid among them),
 * and its content with every mark and mark attribute (`toDelta`) and every text's own attributes
 * (`XmlText.setAttribute`, which `toDelta` leaves out), recursively.
 */
export function serializeBlock(block) {
  return JSON.stringify(shape(block));
}

const sortedAttributes = (node) => {
  const attributes = node.getAttributes();
  const sorted = {};
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
  return sorted;
};

function shape(node) {
  if (node instanceof Y.XmlText) return { t: node.toDelta(), a: sortedAttributes(node) };
  if (node instanceof Y.XmlElement)
    return { n: node.nodeName, a: sortedAttributes(node), c: node.toArray().map(shape) };
  if (node instanceof Y.XmlHook) return { h: node.hookName, m: node.toJSON() };
  return { x: String(node) };
}

/**
 * Which Yjs items make up a block's visible content: the ids of its live (not deleted) countable
 * items (characters, embeds, nested texts and elements), in document order, as runs
 * `client:clock+length` merged where clocks follow on. Two blocks that serialize the same may still differ here: a
 * character deleted and typed again looks the same but is a new item, credited to whoever typed it
 * (Compare, Word export). Runs are merged so that Yjs splitting or merging items (an insertion taken
 * back, a later merge) changes nothing. Formatting items are left out: marks are in the serialization,
 * and stock clients may rewrite redundant ones (Yjs's formatting cleanup) without changing anything.
 */
export function contentIds(block) {
  const runs = [];
  let last = null;
  const add = (client, clock, length) => {
    if (last !== null && last.client === client && last.clock + last.length === clock) {
      last.length += length;
      return;
    }
    last = { client, clock, length };
    runs.push(last);
  };
  const walk = (type) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      add(item.id.client, item.id.clock, item.length);
      // A nested type's content follows its id (pre-order). An item's parent never changes, so the
      // same ids in the same order are also the same nesting.
      if (item.content instanceof Y.ContentType) walk(item.content.type);
    }
  };
  walk(block);
  return runs.map((r) => `${r.client}:${r.clock}+${r.length}`).join(',');
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
