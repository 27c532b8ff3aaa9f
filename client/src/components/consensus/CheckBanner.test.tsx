// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDueChecks, evolve } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { renderWith } from '../../test/localRoom';
import { CheckBanner } from './CheckBanner';
import { holdAnswers } from './slowPort';
import { consensusRoom } from './testRoom';

const NOW = Date.UTC(2025, 6, 14, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The room as `as` sees it, the chair asking "any objection?" on paragraph 2 for 20 s. */
function asking(as: (typeof P)[keyof typeof P]) {
  const local = consensusRoom(as);
  renderWith(local.port, <CheckBanner />);
  act(() =>
    local.by(P.chair, {
      type: 'consensus.ask',
      proposalId: local.proposalId,
      paragraphIds: ['b2'],
      seconds: 20,
    }),
  );
  const checkId = local.room.meeting.consensus.checks.at(-1)!.id;
  return { ...local, checkId };
}

const countdown = () => screen.getByTestId('check-countdown').textContent;
const announced = () => screen.getByTestId('check-announcer').textContent ?? '';
const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('the "any objection?" banner', () => {
  it('names the proposal and paragraph and counts down on the server clock, announcing the start and the last 10 s', () => {
    const { set } = asking(P.brazil);
    const banner = screen.getByRole('region', { name: /Is there any objection\? IRM-1\/5 Paragraph 2/ });
    expect(banner).toBeTruthy();
    expect(countdown()).toBe('0:20');
    expect(announced()).toContain('Is there any objection?');
    expect(announced()).toContain('20 seconds');
    tick(5_000);
    expect(countdown()).toBe('0:15');
    // Our clock is 3 s behind the server's: the countdown is the server's.
    act(() => set({ clockOffset: 3_000 }));
    tick(250);
    expect(countdown()).toBe('0:12');
    expect(announced()).not.toContain('left');
    tick(2_000);
    expect(announced()).toBe('10 seconds left for objections.');
  });

  it('offers Objection to delegates, Close now to the presiding officer, neither to an observer', () => {
    asking(P.brazil);
    expect(screen.getByRole('button', { name: 'Objection' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close now' })).toBeNull();
    cleanup();
    asking(P.chair);
    expect(screen.getByRole('button', { name: 'Close now' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Objection' })).toBeNull();
    cleanup();
    asking(P.observer);
    expect(screen.queryByRole('button', { name: 'Objection' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close now' })).toBeNull();
  });

  it('sends Close now once, however often it is pressed while the first is pending', async () => {
    const { port, room } = asking(P.chair);
    const held = holdAnswers(port);
    const close = screen.getByRole('button', { name: 'Close now' });
    fireEvent.click(close);
    fireEvent.click(close);
    expect(held.sent.map((c) => c.type)).toEqual(['consensus.close']);
    expect(close.getAttribute('aria-disabled')).toBe('true');
    await act(held.answer);
    expect(room.meeting.consensus.checks[0]!.result).not.toBeNull();
    expect(port.getState().refusal).toBeNull();
  });

  it('takes an objection with its reason on Enter, lists it, then withdraws it', async () => {
    const { sent, checkId } = asking(P.egypt);
    fireEvent.click(screen.getByRole('button', { name: 'Objection' }));
    const reason = screen.getByRole('textbox', { name: 'Reason (optional)' });
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: ' Needs consultation with the capital ' } });
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    expect(sent.at(-1)).toEqual({
      type: 'consensus.object',
      checkId,
      reason: 'Needs consultation with the capital',
    });
    const list = within(screen.getByTestId('objections'));
    expect(list.getByText('Egypt')).toBeTruthy();
    expect(list.getByText('Needs consultation with the capital')).toBeTruthy();
    expect(announced()).toContain('Objection from');
    const withdraw = screen.getByRole('button', { name: 'Withdraw the objection' });
    expect(document.activeElement).toBe(withdraw);
    await act(async () => {
      fireEvent.click(withdraw);
    });
    expect(sent.at(-1)).toEqual({ type: 'consensus.withdrawObjection', checkId });
    expect(screen.getByText('No objection so far.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Objection' }));
  });

  it('shows the result for a few seconds: the objecting delegations, or the paragraph agreed', () => {
    const { by, proposalId, checkId, room, set } = asking(P.kenya);
    act(() => by(P.egypt, { type: 'consensus.object', checkId }));
    act(() => by(P.brazil, { type: 'consensus.object', checkId, reason: 'Too vague' }));
    act(() => by(P.chair, { type: 'consensus.close', checkId }));
    expect(screen.queryByTestId('check-banner')).toBeNull();
    expect(screen.getByTestId('check-result').textContent).toBe(
      'IRM-1/5 Not agreed: objections from Egypt and Brazil',
    );
    expect(announced()).toContain('not agreed');
    tick(9_000);
    expect(screen.queryByTestId('check-result')).toBeNull();

    act(() => by(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b2'], seconds: 5 }));
    expect(countdown()).toBe('0:05');
    // The window ends: the server's scheduler closes it at its deadline.
    tick(5_000);
    expect(countdown()).toBe('0:00');
    act(() => {
      for (const event of closeDueChecks(room.meeting, Date.now()))
        room.meeting = evolve(room.meeting, event);
      set({ meeting: room.meeting });
    });
    expect(screen.getByTestId('check-result').textContent).toBe('IRM-1/5 Paragraph 2 agreed');
    expect(announced()).toContain('Paragraph 2 agreed');
  });

  it('counts from what is left, never above the window, even after a minute at rest', () => {
    const local = consensusRoom(P.brazil);
    renderWith(local.port, <CheckBanner />);
    // At rest the banner reads the clock once a minute: 50 s since the last reading.
    tick(50_000);
    // The chair asked 3 s ago (the news came late): 17 s are left, not 20 nor 1:10.
    act(() => {
      local.room.ctx.set(Date.now() - 3_000);
      local.room.must(P.chair, {
        type: 'consensus.ask',
        proposalId: local.proposalId,
        paragraphIds: ['b2'],
        seconds: 20,
      });
      local.set({ meeting: local.room.meeting });
    });
    expect(countdown()).toBe('0:17');
    expect(announced()).toContain(': 17 seconds.');
    const checkId = local.room.meeting.consensus.checks.at(-1)!.id;
    act(() => local.by(P.chair, { type: 'consensus.close', checkId }));
    tick(9_000);

    // Our estimate of the server's clock is 1.5 s behind the asking: 0:20 as on the projector.
    act(() => local.set({ clockOffset: -1_500 }));
    act(() =>
      local.by(P.chair, {
        type: 'consensus.ask',
        proposalId: local.proposalId,
        paragraphIds: ['b4'],
        seconds: 20,
      }),
    );
    expect(countdown()).toBe('0:20');
    expect(announced()).toContain(': 20 seconds.');
  });

  it('stops offering Objection once the window has ended, the focus staying on the banner', () => {
    asking(P.egypt);
    fireEvent.click(screen.getByRole('button', { name: 'Objection' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason (optional)' }));
    tick(20_000);
    // The server has not closed it yet: objecting now would be refused.
    expect(countdown()).toBe('0:00');
    expect(screen.queryByRole('button', { name: 'Objection' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /Is there any objection\?/ }));
  });

  it('lets any member of the objecting delegation withdraw its objection', async () => {
    const { by, checkId, sent } = asking(P.kenya2);
    act(() => by(P.kenya, { type: 'consensus.object', checkId, reason: 'Awaiting instructions' }));
    expect(screen.queryByRole('button', { name: 'Objection' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Withdraw the objection' }));
    });
    expect(sent.at(-1)).toEqual({ type: 'consensus.withdrawObjection', checkId });
    expect(screen.getByText('No objection so far.')).toBeTruthy();
  });
});
