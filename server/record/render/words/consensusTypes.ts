import type { CheckProcedure, ParagraphStatus } from '../../../../shared';

/** The columns of `checks.csv` and of the spreadsheet's Checks sheet, in order: one row per check. */
export const CHECK_COLUMNS = [
  'itemNumber',
  'symbol',
  'order',
  'procedure',
  'paragraphs',
  'askedBy',
  'askedAt',
  'endsAt',
  'objections',
  'withdrawn',
  'objectedBy',
  'outcome',
  'closedAt',
  'closedBy',
  'early',
  'appliedAt',
] as const;
export type CheckColumn = (typeof CHECK_COLUMNS)[number];

/**
 * The words of paragraph consensus in the record's exports: a text's checks ("any objection?" in
 * the room, silence procedures), its paragraphs' statuses, revisions and linked interventions.
 * Times and names are passed in already written; each renderer escapes them.
 */
export interface ConsensusWords {
  /** The heading of a text's consensus: "AFCP/31/1, paragraph by paragraph". */
  heading: (symbol: string) => string;
  /** The section of texts linked to no agenda item. */
  unlinked: string;
  checks: string;
  statuses: string;
  revisions: string;
  links: string;
  checkColumns: {
    order: string;
    procedure: string;
    paragraphs: string;
    asked: string;
    askedBy: string;
    ends: string;
    objections: string;
    result: string;
  };
  procedure: Record<CheckProcedure, string>;
  /** One objection in a cell: `reason` '' when none given; `withdrawnAt` null when it stood. */
  objection: (delegation: string, at: string, reason: string, withdrawnAt: string | null) => string;
  noObjection: string;
  outcome: { agreed: string; objected: (delegations: string) => string; open: string };
  /** A check's outcome in one word, for the spreadsheet's column. */
  outcomeWord: { agreed: string; objected: string; open: string };
  /** How a check ended: closed early by the presiding officer, at its deadline, or closed by someone at it. */
  closedEarly: (by: string, at: string) => string;
  closedAtDeadline: (at: string) => string;
  closedBy: (by: string, at: string) => string;
  /** The outcome applied later than the close (the server was down at the deadline). */
  appliedLate: (at: string) => string;
  statusColumns: { paragraph: string; status: string; by: string; at: string; check: string };
  paragraphStatus: Record<ParagraphStatus, string>;
  /** "Agreed ad referendum (Kenya, Brazil)". */
  adReferendumOf: (delegations: string) => string;
  revisionColumns: {
    symbol: string;
    published: string;
    by: string;
    paragraphs: string;
    open: string;
    adReferendum: string;
    agreed: string;
  };
  linkColumns: {
    paragraph: string;
    delegation: string;
    speaker: string;
    note: string;
    at: string;
    /** The intervention's number in the item's table of interventions. */
    intervention: string;
  };
  /** The header row of `checks.csv` and of the Checks sheet. */
  checkHeaders: Record<CheckColumn, string>;
  /** The Checks sheet's name (Excel's rules, as the other sheets'). */
  sheet: string;
  /** After the meeting's title in the file name of `checks.csv`. */
  fileSuffix: string;
}
