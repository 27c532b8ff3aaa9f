import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids';
import { evolve } from './evolve';
import { demoMeeting, P } from './fixtures';
import type { Meeting } from './model';
import { presenceChanges } from './presence';

/** The demo meeting with the given participants stored as online (everyone else offline). */
function meetingWithOnline(...online: ParticipantId[]): Meeting {
  return online.reduce(
    (meeting, participantId) => evolve(meeting, { type: 'participant.online', participantId }) as Meeting,
    demoMeeting(),
  );
}

const always = () => true as const;

describe('presenceChanges', () => {
  it('writes online for the newly connected and offline for the gone, nothing for the unchanged', () => {
    const meeting = meetingWithOnline(P.chair, P.viceApt);
    const { events, retryAt } = presenceChanges(meeting, new Set([P.chair, P.spokesApt]), always);
    expect(events).toEqual([
      { type: 'participant.offline', participantId: P.viceApt },
      { type: 'participant.online', participantId: P.spokesApt },
    ]);
    expect(retryAt).toBeUndefined();
  });

  it('asks the allowance only about participants whose flag changes', () => {
    const meeting = meetingWithOnline(P.chair);
    const asked: Array<[ParticipantId, boolean]> = [];
    presenceChanges(meeting, new Set([P.chair, P.viceAtu]), (id, online) => {
      asked.push([id, online]);
      return true;
    });
    expect(asked).toEqual([[P.viceAtu, true]]);
  });

  it('holds back what the allowance refuses and retries at the earliest time it names', () => {
    const meeting = meetingWithOnline(P.chair, P.viceApt, P.viceAtu);
    const later: Partial<Record<ParticipantId, number>> = { [P.viceApt]: 5000, [P.viceAtu]: 2000 };
    const { events, retryAt } = presenceChanges(meeting, new Set([P.spokesApt]), (id) => later[id] ?? true);
    expect(events).toEqual([
      { type: 'participant.offline', participantId: P.chair },
      { type: 'participant.online', participantId: P.spokesApt },
    ]);
    expect(retryAt).toBe(2000);
  });

  it('writes nothing when the flags already agree', () => {
    const meeting = meetingWithOnline(P.chair);
    expect(presenceChanges(meeting, new Set([P.chair]), always)).toEqual({ events: [], retryAt: undefined });
  });
});
