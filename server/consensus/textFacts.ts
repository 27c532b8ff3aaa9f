import * as Y from 'yjs';
import type { ProposalId, TextFacts } from '../../shared';
import { paragraphFacts } from '../../shared/collab/paragraphs';
import type { DocStore } from '../store/types';

/** Reads what a proposal's text says now (its paragraphs); undefined when it cannot be read. */
export type TextFactsSource = (proposalId: ProposalId) => Promise<TextFacts | undefined>;

/**
 * TEMPORARY stand-in for `CollabServer.textFacts` (server/collab/server.ts, task B), with its
 * signature: the facts of the text as the document store holds it. Every update is stored before
 * it is relayed (docs/collab.md), so the store is never behind what anyone has seen; it is read-only
 * here (nothing is compacted or written). A store that holds nothing for the proposal (its base
 * text not seeded yet, a moment after it was created) answers undefined, which `decide` refuses as
 * "try again in a moment". Concurrent reads of one proposal share one load. Replace with
 * `(id) => collab.textFacts(id)` in server/app.ts once the collab server has it, then delete this.
 */
export function storedTextFacts(store: Pick<DocStore, 'loadDoc'>): TextFactsSource {
  const inFlight = new Map<ProposalId, Promise<TextFacts | undefined>>();
  return (proposalId) => {
    let reading = inFlight.get(proposalId);
    if (!reading) {
      reading = readStored(store, proposalId).finally(() => inFlight.delete(proposalId));
      inFlight.set(proposalId, reading);
    }
    return reading;
  };
}

async function readStored(store: Pick<DocStore, 'loadDoc'>, proposalId: ProposalId) {
  const { snapshot, updates } = await store.loadDoc(proposalId);
  if (snapshot === null && updates.length === 0) return undefined;
  const doc = new Y.Doc({ gc: true });
  try {
    // Everything stored was validated before it was written: applied as the collab server loads it.
    Y.transact(doc, () => {
      for (const update of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, update);
    });
    return paragraphFacts(doc, proposalId);
  } finally {
    doc.destroy();
  }
}
