import { describe, expect, it } from 'vitest';
import { P, Room } from './fixtures';
import { PROPOSAL_QUOTA } from './quotas';

const create = (room: Room, actor: string, n: number) =>
  room.run(actor as (typeof P)[keyof typeof P], {
    type: 'proposal.create',
    symbol: `Q/${actor}/${n}`,
    title: `Proposal ${n}`,
    submittedBy: 'Kenya',
  });

describe('proposal quotas, counted from the meeting state', () => {
  it(`refuses a participant's proposal number ${PROPOSAL_QUOTA.perParticipant + 1}, naming the limit`, () => {
    const room = new Room();
    for (let n = 0; n < PROPOSAL_QUOTA.perParticipant; n++) expect(create(room, P.kenya, n).ok).toBe(true);
    const before = room.meeting;
    expect(create(room, P.kenya, -1)).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: `proposal quota reached: at most ${PROPOSAL_QUOTA.perParticipant} proposals per participant`,
      },
    });
    expect(room.meeting).toBe(before);
    // someone else still may
    expect(create(room, P.brazil, 0).ok).toBe(true);
  });

  it(`refuses the meeting's proposal number ${PROPOSAL_QUOTA.perMeeting + 1}, whoever sends it`, () => {
    const room = new Room();
    const authors = [P.kenya, P.brazil, P.france, P.egypt, P.japan, P.kazakhstan];
    for (let n = 0; n < PROPOSAL_QUOTA.perMeeting; n++) {
      expect(create(room, authors[n % authors.length]!, n).ok).toBe(true);
    }
    expect(create(room, P.secretariat, 0)).toMatchObject({
      ok: false,
      error: {
        code: 'rate_limited',
        message: `proposal quota reached: at most ${PROPOSAL_QUOTA.perMeeting} proposals per meeting`,
      },
    });
  });
});
