import type { InterventionId, ItemId, MeetingId, ParticipantId, ProposalId, RequestId } from '../ids';
import type { Consensus } from './consensusModel';

/** Roles a participant can hold in a meeting; they decide what each may do (see `permissions.ts`). */
export const ROLES = ['chair', 'vice-chair', 'secretariat', 'spokesperson', 'delegate', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The six languages of the ITU, for a participant's invitation and the room's interface. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Membership categories of ITU-D participants. */
export const CATEGORIES = [
  'member-state',
  'sector-member',
  'associate',
  'academia',
  'rto',
  'bdt',
  'observer',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** ITU-D regions (the six RPM regions); `none` for BDT, sector members and the like. */
export const REGIONS = ['ARB', 'EUR', 'ASP', 'AMS', 'AFR', 'CIS', 'none'] as const;
export type Region = (typeof REGIONS)[number];

/** The six Regional Telecommunication Organizations and the region each speaks for. */
const RTO_REGION = {
  APT: 'ASP',
  ATU: 'AFR',
  CEPT: 'EUR',
  CITEL: 'AMS',
  LAS: 'ARB',
  RCC: 'CIS',
} as const satisfies Record<string, Region>;
export type RtoCode = keyof typeof RTO_REGION;
export const RTO_CODES = Object.keys(RTO_REGION) as RtoCode[];
/** The region an RTO speaks for. */
export const regionOfRto = (rto: RtoCode): Region => RTO_REGION[rto];

/**
 * Someone taking part, identified like a nameplate by delegation.
 * @example { id: 'p_1', name: 'Amina Diallo', delegation: 'Kenya', role: 'delegate',
 *            category: 'member-state', region: 'AFR', rto: null, email: 'amina@example.org',
 *            lang: 'en', tokenVersion: 0, invitedAt: null, online: false }
 */
export interface Participant {
  id: ParticipantId;
  name: string;
  delegation: string;
  role: Role;
  category: Category;
  region: Region;
  rto: RtoCode | null;
  /**
   * Where invitations go. Personal data: the server sends it only to those who manage
   * participants (`participant.manage`); everyone else's copy of the meeting has null here.
   */
  email: string | null;
  /** The language of the participant's invitation; null: the meeting's default (English). */
  lang: Language | null;
  /**
   * The version of the participant's join link: a token carries the version it was signed with
   * and is refused once the participant's link has been reissued (or the participant removed).
   */
  tokenVersion: number;
  /** When an invitation was last sent by e-mail (ms since the epoch), or null. */
  invitedAt: number | null;
  online: boolean;
}

/** A document of an agenda item, as ITU publishes it (the room links it, it does not hold it). */
export interface AgendaDocument {
  /** The document's symbol, e.g. `IRM-1/3`. */
  symbol: string;
  title: string;
  /** An http(s) address, e.g. on www.itu.int. */
  url: string;
  /** The languages it is published in. */
  languages: Language[];
}

export type MeetingStatus = 'scheduled' | 'open' | 'suspended' | 'closed';
type ItemStatus = 'pending' | 'open' | 'concluded' | 'deferred';

/**
 * One agenda item. `spentSeconds` counts the time it has been the current item while the meeting
 * was open; `openSince` is set while that clock runs.
 */
export interface AgendaItem {
  id: ItemId;
  number: string;
  title: string;
  description: string;
  plannedMinutes: number;
  status: ItemStatus;
  outcome: string;
  spentSeconds: number;
  openSince: number | null;
  /** Its documents, in the order the secretariat listed them. */
  documents: AgendaDocument[];
}

/** Kinds of request for the floor; the order here is their priority in the queue. */
export const FLOOR_KINDS = ['point_of_order', 'reply', 'speak'] as const;
export type FloorKind = (typeof FLOOR_KINDS)[number];

/**
 * A waiting request for the floor. `priority` is the band within its kind (0 before 1 before 2):
 * an RTO spokesperson's first request, then delegations new to the item, then the rest.
 */
export interface FloorRequest {
  id: RequestId;
  participantId: ParticipantId;
  kind: FloorKind;
  requestedAt: number;
  priority: number;
  limitSeconds: number | null;
}

/** One stretch of an intervention while the speaker had the floor (ms since the epoch). */
export interface InterventionPart {
  startedAt: number;
  endedAt: number;
}

/**
 * The person who has the floor now. `startedAt` and `limitSeconds` are those of the part now under
 * way: a resumed intervention starts again with the time it had left as its limit, so a countdown is
 * always `limitSeconds - (now - startedAt)`.
 */
export interface CurrentSpeaker {
  requestId: RequestId;
  participantId: ParticipantId;
  kind: FloorKind;
  startedAt: number;
  limitSeconds: number;
  /** True when this is the continuation of a suspended intervention. */
  resumed?: boolean;
  /** The floor was given while the participant was not connected (the chair confirmed it). */
  offline?: boolean;
  /**
   * For a resumed intervention: the parts spoken before this one, and how much of the
   * intervention's limit they used (so the log states the whole limit and overrun).
   */
  earlier?: { parts: InterventionPart[]; limitUsedSeconds: number };
}

/**
 * A speaker interrupted by a point of order (or a right of reply the chair let interrupt): their
 * clock is stopped at `suspendedAt` with `remainingSeconds` of their limit left (0 when they had
 * already run over). `startedAt` is the start of the part that was interrupted.
 */
export type SuspendedSpeaker = CurrentSpeaker & { remainingSeconds: number; suspendedAt: number };

/** The list of speakers of the current agenda item. */
export interface Floor {
  current: CurrentSpeaker | null;
  /** Interrupted speakers, oldest first: the last one resumes first. */
  suspended: SuspendedSpeaker[];
  queue: FloorRequest[];
  closed: boolean;
  /** Default speaking time for new interventions, in seconds. */
  limitSeconds: number;
}

/** The waiting list of an agenda item that is not the current one, kept until it is opened again. */
export interface ParkedList {
  queue: FloorRequest[];
  closed: boolean;
}

/** A request the presiding officer removed (one by one or by clearing the list), kept for undo. */
interface RemovedRequest {
  request: FloorRequest;
  /** Its place in the list when it was removed. */
  index: number;
  /** The agenda item whose list it was on. */
  itemId: ItemId | null;
  removedAt: number;
}

/** An agenda item that was removed, with what went with it, kept for undo. */
interface RemovedItem {
  item: AgendaItem;
  index: number;
  parkedList: ParkedList | null;
  unlinkedProposalIds: ProposalId[];
  removedAt: number;
}

/**
 * What was removed lately, for the undo commands (`floor.restore`, `agenda.restore`). Bounded: a
 * removal drops the records older than `UNDO_WINDOW_SECONDS` before it, and at most
 * `REMOVED_KEPT` of each are kept.
 */
interface RecentlyRemoved {
  requests: RemovedRequest[];
  items: RemovedItem[];
}

/** How long a removal can be undone, in seconds of meeting time. */
export const UNDO_WINDOW_SECONDS = 60;
/** At most this many removed requests and items are kept for undo. */
export const REMOVED_KEPT = { requests: 1000, items: 20 } as const;

/** One finished intervention, for the minutes and the balance across regions. */
export interface Intervention {
  id: InterventionId;
  requestId: RequestId;
  participantId: ParticipantId;
  delegation: string;
  region: Region;
  rto: RtoCode | null;
  itemId: ItemId | null;
  kind: FloorKind;
  /** The start of the first part. */
  startedAt: number;
  /** The end of the last part. */
  endedAt: number;
  /** One part normally; two or more when the speaker was suspended and resumed. */
  parts: InterventionPart[];
  /** The sum of the parts. */
  durationSeconds: number;
  limitSeconds: number;
  overrunSeconds: number;
  /** The floor was given while the participant was not connected. */
  offline?: boolean;
  /** The presiding officer ended it while it was suspended (the speaker did not resume). */
  endedWhileSuspended?: boolean;
}

export const PROPOSAL_STATUSES = [
  'draft',
  'under-consideration',
  'agreed',
  'not-agreed',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * What a co-edited text is: a consensus text under consideration (`proposal`), or the chair's
 * summary of the meeting, drafted from its record (`chair-summary`), which only those who write
 * the summary edit.
 */
const PROPOSAL_KINDS = ['proposal', 'chair-summary'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Metadata of a consensus text; the text itself is a Yjs document (co-editing issue). */
export interface Proposal {
  id: ProposalId;
  kind: ProposalKind;
  symbol: string;
  title: string;
  submittedBy: string;
  itemId: ItemId | null;
  status: ProposalStatus;
  locked: boolean;
  createdBy: ParticipantId | null;
  createdAt: number;
}

/** How the list of speakers orders new requests (meeting options). */
export interface FloorOptions {
  /** An RTO spokesperson's first request on an item goes before delegates' requests. */
  rtoSpokespersonsFirst: boolean;
  /** Delegations that have not yet spoken on the item go before those that have. */
  newDelegationsFirst: boolean;
}

/** The whole state of one meeting: `events.reduce(evolve, null)`. */
export interface Meeting {
  id: MeetingId;
  title: string;
  timezone: string;
  status: MeetingStatus;
  createdAt: number;
  /** When the meeting is planned to start and end (ms since the epoch), or null until set. */
  startsAt: number | null;
  endsAt: number | null;
  /**
   * The video call the meeting runs its audio and interpretation in (an https address), shown in
   * the room as "Join the video call"; null when there is none.
   */
  videoUrl: string | null;
  /** Archived by the administrator: kept and readable, listed apart, refused every change. */
  archived: boolean;
  currentItemId: ItemId | null;
  /** The chair, or the vice-chair the chair has handed presiding to. */
  presidingParticipantId: ParticipantId | null;
  options: FloorOptions;
  participants: Participant[];
  /**
   * Participants who were removed, as they were: their past interventions, requests and texts still
   * name them. They cannot sign in or act.
   */
  formerParticipants: Participant[];
  agenda: AgendaItem[];
  floor: Floor;
  parkedLists: Record<string, ParkedList>;
  interventions: Intervention[];
  proposals: Proposal[];
  recentlyRemoved: RecentlyRemoved;
  /** Paragraph statuses, checks, revisions, intervention links and what the projector shows. */
  consensus: Consensus;
}
