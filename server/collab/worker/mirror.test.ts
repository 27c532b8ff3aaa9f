import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_LIMITS, writerName } from '../../../shared/collab/limits';
import { DOC_FIELDS } from '../../../shared/collab/schema';
import { deleteSetBomb, longestItem } from '../../../tests/abuse/attacks/deleteSetBomb';
import { pendingUpdate } from '../../../tests/abuse/attacks/pendingFlood';
import { subdocBomb } from '../../../tests/support/collab';
import type { Writer } from '../validate';
import { Mirror } from './mirror.mjs';

const writer = (id: string, moderates = false): Writer => ({
  participantId: id,
  name: id,
  delegation: 'D',
  displayName: writerName({ name: id, delegation: 'D' }),
  moderates,
});
const ana = writer('ana');
const luc = writer('luc');
const chair = writer('chair', true);

/** A client document whose changes are judged by a mirror, as if sent to the server. */
function setup(limits = COLLAB_LIMITS) {
  // The main thread's document: takes what the mirror accepted; a broken mirror is reloaded from it.
  const main = new Y.Doc();
  const box = { mirror: new Mirror(Y.encodeStateAsUpdate(main), limits) };
  /** Runs `change` on a fresh client synced with the mirror; returns its update. */
  const change = (change: (doc: Y.Doc) => void, clientID?: number) => {
    const doc = new Y.Doc();
    if (clientID) doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(main));
    const sv = Y.encodeStateVector(doc);
    change(doc);
    return Y.encodeStateAsUpdate(doc, sv);
  };
  const judge = (update: Uint8Array, as: Writer) => {
    try {
      box.mirror.judge(update, as);
      Y.applyUpdate(main, update);
      return 'ok';
    } catch (error) {
      if (box.mirror.broken) box.mirror = new Mirror(Y.encodeStateAsUpdate(main), limits);
      return `${(error as { kind?: string }).kind}: ${(error as Error).message}`;
    }
  };
  return {
    get mirror() {
      return box.mirror;
    },
    main,
    change,
    judge,
  };
}

const comment = (doc: Y.Doc, as: Writer, text = 'Why?') => {
  const map = new Y.Map<unknown>();
  const record = {
    id: `c${Math.random()}`,
    from: null,
    to: null,
    quote: 'q',
    authorId: as.participantId,
    authorName: as.displayName,
    text,
    createdAt: 1,
    resolved: false,
  };
  for (const [k, v] of Object.entries(record)) map.set(k, v);
  map.set('replies', new Y.Array());
  doc.getArray(DOC_FIELDS.comments).push([map]);
};
const first = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DOC_FIELDS.comments).get(0);

describe('Mirror: updates judged on the live document', () => {
  it('accepts ordinary edits and keeps in step with tracked ones', () => {
    const s = setup();
    const { mirror, change, judge } = s;
    expect(
      judge(
        change((d) => d.getXmlFragment(DOC_FIELDS.text).insert(0, [new Y.XmlText('hi')])),
        ana,
      ),
    ).toBe('ok');
    const remote = change((d) => d.getText('t').insert(0, 'from elsewhere'));
    mirror.track(remote);
    Y.applyUpdate(s.main, remote);
    expect(mirror.doc.getText('t').toString()).toBe('from elsewhere');
    expect(mirror.broken).toBe(false);
  });

  it('refuses unsorted delete sets before applying them, and bounds sorted ones by the live content', () => {
    const s = setup({ ...COLLAB_LIMITS, maxDeleteRangesPerUpdate: 1000 });
    const { change, judge } = s;
    let client = 0;
    judge(
      change((d) => {
        client = d.clientID;
        d.getText('t').insert(0, 'a'.repeat(10_000));
      }),
      ana,
    );
    const item = longestItem(s.main, client);
    expect(judge(deleteSetBomb(client, item.clock, 2000), luc)).toBe(
      'invalid: delete set ranges are not sorted',
    );
    expect(s.mirror.broken).toBe(false); // refused before it touched the copy
    // The same deletions in order: linear in Yjs, but over the limit of live ranges per update.
    const sorted = change((d) => {
      d.transact(() => {
        for (let i = 1999; i >= 0; i--) d.getText('t').delete(2 * i, 1);
      });
    });
    expect(judge(sorted, luc)).toMatch(/^limit: 2000 deletions/);
    // A delete set of content long deleted costs nothing and is not counted (a sync step 2 has it all).
    expect(
      judge(
        change((d) => d.getText('t').delete(0, 10_000)),
        luc,
      ),
    ).toBe('ok');
    expect(judge(Y.encodeStateAsUpdate(s.main), luc)).toBe('ok');
  });

  it('refuses what would stay pending before applying it: the copy stays in step', () => {
    const s = setup();
    const before = s.mirror;
    // Deletions of clocks the document lacks.
    expect(s.judge(pendingUpdate(10), ana)).toBe(
      'invalid: deletes what the document does not have (would stay pending)',
    );
    // Structs after a gap, and items pointing to an id the document lacks.
    const client = new Y.Doc();
    const text = client.getText('t');
    text.insert(0, 'a');
    const sv = Y.encodeStateVector(client);
    text.insert(1, 'b');
    const gap = Y.encodeStateAsUpdate(client, sv);
    expect(s.judge(gap, ana)).toBe('invalid: starts after what the document has (would stay pending)');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    other.getText('t').insert(2, 'c'); // its origin is "b", which the server never got
    const dangling = Y.encodeStateAsUpdate(other, Y.encodeStateVector(client));
    expect(s.judge(dangling, luc)).toBe(
      'invalid: refers to changes the document does not have (would stay pending)',
    );
    expect(s.mirror).toBe(before);
    expect(before.broken).toBe(false);
    expect(before.doc.store.pendingStructs).toBeNull();
    expect(before.doc.store.pendingDs).toBeNull();
    // What is missing, then the rest: both accepted.
    expect(s.judge(Y.encodeStateAsUpdate(client), ana)).toBe('ok');
    expect(s.judge(dangling, luc)).toBe('ok');
    expect(before.doc.getText('t').toString()).toBe('abc');
  });

  it('refuses subdocuments and lying counts in the scan, before Yjs decodes anything', () => {
    const { judge } = setup();
    const started = performance.now();
    expect(judge(subdocBomb(140_000), ana)).toBe('invalid: subdocuments are not allowed');
    expect(performance.now() - started).toBeLessThan(500);
    expect(judge(new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0]), ana)).toMatch(
      /^invalid: structs: count/,
    );
  });

  it('bounds the document size and the cost of one update', () => {
    const small = setup({ ...COLLAB_LIMITS, maxDocBytes: 50_000 });
    expect(
      small.judge(
        small.change((d) => d.getText('t').insert(0, 'x'.repeat(30_000))),
        ana,
      ),
    ).toBe('ok');
    expect(
      small.judge(
        small.change((d) => d.getText('t').insert(0, 'y'.repeat(30_000))),
        ana,
      ),
    ).toMatch(/^limit: document would be/);
    const strict = setup({ ...COLLAB_LIMITS, costBudgetMs: -1 });
    expect(
      strict.judge(
        strict.change((d) => d.getText('t').insert(0, 'x')),
        ana,
      ),
    ).toMatch(/^limit: took/);
  });

  it('lets a participant write comments and replies only as itself; others may resolve, not rewrite', () => {
    const { change, judge } = setup();
    expect(
      judge(
        change((d) => comment(d, luc)),
        ana,
      ),
    ).toBe('invalid: a comment in the name of someone else');
    expect(
      judge(
        change((d) => comment(d, ana)),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => first(d).set('text', 'forged')),
        luc,
      ),
    ).toBe('invalid: changes the text of a comment');
    expect(
      judge(
        change((d) => first(d).set('authorName', 'Luc')),
        ana,
      ),
    ).toMatch(/changes the authorName/);
    expect(
      judge(
        change((d) => first(d).set('resolved', true)),
        luc,
      ),
    ).toBe('ok');
    const reply =
      (as: Writer, text = 'Because.') =>
      (d: Y.Doc) =>
        (first(d).get('replies') as Y.Array<unknown>).push([
          {
            id: `r${Math.random()}`,
            authorId: as.participantId,
            authorName: as.displayName,
            text,
            createdAt: 2,
          },
        ]);
    expect(judge(change(reply(luc)), luc)).toBe('ok');
    expect(judge(change(reply(ana)), luc)).toBe('invalid: a reply in the name of someone else');
    expect(
      judge(
        change((d) => (first(d).get('replies') as Y.Array<unknown>).delete(0, 1)),
        ana,
      ),
    ).toBe("invalid: deletes another participant's reply");
    expect(
      judge(
        change((d) => d.getArray(DOC_FIELDS.comments).delete(0, 1)),
        luc,
      ),
    ).toBe("invalid: deletes another participant's comment");
    expect(
      judge(
        change((d) => d.getArray(DOC_FIELDS.comments).delete(0, 1)),
        chair,
      ),
    ).toBe('ok');
  });

  it('enforces the comment quotas as limits', () => {
    const { change, judge } = setup({ ...COLLAB_LIMITS, commentsPerParticipant: 2, commentChars: 10 });
    expect(
      judge(
        change((d) => comment(d, ana, 'x'.repeat(11))),
        ana,
      ),
    ).toBe('limit: comment over 10 characters');
    expect(
      judge(
        change((d) =>
          d.transact(() => {
            comment(d, ana);
            comment(d, ana);
          }),
        ),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => comment(d, ana)),
        ana,
      ),
    ).toMatch(/^limit: over 2 comments by one participant/);
    expect(
      judge(
        change((d) => comment(d, luc)),
        luc,
      ),
    ).toBe('ok');
  });

  it('keeps the bracket log append-only and in its writers own names', () => {
    const { change, judge } = setup();
    const log = (d: Y.Doc) => d.getArray<Record<string, unknown>>(DOC_FIELDS.bracketLog);
    const entry = (as: Writer) => ({ by: as.participantId, byName: as.displayName, at: 3, text: '[agreed]' });
    expect(
      judge(
        change((d) => log(d).push([entry(ana)])),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => log(d).push([entry(ana)])),
        luc,
      ),
    ).toBe('invalid: a bracket log entry in the name of someone else');
    expect(
      judge(
        change((d) => log(d).delete(0, 1)),
        ana,
      ),
    ).toBe('invalid: changes or deletes a bracket log entry');
    expect(
      judge(
        change((d) => log(d).push([entry(luc)])),
        luc,
      ),
    ).toBe('ok');
  });

  it("owns each Yjs client id by its first writer: authors entries only for one's own, naming oneself", () => {
    const s = setup();
    const { change, judge } = s;
    const self = (as: Writer) => ({
      participantId: as.participantId,
      name: as.name,
      delegation: as.delegation,
    });
    const authors = (d: Y.Doc) => d.getMap(DOC_FIELDS.authors);
    expect(
      judge(
        change((d) => authors(d).set(String(d.clientID), { ...self(ana), color: '#123456' }), 101),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => authors(d).set(String(d.clientID), self(ana)), 202),
        luc,
      ),
    ).toBe('invalid: an author entry naming someone else');
    expect(
      judge(
        change((d) => authors(d).set('101', self(luc)), 203),
        luc,
      ),
    ).toBe("invalid: sets the author of another participant's Yjs client");
    // A sync step 2 that repeats everyone's structs is fine, and gives nobody others' ids.
    expect(judge(Y.encodeStateAsUpdate(s.main), luc)).toBe('ok');
    // Ownership survives a reload of the copy (taken from the authors map).
    const reloaded = new Mirror(Y.encodeStateAsUpdate(s.main), COLLAB_LIMITS);
    expect(() =>
      reloaded.judge(
        change((d) => d.getMap(DOC_FIELDS.authors).set('101', self(luc)), 204),
        luc,
      ),
    ).toThrow(/another participant's Yjs client/);
  });
  it("takes edit log entries only in the writer's own name, never changed, never in the future", () => {
    const s = setup();
    const { change, judge } = s;
    const edits = (d: Y.Doc) => d.getMap('edits');
    const now = Date.now();
    expect(
      judge(
        change((d) => {
          d.getXmlFragment(DOC_FIELDS.text).insert(0, [new Y.XmlText('hi')]);
          // Ownership of a client id outlives a reload of the copy through its authors entry.
          d.getMap(DOC_FIELDS.authors).set(String(d.clientID), {
            participantId: 'ana',
            name: 'ana',
            delegation: 'D',
          });
          edits(d).set(`${d.clientID}:0`, { at: now, from: 0 });
        }, 301),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => edits(d).set('301:1', { at: now, ranges: [301, 0, 1] }), 301),
        ana,
      ),
    ).toBe('ok');
    expect(
      judge(
        change((d) => edits(d).set('301:2', { at: now, ranges: [301, 0, 1] }), 302),
        luc,
      ),
    ).toBe("invalid: an edit log entry for another participant's Yjs client");
    expect(
      judge(
        change((d) => edits(d).set('301:0', { at: 1, from: 0 }), 301),
        ana,
      ),
    ).toBe('invalid: changes an edit log entry');
    expect(
      judge(
        change((d) => edits(d).delete('301:0'), 301),
        ana,
      ),
    ).toBe('invalid: deletes an edit log entry');
    expect(
      judge(
        change((d) => edits(d).set('301:3', { at: now + 3_600_000, from: 2 }), 301),
        ana,
      ),
    ).toBe('invalid: an edit log entry dated in the future');
    expect(
      judge(
        change((d) => edits(d).set('301:4', { at: now, ranges: [1, 2] }), 301),
        ana,
      ),
    ).toBe('invalid: deletion ranges that are not triples');
    expect(
      judge(
        change((d) => edits(d).set('301:5', { at: now, by: 'luc' }), 301),
        ana,
      ),
    ).toBe('invalid: an edit log entry with the fields at,by');
    // A deleter that never inserted: its first entry is its first struct, so the client is its own.
    expect(
      judge(
        change((d) => edits(d).set(`${d.clientID}:0`, { at: now, ranges: [301, 1, 1] }), 303),
        luc,
      ),
    ).toBe('ok');
  });
});
