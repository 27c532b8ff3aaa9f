import { describe, expect, it } from 'vitest';
import { evolve } from '../../shared';
import { demoMeeting, P } from '../../shared/domain/fixtures';
import { mayCatchUp, tokenCurrent } from './current';
import type { ParticipantClaims } from './tokens';

const meeting = demoMeeting();
const claims = (participantId: string, tokenVersion: number): ParticipantClaims =>
  ({ meetingId: meeting.id, participantId, role: 'delegate', tokenVersion }) as ParticipantClaims;

describe('a token checked against the meeting in memory', () => {
  const reissued = evolve(meeting, {
    type: 'participant.reissued',
    participantId: P.kenya,
    tokenVersion: 2,
    at: 1,
  });
  const removed = evolve(meeting, {
    type: 'participant.removed',
    participantId: P.kenya,
    withdrawnRequestIds: [],
    at: 1,
  });

  it('is current only with the participant’s version, while they are a participant', () => {
    expect(tokenCurrent(reissued, claims(P.kenya, 2))).toBe(true);
    expect(tokenCurrent(reissued, claims(P.kenya, 1))).toBe(false);
    expect(tokenCurrent(removed, claims(P.kenya, 0))).toBe(false);
  });

  it('is worth a catch-up with the store only when it could be newer than what this process knows', () => {
    expect(mayCatchUp(meeting, claims('p_added_elsewhere', 0))).toBe(true);
    expect(mayCatchUp(meeting, claims(P.kenya, 1))).toBe(true); // reissued on another process
    // An old link, or a removed participant's: refused without a round trip, however often sent.
    expect(mayCatchUp(reissued, claims(P.kenya, 1))).toBe(false);
    expect(mayCatchUp(removed, claims(P.kenya, 0))).toBe(false);
  });
});
