import type { ConsensusCheck, Objection, ParagraphId, ParagraphStatus } from '../domain/consensusModel';
import type { EventOf, MeetingEvent } from '../domain/events';
import type { CheckId, ParticipantId, ProposalId } from '../ids';

/** An objection as the log tells it: made, and perhaps withdrawn. */
interface ObjectionFacts {
  objection: Objection;
  withdrawnAt: number | null;
  withdrawnBy: ParticipantId | null;
}

/** A check as the log tells it: as asked, every objection made, and how it closed. */
export interface CheckFacts {
  check: ConsensusCheck;
  objections: ObjectionFacts[];
  closed: EventOf<'consensus.closed'> | null;
}

/** A paragraph's change of status, in ms. */
interface StatusMark {
  paragraphId: ParagraphId;
  paragraph: number;
  status: ParagraphStatus;
  delegations: string[];
  by: ParticipantId | null;
  at: number;
  checkId: CheckId | null;
}

/**
 * What the record needs of paragraph consensus beyond the state: the state keeps the latest closed
 * checks only, and drops a withdrawn objection and a paragraph's earlier statuses; the record keeps
 * them all. Revisions and links the state keeps whole, so they are read from it.
 */
export interface ConsensusFacts {
  checks: Map<CheckId, CheckFacts>;
  /** Each proposal's checks, in the order asked. */
  checksOf: Map<ProposalId, CheckFacts[]>;
  /** Each proposal's status changes, in order. */
  statuses: Map<ProposalId, StatusMark[]>;
}

export const emptyConsensusFacts = (): ConsensusFacts => ({
  checks: new Map(),
  checksOf: new Map(),
  statuses: new Map(),
});

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Takes in one consensus event (any other is ignored). Constant time but for a withdrawal, which
 * looks through its check's objections, and a close, linear in its paragraphs.
 */
export function noteConsensus(facts: ConsensusFacts, event: MeetingEvent): void {
  switch (event.type) {
    case 'consensus.asked': {
      // A check asked twice (not written by `decide`) keeps its first asking.
      if (facts.checks.has(event.check.id)) return;
      const check: CheckFacts = { check: event.check, objections: [], closed: null };
      facts.checks.set(event.check.id, check);
      pushTo(facts.checksOf, event.check.proposalId, check);
      return;
    }
    case 'consensus.objected':
      facts.checks.get(event.checkId)?.objections.push({
        objection: event.objection,
        withdrawnAt: null,
        withdrawnBy: null,
      });
      return;
    case 'consensus.objectionWithdrawn': {
      const standing = facts.checks
        .get(event.checkId)
        ?.objections.find((o) => o.withdrawnAt === null && o.objection.delegation === event.delegation);
      if (standing) {
        standing.withdrawnAt = event.at;
        standing.withdrawnBy = event.participantId;
      }
      return;
    }
    case 'consensus.closed': {
      const check = facts.checks.get(event.checkId);
      if (!check || check.closed) return;
      check.closed = event;
      if (event.outcome !== 'agreed') return;
      // As `evolve` sets them: agreed at the close, by whoever closed it, else whoever asked.
      const { paragraphIds, paragraphNumbers, askedBy } = check.check;
      const numbers = new Map(paragraphIds.map((id, i) => [id, paragraphNumbers[i] ?? 0]));
      for (const paragraphId of event.paragraphIds) {
        pushTo(facts.statuses, event.proposalId, {
          paragraphId,
          paragraph: numbers.get(paragraphId) ?? 0,
          status: 'agreed',
          delegations: [],
          by: event.closedBy ?? askedBy,
          at: event.closedAt,
          checkId: event.checkId,
        });
      }
      return;
    }
    case 'paragraph.statusSet':
      pushTo(facts.statuses, event.proposalId, {
        paragraphId: event.paragraphId,
        paragraph: event.paragraphNumber,
        status: event.status,
        delegations: event.delegations,
        by: event.by,
        at: event.at,
        checkId: null,
      });
      return;
    default:
      return;
  }
}
