import * as Y from 'yjs';
import type { ProposalId } from '../../../shared';
import type { Logger } from '../../observability/logger';
import type { DocStore } from '../../store/types';
import type { DocFanout } from '../fanout';
import type { DocFolder } from './folder';
import { type DocOrigin, LOAD } from './origins';

/** What a document's persistence needs. */
export interface DocPersistenceDeps {
  store: DocStore;
  fanout: DocFanout;
  log: Logger;
  /** Fold the update log into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Does the folding in a worker thread (./folder.ts). */
  folder: DocFolder;
}

/**
 * One document's stored form: loading it, appending its updates, and folding its update log into a
 * snapshot (compaction).
 *
 * Compaction follows one rule whether the process is alone or one of several: **the snapshot is
 * folded from the store, never from memory, under the fanout's compaction lease.** Memory is not
 * safe to fold when other processes write the same document: it may lack updates they stored whose
 * stream entries have not arrived yet, and the snapshot would then drop them from the log for good.
 * What `loadDoc` returns is everything up to its `lastUpdateId` (read in one consistent read by both
 * stores), so a snapshot folded from it and stored with that id loses nothing. Both stores ignore a
 * snapshot older than the one they hold, so two folds that overlap anyway (a lease that expired
 * mid-fold) cannot bring back an older state; the lease only keeps two processes from doing the same
 * work. Alone, the lease is always granted (`LOCAL_FANOUT`) and the document's queue already runs one
 * compaction at a time. The fold (decoding the snapshot and the updates) runs in a worker thread
 * (./folder.ts): for a text near the size cap it takes a second or more, which on the main thread
 * every meeting of the process would wait out.
 */
export class DocPersistence {
  /** Updates stored since the last snapshot, as far as this process knows. */
  private sinceCompact = 0;

  constructor(
    private readonly docId: ProposalId,
    private readonly deps: DocPersistenceDeps,
  ) {}

  /**
   * Applies the stored snapshot and updates to `doc`. Everything stored was validated before it was
   * written, so it is applied directly. `empty`: the store had nothing at all (a new document).
   */
  async loadInto(doc: Y.Doc): Promise<{ empty: boolean }> {
    const { snapshot, updates } = await this.deps.store.loadDoc(this.docId);
    this.applyStored(doc, snapshot, updates, LOAD);
    this.sinceCompact = updates.length;
    return { empty: snapshot === null && updates.length === 0 };
  }

  /** Appends one update; resolves once it is stored, rejects if it is not. */
  async append(update: Uint8Array): Promise<void> {
    await this.deps.store.appendDocUpdate(this.docId, update);
    this.sinceCompact++;
  }

  /** Enough updates were stored since the last snapshot to fold them. */
  get compactionDue(): boolean {
    return this.sinceCompact >= this.deps.compactEvery;
  }

  /** Folds the update log into a snapshot, if anything was appended since the last one (class doc). */
  async compact(): Promise<void> {
    if (this.sinceCompact === 0) return;
    await this.deps.fanout.withCompactionLease(this.docId, async () => {
      const { snapshot, updates, lastUpdateId } = await this.deps.store.loadDoc(this.docId);
      if (updates.length === 0) return;
      const folded = await this.deps.folder.fold(snapshot ? [snapshot, ...updates] : updates);
      if (folded.skipped > 0) {
        this.deps.log.error(
          { doc: this.docId, skipped: folded.skipped },
          'stored document updates do not apply; left out of the snapshot',
        );
      }
      await this.deps.store.compactDoc(this.docId, folded.update, lastUpdateId);
    });
    // Also when another process held the lease: it is folding the same log.
    this.sinceCompact = 0;
  }

  private applyStored(doc: Y.Doc, snapshot: Uint8Array | null, updates: Uint8Array[], origin: DocOrigin) {
    for (const update of snapshot ? [snapshot, ...updates] : updates) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch (error) {
        this.deps.log.error(
          { err: error, doc: this.docId },
          'stored document update does not apply; skipped',
        );
      }
    }
  }
}
