import type { DecideContext, Decision } from './decide';
import { type DomainError, refuse } from './errors';
import type { Meeting } from './model';
import { type Actor, can } from './permissions';
import { PROPOSAL_QUOTA } from './quotas';
import { ARCHIVED_WORDS } from './secretariat';

/**
 * The longest draft of a chair's summary, in characters. The draft is the server's text, not a
 * client's message, but it is stored in the log and broadcast with `proposal.created`: the record's
 * templates shorten long lists of speakers to stay within it.
 */
export const SUMMARY_MAX_CHARS = 60_000;
/** Drafts of the chair's summary one meeting keeps (each is a text with its versions). */
const SUMMARY_QUOTA = { perMeeting: 20 } as const;

/** The chair's summary's symbols, `CS/1`, `CS/2`…: no proposal may take one (it would pass for a draft). */
export const isSummarySymbol = (symbol: string): boolean => /^\s*CS\s*\//i.test(symbol);
export const SUMMARY_SYMBOL_WORDS =
  "symbols starting with CS/ are the chair's summary's: choose another symbol for a proposal";

/** What the server drafted from the record (server/record/summary), in the language asked for. */
export interface SummaryDraft {
  /** The text's title, e.g. "Chair's summary of IRM-1". */
  title: string;
  /** Who submits it, as the proposals list shows it, e.g. "Chair". */
  submittedBy: string;
  /** The draft: paragraphs separated by a blank line, "# " headings (shared/collab/schema.ts `seedDoc`). */
  text: string;
}

/**
 * Why `actor` may not draft the chair's summary now (the permission table, an archived meeting,
 * the quotas), or null: asked before the draft is written, and again when it is stored.
 */
export function summaryRefusal(meeting: Meeting, actor: Actor): DomainError | null {
  if (!can(meeting, actor, 'summary.create'))
    return refuse('forbidden', 'only the chair, the vice-chairs and the secretariat draft the summary');
  if (meeting.archived) return refuse('conflict', ARCHIVED_WORDS);
  const drafts = meeting.proposals.filter((p) => p.kind === 'chair-summary').length;
  if (drafts >= SUMMARY_QUOTA.perMeeting)
    return refuse(
      'rate_limited',
      `this meeting has ${SUMMARY_QUOTA.perMeeting} drafts of the summary already: edit one of them`,
    );
  if (meeting.proposals.length >= PROPOSAL_QUOTA.perMeeting)
    return refuse('rate_limited', `this meeting holds ${PROPOSAL_QUOTA.perMeeting} texts, the most it may`);
  return null;
}

/**
 * A new draft of the chair's summary: a text of kind `chair-summary`, numbered `CS/1`, `CS/2`…,
 * seeded with the draft as its version 0. Refused to whoever may not draft it (`summary.create`),
 * in an archived meeting, and past the quotas. A meeting that has not opened yet may have one: it is
 * a template the secretariat fills in.
 */
export function draftChairSummary(
  meeting: Meeting,
  actor: Actor,
  draft: SummaryDraft,
  ctx: DecideContext,
): Decision {
  const refusal = summaryRefusal(meeting, actor);
  if (refusal) return { ok: false, error: refusal };
  // The templates make the draft fit (server/record/summary/draft.ts); a cut could split a sentence.
  if (draft.text.length > SUMMARY_MAX_CHARS)
    return {
      ok: false,
      error: refuse('invalid', `the draft is longer than ${SUMMARY_MAX_CHARS} characters`),
    };
  const drafts = meeting.proposals.filter((p) => p.kind === 'chair-summary');
  const taken = new Set(meeting.proposals.map((p) => p.symbol));
  let serial = drafts.length + 1;
  while (taken.has(`CS/${serial}`)) serial++;
  return {
    ok: true,
    events: [
      {
        type: 'proposal.created',
        proposal: {
          id: ctx.ids.proposal(),
          kind: 'chair-summary',
          symbol: `CS/${serial}`,
          title: draft.title,
          submittedBy: draft.submittedBy,
          itemId: null,
          status: 'draft',
          locked: false,
          createdBy: actor.id,
          createdAt: ctx.now,
        },
        baseText: draft.text,
      },
    ],
  };
}
