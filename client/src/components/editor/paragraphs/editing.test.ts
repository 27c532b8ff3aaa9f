// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { PARAGRAPH_ID } from '../../../../../shared/collab/paragraphs';
import { DOC_FIELDS } from '../../../../../shared/collab/schema';
import { contentExtensions } from '../../../collab/extensions';
import { blockText, rangeOf, seeded, sync } from '../../../collab/testDocs';
import { FrozenParagraphs } from './frozen';
import { paragraphIds } from './paragraphIds';

const BASE =
  'Recognizing the role of BDT\n\nInvites Member States to contribute\n\nRequests the Director to report';

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

/** A real editor over `doc`, as LiveEditor configures it (without carets and comments). */
async function open(doc: Y.Doc, opts: { writable?: boolean; frozen?: string[] } = {}) {
  const refused: string[] = [];
  const frozen = new Set(opts.frozen ?? []);
  const editor = new Editor({
    element: document.createElement('div'),
    editable: opts.writable ?? true,
    extensions: [
      ...contentExtensions(),
      Collaboration.configure({ document: doc, field: DOC_FIELDS.text }),
      paragraphIds(() => opts.writable ?? true),
      FrozenParagraphs.configure({ frozen: () => frozen, onRefused: (pid) => refused.push(pid) }),
    ],
  });
  editors.push(editor);
  await vi.waitFor(() =>
    expect(editor.state.doc.childCount).toBe(doc.getXmlFragment(DOC_FIELDS.text).length),
  );
  return { editor, refused };
}

/** The pids of the shared document's top-level blocks, in order. */
const pids = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DOC_FIELDS.text)
    .toArray()
    .map((b) => (b as Y.XmlElement).getAttribute('pid'));
const texts = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DOC_FIELDS.text)
    .toArray()
    .map((b) => (b as Y.XmlElement).toString().replace(/<[^>]+>/g, ''));

/** A paste as the browser delivers it (ProseMirror reads `clipboardData`). */
function paste(editor: Editor, html: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/html' ? html : ''), types: ['text/html'] },
  });
  editor.view.dom.dispatchEvent(event);
}

describe('frozen paragraphs', () => {
  it('refuse a local edit in a frozen paragraph, whatever the edit, and say which one', async () => {
    const doc = seeded(BASE);
    const { editor, refused } = await open(doc, { frozen: ['b2'] });
    const word = rangeOf(doc, 'Member');
    editor.commands.insertContentAt(word.from, 'all ');
    editor.chain().setTextSelection(word).toggleBold().run();
    // Deleting from paragraph 1 into paragraph 3 would take paragraph 2 with it.
    editor.commands.deleteRange({ from: rangeOf(doc, 'role').from, to: rangeOf(doc, 'Director').from });
    // Backspace at the start of paragraph 3 would join it into paragraph 2.
    editor.chain().setTextSelection(rangeOf(doc, 'Requests').from).joinBackward().run();
    expect(texts(doc)).toEqual(BASE.split('\n\n'));
    expect(refused).toEqual(['b2', 'b2', 'b2', 'b2']);
  });

  it('apply edits elsewhere, and a new paragraph after a frozen one', async () => {
    const doc = seeded(BASE);
    const { editor, refused } = await open(doc, { frozen: ['b2'] });
    editor.commands.insertContentAt(rangeOf(doc, 'Director').from, 'new ');
    expect(texts(doc)[2]).toBe('Requests the new Director to report');
    const end = rangeOf(doc, 'contribute').to;
    editor.chain().setTextSelection(end).splitBlock().insertContent('Further').run();
    expect(texts(doc)).toEqual([
      'Recognizing the role of BDT',
      'Invites Member States to contribute',
      'Further',
      'Requests the new Director to report',
    ]);
    expect(pids(doc).slice(0, 2)).toEqual(['b1', 'b2']);
    // Enter at its start: a new empty paragraph before it, which it keeps its pid after.
    editor.chain().setTextSelection(rangeOf(doc, 'Invites').from).splitBlock().run();
    expect(texts(doc).slice(1, 3)).toEqual(['', 'Invites Member States to contribute']);
    expect(pids(doc)[2]).toBe('b2');
    expect(pids(doc)[1]).toMatch(PARAGRAPH_ID);
    expect(refused).toEqual([]);
  });

  it('refuse moving a paragraph across a frozen one (the shared text would re-create it)', async () => {
    const doc = seeded(BASE);
    const { editor, refused } = await open(doc, { frozen: ['b2'] });
    const third = editor.state.doc.child(2);
    const thirdStart = editor.state.doc.content.size - third.nodeSize;
    // Paragraph 3 dragged above agreed paragraph 2: one transaction, as a drop makes it.
    const moved = editor.state.tr.delete(thirdStart, editor.state.doc.content.size);
    moved.insert(editor.state.doc.child(0).nodeSize, third);
    editor.view.dispatch(moved);
    expect(pids(doc)).toEqual(['b1', 'b2', 'b3']);
    expect(refused).toEqual(['b2']);
    // Moving it where it crosses no frozen paragraph is free.
    const swap = editor.state.tr.delete(0, editor.state.doc.child(0).nodeSize);
    swap.insert(0, editor.state.doc.child(0));
    editor.view.dispatch(swap);
    expect(refused).toEqual(['b2']);
  });

  it('apply remote changes to a frozen paragraph (the server accepted them)', async () => {
    const doc = seeded(BASE);
    const other = new Y.Doc();
    sync(doc, other);
    const { editor } = await open(doc, { frozen: ['b2'] });
    blockText(other, 1).insert(0, 'Also ');
    sync(other, doc);
    await vi.waitFor(() => expect(editor.getText()).toContain('Also Invites Member States'));
  });
});

describe('paragraph ids', () => {
  it('keeps the pid in the first half of a split and gives the second a new one', async () => {
    const doc = seeded(BASE);
    const { editor } = await open(doc);
    editor.chain().setTextSelection(rangeOf(doc, 'to contribute').from).splitBlock().run();
    const after = pids(doc);
    expect(after).toHaveLength(4);
    expect(after[0]).toBe('b1');
    expect(after[1]).toBe('b2');
    expect(after[2]).toMatch(PARAGRAPH_ID);
    expect(new Set(after).size).toBe(4);
    // Split at its very start: the text keeps its pid, the empty paragraph before it is new.
    editor.chain().setTextSelection(rangeOf(doc, 'Requests').from).splitBlock().run();
    const blocks = pids(doc);
    expect(blocks[4]).toBe('b3');
    expect(blocks[3]).not.toBe('b3');
  });

  it('gives pasted paragraphs new pids, even when they carry one', async () => {
    const doc = seeded(BASE);
    const { editor } = await open(doc);
    editor.commands.setTextSelection(rangeOf(doc, 'report').to);
    paste(editor, '<p data-pid="b1">Recognizing the role of BDT</p><p data-pid="b2">Invites again</p>');
    const after = pids(doc);
    expect(texts(doc).join('|')).toContain('Invites again');
    expect(after.filter((p) => p === 'b1')).toHaveLength(1);
    expect(after.filter((p) => p === 'b2')).toHaveLength(1);
    expect(after.every((p) => typeof p === 'string' && PARAGRAPH_ID.test(p))).toBe(true);
    expect(new Set(after).size).toBe(after.length);
  });

  it('never writes into an old text (no pids) just by opening it, and never from a read-only editor', async () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOC_FIELDS.text);
    for (const words of ['An old paragraph', 'Another one']) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(words)]);
      fragment.push([p]);
    }
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    const reader = await open(doc, { writable: false });
    const writer = await open(doc, { writable: true });
    // A remote edit reaches both editors: neither answers with ids.
    const other = new Y.Doc();
    sync(doc, other);
    blockText(other, 0).insert(0, 'Still ');
    sync(other, doc);
    await vi.waitFor(() => expect(reader.editor.getText()).toContain('Still An old'));
    expect(updates.filter((origin) => origin !== null)).toEqual([]);
    // Whatever a read-only editor dispatches, it adds no pid to it.
    reader.editor.view.dispatch(reader.editor.state.tr.insertText('x', 1));
    expect(pids(doc)).toEqual([undefined, undefined]);
    // A writer's own edit names the block it edits.
    writer.editor.commands.insertContentAt(2, 'n');
    expect(pids(doc)[0]).toMatch(PARAGRAPH_ID);
  });
});
