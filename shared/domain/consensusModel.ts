import type { CheckId, LinkId, ParticipantId, ProposalId, RequestId } from '../ids';

/**
 * A paragraph's id: the `pid` attribute of a top-level block of the proposal's text, stable across
 * edits (docs/collab.md, "Paragraphs"). Letters, digits, `_` and `-`, at most 64.
 */
export type ParagraphId = string;

/** Where a paragraph stands: open (the default), agreed ad referendum, or agreed. */
export const PARAGRAPH_STATUSES = ['open', 'ad-referendum', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/**
 * What the text says of one paragraph, read by the server from the proposal's document when a
 * command needs it (`DecideContext.text`): the domain never reads a document itself.
 * @example { id: 'b2', number: 2, openBrackets: 1, excerpt: 'Invites Member States to [consider]…' }
 */
export interface ParagraphFacts {
  id: ParagraphId;
  /** Its number in the text: paragraphs counted from 1, headings not counted. */
  number: number;
  /** Square-bracketed runs (text not yet agreed) in it. */
  openBrackets: number;
  /** Its first words (at most 80 characters), to name it in messages and the record. */
  excerpt: string;
}

/** The paragraphs of one proposal's text, in order, as read when the command arrived. */
export interface TextFacts {
  proposalId: ProposalId;
  paragraphs: ParagraphFacts[];
}

/** The status of a paragraph that is not plain `open` (an absent entry is open). */
export interface ParagraphRecord {
  status: ParagraphStatus;
  /** For `ad-referendum`: the delegations that asked for it (pending confirmation by a capital). */
  delegations: string[];
  setAt: number;
  /** Who decided: the presiding officer, the secretariat, or the one who asked the check. */
  setBy: ParticipantId | null;
  /** Set when the status is the outcome of a check. */
  checkId: CheckId | null;
}

/** One delegation's objection in a check. */
export interface Objection {
  participantId: ParticipantId;
  delegation: string;
  /** Optional, as typed (at most 1000 characters); '' when none. */
  reason: string;
  at: number;
}

/**
 * How a check runs: `room`, a window of seconds in the room ("Is there any objection?"); `silence`,
 * a deadline days away (a silence procedure), open to delegations from their join links.
 */
export type CheckProcedure = 'room' | 'silence';

/** How a check ended. */
interface CheckResult {
  /** `agreed`: no objection, the paragraphs are agreed; `objected`: they stay as they were. */
  outcome: 'agreed' | 'objected';
  /** The end of the window: the deadline, or when the presiding officer closed it early. */
  closedAt: number;
  /** When the outcome was applied (later than `closedAt` when the server was down at the deadline). */
  appliedAt: number;
  /** The presiding officer who closed it, or null when it ended at its deadline. */
  closedBy: ParticipantId | null;
  early: boolean;
  /** The objections standing at the close. */
  objections: Objection[];
}

/** An "any objection?" check on paragraphs of one proposal, open until `result` is set. */
export interface ConsensusCheck {
  id: CheckId;
  proposalId: ProposalId;
  paragraphIds: ParagraphId[];
  /** Their numbers when asked, for messages and the record. */
  paragraphNumbers: number[];
  procedure: CheckProcedure;
  askedBy: ParticipantId;
  askedAt: number;
  /** When objections stop being taken and the outcome applies (ms since the epoch). */
  endsAt: number;
  /** The objections standing now (a withdrawn one leaves the list; the log keeps it). */
  objections: Objection[];
  result: CheckResult | null;
}

/** A paragraph's status as a revision froze it. */
interface RevisionParagraph {
  id: ParagraphId;
  number: number;
  status: ParagraphStatus;
  /** For `ad-referendum`: the delegations that asked for it; [] otherwise. */
  delegations: string[];
}

/** A numbered revision of a proposal (`symbol/Rev.N`): its text is the version `versionId`. */
export interface Revision {
  number: number;
  /** e.g. `IRM-1/5/Rev.1`. */
  symbol: string;
  /** The saved version holding its text (`v_rev<N>_<proposalId>`, saved by the co-editing server). */
  versionId: string;
  publishedAt: number;
  publishedBy: ParticipantId;
  paragraphs: RevisionParagraph[];
}

/** An intervention linked to the paragraph it concerns ("Egypt proposed to add …"). */
export interface TextLink {
  id: LinkId;
  proposalId: ProposalId;
  paragraphId: ParagraphId;
  paragraphNumber: number;
  /** The intervention's request: its logged intervention has the same `requestId`. */
  requestId: RequestId;
  participantId: ParticipantId;
  delegation: string;
  /** What the speaker proposed, as the chair or secretariat noted it ('' when none). */
  note: string;
  at: number;
  by: ParticipantId;
}

/** What the projector shows: a proposal's text, following a paragraph. */
interface Screen {
  proposalId: ProposalId;
  /** The paragraph the secretariat points at, or null (a check's paragraph goes first). */
  paragraphId: ParagraphId | null;
}

/** Everything about reaching consensus on the meeting's texts. */
export interface Consensus {
  /** Per proposal, per paragraph: the statuses other than open. */
  paragraphs: Record<ProposalId, Record<ParagraphId, ParagraphRecord>>;
  /** Open checks, and the latest closed ones (at most `CONSENSUS_QUOTA.closedKept`), oldest first. */
  checks: ConsensusCheck[];
  /** Checks ever asked in the meeting (for the quota). */
  checksAsked: number;
  /** Per proposal, its revisions, Rev.1 first. */
  revisions: Record<ProposalId, Revision[]>;
  links: TextLink[];
  /** What the projector shows, or null (the floor and the agenda). */
  screen: Screen | null;
}

/** Bounds of the consensus state (docs/protocol.md, "Quotas"). */
export const CONSENSUS_QUOTA = {
  /** Checks asked in one meeting, room and silence together. */
  checksPerMeeting: 2000,
  /** Silence procedures open at once in one meeting. */
  openSilence: 20,
  /** Closed checks kept in the state (the log and the record keep all). */
  closedKept: 50,
  /** Paragraphs in one check. */
  paragraphsPerCheck: 500,
  /** Revisions of one proposal. */
  revisionsPerProposal: 99,
  /**
   * Revisions in one meeting: each carries every paragraph's status, and the state (every snapshot,
   * every client's copy) carries them all.
   */
  revisionsPerMeeting: 200,
  /**
   * Paragraphs of a text agreed paragraph by paragraph (a resolution has tens, a declaration a few
   * hundred): bounds what a revision, a check and the frozen set of every update carry.
   */
  paragraphsPerText: 2000,
  /** Intervention links in one meeting. */
  linksPerMeeting: 5000,
} as const;

/** The window of a check in the room, in seconds. */
// 30 s by default: time to press "Objection", type a reason and send it.
export const ROOM_CHECK_SECONDS = { min: 5, default: 30, max: 120 } as const;
/** How far away a silence procedure's deadline may be, in ms. */
export const SILENCE_DEADLINE = { minMs: 60 * 60_000, maxMs: 90 * 24 * 3600_000 } as const;

export const EMPTY_CONSENSUS: Consensus = {
  paragraphs: {},
  checks: [],
  checksAsked: 0,
  revisions: {},
  links: [],
  screen: null,
};
