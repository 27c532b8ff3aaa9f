import type { CheckId, ItemId, LinkId, MeetingId, ParticipantId, ProposalId, RequestId } from '../ids';
import type {
  ConsensusCheck,
  Objection,
  ParagraphId,
  ParagraphStatus,
  Revision,
  TextLink,
} from './consensusModel';
import type {
  AgendaDocument,
  AgendaItem,
  CurrentSpeaker,
  FloorKind,
  FloorOptions,
  FloorRequest,
  Intervention,
  ParkedList,
  Participant,
  Proposal,
  ProposalStatus,
  SuspendedSpeaker,
} from './model';

/**
 * Everything that can happen in a meeting. Events are facts: they carry every value `evolve`
 * needs (times, ids, queue positions), so replaying the log never depends on the clock or on rules
 * that may change later. They are deltas: a new floor request carries that request and its index,
 * not the whole queue. They also state their consequences (which list is parked or restored, who
 * takes the chair, the new limit), so `evolve` applies what an event says and works nothing out.
 * @example { type: 'floor.requested', request: { id: 'r_1', participantId: 'p_7', kind: 'speak',
 *            requestedAt: 1752490800000, priority: 1, limitSeconds: null }, index: 3 }
 */
export type MeetingEvent =
  | {
      type: 'meeting.created';
      meetingId: MeetingId;
      title: string;
      timezone: string;
      defaultSpeakingSeconds: number;
      at: number;
    }
  | { type: 'meeting.opened'; at: number }
  | { type: 'meeting.suspended'; at: number }
  | { type: 'meeting.resumed'; at: number }
  | { type: 'meeting.closed'; at: number }
  | { type: 'meeting.optionsSet'; options: FloorOptions }
  /**
   * Settings changed by the secretariat or the administrator. `defaultSpeakingSeconds` is the
   * floor's default limit for new interventions (`floor.limitSeconds`).
   */
  | { type: 'meeting.updated'; changes: MeetingChanges }
  | { type: 'meeting.archived'; at: number }
  | { type: 'meeting.unarchived'; at: number }
  /** `presides`: the participant takes the chair (the meeting's first chair). */
  | { type: 'participant.added'; participant: Omit<Participant, 'online'>; presides: boolean }
  | { type: 'participant.updated'; participantId: ParticipantId; changes: ParticipantChanges }
  /**
   * The participant leaves the meeting's list (kept in `formerParticipants`, so the log still names
   * them) and their token stops working. `withdrawnRequestIds`: their waiting requests, on the list
   * and on parked lists, which go with them.
   */
  | {
      type: 'participant.removed';
      participantId: ParticipantId;
      withdrawnRequestIds: RequestId[];
      at: number;
    }
  /** A new join link: tokens of earlier versions are refused from now on. */
  | { type: 'participant.reissued'; participantId: ParticipantId; tokenVersion: number; at: number }
  /** Invitations were sent by e-mail to these participants. */
  | { type: 'participant.invited'; participantIds: ParticipantId[]; at: number }
  | { type: 'participant.online'; participantId: ParticipantId }
  | { type: 'participant.offline'; participantId: ParticipantId }
  | { type: 'agenda.itemAdded'; item: Omit<AgendaItem, 'spentSeconds' | 'openSince'>; index: number }
  | {
      type: 'agenda.itemUpdated';
      itemId: ItemId;
      changes: Partial<Pick<AgendaItem, 'number' | 'title' | 'description' | 'plannedMinutes'>>;
    }
  /**
   * `dropsParkedList`: the item's parked list of speakers goes with it; `unlinkedProposalIds`: the
   * proposals that were linked to it and are linked to no item now. `at` (since version 3): when,
   * for the undo window; the item is kept in `recentlyRemoved`.
   */
  | {
      type: 'agenda.itemRemoved';
      itemId: ItemId;
      dropsParkedList: boolean;
      unlinkedProposalIds: ProposalId[];
      at: number;
    }
  /**
   * Undo of a removal: the item back at `index` as it was, its parked list back if it had one, and
   * the proposals unlinked by the removal (and not linked elsewhere since) linked to it again.
   */
  | {
      type: 'agenda.itemRestored';
      item: AgendaItem;
      index: number;
      parkedList: ParkedList | null;
      relinkedProposalIds: ProposalId[];
    }
  | { type: 'agenda.itemMoved'; itemId: ItemId; toIndex: number }
  /** The item's documents are now these, in this order. */
  | { type: 'agenda.documentsSet'; itemId: ItemId; documents: AgendaDocument[] }
  /**
   * `left`: the item that was current until now (it goes back to pending); `restoresList`: the
   * opened item's parked list of speakers becomes the list, else the list starts empty and open.
   */
  | { type: 'agenda.itemOpened'; itemId: ItemId; at: number; left: ItemLeft | null; restoresList: boolean }
  /** `left` is set when the item was the current one. */
  | { type: 'agenda.itemConcluded'; itemId: ItemId; outcome: string; at: number; left: ItemLeft | null }
  | { type: 'agenda.itemDeferred'; itemId: ItemId; at: number; left: ItemLeft | null }
  | { type: 'floor.requested'; request: FloorRequest; index: number }
  | { type: 'floor.withdrawn'; requestId: RequestId }
  /** `offline`: the participant was not connected and the presiding officer confirmed it. */
  | {
      type: 'floor.given';
      requestId: RequestId;
      participantId: ParticipantId;
      kind: FloorKind;
      startedAt: number;
      limitSeconds: number;
      offline?: boolean;
    }
  /** The current intervention is over and logged; nobody has the floor until the next event. */
  | { type: 'floor.ended'; intervention: Intervention }
  /**
   * The current speaker is interrupted (a point of order, or a reply the chair let interrupt): they
   * go on top of `floor.suspended` as stated, and nobody has the floor until the next event.
   */
  | { type: 'floor.suspended'; speaker: SuspendedSpeaker }
  /** The most recently suspended speaker (`requestId`) leaves the stack and has the floor again as `current`. */
  | { type: 'floor.resumed'; requestId: RequestId; current: CurrentSpeaker }
  /** The presiding officer ended a suspended intervention (`requestId`) instead: it is logged. */
  | { type: 'floor.endedWhileSuspended'; requestId: RequestId; intervention: Intervention }
  | { type: 'floor.moved'; requestId: RequestId; toIndex: number }
  /** `at` (since version 3): when, for the undo window; the request is kept in `recentlyRemoved`. */
  | { type: 'floor.removed'; requestId: RequestId; at: number }
  /** Every waiting request removed at once (the list is empty afterwards), kept for undo. */
  | { type: 'floor.cleared'; requestIds: RequestId[]; at: number }
  /** Undo of removals: each request inserted at its `index`, in this order, into the list as it is then. */
  | { type: 'floor.restored'; restored: { request: FloorRequest; index: number }[] }
  | { type: 'floor.closed' }
  | { type: 'floor.reopened' }
  | { type: 'floor.limitSet'; seconds: number; requestId: RequestId | null }
  /** `limitSeconds`: the current speaker's limit with the extension (the old limit + `seconds`). */
  | { type: 'floor.extended'; seconds: number; limitSeconds: number }
  | { type: 'presiding.handed'; participantId: ParticipantId }
  | { type: 'presiding.resumed'; participantId: ParticipantId }
  /**
   * `baseText`, when given, seeds the proposal's text and is kept as its version 0 (a chair's
   * summary's is drafted from the meeting's record).
   */
  | { type: 'proposal.created'; proposal: Proposal; baseText?: string }
  | {
      type: 'proposal.updated';
      proposalId: ProposalId;
      changes: Partial<Pick<Proposal, 'symbol' | 'title' | 'submittedBy' | 'itemId'>>;
    }
  | { type: 'proposal.statusSet'; proposalId: ProposalId; status: ProposalStatus }
  | { type: 'proposal.locked'; proposalId: ProposalId }
  | { type: 'proposal.unlocked'; proposalId: ProposalId }
  /** A numbered revision (`symbol/Rev.N`) was published; the co-editing server saves its text. */
  | { type: 'proposal.revisionPublished'; proposalId: ProposalId; revision: Revision }
  /** `delegations`: for `ad-referendum`, who asked for it; [] otherwise. */
  | {
      type: 'paragraph.statusSet';
      proposalId: ProposalId;
      paragraphId: ParagraphId;
      paragraphNumber: number;
      status: ParagraphStatus;
      delegations: string[];
      by: ParticipantId;
      at: number;
    }
  | { type: 'paragraph.interventionLinked'; link: TextLink }
  | { type: 'paragraph.interventionUnlinked'; linkId: LinkId; at: number }
  /** "Is there any objection?": a check opens (`objections` empty, `result` null). */
  | { type: 'consensus.asked'; check: ConsensusCheck }
  | { type: 'consensus.objected'; checkId: CheckId; objection: Objection }
  /** The delegation's objection is withdrawn (by `participantId`, of that delegation). */
  | {
      type: 'consensus.objectionWithdrawn';
      checkId: CheckId;
      delegation: string;
      participantId: ParticipantId;
      at: number;
    }
  /**
   * The check ended: by the presiding officer (`closedBy`), or at its deadline (`closedBy` null).
   * `agreed`: its paragraphs become agreed (set by `closedBy`, else by whoever asked); `objected`:
   * they stay as they were, with the objections named here.
   */
  | {
      type: 'consensus.closed';
      checkId: CheckId;
      proposalId: ProposalId;
      paragraphIds: ParagraphId[];
      outcome: 'agreed' | 'objected';
      objections: Objection[];
      closedAt: number;
      appliedAt: number;
      closedBy: ParticipantId | null;
      early: boolean;
    }
  /** The projector shows this proposal's text, following `paragraphId` (null: the floor and agenda). */
  | { type: 'screen.shown'; proposalId: ProposalId | null; paragraphId: ParagraphId | null };

/** What `meeting.updated` changes; absent fields stay as they were. */
export interface MeetingChanges {
  title?: string;
  timezone?: string;
  startsAt?: number | null;
  endsAt?: number | null;
  videoUrl?: string | null;
  defaultSpeakingSeconds?: number;
}

/** What `participant.updated` changes; absent fields stay as they were. */
export type ParticipantChanges = Partial<
  Pick<Participant, 'name' | 'delegation' | 'role' | 'category' | 'region' | 'rto' | 'email' | 'lang'>
>;

export type MeetingEventType = MeetingEvent['type'];
export type EventOf<T extends MeetingEventType> = Extract<MeetingEvent, { type: T }>;

/**
 * The item that stops being the current one (another is opened, or it is concluded or deferred):
 * its clock stops and no item is current. `parksList`: its list of speakers had requests or was
 * closed, so it is kept under the item until the item is opened again. Either way the floor's list
 * is empty and open afterwards.
 */
export interface ItemLeft {
  itemId: ItemId;
  parksList: boolean;
}

/**
 * The format version of the events this code writes (docs/protocol.md, "Event versions"). Events
 * stored before versioning carry no `v` and are version 1; `readStoredEvent` (./upgrade.ts) turns
 * older versions into this one and refuses newer ones.
 */
export const EVENT_VERSION = 6;

/**
 * An event as stored and broadcast: its gap-free per-meeting sequence number, its time and its
 * format version. What this code writes and broadcasts is always `EVENT_VERSION`; what a store
 * returns may be older (no `v`: version 1) or, in a rolling upgrade, newer: read it with
 * `readStoredEvent` before applying it.
 * @example { seq: 42, at: 1752490800000, v: 4, event: { type: 'floor.closed' } }
 */
export interface StoredEvent {
  seq: number;
  at: number;
  v?: number;
  event: MeetingEvent;
}

/** A stored event of the current version, as this code writes it. */
export const storedEvent = (seq: number, at: number, event: MeetingEvent): StoredEvent => ({
  seq,
  at,
  v: EVENT_VERSION,
  event,
});
