// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asId, type CurrentSpeaker, type ParticipantId, type RequestId } from '../../../shared';
import { P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { SpeakerTimer } from './SpeakerTimer';

const NOW = Date.UTC(2025, 6, 14, 11, 0, 0);
const speaker = (startedAgoSeconds: number, limitSeconds = 180): CurrentSpeaker => ({
  requestId: asId<RequestId>('r_1'),
  participantId: asId<ParticipantId>('p_1'),
  kind: 'speak',
  startedAt: NOW - startedAgoSeconds * 1000,
  limitSeconds,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('speaking-time countdown', () => {
  it('counts down on the server clock, corrected by the clock offset', () => {
    const { port, set } = localRoom(P.brazil);
    renderWith(port, <SpeakerTimer current={speaker(60)} />);
    expect(screen.getByTestId('timer').textContent).toBe('2:00');
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByTestId('timer').textContent).toBe('1:55');
    // Our clock is 10 s behind the server's: the countdown shows the server's view.
    act(() => set({ clockOffset: 10_000 }));
    act(() => vi.advanceTimersByTime(250));
    expect(screen.getByTestId('timer').textContent).toBe('1:45');
  });

  it('warns in the last 30 seconds and shows the over-run', () => {
    const { port } = localRoom(P.brazil);
    const low = renderWith(port, <SpeakerTimer current={speaker(160)} />);
    expect(low.container.querySelector('.timer-low')).not.toBeNull();
    cleanup();
    const { container } = renderWith(port, <SpeakerTimer current={speaker(200)} />);
    expect(screen.getByText('Over time')).toBeTruthy();
    expect(screen.getByTestId('timer').textContent).toBe('0:20');
    expect(container.querySelector('.timer-over')).not.toBeNull();
    expect(screen.getByText('Limit 3:00')).toBeTruthy();
  });
});
