import { assertNever, type MeetingStatus, type ProposalStatus, type RecordItem } from '../../../shared';
import type { SummaryLimits } from './compose';
import { consensusSentences } from './consensus';
import { deferrals } from './deferrals';
import { capped, moment, speakerGroups, speakerName, userText } from './phrases';
import { type Block, heading, inline, paragraph } from './plainText';
import { floorIncidents, regionsInOrder } from './speakers';
import { formatList } from './templates/format';
import type { ItemFate, SummaryTemplates } from './templates/types';

/** The order proposals' fates are told in: decisions first, then what is still pending. */
const STATUS_RANK: Record<ProposalStatus, number> = {
  agreed: 0,
  'not-agreed': 1,
  withdrawn: 2,
  'under-consideration': 3,
  draft: 4,
};

/**
 * The section of an item that was taken up: its heading, what was presented, who took the floor by
 * region, the points of order and replies, a placeholder per region for its main points, and the
 * outcome with what became of the item and its proposals (as of the close of the meeting, or while
 * it is still in session when `meeting` is not `closed`).
 */
export function itemSection(
  item: RecordItem,
  meeting: MeetingStatus,
  t: SummaryTemplates,
  limits: SummaryLimits,
): Block[] {
  const blocks = presented(item, t, limits);
  const groups = speakerGroups(t, item.interventions, limits);
  if (groups.length > 0) blocks.push(paragraph(t.tookTheFloor(groups)));
  else if (item.interventions.length === 0) blocks.push(paragraph(t.nobodySpoke));
  const incidents = incidentSentences(item, t, limits);
  if (incidents) blocks.push(paragraph(incidents));
  for (const region of regionsInOrder(item.interventions)) blocks.push(paragraph(t.mainPoints(region)));
  blocks.push(paragraph(outcomeSentences(item, meeting, t, limits)));
  return blocks;
}

/** The section of an item of a meeting not opened yet: what is before it, and placeholders. */
export const awaitedItemSection = (item: RecordItem, t: SummaryTemplates, limits: SummaryLimits): Block[] => [
  ...presented(item, t, limits),
  paragraph(t.awaited.discussion),
  paragraph(t.awaited.outcome),
];

/** The item's heading, and what was before the meeting under it: its documents and proposals. */
function presented(item: RecordItem, t: SummaryTemplates, limits: SummaryLimits): Block[] {
  const blocks: Block[] = [heading(t.itemHeading(userText(t, item.number), userText(t, item.title)))];
  if (item.documents.length > 0) {
    const documents = item.documents.map((d) => t.document(userText(t, d.symbol), userText(t, d.title)));
    const listed = t.series(capped(t, documents, limits.names, 'documents'));
    blocks.push(paragraph(t.documents(listed, documents.length)));
  }
  if (item.proposals.length > 0) {
    const proposals = item.proposals.map((p) =>
      t.proposal(userText(t, p.symbol), userText(t, p.title), userText(t, p.submittedBy)),
    );
    const listed = t.series(capped(t, proposals, limits.names, 'proposals'));
    blocks.push(paragraph(t.proposals(listed, proposals.length)));
  }
  return blocks;
}

/** Points of order and rights of reply one by one, or counted when there are too many to tell. */
function incidentSentences(item: RecordItem, t: SummaryTemplates, limits: SummaryLimits): string {
  const incidents = floorIncidents(item.interventions);
  if (incidents.length === 0) return '';
  if (incidents.length > limits.names) {
    const pointsOfOrder = incidents.filter((i) => i.kind === 'point_of_order').length;
    const replies = incidents.length - pointsOfOrder;
    return [pointsOfOrder > 0 ? t.pointsOfOrder(pointsOfOrder) : '', replies > 0 ? t.replies(replies) : '']
      .filter(Boolean)
      .join(t.sentenceSpace);
  }
  return incidents
    .map((incident) => {
      const by = speakerName(t, incident.by);
      const interrupted = incident.interrupted
        ? { speaker: speakerName(t, incident.interrupted.speaker), resumed: incident.interrupted.resumed }
        : null;
      return incident.kind === 'point_of_order' ? t.pointOfOrder(by, interrupted) : t.reply(by, interrupted);
    })
    .join(t.sentenceSpace);
}

function fateOf(item: RecordItem, meeting: MeetingStatus): ItemFate {
  switch (item.status) {
    case 'concluded':
      return 'concluded';
    case 'deferred':
      return 'deferred';
    // Still the current item: open at the close, or still under consideration in session.
    case 'open':
      return meeting === 'closed' ? 'open' : 'ongoing';
    // Taken up, then another item was opened before this one was concluded or deferred.
    case 'pending':
      return 'left';
    default:
      return assertNever(item.status);
  }
}

/** Deferrals and resumptions, the recorded outcome, the item's fate, and its proposals' statuses. */
function outcomeSentences(
  item: RecordItem,
  meeting: MeetingStatus,
  t: SummaryTemplates,
  limits: SummaryLimits,
): string {
  const sentences = deferrals(item).map((d) =>
    d.beforeTakenUp
      ? t.deferredBeforeTakenUp(moment(t, d.deferredAt), moment(t, d.takenUpAt))
      : t.deferredAndResumed(moment(t, d.deferredAt), moment(t, d.takenUpAt)),
  );
  if (inline(item.outcome)) sentences.push(t.outcome(userText(t, item.outcome)));
  sentences.push(t.fate[fateOf(item, meeting)]);
  const byStatus = new Map<ProposalStatus, string[]>();
  for (const p of item.proposals) {
    const symbols = byStatus.get(p.status);
    if (symbols) symbols.push(userText(t, p.symbol));
    else byStatus.set(p.status, [userText(t, p.symbol)]);
  }
  const statuses = [...byStatus].sort(([a], [b]) => STATUS_RANK[a] - STATUS_RANK[b]);
  for (const [status, symbols] of statuses) {
    const listed = formatList(t.locale, capped(t, symbols, limits.names, 'proposals'));
    sentences.push(t.proposalStatus(status, listed, symbols.length));
  }
  sentences.push(...consensusSentences(item.proposals, t));
  return sentences.join(t.sentenceSpace);
}
