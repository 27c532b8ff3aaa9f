import type { ProposalId, TextFacts } from '../../shared';

/**
 * Reads what a proposal's text says now (its paragraphs), for the commands `decide` needs it for;
 * undefined when it cannot be read (`CollabServer.textFacts`).
 */
export type TextFactsSource = (proposalId: ProposalId) => Promise<TextFacts | undefined>;
