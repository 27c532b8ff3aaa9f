// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELDS } from '../../../shared/collab/schema';
import { blockCharIds } from './authors';
import { EditsAtCaret } from './caretEdits';
import { contentExtensions } from './extensions';
import { rangeOf, seeded, sync } from './testDocs';

/** The seeder (the server, for a base text) and the person typing write with different clients. */
const SEEDER = 1;
const TYPIST = 2;

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

/** A typist's own copy of `text`, and a real editor over it with the collaboration extensions. */
async function typistOver(text: string) {
  const doc = new Y.Doc();
  doc.clientID = TYPIST;
  sync(seeded(text, SEEDER), doc);
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...contentExtensions(),
      Collaboration.configure({ document: doc, field: DOC_FIELDS.text }),
      EditsAtCaret,
    ],
  });
  editors.push(editor);
  await vi.waitFor(() => expect(editor.getText()).not.toBe(''));
  return { doc, editor };
}

/** Types `text` one character at a time, as ProseMirror handles key presses (at the selection). */
function type(editor: Editor, text: string) {
  for (const ch of text) editor.view.dispatch(editor.state.tr.insertText(ch));
}

/** The characters of block `index` with the client that wrote each one: "c:1 o:1 …". */
const writers = (doc: Y.Doc, index: number) => {
  const text = doc.getXmlFragment(DOC_FIELDS.text).get(index) as Y.XmlElement;
  const chars = text.toString().replace(/<[^>]+>/g, '');
  return blockCharIds(doc)[index]!.map((id, i) => `${chars[i]}:${id.client}`);
};

describe('edits at the caret', () => {
  it('credits every typed character to its typist, even one equal to the character after the caret', async () => {
    const { doc, editor } = await typistOver('Least developed countries, landlocked countries');
    editor.commands.setTextSelection(rangeOf(doc, 'landlocked').from);
    type(editor, 'Affordable connectivity for all. ');
    const typed = writers(doc, 0).slice('Least developed countries, '.length);
    expect(typed.slice(0, 33)).toEqual([...'Affordable connectivity for all. '].map((c) => `${c}:${TYPIST}`));
    expect(typed.slice(33, 43).join('')).toBe([...'landlocked'].map((c) => `${c}:${SEEDER}`).join(''));
  });

  it('deletes the very character the caret deletes, of two equal ones', async () => {
    const { doc, editor } = await typistOver('The committee');
    const before = blockCharIds(doc)[0]!;
    const second = rangeOf(doc, 'ttee').from;
    // The Delete key at "commi|ttee" removes the first "t": the second one stays.
    editor.commands.setTextSelection(second);
    editor.view.dispatch(editor.state.tr.delete(second, second + 1));
    expect(doc.getXmlFragment(DOC_FIELDS.text).toString()).toContain('The commitee');
    const at = 'The commi'.length;
    expect(blockCharIds(doc)[0]![at]).toEqual(before[at + 1]);
  });

  it('keeps carets after a list item that was typed in where they are when others edit', async () => {
    const doc = new Y.Doc();
    doc.clientID = TYPIST;
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [
        ...contentExtensions(),
        Collaboration.configure({ document: doc, field: DOC_FIELDS.text }),
        EditsAtCaret,
      ],
    });
    editors.push(editor);
    editor.commands.setContent('<ul><li><p>first item</p></li><li><p>second item</p></li></ul>');
    editor.commands.setTextSelection(rangeOf(doc, 'item').from);
    type(editor, 'i');
    // The caret moves into the second item; another participant edits the text meanwhile.
    editor.commands.setTextSelection(rangeOf(doc, 'second ').to);
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.doc.content.size)).toBe(
      'item',
    );
    const other = new Y.Doc();
    sync(doc, other);
    const list = other.getXmlFragment(DOC_FIELDS.text).get(0) as Y.XmlElement;
    const item = (list.get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    (item.get(0) as Y.XmlText).insert(0, 'the ');
    sync(other, doc);
    await vi.waitFor(() => expect(editor.getText()).toContain('the second item'));
    type(editor, 'x');
    expect(editor.getText()).toContain('first iitem');
    expect(editor.getText()).toContain('the second xitem');
  });
});
