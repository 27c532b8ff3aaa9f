import { PARAGRAPH_STATUSES, type ParagraphStatus, type TextLink } from '../domain/consensusModel';
import type { Meeting } from '../domain/model';
import type { InterventionId, ParticipantId, ProposalId, RequestId } from '../ids';
import type { CheckFacts, ConsensusFacts } from './consensusFold';
import type { ProposalConsensus, RecordCheck, RecordPerson, RecordRevision, ZonedTime } from './model';

/** A close applied this long after the window ended was applied late (the server was down). */
const APPLIED_LATE_MS = 60_000;

/** How the record writes times and names people (recordOf's). */
export interface RecordWriters {
  at: (ms: number) => ZonedTime;
  /** `delegation` names someone the meeting's lists do not know (not in a log `decide` wrote). */
  person: (id: ParticipantId, delegation: string) => RecordPerson;
}

/** The consensus part of every proposal's record, from the fold and the state, once per record. */
export interface ConsensusIndex {
  of(proposalId: ProposalId): ProposalConsensus;
  /** Whether anything of paragraph consensus happened to the proposal. */
  has(proposalId: ProposalId): boolean;
}

/** Indexes the state's links and revisions by proposal: linear in the meeting's. */
export function consensusIndex(
  facts: ConsensusFacts,
  meeting: Meeting,
  write: RecordWriters,
): ConsensusIndex {
  const { at, person } = write;
  const interventionOf = new Map<RequestId, InterventionId>();
  for (const i of meeting.interventions) interventionOf.set(i.requestId, i.id);
  const linksOf = new Map<ProposalId, TextLink[]>();
  for (const link of meeting.consensus.links) {
    const list = linksOf.get(link.proposalId);
    if (list) list.push(link);
    else linksOf.set(link.proposalId, [link]);
  }

  const check = ({ check: c, objections, closed }: CheckFacts): RecordCheck => ({
    checkId: c.id,
    procedure: c.procedure,
    paragraphs: c.paragraphNumbers,
    askedBy: person(c.askedBy, ''),
    askedAt: at(c.askedAt),
    endsAt: at(c.endsAt),
    objections: objections.map((o) => ({
      delegation: o.objection.delegation,
      by: person(o.objection.participantId, o.objection.delegation),
      reason: o.objection.reason,
      at: at(o.objection.at),
      withdrawnAt: o.withdrawnAt === null ? null : at(o.withdrawnAt),
      withdrawnBy: o.withdrawnBy === null ? null : person(o.withdrawnBy, o.objection.delegation),
    })),
    result: closed && {
      outcome: closed.outcome,
      closedAt: at(closed.closedAt),
      appliedAt: at(closed.appliedAt),
      appliedLate: closed.appliedAt - closed.closedAt >= APPLIED_LATE_MS,
      closedBy: closed.closedBy === null ? null : person(closed.closedBy, ''),
      early: closed.early,
      objectedBy: closed.objections.map((o) => o.delegation),
    },
  });

  const revisions = (proposalId: ProposalId): RecordRevision[] =>
    (meeting.consensus.revisions[proposalId] ?? []).map((r) => {
      const counts = Object.fromEntries(PARAGRAPH_STATUSES.map((s) => [s, 0])) as Record<
        ParagraphStatus,
        number
      >;
      for (const p of r.paragraphs) counts[p.status]++;
      return {
        number: r.number,
        symbol: r.symbol,
        versionId: r.versionId,
        publishedAt: at(r.publishedAt),
        publishedBy: person(r.publishedBy, ''),
        paragraphs: r.paragraphs.length,
        counts,
      };
    });

  return {
    has: (proposalId) =>
      facts.checksOf.has(proposalId) ||
      facts.statuses.has(proposalId) ||
      linksOf.has(proposalId) ||
      (meeting.consensus.revisions[proposalId]?.length ?? 0) > 0,
    of: (proposalId) => ({
      checks: (facts.checksOf.get(proposalId) ?? []).map(check),
      statuses: (facts.statuses.get(proposalId) ?? []).map((m) => ({
        paragraph: m.paragraph,
        paragraphId: m.paragraphId,
        status: m.status,
        delegations: m.delegations,
        by: m.by === null ? null : person(m.by, ''),
        at: at(m.at),
        checkId: m.checkId,
      })),
      revisions: revisions(proposalId),
      links: (linksOf.get(proposalId) ?? []).map((l) => ({
        linkId: l.id,
        paragraph: l.paragraphNumber,
        paragraphId: l.paragraphId,
        delegation: l.delegation,
        speaker: person(l.participantId, l.delegation),
        note: l.note,
        at: at(l.at),
        by: person(l.by, ''),
        requestId: l.requestId,
        interventionId: interventionOf.get(l.requestId) ?? null,
      })),
    }),
  };
}
