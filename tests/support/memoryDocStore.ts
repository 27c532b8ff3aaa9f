import type { DocStore, DocVersionMeta } from '../../server/store/types';

/**
 * An in-memory DocStore for unit tests of server/collab: same contract as the SQLite one (ids increase
 * per document and are never reused, compaction drops updates up to an id), no durability.
 * `failAppends` makes the next appends reject, to test what the collab server does when a write fails.
 */
export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<
    string,
    { snapshot: Uint8Array | null; upTo: number; updates: Array<{ id: number; body: Uint8Array }> }
  >();
  private readonly versions = new Map<string, Array<{ meta: DocVersionMeta; state: Uint8Array }>>();
  failAppends = false;
  /** Every call, for assertions on order (e.g. append before relay). */
  readonly calls: string[] = [];

  private entry(docId: string) {
    let doc = this.docs.get(docId);
    if (!doc) {
      doc = { snapshot: null, upTo: 0, updates: [] };
      this.docs.set(docId, doc);
    }
    return doc;
  }

  async appendDocUpdate(docId: string, update: Uint8Array): Promise<number> {
    this.calls.push(`append ${docId}`);
    if (this.failAppends) throw new Error('append failed (test)');
    const doc = this.entry(docId);
    const id = Math.max(doc.upTo, doc.updates.at(-1)?.id ?? 0) + 1;
    doc.updates.push({ id, body: update.slice() });
    return id;
  }

  async loadDoc(docId: string) {
    this.calls.push(`load ${docId}`);
    const doc = this.entry(docId);
    return {
      snapshot: doc.snapshot,
      updates: doc.updates.map((u) => u.body),
      lastUpdateId: Math.max(doc.upTo, doc.updates.at(-1)?.id ?? 0),
    };
  }

  async compactDoc(docId: string, state: Uint8Array, upToId: number): Promise<void> {
    this.calls.push(`compact ${docId}`);
    const doc = this.entry(docId);
    doc.snapshot = state.slice();
    doc.upTo = Math.max(doc.upTo, upToId);
    doc.updates = doc.updates.filter((u) => u.id > upToId);
  }

  async saveVersion(docId: string, meta: DocVersionMeta, state: Uint8Array): Promise<void> {
    const list = this.versions.get(docId) ?? [];
    if (list.some((v) => v.meta.id === meta.id)) throw new Error(`version ${meta.id} exists`);
    list.push({ meta: { ...meta }, state: state.slice() });
    this.versions.set(docId, list);
  }

  async listVersions(docId: string): Promise<DocVersionMeta[]> {
    return (this.versions.get(docId) ?? []).map((v) => ({ ...v.meta }));
  }

  async loadVersion(docId: string, versionId: string): Promise<Uint8Array | null> {
    return this.versions.get(docId)?.find((v) => v.meta.id === versionId)?.state ?? null;
  }

  /** Number of stored updates not yet folded into the snapshot. */
  logLength(docId: string): number {
    return this.docs.get(docId)?.updates.length ?? 0;
  }
}
