// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckId, ConsensusCheck, Meeting, ProposalId } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../../test/localRoom';
import { CheckCountdown } from './CheckCountdown';

/** Our clock; the server's runs 5 s ahead of it (`clockOffset`, as the room client measures it). */
const OURS = Date.parse('2025-07-14T11:30:00Z');
const OFFSET = 5000;

beforeEach(() => {
  // Only the clock and the countdown's interval are faked: React schedules with the real timers.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: OURS });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The projector's countdown over a room check asked `agoMs` before now on the server's clock. */
function showCheck(agoMs: number, seconds = 20) {
  const local = localRoom(P.chair, { open: true });
  local.by(P.brazil, {
    type: 'proposal.create',
    symbol: 'ACP/1',
    title: 'Resolution 31',
    submittedBy: 'APT',
  });
  const meeting: Meeting = local.port.getState().meeting!;
  const askedAt = OURS + OFFSET - agoMs;
  const check: ConsensusCheck = {
    id: 'c_1' as CheckId,
    proposalId: meeting.proposals[0]!.id as ProposalId,
    paragraphIds: ['b2'],
    paragraphNumbers: [1],
    procedure: 'room',
    askedBy: P.chair,
    askedAt,
    endsAt: askedAt + seconds * 1000,
    objections: [],
    result: null,
  };
  local.set({
    clockOffset: OFFSET,
    meeting: { ...meeting, consensus: { ...meeting.consensus, checks: [check] } },
  });
  renderWith(local.port, <CheckCountdown />);
}

const seconds = () => Number(screen.getByTestId('check-seconds').textContent);
const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe("the projector's countdown", () => {
  it("counts down on the server's clock, not ours, every second, to 0", () => {
    // Asked 3.2 s ago on the server: 16.8 s left (our clock alone would say 21.8, shown 20).
    showCheck(3200);
    expect(seconds()).toBe(17);
    tick(1000);
    expect(seconds()).toBe(16);
    tick(1000);
    expect(seconds()).toBe(15);
    tick(15_000);
    expect(seconds()).toBe(0);
    tick(5000);
    expect(seconds()).toBe(0);
  });

  it('starts at its window, not above, when our clock reads it a little early', () => {
    // The check's event arrives before the server's "now" as estimated here: it would read 21.
    showCheck(-700);
    expect(seconds()).toBe(20);
    tick(1000);
    expect(seconds()).toBe(20);
    tick(1000);
    expect(seconds()).toBe(19);
  });
});
