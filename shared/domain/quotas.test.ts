import { describe, expect, it } from 'vitest';
import { evolve } from './evolve';
import { P, Room } from './fixtures';
import { AGENDA_QUOTA, PARTICIPANT_QUOTA, PROPOSAL_QUOTA } from './quotas';
import { addParticipant } from './secretariat';

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

describe('participant and agenda quotas, counted from the meeting state', () => {
  it(`refuses the meeting's participant number ${PARTICIPANT_QUOTA.perMeeting + 1}, naming the limit`, () => {
    const room = new Room();
    const add = (n: number) =>
      addParticipant(room.meeting, { name: `P ${n}`, delegation: 'Kenya', role: 'observer' }, room.ctx);
    while (room.meeting.participants.length < PARTICIPANT_QUOTA.perMeeting) {
      const decision = add(room.meeting.participants.length);
      if (!decision.ok) throw new Error(decision.error.message);
      for (const event of decision.events) room.meeting = evolve(room.meeting, event);
    }
    expect(add(-1)).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: `participant quota reached: at most ${PARTICIPANT_QUOTA.perMeeting} participants per meeting`,
      },
    });
  });

  it(`refuses agenda item number ${AGENDA_QUOTA.perMeeting + 1}; removing one makes room again`, () => {
    const room = new Room();
    while (room.meeting.agenda.length < AGENDA_QUOTA.perMeeting) {
      room.must(P.secretariat, { type: 'agenda.add', title: `Item ${room.meeting.agenda.length}` });
    }
    expect(room.run(P.chair, { type: 'agenda.add', title: 'One more' })).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: `agenda quota reached: at most ${AGENDA_QUOTA.perMeeting} agenda items per meeting`,
      },
    });
    const last = room.meeting.agenda.at(-1)!;
    room.must(P.chair, { type: 'agenda.remove', itemId: last.id });
    expect(room.run(P.chair, { type: 'agenda.add', title: 'One more' }).ok).toBe(true);
  });
});
