import {
  DISCONNECT_REASONS,
  type Meeting,
  type MeetingId,
  type ParticipantId,
  type StoredEvent,
} from '../../shared';
import { tokenCurrent } from '../auth/current';
import type { ParticipantClaims } from '../auth/tokens';

/** Why a participant's open connections must close (docs/protocol.md, "Disconnects"). */
export type RevokedReason = typeof DISCONNECT_REASONS.linkReplaced | typeof DISCONNECT_REASONS.removed;

/**
 * What a batch of stored events revoked for one participant: their link was reissued (tokens of any
 * other version stop working), or they were removed (every token stops working).
 */
type Revocation =
  | { reason: typeof DISCONNECT_REASONS.linkReplaced; tokenVersion: number }
  | { reason: typeof DISCONNECT_REASONS.removed };

/** Whom a connection's token signed in: what a revocation is checked against. */
export type SignedIn = Pick<ParticipantClaims, 'meetingId' | 'participantId' | 'tokenVersion' | 'view'>;

/**
 * The revocations in one batch of a meeting's stored events, by participant: empty for almost every
 * batch. Later events win (reissued twice: the last version; removed: for good), so one pass over
 * the open connections settles the whole batch.
 */
export class Revocations {
  private constructor(
    readonly meetingId: MeetingId,
    private readonly byParticipant: ReadonlyMap<ParticipantId, Revocation>,
  ) {}

  static in(meetingId: MeetingId, events: readonly StoredEvent[]): Revocations {
    const found = new Map<ParticipantId, Revocation>();
    for (const { event } of events) {
      switch (event.type) {
        case 'participant.reissued':
          if (found.get(event.participantId)?.reason !== DISCONNECT_REASONS.removed) {
            found.set(event.participantId, {
              reason: DISCONNECT_REASONS.linkReplaced,
              tokenVersion: event.tokenVersion,
            });
          }
          break;
        case 'participant.removed':
          found.set(event.participantId, { reason: DISCONNECT_REASONS.removed });
          break;
      }
    }
    return new Revocations(meetingId, found);
  }

  get empty(): boolean {
    return this.byParticipant.size === 0;
  }

  /**
   * Why a connection signed in with `claims` must close now, or null when this batch leaves its token
   * good: another meeting's, the projector's view token, another participant, or a token of the
   * version just issued.
   */
  reasonFor(signedIn: SignedIn): RevokedReason | null {
    if (signedIn.meetingId !== this.meetingId || signedIn.view) return null;
    const revocation = this.byParticipant.get(signedIn.participantId);
    if (!revocation) return null;
    if (
      revocation.reason === DISCONNECT_REASONS.linkReplaced &&
      revocation.tokenVersion === signedIn.tokenVersion
    )
      return null;
    return revocation.reason;
  }
}

/**
 * Why `claims` no longer sign anyone in to `meeting` as it is now (removed, or an older version of a
 * reissued link), or null while they do: for a connection that may have missed its revocation (it
 * connected, or sent a command, while the revoking batch was on its way).
 */
export function staleReason(meeting: Meeting, claims: ParticipantClaims): RevokedReason | null {
  if (tokenCurrent(meeting, claims)) return null;
  return meeting.participants.some((p) => p.id === claims.participantId)
    ? DISCONNECT_REASONS.linkReplaced
    : DISCONNECT_REASONS.removed;
}
