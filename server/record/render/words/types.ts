import type {
  Category,
  FloorKind,
  ItemSessionEnd,
  MeetingStatus,
  ProposalStatus,
  RecordItem,
  Region,
  Role,
} from '../../../../shared';
import type { ConsensusWords } from './consensusTypes';

/** The columns of `interventions.csv` and of the spreadsheet's Interventions sheet, in order. */
export const INTERVENTION_COLUMNS = [
  'itemNumber',
  'itemTitle',
  'order',
  'delegation',
  'person',
  'region',
  'onBehalfOf',
  'kind',
  'start',
  'end',
  'durationSeconds',
  'limitSeconds',
  'overrunSeconds',
  'parts',
  'partSeconds',
  'suspended',
  'offline',
] as const;
export type InterventionColumn = (typeof INTERVENTION_COLUMNS)[number];

/** The columns of `attendance.csv` and of the spreadsheet's Attendance sheet, in order. */
export const ATTENDANCE_COLUMNS = [
  'person',
  'delegation',
  'role',
  'category',
  'region',
  'rto',
  'joined',
  'left',
  'seconds',
  'totalSeconds',
] as const;
export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number];

/** The columns of the spreadsheet's Items sheet, in order. */
export const ITEM_COLUMNS = [
  'number',
  'title',
  'status',
  'plannedMinutes',
  'spentSeconds',
  'overPlan',
  'openedAt',
  'concludedAt',
  'deferredAt',
  'interventions',
  'pointsOfOrder',
  'replies',
  'outcome',
] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

/** The columns of the spreadsheet's Speaking time sheet, in order. */
export const SPEAKING_COLUMNS = [
  'scope',
  'itemTitle',
  'split',
  'key',
  'interventions',
  'seconds',
  'speakingShare',
  'participantShare',
  'difference',
] as const;
export type SpeakingColumn = (typeof SPEAKING_COLUMNS)[number];

/** The three ways speaking time is split. */
export type SpeakingSplit = 'region' | 'rto' | 'delegation';

/**
 * Every word of the record's exports in one language, as a secretariat would write them in an ITU
 * report. Typed so that a language missing a word does not compile. Values from the record (names,
 * titles, times) are passed in plain; each renderer escapes them for its format. Roles, categories,
 * regions and statuses are the room's own words (client/src/i18n/locales), so the record reads like
 * the screen it came from; a kind of intervention is named as a record names it ("Statement"), not
 * as the list of speakers names a request ("Speaker").
 */
export interface RecordWords {
  /** The locale percentages are written in (Intl). */
  locale: string;
  /** The language a Word document is marked in (BCP 47), so Word proofs it as such: `ar-SA`, `en-GB`. */
  documentLanguage: string;
  dir: 'ltr' | 'rtl';
  /** Between a label and its value: ": ", French "\u00a0: ", Chinese "：". */
  labelEnd: string;
  /** Between the entries of a list in one cell or line: "; ", Chinese "；". */
  listSeparator: string;
  /** After the meeting's title in a file name: `IRM-1 record.docx`. */
  fileSuffix: { record: string; interventions: string; attendance: string };
  /** The document's title. */
  title: (meeting: string) => string;
  /** Under the title: where the record comes from and as of when. */
  provenance: (asOf: string, lastSeq: number) => string;
  sections: {
    meeting: string;
    items: string;
    attendance: string;
    speakingTime: string;
    outsideAgenda: string;
  };
  meeting: {
    timezone: string;
    status: string;
    planned: string;
    opened: string;
    closed: string;
    suspensions: string;
    chair: string;
  };
  meetingStatus: Record<MeetingStatus, string>;
  /** A stretch of time, e.g. "13:00–14:10". */
  range: (from: string, to: string) => string;
  /** The meeting is still suspended (a suspension with no end). */
  stillSuspended: string;
  /** A time that has not come (not yet opened, never concluded...). */
  notYet: string;
  item: {
    status: string;
    opened: string;
    concluded: string;
    /** Each deferral of the item, also while it was pending. */
    deferred: string;
    time: string;
    sessions: string;
    outcome: string;
    documents: string;
    pointsOfOrder: string;
    replies: string;
    interventions: string;
    proposals: string;
  };
  itemStatus: Record<RecordItem['status'], string>;
  /** How a stretch of an item as the current one ended. */
  sessionEnd: Record<ItemSessionEnd, string>;
  /** The item is still the current one. */
  stillOpen: string;
  /** "30 min planned, 42:10 spent"; `spent` is a clock (h:mm:ss). */
  plannedVsSpent: (plannedMinutes: number, spent: string) => string;
  overPlan: string;
  noItems: string;
  noOutcome: string;
  noDocuments: string;
  noInterventions: string;
  noProposals: string;
  interventionColumns: {
    order: string;
    delegation: string;
    person: string;
    onBehalfOf: string;
    kind: string;
    start: string;
    duration: string;
    overrun: string;
    parts: string;
  };
  kinds: Record<FloorKind, string>;
  /** Notes on an intervention. */
  endedWhileSuspended: string;
  offline: string;
  proposalColumns: {
    symbol: string;
    title: string;
    submittedBy: string;
    status: string;
    locked: string;
    history: string;
  };
  proposalStatus: Record<ProposalStatus, string>;
  yes: string;
  no: string;
  /** A proposal's history: locked, unlocked. */
  lockedChange: string;
  unlockedChange: string;
  attendance: {
    totals: (registered: number, attended: number) => string;
    byRegion: string;
    byRto: string;
    byCategory: string;
    participants: string;
    registered: string;
    attended: string;
  };
  participantColumns: {
    name: string;
    delegation: string;
    role: string;
    category: string;
    region: string;
    rto: string;
    sessions: string;
    total: string;
  };
  roles: Record<Role, string>;
  categories: Record<Category, string>;
  regions: Record<Region, string>;
  /** In attendance counts: participants of no RTO. */
  noRto: string;
  /** Removed from the meeting's list of participants. */
  removed: string;
  neverConnected: string;
  stillConnected: string;
  speaking: {
    total: string;
    wholeMeeting: string;
    byRegion: string;
    byRto: string;
    byDelegation: string;
    /** In speaking time by RTO: interventions not made on behalf of an RTO. */
    notOnBehalf: string;
    interventions: string;
    time: string;
    speakingShare: string;
    participantShare: string;
    /** Speaking share less participant share, in percentage points (the header says so). */
    difference: string;
  };
  /** Paragraph consensus: a text's calls for objections, statuses, revisions, linked interventions. */
  consensus: ConsensusWords;
  /** The header rows of the CSV files and of the matching sheets. */
  interventionHeaders: Record<InterventionColumn, string>;
  attendanceHeaders: Record<AttendanceColumn, string>;
  spreadsheet: {
    /** At most 31 characters and none of []:*?/\ (Excel's rules for a sheet's name; checked in tests). */
    sheets: { items: string; interventions: string; attendance: string; speakingTime: string };
    itemHeaders: Record<ItemColumn, string>;
    speakingHeaders: Record<SpeakingColumn, string>;
    splits: Record<SpeakingSplit, string>;
    /** The scope of the meeting-wide rows of the Speaking time sheet. */
    meeting: string;
  };
}
