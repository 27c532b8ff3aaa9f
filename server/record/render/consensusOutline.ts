import type {
  ProposalConsensus,
  RecordCheck,
  RecordPerson,
  RecordProposal,
  ZonedTime,
} from '../../../shared';
import { oneLine, tableTime } from './format';
import type { Block, Column } from './outline';
import type { RecordWords } from './words/types';

const text = (header: string): Column => ({ header, numeric: false });
const figure = (header: string): Column => ({ header, numeric: true });

/** Whether anything of paragraph consensus happened to the text. */
const hasConsensus = ({ consensus: c }: RecordProposal): boolean =>
  c.checks.length + c.statuses.length + c.revisions.length + c.links.length > 0;

/** "Elnur Mammadov (Azerbaijan)": who did it, and for which delegation. */
const named = (p: RecordPerson) => `${oneLine(p.name)} (${oneLine(p.delegation)})`;

/** What a text says of where a record's table stands: its item's interventions, by id, to refer to. */
export interface ConsensusContext {
  /** Times on this day and offset are written short (the item's or the meeting's opening). */
  reference: ZonedTime | null;
  /** The number of each intervention in the item's table (1 first); absent for a text under no item. */
  interventionNumbers: ReadonlyMap<string, number>;
}

/**
 * A text's paragraph consensus as blocks: a heading at `level`, then each non-empty part (calls
 * for objections, statuses, revisions, linked interventions) under a heading one level down.
 * Nothing for a text never checked.
 */
export function consensusBlocks(
  proposal: RecordProposal,
  level: 2 | 3,
  context: ConsensusContext,
  words: RecordWords,
): Block[] {
  if (!hasConsensus(proposal)) return [];
  const w = words.consensus;
  const c = proposal.consensus;
  const sub = (level + 1) as 3 | 4;
  const blocks: Block[] = [{ type: 'heading', level, text: w.heading(oneLine(proposal.symbol)) }];
  const part = (title: string, table: Block) =>
    blocks.push({ type: 'heading', level: sub, text: title }, table);
  if (c.checks.length > 0) part(w.checks, checksTable(c.checks, context, words));
  if (c.statuses.length > 0) part(w.statuses, statusesTable(c, context, words));
  if (c.revisions.length > 0) part(w.revisions, revisionsTable(c, context, words));
  if (c.links.length > 0) part(w.links, linksTable(c, context, words));
  return blocks;
}

/** How a check ended, in words: outcome, how it closed, and when it applied if later. */
function resultText(check: RecordCheck, at: (t: ZonedTime) => string, words: RecordWords): string {
  const w = words.consensus;
  const r = check.result;
  if (!r) return w.outcome.open;
  const outcome =
    r.outcome === 'agreed'
      ? w.outcome.agreed
      : w.outcome.objected(r.objectedBy.map(oneLine).join(words.listSeparator));
  let closing: string;
  if (r.early && r.closedBy) closing = w.closedEarly(named(r.closedBy), at(r.closedAt));
  else if (r.closedBy) closing = w.closedBy(named(r.closedBy), at(r.closedAt));
  else closing = w.closedAtDeadline(at(r.closedAt));
  const parts = [outcome, closing];
  if (r.appliedLate) parts.push(w.appliedLate(at(r.appliedAt)));
  return parts.join(words.listSeparator);
}

function checksTable(checks: readonly RecordCheck[], context: ConsensusContext, words: RecordWords): Block {
  const w = words.consensus;
  const col = w.checkColumns;
  const at = (time: ZonedTime) => tableTime(time, context.reference);
  return {
    type: 'table',
    columns: [
      figure(col.order),
      text(col.procedure),
      text(col.paragraphs),
      text(col.asked),
      text(col.askedBy),
      text(col.ends),
      text(col.objections),
      text(col.result),
    ],
    rows: checks.map((check, i) => [
      String(i + 1),
      w.procedure[check.procedure],
      check.paragraphs.join(', '),
      at(check.askedAt),
      named(check.askedBy),
      at(check.endsAt),
      check.objections.length > 0
        ? check.objections
            .map((o) =>
              w.objection(
                oneLine(o.delegation),
                at(o.at),
                oneLine(o.reason),
                o.withdrawnAt && at(o.withdrawnAt),
              ),
            )
            .join(words.listSeparator)
        : w.noObjection,
      resultText(check, at, words),
    ]),
  };
}

function statusesTable(c: ProposalConsensus, context: ConsensusContext, words: RecordWords): Block {
  const w = words.consensus;
  const col = w.statusColumns;
  // A status a check decided names the check by its number in the table above.
  const checkNumber = new Map<string, number>(c.checks.map((check, i) => [check.checkId, i + 1]));
  return {
    type: 'table',
    columns: [figure(col.paragraph), text(col.status), text(col.by), text(col.at), figure(col.check)],
    rows: c.statuses.map((s) => [
      String(s.paragraph),
      s.status === 'ad-referendum' && s.delegations.length > 0
        ? w.adReferendumOf(s.delegations.map(oneLine).join(words.listSeparator))
        : w.paragraphStatus[s.status],
      s.by ? named(s.by) : '',
      tableTime(s.at, context.reference),
      s.checkId ? String(checkNumber.get(s.checkId) ?? '') : '',
    ]),
  };
}

function revisionsTable(c: ProposalConsensus, context: ConsensusContext, words: RecordWords): Block {
  const col = words.consensus.revisionColumns;
  return {
    type: 'table',
    columns: [
      text(col.symbol),
      text(col.published),
      text(col.by),
      figure(col.paragraphs),
      figure(col.open),
      figure(col.adReferendum),
      figure(col.agreed),
    ],
    rows: c.revisions.map((r) => [
      oneLine(r.symbol),
      tableTime(r.publishedAt, context.reference),
      named(r.publishedBy),
      String(r.paragraphs),
      String(r.counts.open),
      String(r.counts['ad-referendum']),
      String(r.counts.agreed),
    ]),
  };
}

function linksTable(c: ProposalConsensus, context: ConsensusContext, words: RecordWords): Block {
  const col = words.consensus.linkColumns;
  return {
    type: 'table',
    columns: [
      figure(col.paragraph),
      text(col.delegation),
      text(col.speaker),
      text(col.note),
      text(col.at),
      figure(col.intervention),
    ],
    rows: c.links.map((l) => {
      const number =
        l.interventionId === null ? undefined : context.interventionNumbers.get(l.interventionId);
      return [
        String(l.paragraph),
        oneLine(l.delegation),
        oneLine(l.speaker.name),
        oneLine(l.note),
        tableTime(l.at, context.reference),
        number === undefined ? '' : String(number),
      ];
    }),
  };
}
