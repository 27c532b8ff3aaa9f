import type { ProposalId, Revision } from '../../../shared';
import type { Logger } from '../../observability/logger';
import type { DocStore, DocVersionMeta } from '../../store/types';

/**
 * The version that holds a revision's text (docs/collab.md, "Paragraphs"): its fixed id
 * (`revision.versionId`), named `Rev.N` (the last part of its symbol), by its publisher, dated
 * when it was published.
 */
export function revisionVersion(revision: Revision): DocVersionMeta {
  return {
    id: revision.versionId,
    name: revision.symbol.split('/').at(-1) || revision.symbol,
    createdBy: revision.publishedBy,
    createdAt: revision.publishedAt,
  };
}

/**
 * Saves `meta` with the document's `state` unless the store has a version of that id (`saved`, the
 * list when the caller has it). True when this call stored it. The id is fixed, and the store
 * refuses a second save of one id, so two processes saving at once, or a save repeated after a
 * crash, keep one version: the loser's error is swallowed once the list shows the winner's.
 */
export async function saveFixedVersion(
  store: DocStore,
  docId: ProposalId,
  meta: DocVersionMeta,
  state: () => Uint8Array,
  saved?: readonly DocVersionMeta[],
): Promise<boolean> {
  const known = saved ?? (await store.listVersions(docId));
  if (known.some((v) => v.id === meta.id)) return false;
  try {
    await store.saveVersion(docId, meta, state());
    return true;
  } catch (error) {
    const now = await store.listVersions(docId);
    if (!now.some((v) => v.id === meta.id)) throw error;
    return false;
  }
}

/**
 * Pauses between attempts to save revisions' versions: a store hiccup is ridden out in about a
 * second, while the document's queue (and so its editors) waits; beyond, the on-load recovery saves
 * them (`DocRegistry.open`).
 */
const SAVE_RETRY_DELAYS_MS = [200, 800] as const;

/**
 * Saves the versions of `revisions` from the document as it is now (`saveServerVersions`: those
 * the store has already are skipped, so a repeat, or another process's save, is harmless), trying
 * again after each of `delaysMs` on failure. Never throws: a version still unsaved is logged, and
 * saved when the document is next loaded. Call it from inside the document's queue.
 */
export async function saveRevisions(
  live: { readonly id: ProposalId; saveServerVersions(metas: readonly DocVersionMeta[]): Promise<void> },
  revisions: readonly Revision[],
  log: Logger,
  delaysMs: readonly number[] = SAVE_RETRY_DELAYS_MS,
): Promise<boolean> {
  const metas = revisions.map(revisionVersion);
  for (let attempt = 0; ; attempt++) {
    try {
      await live.saveServerVersions(metas);
      return true;
    } catch (error) {
      const versionIds = metas.map((m) => m.id);
      if (attempt >= delaysMs.length) {
        log.error({ err: error, doc: live.id, versionIds }, 'revision not saved; saved when next loaded');
        return false;
      }
      log.warn(
        { err: error, doc: live.id, versionIds, attempt: attempt + 1 },
        'revision not saved; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}
