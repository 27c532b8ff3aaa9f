import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EDIT_LIMITS } from '../../../shared/collab/edits';
import { docParagraphs } from '../../../shared/collab/schema';
import { attributionOf } from './attribution';
import { registerAuthor } from './authors';
import { compareBlocks } from './compare';
import { editsOf, recordEdits } from './editLog';
import { blockText, seeded, sync } from './testDocs';

const BASE = 'to instruct the Director of BDT';

/** Two delegations editing one text, each recording its own edits at a clock the test sets. */
function twoEditors() {
  const server = seeded(BASE, 1);
  const make = (clientID: number, participantId: string, name: string, delegation: string) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    sync(server, doc);
    registerAuthor(doc, { participantId, name, delegation });
    const clock = { now: 0 };
    const recorder = recordEdits(doc, { now: () => clock.now, flushAfterMs: 10_000 });
    return { doc, clock, recorder };
  };
  return {
    base: server,
    kenya: make(20, 'p_k', 'Amina Diallo', 'Kenya'),
    brazil: make(30, 'p_b', 'Ana Souza', 'Brazil'),
  };
}

/** Lets the recorder's deferred writes run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('crediting insertions and deletions (the edit log)', () => {
  it('credits each insertion to its writer at the time of the edit, and each deletion to its deleter', async () => {
    const { base, kenya, brazil } = twoEditors();
    kenya.clock.now = Date.UTC(2026, 0, 5, 9, 30);
    blockText(kenya.doc, 0).insert(2, ' urgently');
    await settle();
    brazil.clock.now = Date.UTC(2026, 0, 5, 10, 15);
    const text = blockText(brazil.doc, 0);
    text.delete(text.toString().indexOf(' of BDT'), ' of BDT'.length);
    await settle();
    brazil.recorder.flush();
    sync(kenya.doc, brazil.doc);
    sync(brazil.doc, kenya.doc);

    const blocks = compareBlocks(
      docParagraphs(base),
      docParagraphs(kenya.doc),
      attributionOf(kenya.doc, base),
    );
    const changes = blocks[0]!.segments.filter((s) => s.change !== 'same');
    expect(changes).toEqual([
      { text: 'urgently ', change: 'ins', writer: 20, at: Date.UTC(2026, 0, 5, 9, 30) },
      { text: ' of BDT', change: 'del', writer: 30, at: Date.UTC(2026, 0, 5, 10, 15) },
    ]);
  });

  it('leaves what the log does not cover uncredited rather than guessing', () => {
    const base = seeded(BASE, 1);
    const current = seeded(BASE.replace('instruct', 'request'), 2);
    const blocks = compareBlocks(docParagraphs(base), docParagraphs(current), attributionOf(current, base));
    const changes = blocks[0]!.segments.filter((s) => s.change !== 'same');
    expect(changes.find((s) => s.change === 'del')).toEqual({ text: 'instruct', change: 'del' });
    expect(changes.find((s) => s.change === 'ins')).toEqual({ text: 'request', change: 'ins', writer: 2 });
  });

  it('writes one insertion mark a minute, and batches deletions into one mark', async () => {
    const doc = seeded(BASE, 5);
    const clock = { now: 1000 };
    const recorder = recordEdits(doc, { now: () => clock.now, flushAfterMs: 10_000 });
    const text = blockText(doc, 0);
    text.insert(0, 'a');
    await settle();
    clock.now += 30_000;
    text.insert(0, 'b');
    await settle();
    clock.now += 31_000;
    text.insert(0, 'c');
    await settle();
    text.delete(0, 1);
    await settle();
    text.delete(0, 1);
    await settle();
    expect([...editsOf(doc).values()]).toHaveLength(2);
    recorder.stop({ flush: true });
    const marks = [...editsOf(doc).values()];
    expect(marks.filter((m) => 'from' in m).map((m) => m.at)).toEqual([1000, 62_000]);
    const deletions = marks.filter((m) => 'ranges' in m);
    expect(deletions).toHaveLength(1);
    expect((deletions[0] as { ranges: number[] }).ranges.length).toBe(6);
    // Stopped: nothing more is recorded; stopping for a lock drops what was pending.
    text.insert(0, 'd');
    await settle();
    expect([...editsOf(doc).values()]).toHaveLength(3);
  });

  it('splits a deletion larger than one mark may hold into several marks', async () => {
    const doc = seeded('x', 6);
    const text = blockText(doc, 0);
    // Something else written between the characters: their clocks are apart, one range each.
    for (let i = 0; i < 2500; i++) {
      text.insert(text.length, 'a');
      doc.getMap('elsewhere').set('k', i);
    }
    const recorder = recordEdits(doc, { flushAfterMs: 10_000 });
    text.delete(0, text.length);
    await settle();
    recorder.flush();
    const deletions = [...editsOf(doc).values()].filter((m) => 'ranges' in m) as Array<{ ranges: number[] }>;
    expect(deletions.length).toBeGreaterThan(1);
    for (const d of deletions) expect(d.ranges.length).toBeLessThanOrEqual(EDIT_LIMITS.rangeNumbers);
  });
});
