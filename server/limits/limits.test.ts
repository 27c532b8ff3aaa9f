import { describe, expect, it } from 'vitest';
import { asId, type MeetingId, type ParticipantId } from '../../shared';
import { Budget } from './budget';
import { ParticipantLimits, participantKey } from './participants';

const participantIdOf = asId<ParticipantId>;

const meetingIdOf = asId<MeetingId>;

describe('Budget', () => {
  it('takes up to the burst, refills at the rate, and may be charged into debt', () => {
    let now = 0;
    const budget = new Budget({ burst: 10, perSecond: 5 }, () => now);
    expect(budget.take(10)).toBe(true);
    expect(budget.take(1)).toBe(false);
    now = 1000;
    expect(budget.take(5)).toBe(true);
    expect(budget.positive()).toBe(false);
    budget.charge(20);
    now = 4000;
    expect(budget.positive()).toBe(false); // 15 refilled, 20 owed
    now = 5000;
    expect(budget.positive()).toBe(false); // even
    now = 5200;
    expect(budget.positive()).toBe(true);
    now = 100_000;
    expect(budget.full()).toBe(true);
  });
});

describe('ParticipantLimits', () => {
  const limits = () =>
    new ParticipantLimits<string, 'messages'>({
      maxConnections: 2,
      handshakes: { burst: 3, perSecond: 1 },
      budgets: { messages: { burst: 5, perSecond: 1 } },
    });

  it('evicts the oldest connections beyond the cap, per participant', () => {
    const l = limits();
    const a = participantKey(meetingIdOf('m1'), participantIdOf('p1'));
    expect(l.add(a, 'c1').evicted).toEqual([]);
    expect(l.add(a, 'c2').evicted).toEqual([]);
    expect(l.add(a, 'c3').evicted).toEqual(['c1']);
    expect(l.add(participantKey(meetingIdOf('m1'), participantIdOf('p2')), 'd1').evicted).toEqual([]);
    l.remove(a, 'c2');
    expect(l.count(a)).toBe(1);
    l.close();
  });

  it('shares budgets across a participant’s connections; the view token is one participant per meeting', () => {
    const l = limits();
    const view = participantKey(meetingIdOf('m1'), null);
    expect(view).toBe('m1|view');
    const one = l.add(view, 'screen1').entry;
    const two = l.add(view, 'screen2').entry;
    expect(one.budgets.messages).toBe(two.budgets.messages);
    expect(l.add(participantKey(meetingIdOf('m2'), null), 'x').entry.budgets.messages).not.toBe(
      one.budgets.messages,
    );
    l.close();
  });

  it('limits handshakes, and reconnecting does not reset the budget', () => {
    const l = limits();
    const a = participantKey(meetingIdOf('m1'), participantIdOf('p1'));
    expect([1, 2, 3, 4].map(() => l.admitHandshake(a))).toEqual([true, true, true, false]);
    l.add(a, 'c1');
    l.remove(a, 'c1');
    expect(l.admitHandshake(a)).toBe(false);
    l.close();
  });
});
