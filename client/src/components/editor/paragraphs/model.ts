import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import {
  type ConsensusCheck,
  frozenParagraphIds,
  type Meeting,
  type Objection,
  openChecks,
  type ParagraphRecord,
  type ParagraphStatus,
  type ProposalId,
  type TextLink,
} from '../../../../../shared';
import { PARAGRAPH_ATTRIBUTE, PARAGRAPH_ID } from '../../../../../shared/collab/paragraphs';
import { bracketRanges } from '../../../collab/brackets';

const EXCERPT_CHARS = 80;

/**
 * A numbered block of the text as the editor holds it, numbered as `paragraphFacts` numbers the
 * shared document (shared/collab/paragraphs.ts): top-level blocks, headings not counted.
 */
export interface TextParagraph {
  /** Its pid, or null when it has none (a text from before pids) or repeats an earlier one. */
  id: string | null;
  number: number;
  /** Where the block starts in the ProseMirror document. */
  pos: number;
  excerpt: string;
  openBrackets: number;
}

/** The paragraphs of `doc`, in order (one pass over the top-level blocks). */
export function readParagraphs(doc: PMNode): TextParagraph[] {
  const list: TextParagraph[] = [];
  const seen = new Set<string>();
  let number = 0;
  doc.forEach((node, pos) => {
    if (node.type.name === 'heading') return;
    number++;
    const pid = node.attrs[PARAGRAPH_ATTRIBUTE] as unknown;
    const id = typeof pid === 'string' && PARAGRAPH_ID.test(pid) && !seen.has(pid) ? pid : null;
    if (id) seen.add(id);
    list.push({ id, number, pos, excerpt: excerpt(node), openBrackets: bracketRanges(node).length });
  });
  return list;
}

function excerpt(node: PMNode): string {
  const text = node.textBetween(0, Math.min(node.content.size, EXCERPT_CHARS * 4), ' ', ' ');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The pid of the top-level block holding the caret (the start of the selection), or null. */
export function paragraphAtCaret(state: EditorState): string | null {
  const { $from } = state.selection;
  const block = $from.depth > 0 ? $from.node(1) : state.doc.nodeAt($from.pos);
  if (!block || block.type.name === 'heading') return null;
  const pid = block.attrs[PARAGRAPH_ATTRIBUTE] as unknown;
  return typeof pid === 'string' ? pid : null;
}

/** What the meeting says of one paragraph of the open proposal. */
export interface ParagraphConsensus {
  status: ParagraphStatus;
  record: ParagraphRecord | null;
  /** The open check it is under, if any. */
  check: ConsensusCheck | null;
  /** The latest closed check on it among those the state keeps (`CONSENSUS_QUOTA.closedKept`). */
  lastCheck: ConsensusCheck | null;
  /**
   * The objections of the latest check when they still stand: it ended with objections, no check is
   * under way on the paragraph and its status was not set since. Null otherwise.
   */
  objections: Objection[] | null;
  links: TextLink[];
}

/** The meeting's word on every paragraph of one proposal, by pid, and which are frozen. */
export interface ProposalConsensus {
  of(pid: string | null): ParagraphConsensus;
  frozen: ReadonlySet<string>;
}

const OPEN: ParagraphConsensus = {
  status: 'open',
  record: null,
  check: null,
  lastCheck: null,
  objections: null,
  links: [],
};

/** The objections of `last` if they still stand on a paragraph (see `ParagraphConsensus`). */
function standing(
  last: ConsensusCheck | null,
  open: ConsensusCheck | null,
  record: ParagraphRecord | null,
): Objection[] | null {
  const result = last?.result;
  if (result?.outcome !== 'objected' || open) return null;
  if ((record?.setAt ?? 0) > result.appliedAt) return null;
  return result.objections.length > 0 ? result.objections : null;
}

/** Reads `meeting.consensus` for `proposalId` once, for lookups by pid. */
export function proposalConsensus(meeting: Meeting, proposalId: ProposalId): ProposalConsensus {
  const records = meeting.consensus.paragraphs[proposalId] ?? {};
  const checks = new Map<string, ConsensusCheck>();
  for (const check of openChecks(meeting))
    if (check.proposalId === proposalId) for (const id of check.paragraphIds) checks.set(id, check);
  // Checks are kept oldest first: the last closed one seen for a paragraph is its latest.
  const closed = new Map<string, ConsensusCheck>();
  for (const check of meeting.consensus.checks)
    if (check.proposalId === proposalId && check.result)
      for (const id of check.paragraphIds) closed.set(id, check);
  const links = new Map<string, TextLink[]>();
  for (const link of meeting.consensus.links)
    if (link.proposalId === proposalId)
      links.set(link.paragraphId, [...(links.get(link.paragraphId) ?? []), link]);
  const frozen = new Set(frozenParagraphIds(meeting, proposalId));
  return {
    frozen,
    of(pid) {
      if (!pid) return OPEN;
      const record = records[pid] ?? null;
      const check = checks.get(pid) ?? null;
      const lastCheck = closed.get(pid) ?? null;
      return {
        status: record?.status ?? 'open',
        record,
        check,
        lastCheck,
        objections: standing(lastCheck, check, record),
        links: links.get(pid) ?? [],
      };
    },
  };
}

/** The counts of the summary line ("14 paragraphs: 9 agreed, 2 ad ref., 3 open; 4 open brackets"). */
export interface ParagraphSummary {
  paragraphs: number;
  agreed: number;
  adReferendum: number;
  open: number;
  brackets: number;
}

/**
 * Counts the paragraphs by status; `brackets` is the count over the whole text (headings too), the
 * same as the brackets' list shows.
 */
export function summarize(
  paragraphs: TextParagraph[],
  brackets: number,
  consensus: ProposalConsensus,
): ParagraphSummary {
  const summary = { paragraphs: paragraphs.length, agreed: 0, adReferendum: 0, open: 0, brackets };
  for (const p of paragraphs) {
    const status = consensus.of(p.id).status;
    if (status === 'agreed') summary.agreed++;
    else if (status === 'ad-referendum') summary.adReferendum++;
    else summary.open++;
  }
  return summary;
}
