import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_LIMITS, writerName } from '../../../shared/collab/limits';
import { PARAGRAPH_ATTRIBUTE } from '../../../shared/collab/paragraphs';
import { DOC_FIELDS, plainText, seedDoc } from '../../../shared/collab/schema';
import type { Writer } from '../validate';
import { PID } from './frozenBlocks.mjs';
import { Mirror } from './mirror.mjs';

const ana = (frozen: string[] = []): Writer => ({
  participantId: 'ana',
  name: 'ana',
  delegation: 'D',
  displayName: writerName({ name: 'ana', delegation: 'D' }),
  moderates: false,
  frozen,
});

/** A main document seeded b1…b4, a mirror of it, and clients whose changes the mirror judges. */
function setup() {
  const main = new Y.Doc();
  seedDoc(main, 'Title\n\nFirst\n\nSecond [open]\n\nThird');
  // A list as a fifth top-level block (one paragraph: the whole list).
  const list = new Y.XmlElement('bulletList');
  list.setAttribute('pid', 'l1');
  const item = new Y.XmlElement('listItem');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('Item')]);
  item.insert(0, [p]);
  list.insert(0, [item]);
  main.getXmlFragment(DOC_FIELDS.text).push([list]);
  const box = { mirror: new Mirror(Y.encodeStateAsUpdate(main), COLLAB_LIMITS) };
  const change = (fn: (doc: Y.Doc, text: Y.XmlFragment) => void) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(main));
    const sv = Y.encodeStateVector(doc);
    fn(doc, doc.getXmlFragment(DOC_FIELDS.text));
    return Y.encodeStateAsUpdate(doc, sv);
  };
  const judge = (update: Uint8Array, as: Writer) => {
    try {
      box.mirror.judge(update, as);
      Y.applyUpdate(main, update);
      return 'ok';
    } catch (error) {
      if (box.mirror.broken) box.mirror = new Mirror(Y.encodeStateAsUpdate(main), COLLAB_LIMITS);
      return `${(error as { kind?: string }).kind}: ${(error as Error).message}`;
    }
  };
  return { main, box, change, judge };
}

/** The Y.XmlText of the top-level block at `index` (seeded blocks hold one). */
const textOf = (fragment: Y.XmlFragment, index: number) =>
  (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

const refused = (what: string, pid: string) =>
  `invalid: ${what === 'changes' ? `changes paragraph ${pid}` : what}, which is frozen (agreed, or under an "any objection?" check)`;

describe('Mirror: frozen paragraphs', () => {
  it('names paragraphs by the attribute the editor and seedDoc write (kept in step by hand)', () => {
    expect(PID).toBe(PARAGRAPH_ATTRIBUTE);
  });

  // b1 is the heading, b2 "First", b3 "Second [open]", b4 "Third", l1 the list.
  const frozen = ['b3', 'l1'];

  it.each([
    ['its text', (_d: Y.Doc, t: Y.XmlFragment) => textOf(t, 2).insert(0, 'Forged '), 'b3'],
    ['a mark', (_d: Y.Doc, t: Y.XmlFragment) => textOf(t, 2).format(0, 6, { bold: {} }), 'b3'],
    [
      'a bracket removed',
      (_d: Y.Doc, t: Y.XmlFragment) => textOf(t, 2).format(7, 4, { bracket: null }),
      'b3',
    ],
    [
      'an attribute',
      (_d: Y.Doc, t: Y.XmlFragment) => (t.get(2) as Y.XmlElement).setAttribute('align', 'x'),
      'b3',
    ],
    [
      'a list item deep inside',
      (_d: Y.Doc, t: Y.XmlFragment) => {
        const list = t.get(4) as Y.XmlElement;
        const paragraph = (list.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
        (paragraph.get(0) as Y.XmlText).insert(4, 's');
      },
      'l1',
    ],
  ])('refuses a change to a frozen paragraph: %s', (_what, edit, pid) => {
    const s = setup();
    expect(s.judge(s.change(edit), ana(frozen))).toBe(refused('changes', pid));
  });

  it('refuses deleting it, renaming its pid, and a second block with its pid', () => {
    const s = setup();
    expect(
      s.judge(
        s.change((_d, t) => t.delete(2, 1)),
        ana(frozen),
      ),
    ).toBe(refused('deletes paragraph b3 or changes its pid', 'b3'));
    expect(
      s.judge(
        s.change((_d, t) => (t.get(2) as Y.XmlElement).setAttribute('pid', 'b9')),
        ana(frozen),
      ),
    ).toBe(refused('deletes paragraph b3 or changes its pid', 'b3'));
    expect(
      s.judge(
        s.change((_d, t) => (t.get(3) as Y.XmlElement).setAttribute('pid', 'b3')),
        ana(frozen),
      ),
    ).toBe(refused('adds a second paragraph with the pid b3', 'b3'));
    expect(
      s.judge(
        s.change((_d, t) => {
          const copy = new Y.XmlElement('paragraph');
          copy.setAttribute('pid', 'b3');
          t.insert(0, [copy]);
        }),
        ana(frozen),
      ),
    ).toBe(refused('adds a second paragraph with the pid b3', 'b3'));
    expect(plainText(s.main)).toBe('Title\n\nFirst\n\nSecond open\n\nThird\n\nItem');
  });

  it('accepts edits elsewhere: other paragraphs, new ones, comments, and a whole-state resend', () => {
    const s = setup();
    const everyone = ana(frozen);
    expect(
      s.judge(
        s.change((_d, t) => textOf(t, 1).insert(5, ' edited')),
        everyone,
      ),
    ).toBe('ok');
    expect(
      s.judge(
        s.change((_d, t) => t.delete(3, 1)),
        everyone,
      ),
    ).toBe('ok'); // "Third" goes
    expect(
      s.judge(
        s.change((_d, t) => {
          const added = new Y.XmlElement('paragraph');
          added.setAttribute('pid', 'n1');
          added.insert(0, [new Y.XmlText('New')]);
          t.insert(3, [added]); // right after the frozen b3
        }),
        everyone,
      ),
    ).toBe('ok');
    expect(
      s.judge(
        s.change((d) => d.getMap('other').set('k', 1)),
        everyone,
      ),
    ).toBe('ok');
    // y-websocket's sync step 2 on reconnect: the client's whole state, nothing new in it.
    expect(s.judge(Y.encodeStateAsUpdate(s.main), everyone)).toBe('ok');
    expect(plainText(s.main)).toBe('Title\n\nFirst edited\n\nSecond open\n\nNew\n\nItem');
  });

  it('accepts a resent offline edit to another paragraph, and an insert-then-delete that changes nothing', () => {
    const s = setup();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(s.main));
    textOf(offline.getXmlFragment(DOC_FIELDS.text), 3).insert(5, '!');
    expect(s.judge(Y.encodeStateAsUpdate(offline), ana(frozen))).toBe('ok');
    const noop = s.change((d, t) =>
      d.transact(() => {
        textOf(t, 2).insert(0, 'x');
        textOf(t, 2).delete(0, 1);
      }),
    );
    expect(s.judge(noop, ana(frozen))).toBe('ok');
  });

  it('follows the frozen set: reopened, the paragraph takes edits; a tracked change is read again', () => {
    const s = setup();
    const edit = (text: string) => s.change((_d, t) => textOf(t, 2).insert(0, text));
    expect(s.judge(edit('A '), ana(['b3']))).toMatch(/changes paragraph b3/);
    expect(s.judge(edit('B '), ana([]))).toBe('ok');
    expect(s.judge(edit('C '), ana(['b3']))).toMatch(/changes paragraph b3/);
    // Another process changed b3 (judged there before it froze): the mirror takes it as it is.
    const remote = edit('Remote ');
    s.box.mirror.track(remote);
    Y.applyUpdate(s.main, remote);
    expect(
      s.judge(
        s.change((_d, t) => textOf(t, 3).insert(0, '> ')),
        ana(['b3']),
      ),
    ).toBe('ok');
    expect(s.judge(edit('D '), ana(['b3']))).toMatch(/changes paragraph b3/);
    expect(plainText(s.main)).toBe('Title\n\nFirst\n\nRemote B Second open\n\n> Third\n\nItem');
  });

  it('reads the frozen blocks again after changes judged while nothing was frozen', () => {
    const s = setup();
    // Frozen b2 ("First"): its blocks are read; an edit of b1 keeps them.
    expect(
      s.judge(
        s.change((_d, t) => textOf(t, 0).insert(5, ' page')),
        ana(['b2']),
      ),
    ).toBe('ok');
    // Reopened: b2 is replaced by a new block with the same pid (as an editor may do).
    expect(
      s.judge(
        s.change((_d, t) => {
          const replaced = new Y.XmlElement('paragraph');
          replaced.setAttribute('pid', 'b2');
          replaced.insert(0, [new Y.XmlText('Replaced')]);
          t.delete(1, 1);
          t.insert(1, [replaced]);
        }),
        ana([]),
      ),
    ).toBe('ok');
    // Frozen again: judged against b2 as it is now, so an edit of b3 alone passes, one of b2 does not.
    expect(
      s.judge(
        s.change((_d, t) => textOf(t, 2).insert(0, '> ')),
        ana(['b2']),
      ),
    ).toBe('ok');
    expect(
      s.judge(
        s.change((_d, t) => textOf(t, 1).insert(0, 'x')),
        ana(['b2']),
      ),
    ).toBe(refused('changes', 'b2'));
    expect(plainText(s.main)).toBe('Title page\n\nReplaced\n\n> Second open\n\nThird\n\nItem');
  });
});

describe('Mirror: a frozen paragraph stays the same Yjs item, in its place', () => {
  // b2 "First", b3 "Second [open]" and b4 "Third" frozen; b1 and the list l1 open.
  const frozen = ['b2', 'b3', 'b4'];
  /** An identical copy of the block at `index` (same name, attributes, text and marks). */
  const copyOf = (t: Y.XmlFragment, index: number) => (t.get(index) as Y.XmlElement).clone();
  const replaced = (t: Y.XmlFragment, index: number) => {
    const copy = copyOf(t, index);
    t.delete(index, 1);
    t.insert(index, [copy]);
  };
  const movedToEnd = (t: Y.XmlFragment, index: number) => {
    const copy = copyOf(t, index);
    t.delete(index, 1);
    t.push([copy]);
  };
  const swapped = (t: Y.XmlFragment) => {
    const [b2, b4] = [copyOf(t, 1), copyOf(t, 3)];
    t.delete(3, 1);
    t.insert(3, [b2]);
    t.delete(1, 1);
    t.insert(1, [b4]);
  };
  const recreated = (pid: string) =>
    `invalid: moves or re-creates paragraph ${pid}, which is frozen (agreed, or under an "any objection?" check)`;
  const before = 'Title\n\nFirst\n\nSecond open\n\nThird\n\nItem';

  it.each([
    ['deleted and an identical copy inserted in its place', (t: Y.XmlFragment) => replaced(t, 2), 'b3'],
    ['moved to the end', (t: Y.XmlFragment) => movedToEnd(t, 2), 'b3'],
    ['moved between two other frozen paragraphs', (t: Y.XmlFragment) => movedToEnd(t, 1), 'b2'],
    ['two frozen paragraphs swapped', swapped, 'b2'],
  ])('refuses a frozen paragraph %s, as an update and as a sync step 2', (_what, edit, pid) => {
    const s = setup();
    expect(
      s.judge(
        s.change((_d, t) => edit(t)),
        ana(frozen),
      ),
    ).toBe(recreated(pid));
    // The same done offline and re-sent as y-websocket's sync step 2 (the client's whole state).
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(s.main));
    edit(offline.getXmlFragment(DOC_FIELDS.text));
    expect(s.judge(Y.encodeStateAsUpdate(offline), ana(frozen))).toBe(recreated(pid));
    expect(plainText(s.main)).toBe(before);
  });

  it('refuses swapping the pids of two frozen paragraphs', () => {
    const s = setup();
    const update = s.change((_d, t) => {
      (t.get(1) as Y.XmlElement).setAttribute('pid', 'b4');
      (t.get(3) as Y.XmlElement).setAttribute('pid', 'b2');
    });
    expect(s.judge(update, ana(frozen))).toMatch(
      /^invalid: deletes paragraph b[24] or changes its pid, which is frozen/,
    );
  });

  it.each([
    [
      'a character deleted and typed again',
      (t: Y.XmlFragment) => {
        textOf(t, 2).delete(0, 1);
        textOf(t, 2).insert(0, 'S');
      },
      'b3',
    ],
    ['an attribute of its text', (t: Y.XmlFragment) => textOf(t, 2).setAttribute('lang', 'fr'), 'b3'],
    [
      'an attribute of an element inside it',
      (t: Y.XmlFragment) => ((t.get(4) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('x', '1'),
      'l1',
    ],
  ])('refuses what serializes the same or hides in attributes: %s', (_what, edit, pid) => {
    const s = setup();
    expect(
      s.judge(
        s.change((_d, t) => edit(t)),
        ana([...frozen, 'l1']),
      ),
    ).toBe(refused('changes', pid));
    expect(plainText(s.main)).toBe(before);
  });

  it('accepts new paragraphs before, between and after frozen ones, and an edit that splits nothing it keeps', () => {
    const s = setup();
    const block = (pid: string, text: string) => {
      const added = new Y.XmlElement('paragraph');
      added.setAttribute('pid', pid);
      added.insert(0, [new Y.XmlText(text)]);
      return added;
    };
    expect(
      s.judge(
        s.change((_d, t) => t.insert(1, [block('n1', 'Before')])),
        ana(frozen),
      ),
    ).toBe('ok');
    expect(
      s.judge(
        s.change((_d, t) => t.insert(3, [block('n2', 'Between')])),
        ana(frozen),
      ),
    ).toBe('ok');
    expect(
      s.judge(
        s.change((_d, t) => t.insert(6, [block('n3', 'After')])),
        ana(frozen),
      ),
    ).toBe('ok');
    // Typed into the middle of "Second" and taken back at once: Yjs splits the item, nothing else.
    const noop = s.change((d, t) =>
      d.transact(() => {
        textOf(t, 4).insert(3, 'x');
        textOf(t, 4).delete(3, 1);
      }),
    );
    expect(s.judge(noop, ana(frozen))).toBe('ok');
    // The frozen blocks kept across those accepted updates are still the ones judged against.
    expect(
      s.judge(
        s.change((_d, t) => replaced(t, 4)),
        ana(frozen),
      ),
    ).toBe(recreated('b3'));
    expect(s.judge(Y.encodeStateAsUpdate(s.main), ana(frozen))).toBe('ok');
    expect(plainText(s.main)).toBe(
      'Title\n\nBefore\n\nFirst\n\nBetween\n\nSecond open\n\nThird\n\nAfter\n\nItem',
    );
  });
});
