import type { ProposalId } from '../ids';
import { CONSENSUS_QUOTA, type Consensus, type ConsensusCheck, type ParagraphRecord } from './consensusModel';
import { assertNever } from './errors';
import type { EventOf } from './events';
import type { Meeting } from './model';

/** The consensus events, applied by `evolve`. */
export type ConsensusEvent = EventOf<
  | 'proposal.revisionPublished'
  | 'paragraph.statusSet'
  | 'paragraph.interventionLinked'
  | 'paragraph.interventionUnlinked'
  | 'consensus.asked'
  | 'consensus.objected'
  | 'consensus.objectionWithdrawn'
  | 'consensus.closed'
  | 'screen.shown'
>;

/** Applies one consensus event to the meeting's consensus state (what the event says, nothing more). */
export function evolveConsensus(m: Meeting, event: ConsensusEvent): Meeting {
  const c = m.consensus;
  const withConsensus = (changes: Partial<Consensus>): Meeting => ({ ...m, consensus: { ...c, ...changes } });
  switch (event.type) {
    case 'proposal.revisionPublished':
      return withConsensus({
        revisions: {
          ...c.revisions,
          [event.proposalId]: [...(c.revisions[event.proposalId] ?? []), event.revision],
        },
      });
    case 'paragraph.statusSet':
      return withConsensus({
        paragraphs: setParagraph(c, event.proposalId, event.paragraphId, {
          status: event.status,
          delegations: event.delegations,
          setAt: event.at,
          setBy: event.by,
          checkId: null,
        }),
      });
    case 'paragraph.interventionLinked':
      return withConsensus({ links: [...c.links, event.link] });
    case 'paragraph.interventionUnlinked':
      return withConsensus({ links: c.links.filter((l) => l.id !== event.linkId) });
    case 'consensus.asked':
      return withConsensus({ checks: [...c.checks, event.check], checksAsked: c.checksAsked + 1 });
    case 'consensus.objected':
      return withConsensus({
        checks: updateCheck(c.checks, event.checkId, (k) => ({
          ...k,
          objections: [...k.objections, event.objection],
        })),
      });
    case 'consensus.objectionWithdrawn':
      return withConsensus({
        checks: updateCheck(c.checks, event.checkId, (k) => ({
          ...k,
          objections: k.objections.filter((o) => o.delegation !== event.delegation),
        })),
      });
    case 'consensus.closed': {
      const check = c.checks.find((k) => k.id === event.checkId);
      const closed = updateCheck(c.checks, event.checkId, (k) => ({
        ...k,
        objections: event.objections,
        result: {
          outcome: event.outcome,
          closedAt: event.closedAt,
          appliedAt: event.appliedAt,
          closedBy: event.closedBy,
          early: event.early,
          objections: event.objections,
        },
      }));
      let paragraphs = c.paragraphs;
      if (event.outcome === 'agreed') {
        for (const id of event.paragraphIds) {
          paragraphs = setParagraph({ ...c, paragraphs }, event.proposalId, id, {
            status: 'agreed',
            delegations: [],
            setAt: event.closedAt,
            setBy: event.closedBy ?? check?.askedBy ?? null,
            checkId: event.checkId,
          });
        }
      }
      return withConsensus({ checks: keepClosed(closed), paragraphs });
    }
    case 'screen.shown':
      return withConsensus({
        screen: event.proposalId ? { proposalId: event.proposalId, paragraphId: event.paragraphId } : null,
      });
    default:
      return assertNever(event);
  }
}

function setParagraph(
  c: Consensus,
  proposalId: ProposalId,
  paragraphId: string,
  record: ParagraphRecord,
): Consensus['paragraphs'] {
  const { [paragraphId]: _old, ...others } = c.paragraphs[proposalId] ?? {};
  // Open is the default: an open paragraph has no entry, so the state stays the size of what is set.
  const next = record.status === 'open' ? others : { ...others, [paragraphId]: record };
  return { ...c.paragraphs, [proposalId]: next };
}

const updateCheck = (
  checks: ConsensusCheck[],
  checkId: string,
  change: (check: ConsensusCheck) => ConsensusCheck,
): ConsensusCheck[] => checks.map((k) => (k.id === checkId ? change(k) : k));

/** Every open check, and the latest closed ones (the log and the record keep all). */
function keepClosed(checks: ConsensusCheck[]): ConsensusCheck[] {
  const closed = checks.filter((k) => k.result !== null);
  if (closed.length <= CONSENSUS_QUOTA.closedKept) return checks;
  const dropped = new Set(closed.slice(0, closed.length - CONSENSUS_QUOTA.closedKept));
  return checks.filter((k) => !dropped.has(k));
}
