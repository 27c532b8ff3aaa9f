import { describe, expect, it } from 'vitest';
import { asId, type MeetingEvent, type MeetingId, type ParticipantId, storedEvent } from '../../shared';
import { P, Room, testContext } from '../../shared/domain/fixtures';
import { Revocations, type SignedIn, staleReason } from './revocations';

const M = asId<MeetingId>('m1');
const batch = (...events: MeetingEvent[]) => events.map((event, i) => storedEvent(i + 1, 0, event));
const reissued = (participantId: ParticipantId, tokenVersion: number): MeetingEvent => ({
  type: 'participant.reissued',
  participantId,
  tokenVersion,
  at: 0,
});
const removed = (participantId: ParticipantId): MeetingEvent => ({
  type: 'participant.removed',
  participantId,
  withdrawnRequestIds: [],
  at: 0,
});
const who = (participantId: ParticipantId, tokenVersion: number, more: Partial<SignedIn> = {}): SignedIn => ({
  meetingId: M,
  participantId,
  tokenVersion,
  ...more,
});

describe('which connections a batch of stored events revokes', () => {
  const a = P.brazil;
  const b = P.france;
  it.each([
    ['a batch without revocations', batch({ type: 'participant.online', participantId: a }), who(a, 0), null],
    ['a reissue, the old version', batch(reissued(a, 1)), who(a, 0), 'link_replaced'],
    ['a reissue, the new version', batch(reissued(a, 1)), who(a, 1), null],
    ['reissued twice: the middle version', batch(reissued(a, 1), reissued(a, 2)), who(a, 1), 'link_replaced'],
    ['a removal, any version', batch(removed(a)), who(a, 7), 'removed'],
    ['reissued, then removed', batch(reissued(a, 1), removed(a)), who(a, 1), 'removed'],
    ['someone else', batch(reissued(a, 1), removed(a)), who(b, 0), null],
    ['another meeting', batch(removed(a)), who(a, 0, { meetingId: asId<MeetingId>('m2') }), null],
    ['the projector', batch(removed(a)), who(a, 0, { view: true }), null],
  ] as const)('%s', (_label, events, signedIn, reason) => {
    expect(Revocations.in(M, events).reasonFor(signedIn)).toBe(reason);
  });

  it('is empty for a batch that revokes nothing, so the connections are not even looked at', () => {
    expect(Revocations.in(M, batch({ type: 'participant.online', participantId: a })).empty).toBe(true);
    expect(Revocations.in(M, batch(removed(b))).empty).toBe(false);
  });
});

describe('whether claims still count in the meeting as it is now', () => {
  const room = new Room({ ctx: testContext(0) });
  const meeting = room.meeting;
  const brazil = room.participant(P.brazil);
  const claims = (participantId: ParticipantId, tokenVersion: number, view?: true) => ({
    meetingId: meeting.id,
    participantId,
    role: 'delegate' as const,
    tokenVersion,
    ...(view ? { view } : {}),
  });
  it.each([
    ['the current version', claims(P.brazil, brazil.tokenVersion), null],
    ['an older version', claims(P.brazil, brazil.tokenVersion + 1), 'link_replaced'],
    ['nobody in the meeting (removed)', claims(asId<ParticipantId>('gone'), 0), 'removed'],
    ['the projector', claims(asId<ParticipantId>('viewer'), 0, true), null],
  ] as const)('%s', (_label, c, reason) => {
    expect(staleReason(meeting, c)).toBe(reason);
  });
});
