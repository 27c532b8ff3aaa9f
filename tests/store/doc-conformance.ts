import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, DocVersionMeta } from '../../server/store/types';
import { asId, type ParticipantId, type ProposalId } from '../../shared';

const proposalIdOf = asId<ProposalId>;

/**
 * What a store factory gives the suite, for one test:
 * - `store`: an open store over fresh, empty data;
 * - `reopen` (optional; the tests that need it are skipped without it): closes the current store (a
 *   DocStore has no `close` of its own) and opens a new one over the same data;
 * - `cleanup`: closes every store it opened that is still open and removes the data.
 */
export interface DocStoreUnderTest {
  store: DocStore;
  reopen?: () => Promise<DocStore>;
  cleanup: () => Promise<void>;
}

const T0 = Date.UTC(2025, 6, 14, 11, 0, 0);

/** Bytes that depend on `n`, including 0x00 and 0xff, so mix-ups and lossy encodings show. */
const bytes = (n: number, length = 8): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (i === 0 ? 0 : i === 1 ? 0xff : (n * 31 + i) & 0xff));

/** Hex, so byte mismatches read well and a Buffer compares equal to a plain Uint8Array. */
const hex = (u: Uint8Array | null): string | null => (u ? Buffer.from(u).toString('hex') : null);
const hexes = (us: Uint8Array[]): Array<string | null> => us.map(hex);

const version = (id: string, createdAt: number, createdBy: string | null = 'p_1'): DocVersionMeta => ({
  id,
  name: `Version ${id}`,
  createdBy: createdBy === null ? null : asId<ParticipantId>(createdBy),
  createdAt,
});

/**
 * The DocStore contract (server/store/types.ts), for every implementation: SqliteStore runs it in
 * tests/store/sqlite.test.ts; a RedisStore must pass it too. Nothing here knows about a backend.
 */
export function describeDocStoreConformance(name: string, open: () => Promise<DocStoreUnderTest>): void {
  describe(`DocStore conformance: ${name}`, () => {
    let sut: DocStoreUnderTest;
    let store: DocStore;

    beforeEach(async () => {
      sut = await open();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    /** Reopens the store, or skips the test when the factory cannot. */
    async function reopen(ctx: TestContext): Promise<DocStore> {
      if (!sut.reopen) ctx.skip('this store cannot be reopened');
      store = await sut.reopen!();
      return store;
    }

    /** Appends `count` updates made by `bytes(from…)`; returns their ids. */
    async function appendMany(docId: ProposalId, from: number, count: number): Promise<number[]> {
      const ids: number[] = [];
      for (let n = from; n < from + count; n++) ids.push(await store.appendDocUpdate(docId, bytes(n)));
      return ids;
    }

    const increasing = (ids: number[]) => ids.every((id, i) => i === 0 || id > ids[i - 1]!);

    it('loads a document never written as empty, with no versions', async () => {
      expect(await store.loadDoc(proposalIdOf('d_a'))).toEqual({
        snapshot: null,
        updates: [],
        lastUpdateId: 0,
      });
      expect(await store.listVersions(proposalIdOf('d_a'))).toEqual([]);
      expect(await store.loadVersion(proposalIdOf('d_a'), 'v_0')).toBeNull();
    });

    it('gives appended updates increasing positive ids and loads them in order, byte for byte', async () => {
      const ids = await appendMany(proposalIdOf('d_a'), 1, 5);
      expect(ids[0]).toBeGreaterThan(0);
      expect(increasing(ids)).toBe(true);
      const loaded = await store.loadDoc(proposalIdOf('d_a'));
      expect(loaded.snapshot).toBeNull();
      expect(hexes(loaded.updates)).toEqual([1, 2, 3, 4, 5].map((n) => hex(bytes(n))));
      expect(loaded.lastUpdateId).toBe(ids.at(-1));
    });

    it('keeps large, empty-looking and view-backed updates intact', async () => {
      const large = bytes(7, 300_000);
      const zeros = new Uint8Array(16);
      // A view into a larger buffer: only its own bytes are stored.
      const view = new Uint8Array([9, 9, 1, 2, 3, 9]).subarray(2, 5);
      for (const u of [large, zeros, view]) await store.appendDocUpdate(proposalIdOf('d_a'), u);
      expect(hexes((await store.loadDoc(proposalIdOf('d_a'))).updates)).toEqual([
        hex(large),
        hex(zeros),
        '010203',
      ]);
    });

    it('keeps the updates of different documents apart', async () => {
      const a1 = await store.appendDocUpdate(proposalIdOf('d_a'), bytes(1));
      const b1 = await store.appendDocUpdate(proposalIdOf('d_b'), bytes(101));
      const a2 = await store.appendDocUpdate(proposalIdOf('d_a'), bytes(2));
      const b2 = await store.appendDocUpdate(proposalIdOf('d_b'), bytes(102));
      expect(a2).toBeGreaterThan(a1);
      expect(b2).toBeGreaterThan(b1);
      expect(await store.loadDoc(proposalIdOf('d_a'))).toMatchObject({ lastUpdateId: a2 });
      expect(hexes((await store.loadDoc(proposalIdOf('d_a'))).updates)).toEqual([
        hex(bytes(1)),
        hex(bytes(2)),
      ]);
      expect(hexes((await store.loadDoc(proposalIdOf('d_b'))).updates)).toEqual([
        hex(bytes(101)),
        hex(bytes(102)),
      ]);
      await store.compactDoc(proposalIdOf('d_a'), bytes(999), a2);
      expect((await store.loadDoc(proposalIdOf('d_b'))).snapshot).toBeNull();
      expect((await store.loadDoc(proposalIdOf('d_b'))).updates).toHaveLength(2);
    });

    describe('compaction', () => {
      it('replaces the folded updates with the snapshot and keeps the later ones', async () => {
        const ids = await appendMany(proposalIdOf('d_a'), 1, 6);
        // The snapshot was taken at update 3; updates 4–6 arrived while it was being encoded.
        await store.compactDoc(proposalIdOf('d_a'), bytes(1003), ids[2]!);
        const loaded = await store.loadDoc(proposalIdOf('d_a'));
        expect(hex(loaded.snapshot)).toBe(hex(bytes(1003)));
        expect(hexes(loaded.updates)).toEqual([4, 5, 6].map((n) => hex(bytes(n))));
        expect(loaded.lastUpdateId).toBe(ids[5]);
      });

      it('folds everything when upToId is the last id, and loads the same after a second compaction', async () => {
        const ids = await appendMany(proposalIdOf('d_a'), 1, 3);
        await store.compactDoc(proposalIdOf('d_a'), bytes(1003), ids[2]!);
        expect(await store.loadDoc(proposalIdOf('d_a'))).toMatchObject({ updates: [], lastUpdateId: ids[2] });
        const more = await appendMany(proposalIdOf('d_a'), 4, 2);
        await store.compactDoc(proposalIdOf('d_a'), bytes(1005), more[1]!);
        const loaded = await store.loadDoc(proposalIdOf('d_a'));
        expect(hex(loaded.snapshot)).toBe(hex(bytes(1005)));
        expect(loaded).toMatchObject({ updates: [], lastUpdateId: more[1] });
      });

      it('ignores a compaction older than the stored snapshot (does not go backwards)', async () => {
        const ids = await appendMany(proposalIdOf('d_a'), 1, 6);
        await store.compactDoc(proposalIdOf('d_a'), bytes(1004), ids[3]!);
        // A slow compaction up to update 2 finishes last.
        await store.compactDoc(proposalIdOf('d_a'), bytes(1002), ids[1]!);
        const loaded = await store.loadDoc(proposalIdOf('d_a'));
        expect(hex(loaded.snapshot)).toBe(hex(bytes(1004)));
        expect(hexes(loaded.updates)).toEqual([5, 6].map((n) => hex(bytes(n))));
        expect(loaded.lastUpdateId).toBe(ids[5]);
      });

      it('never reuses an id, even when every update was folded into the snapshot', async () => {
        const ids = await appendMany(proposalIdOf('d_a'), 1, 3);
        await store.compactDoc(proposalIdOf('d_a'), bytes(1003), ids[2]!);
        const next = await store.appendDocUpdate(proposalIdOf('d_a'), bytes(4));
        expect(next).toBeGreaterThan(ids[2]!);
        const loaded = await store.loadDoc(proposalIdOf('d_a'));
        expect(hexes(loaded.updates)).toEqual([hex(bytes(4))]);
        expect(loaded.lastUpdateId).toBe(next);
      });
    });

    it('keeps snapshot, updates, versions and the id sequence across reopen', async (ctx) => {
      const ids = await appendMany(proposalIdOf('d_a'), 1, 4);
      await store.compactDoc(proposalIdOf('d_a'), bytes(1004), ids[3]!);
      const later = await appendMany(proposalIdOf('d_a'), 5, 2);
      await store.saveVersion(proposalIdOf('d_a'), version('v_1', T0), bytes(2001));
      const before = await store.loadDoc(proposalIdOf('d_a'));

      const again = await reopen(ctx);
      const after = await again.loadDoc(proposalIdOf('d_a'));
      expect(hex(after.snapshot)).toBe(hex(before.snapshot));
      expect(hexes(after.updates)).toEqual(hexes(before.updates));
      expect(after.lastUpdateId).toBe(later[1]);
      expect(await again.listVersions(proposalIdOf('d_a'))).toEqual([version('v_1', T0)]);
      expect(hex(await again.loadVersion(proposalIdOf('d_a'), 'v_1'))).toBe(hex(bytes(2001)));
      expect(await again.appendDocUpdate(proposalIdOf('d_a'), bytes(7))).toBeGreaterThan(later[1]!);
    });

    it('continues ids after reopen when the snapshot holds every update', async (ctx) => {
      const ids = await appendMany(proposalIdOf('d_a'), 1, 3);
      await store.compactDoc(proposalIdOf('d_a'), bytes(1003), ids[2]!);
      const again = await reopen(ctx);
      expect(await again.appendDocUpdate(proposalIdOf('d_a'), bytes(4))).toBeGreaterThan(ids[2]!);
    });

    describe('versions', () => {
      it('saves, lists oldest first and loads versions', async () => {
        await store.saveVersion(proposalIdOf('d_a'), version('v_0', T0, null), bytes(2000));
        await store.saveVersion(proposalIdOf('d_a'), version('v_2', T0 + 2000), bytes(2002));
        // Saved after v_2 but made earlier: the list goes by createdAt.
        await store.saveVersion(proposalIdOf('d_a'), version('v_1', T0 + 1000, 'p_2'), bytes(2001));
        expect(await store.listVersions(proposalIdOf('d_a'))).toEqual([
          version('v_0', T0, null),
          version('v_1', T0 + 1000, 'p_2'),
          version('v_2', T0 + 2000),
        ]);
        expect(hex(await store.loadVersion(proposalIdOf('d_a'), 'v_0'))).toBe(hex(bytes(2000)));
        expect(hex(await store.loadVersion(proposalIdOf('d_a'), 'v_1'))).toBe(hex(bytes(2001)));
        expect(hex(await store.loadVersion(proposalIdOf('d_a'), 'v_2'))).toBe(hex(bytes(2002)));
      });

      it('lists versions made at the same time in the order they were saved', async () => {
        for (const id of ['v_c', 'v_a', 'v_b'])
          await store.saveVersion(proposalIdOf('d_a'), version(id, T0), bytes(1));
        expect((await store.listVersions(proposalIdOf('d_a'))).map((v) => v.id)).toEqual([
          'v_c',
          'v_a',
          'v_b',
        ]);
      });

      it('returns null for an unknown version, and for a version of another document', async () => {
        await store.saveVersion(proposalIdOf('d_a'), version('v_1', T0), bytes(2001));
        expect(await store.loadVersion(proposalIdOf('d_a'), 'v_unknown')).toBeNull();
        expect(await store.loadVersion(proposalIdOf('d_b'), 'v_1')).toBeNull();
        expect(await store.listVersions(proposalIdOf('d_b'))).toEqual([]);
      });

      it('rejects a version id saved twice and keeps the first', async () => {
        await store.saveVersion(proposalIdOf('d_a'), version('v_1', T0), bytes(2001));
        await expect(
          store.saveVersion(proposalIdOf('d_a'), { ...version('v_1', T0 + 5), name: 'again' }, bytes(2002)),
        ).rejects.toThrow();
        expect(await store.listVersions(proposalIdOf('d_a'))).toEqual([version('v_1', T0)]);
        expect(hex(await store.loadVersion(proposalIdOf('d_a'), 'v_1'))).toBe(hex(bytes(2001)));
      });

      it('are untouched by appends and compaction', async () => {
        await store.saveVersion(proposalIdOf('d_a'), version('v_1', T0), bytes(2001));
        const ids = await appendMany(proposalIdOf('d_a'), 1, 3);
        await store.compactDoc(proposalIdOf('d_a'), bytes(1003), ids[2]!);
        expect(await store.listVersions(proposalIdOf('d_a'))).toEqual([version('v_1', T0)]);
        expect(hex(await store.loadVersion(proposalIdOf('d_a'), 'v_1'))).toBe(hex(bytes(2001)));
      });
    });

    it('round-trips a real Yjs document through updates, compaction and versions', async (ctx) => {
      const doc = new Y.Doc();
      const text = doc.getText('body');
      // Stored one after the other, as the collab server does per document.
      let chain: Promise<number> = Promise.resolve(0);
      doc.on('update', (update: Uint8Array) => {
        chain = chain.then(() => store.appendDocUpdate(proposalIdOf('p_1'), update));
      });
      const restore = (loaded: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string => {
        const fresh = new Y.Doc();
        if (loaded.snapshot) Y.applyUpdate(fresh, loaded.snapshot);
        for (const u of loaded.updates) Y.applyUpdate(fresh, u);
        return fresh.getText('body').toString();
      };

      text.insert(0, 'The Conference resolves');
      text.insert(text.length, ' to instruct the Director');
      text.delete(4, 19);
      text.insert(4, 'Assembly « WTDC-25 » ✓');
      const upTo = await chain;
      const state = Y.encodeStateAsUpdate(doc);
      await store.saveVersion(proposalIdOf('p_1'), version('v_1', T0), state);
      const atVersion = text.toString();
      // Edits stored while the snapshot is on its way: they must survive the compaction.
      text.insert(text.length, ' of BDT');
      doc.transact(() => {
        text.delete(0, 4);
        text.insert(0, '[The ');
        text.insert(text.length, ']');
      });
      await chain;
      await store.compactDoc(proposalIdOf('p_1'), state, upTo);
      text.insert(text.length, '.');
      const last = await chain;

      const loaded = await store.loadDoc(proposalIdOf('p_1'));
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(3);
      expect(loaded.lastUpdateId).toBe(last);
      expect(restore(loaded)).toBe(text.toString());
      expect(text.toString()).toBe('[The Assembly « WTDC-25 » ✓ to instruct the Director of BDT].');

      const fromVersion = new Y.Doc();
      Y.applyUpdate(fromVersion, (await store.loadVersion(proposalIdOf('p_1'), 'v_1'))!);
      expect(fromVersion.getText('body').toString()).toBe(atVersion);

      if (sut.reopen)
        expect(restore(await (await reopen(ctx)).loadDoc(proposalIdOf('p_1')))).toBe(text.toString());
    });
  });
}
