import type { ProposalId, TextFacts } from '../../shared';

/**
 * Runs `step` (deciding and storing a command) with what a proposal's text says now (its
 * paragraphs), for the commands `decide` needs it for (`CollabServer.withTextFacts`). When the facts
 * are read, the step runs in the same turn of the document's queue, so no change to the text lands
 * between the reading and the command's events being stored; when they cannot be read (unknown
 * proposal, no document, too slow) it runs with undefined, outside the queue. `step` runs once; its
 * result (or error) is the call's.
 */
export type TextFactsSource = <T>(
  proposalId: ProposalId,
  step: (facts: TextFacts | undefined) => Promise<T>,
) => Promise<T>;
