import type { ProposalId, Revision } from '../../../shared';
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
