import * as Y from 'yjs';
import type { ProposalId } from '../../../shared';
import { seedDoc } from '../../../shared/collab/schema';
import type { DocStore } from '../../store/types';
import { saveFixedVersion } from './serverVersions';

/** A fixed Yjs client id per document for its base text (FNV-1a of the id, 31 bits, never 0). */
function seedClientId(docId: ProposalId): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < docId.length; i++) hash = Math.imul(hash ^ docId.charCodeAt(i), 0x01000193) >>> 0;
  return hash & 0x7fffffff || 1;
}

/**
 * The base text of a proposal as a Yjs update (paragraphs, `# ` headings and `[…]` as the square
 * brackets mark: `seedDoc`, shared/collab/baseTextSyntax.ts).
 *
 * Written under a client id derived from the document id, so every seeding of one document yields
 * the same Yjs structs: two processes that find the document empty and seed it at once (one on
 * `proposal.created`, another recovering on first load), or one process seeding again after a crash,
 * produce updates that merge into one text instead of doubling it.
 */
export function baseTextUpdate(docId: ProposalId, baseText: string): Uint8Array {
  const seed = new Y.Doc({ gc: true });
  try {
    seed.clientID = seedClientId(docId);
    seedDoc(seed, baseText);
    return Y.encodeStateAsUpdate(seed);
  } finally {
    seed.destroy();
  }
}

/**
 * Keeps `state` as the document's first version, "Base text" (by nobody), unless it has versions
 * already. The version id is fixed per document (`v_base_<docId>`) for the same reason as the seed's
 * client id: a second save of one id is refused by the store, so two saves racing (two processes, or
 * a retry after a crash) keep one version (./serverVersions.ts).
 */
export async function saveBaseVersion(store: DocStore, docId: ProposalId, state: () => Uint8Array) {
  const saved = await store.listVersions(docId);
  if (saved.length > 0) return;
  const meta = { id: `v_base_${docId}`, name: 'Base text', createdBy: null, createdAt: Date.now() };
  await saveFixedVersion(store, docId, meta, state, saved);
}
