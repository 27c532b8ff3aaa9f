import {
  type Meeting,
  type MeetingId,
  type Participant,
  type Proposal,
  type ProposalId,
  textReadOnly,
  VIEWER,
} from '../../shared';
import { tokenCurrent } from '../auth/current';
import type { ParticipantClaims } from '../auth/tokens';
import type { MeetingService } from '../meeting/service';

/** Where a proposal lives: its meeting id and the proposal record. */
export interface ProposalRef {
  meetingId: MeetingId;
  proposal: Proposal;
}

/**
 * Finds a proposal across all meetings. Proposal ids are random and unique, and meetings hold a
 * handful of proposals, so a scan is cheaper than keeping an index in step with the event log.
 */
export function findProposal(service: MeetingService, proposalId: ProposalId): ProposalRef | null {
  for (const meetingId of service.meetingIds()) {
    const proposal = service.room(meetingId)?.state.proposals.find((p) => p.id === proposalId);
    if (proposal) return { meetingId, proposal };
  }
  return null;
}

/** Who is on a connection: a participant, or the projector (a view token, nobody in particular). */
export type Identity = { kind: 'participant'; participant: Participant } | { kind: 'view' };

/**
 * The identity behind valid claims for a meeting, or null when the token names nobody in it. The
 * role always comes from the meeting's participant record, never from the token.
 */
export function identify(meeting: Meeting, claims: ParticipantClaims): Identity | null {
  if (!tokenCurrent(meeting, claims)) return null; // another meeting's, removed or reissued
  if (claims.view) return { kind: 'view' };
  const participant = meeting.participants.find((p) => p.id === claims.participantId);
  return participant ? { kind: 'participant', participant } : null;
}

/** Why a connection may not change the text, or null when it may. */
export type ReadOnlyReason = 'view' | 'observer' | 'locked' | 'closed' | 'gone';

/**
 * The read-only rule (docs/collab.md): the shared `textReadOnly` (the projector and observers always,
 * from the permission table; everyone once the proposal is locked or the meeting is closed), plus
 * `gone`. Evaluated against the meeting's current state, so a lock or a close takes effect on open
 * connections when the server recomputes it.
 */
export function readOnlyReason(
  meeting: Meeting,
  identity: Identity,
  proposalId: ProposalId,
): ReadOnlyReason | null {
  const proposal = meeting.proposals.find((p) => p.id === proposalId);
  if (!proposal) return 'gone';
  const current =
    identity.kind === 'view' ? VIEWER : meeting.participants.find((p) => p.id === identity.participant.id);
  if (!current) return 'gone';
  const reason = textReadOnly(meeting, current, proposal);
  if (reason === 'role') return current.role === 'viewer' ? 'view' : 'observer';
  return reason;
}
