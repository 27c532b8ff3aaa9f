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
import type { InterventionId, ItemId, MeetingId, ParticipantId, ProposalId } from '../ids';

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
