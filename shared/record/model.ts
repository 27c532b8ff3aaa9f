import type { CheckProcedure, ParagraphId, ParagraphStatus } from '../domain/consensusModel';
import type {
  AgendaDocument,
  Category,
  FloorKind,
  MeetingStatus,
  Participant,
  ProposalStatus,
  Region,
  RtoCode,
} from '../domain/model';
import type {
  CheckId,
  InterventionId,
  ItemId,
  LinkId,
  MeetingId,
  ParticipantId,
  ProposalId,
  RequestId,
} from '../ids';

/**
 * A moment in the meeting's zone with its UTC offset, ISO 8601 to the second, e.g.
 * `2025-07-14T13:05:00+02:00`: unambiguous for a reader anywhere, and the same string on every
 * process (shared/record/zonedTime.ts).
 */
export type ZonedTime = string;

/**
 * The record of a meeting (`GET /api/meetings/:id/record`): derived only from its event log, so the
 * same log gives the same record, byte for byte, on any process and after any restart. It is as of
 * the last event (`meeting.asOf`): a connection or an item still open then counts up to it.
 */
export interface MeetingRecord {
  meeting: RecordMeeting;
  /** The agenda's items, in agenda order (removed items are not listed; their interventions are in `outsideAgenda`). */
  items: RecordItem[];
  /** Interventions made while no item was current, or on an item since removed, in order. */
  outsideAgenda: RecordIntervention[];
  /**
   * Proposals linked to no agenda item at `asOf` that were agreed paragraph by paragraph (a check,
   * a paragraph status, a revision or a linked intervention), in the order they were created: the
   * items list only their own proposals, and no check may be left out of the record.
   */
  unlinkedProposals: RecordProposal[];
  attendance: Attendance;
  speakingTime: SpeakingTime;
}

/** The meeting as a whole. */
export interface RecordMeeting {
  id: MeetingId;
  title: string;
  /** The meeting's IANA zone: every `ZonedTime` of the record is in it. */
  timezone: string;
  status: MeetingStatus;
  archived: boolean;
  /** As planned by the secretariat. */
  startsAt: ZonedTime | null;
  endsAt: ZonedTime | null;
  /** When the meeting was first opened and last closed (null: not yet). */
  openedAt: ZonedTime | null;
  closedAt: ZonedTime | null;
  /** Times the meeting was suspended and resumed (`to` null: still suspended at `asOf`). */
  suspensions: { from: ZonedTime; to: ZonedTime | null }[];
  /** The time of the last event: what "still connected", "still open" are counted up to. */
  asOf: ZonedTime;
  /** The sequence number of the last event: the record of the same `lastSeq` is the same record. */
  lastSeq: number;
  /** Who holds the chair's role at `asOf` (null: nobody). */
  chair: RecordPerson | null;
}

/** A participant as the record names them (as they were at `asOf`, or when removed). */
export type RecordPerson = { participantId: ParticipantId } & Pick<
  Participant,
  'name' | 'delegation' | 'role' | 'category' | 'region' | 'rto'
>;

/** How a stretch of an item as the current one ended. */
export type ItemSessionEnd = 'concluded' | 'deferred' | 'left';

/** One agenda item. */
export interface RecordItem {
  itemId: ItemId;
  number: string;
  title: string;
  status: 'pending' | 'open' | 'concluded' | 'deferred';
  plannedMinutes: number;
  /** Time it was the current item while the meeting was open (the agenda's clock), up to `asOf`. */
  spentSeconds: number;
  /** `spentSeconds` is more than the planned minutes. */
  overPlan: boolean;
  /** The outcome the presiding officer recorded when concluding it ('' when none). */
  outcome: string;
  /**
   * Each time it was the current item, in order: opened, and ended by conclusion, deferral or the
   * opening of another item (`left`); `endedAt`/`ended` null while it is still current at `asOf`.
   */
  sessions: { openedAt: ZonedTime; endedAt: ZonedTime | null; ended: ItemSessionEnd | null }[];
  /** The first opening and the last conclusion (null: never). */
  openedAt: ZonedTime | null;
  concludedAt: ZonedTime | null;
  /**
   * Every deferral, in order, whether the item was current then (its session ends `deferred`) or
   * still pending (deferred before it was taken up).
   */
  deferredAt: ZonedTime[];
  documents: AgendaDocument[];
  /** Its interventions in the order they started (points of order and replies among them). */
  interventions: RecordIntervention[];
  /** How many of those were points of order, and rights of reply. */
  pointsOfOrder: number;
  replies: number;
  /** Proposals (not chair's summaries) linked to the item at `asOf`, in the order they were created. */
  proposals: RecordProposal[];
}

/** One finished intervention. */
export interface RecordIntervention {
  interventionId: InterventionId;
  /** Who spoke, as at `asOf` (the delegation is the one they spoke for, when they spoke). */
  speaker: RecordPerson;
  delegation: string;
  region: Region;
  /** The RTO a spokesperson spoke on behalf of; null for anyone else. */
  onBehalfOf: RtoCode | null;
  kind: FloorKind;
  startedAt: ZonedTime;
  endedAt: ZonedTime;
  durationSeconds: number;
  limitSeconds: number;
  overrunSeconds: number;
  /**
   * The parts spoken: more than one when the speaker was suspended (a point of order) and resumed.
   * `seconds` add up to `durationSeconds` (shared/domain/floor.ts `partSeconds`).
   */
  parts: { startedAt: ZonedTime; endedAt: ZonedTime; seconds: number }[];
  /** The speaker was suspended at least once (two or more parts, or ended while suspended). */
  suspended: boolean;
  /** The presiding officer ended it while it was suspended. */
  endedWhileSuspended: boolean;
  /** The floor was given while the speaker was not connected. */
  offline: boolean;
}

/** A proposal considered under an item, with what became of it. */
export interface RecordProposal {
  proposalId: ProposalId;
  symbol: string;
  title: string;
  submittedBy: string;
  /** At `asOf`. */
  status: ProposalStatus;
  locked: boolean;
  createdAt: ZonedTime;
  /** Its status changes, locks and unlocks, in order. */
  history: ProposalChange[];
  /** How its text was agreed paragraph by paragraph (all empty for a text never checked). */
  consensus: ProposalConsensus;
}

/** Paragraph consensus on one proposal's text, each list in the order of the log. */
export interface ProposalConsensus {
  /** Every "any objection?" check and silence procedure on it, in the order asked. */
  checks: RecordCheck[];
  /** Every change of a paragraph's status: set directly, or agreed as a check's outcome. */
  statuses: RecordParagraphStatus[];
  /** Its numbered revisions, Rev.1 first. */
  revisions: RecordRevision[];
  /** Interventions linked to its paragraphs (a link removed afterwards was a correction: not listed). */
  links: RecordTextLink[];
}

/** An "any objection?" check in the room, or a silence procedure (`procedure`). */
export interface RecordCheck {
  checkId: CheckId;
  procedure: CheckProcedure;
  /** The paragraphs' numbers in the text when the check was asked, in order. */
  paragraphs: number[];
  askedBy: RecordPerson;
  askedAt: ZonedTime;
  /** When the window in the room ends, or the silence procedure's deadline, as asked. */
  endsAt: ZonedTime;
  /** Every objection made, in order, withdrawn ones too (`withdrawnAt`). */
  objections: RecordObjection[];
  /** How it ended; null while still open at `asOf`. */
  result: RecordCheckResult | null;
}

/** A delegation's objection in a check. */
interface RecordObjection {
  delegation: string;
  by: RecordPerson;
  /** As typed ('' when none). */
  reason: string;
  at: ZonedTime;
  /** When it was withdrawn, and by whom (of the same delegation); null: it stood. */
  withdrawnAt: ZonedTime | null;
  withdrawnBy: RecordPerson | null;
}

/** The end of a check. */
interface RecordCheckResult {
  /** `agreed`: no objection stood, its paragraphs were agreed; `objected`: they stayed as they were. */
  outcome: 'agreed' | 'objected';
  /** When the window ended: the deadline, or when the presiding officer closed it early. */
  closedAt: ZonedTime;
  /** When the outcome was applied. */
  appliedAt: ZonedTime;
  /**
   * Applied a minute or more after it closed: the server was down at the deadline and applied it
   * on its return. A scheduler's few milliseconds are not a delay worth telling.
   */
  appliedLate: boolean;
  /** Who closed it; null when it ended at its deadline. */
  closedBy: RecordPerson | null;
  /** Closed before its window or deadline ended. */
  early: boolean;
  /** The delegations whose objections stood at the close, in the order they objected. */
  objectedBy: string[];
}

/** A paragraph's new status. */
export interface RecordParagraphStatus {
  /** Its number in the text then. */
  paragraph: number;
  paragraphId: ParagraphId;
  status: ParagraphStatus;
  /** For `ad-referendum`, the delegations that asked for it; [] otherwise. */
  delegations: string[];
  /** Who set it: the presiding officer or the secretariat; for a check's outcome, whoever closed or asked it. */
  by: RecordPerson | null;
  at: ZonedTime;
  /** The check whose outcome it was; null when set directly. */
  checkId: CheckId | null;
}

/** A numbered revision of the proposal (`symbol/Rev.N`), with its paragraphs' statuses then. */
export interface RecordRevision {
  number: number;
  /** e.g. `IRM-1/5/Rev.1`. */
  symbol: string;
  /** The saved version holding its text. */
  versionId: string;
  publishedAt: ZonedTime;
  publishedBy: RecordPerson;
  /** Its paragraphs in all. */
  paragraphs: number;
  /** How many of them were open, agreed ad referendum and agreed. */
  counts: Record<ParagraphStatus, number>;
}

/** An intervention linked to the paragraph it concerns ("Egypt proposed to add …"). */
interface RecordTextLink {
  linkId: LinkId;
  paragraph: number;
  paragraphId: ParagraphId;
  /** The delegation that spoke, and the speaker. */
  delegation: string;
  speaker: RecordPerson;
  /** What the speaker proposed, as noted ('' when none). */
  note: string;
  at: ZonedTime;
  by: RecordPerson;
  requestId: RequestId;
  /** The logged intervention (of the same request); null while it was still under way at `asOf`. */
  interventionId: InterventionId | null;
}

/** One change of a proposal's standing. */
export type ProposalChange =
  | { at: ZonedTime; change: 'status'; status: ProposalStatus }
  | { at: ZonedTime; change: 'locked' }
  | { at: ZonedTime; change: 'unlocked' };

/** Who was connected when, and counts across regions and constituencies. */
export interface Attendance {
  /** Everyone ever registered (removed participants too), in the order they were added. */
  participants: AttendanceRow[];
  /** Registered and attending (connected at least once) per region, RTO and category, in the model's order; every key listed, zeros included. */
  byRegion: AttendanceCount<Region>[];
  byRto: AttendanceCount<RtoCode | 'none'>[];
  byCategory: AttendanceCount<Category>[];
  totals: { registered: number; attended: number };
}

/** One participant's presence. */
export interface AttendanceRow {
  person: RecordPerson;
  /** Removed from the meeting's list (by `removedAt`). */
  removed: boolean;
  removedAt: ZonedTime | null;
  /** Each connection: `leftAt` null when still connected at `asOf`. A removal ends a connection. */
  sessions: { joinedAt: ZonedTime; leftAt: ZonedTime | null }[];
  /** The sum of the sessions, up to `asOf`. */
  totalSeconds: number;
}

/** A count of participants under one key. */
export interface AttendanceCount<K extends string> {
  key: K;
  registered: number;
  attended: number;
}

/** Speaking time for the meeting and per item. */
export interface SpeakingTime {
  /** The meeting's total of all interventions' durations. */
  totalSeconds: number;
  meeting: SpeakingShares;
  /** Per agenda item, in agenda order (the items of `items`). */
  perItem: ({ itemId: ItemId } & SpeakingShares)[];
}

/** Speaking time split three ways. */
export interface SpeakingShares {
  /** Every region in the model's order, zeros included. */
  byRegion: SpeakingShare<Region>[];
  /** Every RTO in the model's order; `none` for interventions not on behalf of an RTO. */
  byRto: SpeakingShare<RtoCode | 'none'>[];
  /** Delegations that spoke, most time first (ties by name). */
  byDelegation: SpeakingShare<string>[];
}

/**
 * Time spoken under one key against that key's share of those present: the fairness question
 * ("did each region get its share of the floor?").
 */
export interface SpeakingShare<K extends string> {
  key: K;
  interventions: number;
  seconds: number;
  /** `seconds` over the total of the split, 0..1, to 4 decimals (0 when nobody spoke). */
  speakingShare: number;
  /**
   * The key's share of the participants who attended (of those registered while none of them has
   * attended yet), not counting the chair and the secretariat, who run the meeting; 0..1 to 4 decimals. For `byRto`, participants with that RTO; for delegations, that
   * delegation's participants.
   */
  participantShare: number;
}
