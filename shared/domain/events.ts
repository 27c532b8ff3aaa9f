import type { ItemId, MeetingId, ParticipantId, ProposalId, RequestId } from '../ids';
import type {
  AgendaItem,
  FloorKind,
  FloorOptions,
  FloorRequest,
  Intervention,
  Participant,
  Proposal,
  ProposalStatus,
} from './model';

/**
 * Everything that can happen in a meeting. Events are facts: they carry every value `evolve`
 * needs (times, ids, queue positions), so replaying the log never depends on the clock or on rules
 * that may change later. They are deltas: a new floor request carries that request and its index,
 * not the whole queue.
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
  | { type: 'participant.added'; participant: Omit<Participant, 'online'> }
  | { type: 'participant.online'; participantId: ParticipantId }
  | { type: 'participant.offline'; participantId: ParticipantId }
  | { type: 'agenda.itemAdded'; item: Omit<AgendaItem, 'spentSeconds' | 'openSince'>; index: number }
  | {
      type: 'agenda.itemUpdated';
      itemId: ItemId;
      changes: Partial<Pick<AgendaItem, 'number' | 'title' | 'description' | 'plannedMinutes'>>;
    }
  | { type: 'agenda.itemRemoved'; itemId: ItemId }
  | { type: 'agenda.itemMoved'; itemId: ItemId; toIndex: number }
  | { type: 'agenda.itemOpened'; itemId: ItemId; at: number }
  | { type: 'agenda.itemConcluded'; itemId: ItemId; outcome: string; at: number }
  | { type: 'agenda.itemDeferred'; itemId: ItemId; at: number }
  | { type: 'floor.requested'; request: FloorRequest; index: number }
  | { type: 'floor.withdrawn'; requestId: RequestId }
  | {
      type: 'floor.given';
      requestId: RequestId;
      participantId: ParticipantId;
      kind: FloorKind;
      startedAt: number;
      limitSeconds: number;
    }
  | { type: 'floor.ended'; intervention: Intervention }
  | { type: 'floor.moved'; requestId: RequestId; toIndex: number }
  | { type: 'floor.removed'; requestId: RequestId }
  | { type: 'floor.closed' }
  | { type: 'floor.reopened' }
  | { type: 'floor.limitSet'; seconds: number; requestId: RequestId | null }
  | { type: 'floor.extended'; seconds: number }
  | { type: 'presiding.handed'; participantId: ParticipantId }
  | { type: 'presiding.resumed'; participantId: ParticipantId }
  /** `baseText`, when given, seeds the proposal's text and is kept as its version 0. */
  | { type: 'proposal.created'; proposal: Proposal; baseText?: string }
  | {
      type: 'proposal.updated';
      proposalId: ProposalId;
      changes: Partial<Pick<Proposal, 'symbol' | 'title' | 'submittedBy' | 'itemId'>>;
    }
  | { type: 'proposal.statusSet'; proposalId: ProposalId; status: ProposalStatus }
  | { type: 'proposal.locked'; proposalId: ProposalId }
  | { type: 'proposal.unlocked'; proposalId: ProposalId };

export type MeetingEventType = MeetingEvent['type'];
export type EventOf<T extends MeetingEventType> = Extract<MeetingEvent, { type: T }>;

/** An event as stored and broadcast: its gap-free per-meeting sequence number and its time. */
export interface StoredEvent {
  seq: number;
  at: number;
  event: MeetingEvent;
}
