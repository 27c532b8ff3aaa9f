// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addParticipant, evolve, type ParticipantId, type SuspendedSpeaker } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../../test/localRoom';
import { connect } from '../../test/presence';
import { FloorPanel } from '../FloorPanel';

afterEach(cleanup);

/** The demo meeting with an open item; everyone is connected but `offline`. */
function room(as: ParticipantId, offline: ParticipantId[] = []) {
  return localRoom(as, { openItem: true, offline });
}

const button = (name: string) => screen.getByRole('button', { name });

describe('the list of speakers for a delegate', () => {
  it('withdraws the request chosen by its kind, and the focus follows each action', async () => {
    const user = userEvent.setup();
    const local = room(P.brazil);
    renderWith(local.port, <FloorPanel />);
    await user.click(button('Point of order'));
    expect(document.activeElement).toBe(button('Withdraw point of order'));
    await user.click(button('Request the floor'));
    expect(document.activeElement).toBe(button('Withdraw request to speak'));
    expect(screen.getByTestId('my-place').textContent).toBe(
      'Point of order: Your place in the list: 1 · Speaker: Your place in the list: 2',
    );
    await user.click(button('Withdraw point of order'));
    expect(local.room.meeting.floor.queue.map((r) => r.kind)).toEqual(['speak']);
    expect(document.activeElement).toBe(button('Point of order'));
  });

  it('offers Yield the floor instead of Request to the speaker; focus goes back to Request', async () => {
    const user = userEvent.setup();
    const local = room(P.brazil);
    renderWith(local.port, <FloorPanel />);
    act(() => void local.room.giveTo(P.brazil));
    act(() => local.set({ meeting: local.room.meeting, seq: local.room.events.length }));
    expect(screen.queryByRole('button', { name: 'Request the floor' })).toBeNull();
    await user.click(button('Yield the floor'));
    expect(local.room.meeting.floor.current).toBeNull();
    expect(document.activeElement).toBe(button('Request the floor'));
  });

  it('shows who is connected in each row, in words for screen readers', () => {
    const local = room(P.brazil, [P.egypt]);
    local.by(P.france, { type: 'floor.request', kind: 'speak' });
    local.by(P.egypt, { type: 'floor.request', kind: 'speak' });
    renderWith(local.port, <FloorPanel />);
    const rows = screen.getAllByTestId('queue-item');
    expect(rows[0]!.textContent).toContain('online');
    expect(rows[1]!.textContent).toContain('offline');
  });
});

describe('the list of speakers for the chair', () => {
  it('asks before giving the floor to someone offline, then confirms', async () => {
    const user = userEvent.setup();
    const local = room(P.chair, [P.brazil]);
    local.by(P.brazil, { type: 'floor.request', kind: 'speak' });
    renderWith(local.port, <FloorPanel />);
    await user.click(button('Next speaker'));
    expect(local.room.meeting.floor.current).toBeNull();
    expect(screen.getByText('Brazil is not connected. Give the floor anyway?')).toBeTruthy();
    expect(document.activeElement).toBe(button('Give the floor anyway'));
    await user.click(button('Give the floor anyway'));
    expect(local.sent.at(-1)).toEqual({ type: 'floor.next', confirmOffline: true });
    expect(local.room.meeting.floor.current?.participantId).toBe(P.brazil);
    expect(document.activeElement).toBe(button('End intervention'));
  });

  it('lets the chair choose whether a right of reply suspends the speaker', async () => {
    const user = userEvent.setup();
    const local = room(P.chair);
    local.room.giveTo(P.france);
    local.by(P.egypt, { type: 'floor.request', kind: 'reply' });
    connect(local, P.france, P.egypt);
    renderWith(local.port, <FloorPanel />);
    await user.click(button('Give the floor to Egypt'));
    expect(screen.getByText(/France has the floor\. Suspend their intervention/)).toBeTruthy();
    await user.click(button('Suspend France and give the floor'));
    expect(local.sent.at(-1)).toMatchObject({ type: 'floor.give', suspend: true });
    expect(local.sent.at(-1)).not.toHaveProperty('confirmOffline');
  });

  it('removes a request at once and offers Undo, which restores it', async () => {
    const user = userEvent.setup();
    const local = room(P.chair);
    local.by(P.brazil, { type: 'floor.request', kind: 'speak' });
    const id = local.room.meeting.floor.queue[0]!.id;
    renderWith(local.port, <FloorPanel />);
    await user.click(button('Remove Brazil from the list'));
    expect(local.room.meeting.floor.queue).toHaveLength(0);
    expect(screen.getByTestId('undo-bar').textContent).toContain('The request of Brazil was removed.');
    expect(document.activeElement).toBe(button('Undo'));
    await user.click(button('Undo'));
    expect(local.sent.at(-1)).toEqual({ type: 'floor.restore', requestIds: [id] });
    expect(local.room.meeting.floor.queue.map((r) => r.id)).toEqual([id]);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'List of speakers' }));
  });

  it('clears the list in one command, with Undo for every request', async () => {
    const user = userEvent.setup();
    const local = room(P.chair);
    for (const who of [P.brazil, P.france]) local.by(who, { type: 'floor.request', kind: 'speak' });
    const ids = local.room.meeting.floor.queue.map((r) => r.id);
    renderWith(local.port, <FloorPanel />);
    await user.click(button('Clear the list'));
    await user.click(button('Undo'));
    expect(local.sent.slice(-2)).toEqual([
      { type: 'floor.clear' },
      { type: 'floor.restore', requestIds: ids },
    ]);
    expect(local.room.meeting.floor.queue.map((r) => r.id)).toEqual(ids);
  });

  it('adds anyone to the list by searching delegation, name or RTO', async () => {
    const user = userEvent.setup();
    const local = room(P.chair);
    renderWith(local.port, <FloorPanel />);
    const search = screen.getByRole('combobox', { name: 'Delegation, name or RTO' });
    await user.type(search, 'cept');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.textContent?.includes('CEPT'))).toBe(true);
    await user.clear(search);
    await user.type(search, 'japan{ArrowDown}{ArrowUp}{Enter}');
    await user.selectOptions(screen.getByLabelText('Kind of request'), 'reply');
    await user.click(button('Add to the list'));
    expect(local.room.meeting.floor.queue.map((r) => [r.participantId, r.kind])).toEqual([
      [P.japan, 'reply'],
    ]);
    expect(screen.getByText('Japan was added to the list of speakers.')).toBeTruthy();
  });

  it('shows the suspended speaker with the time left, and ends their intervention on request', async () => {
    const user = userEvent.setup();
    const local = room(P.chair);
    const suspended: SuspendedSpeaker = {
      requestId: 'r_x' as SuspendedSpeaker['requestId'],
      participantId: P.brazil,
      kind: 'speak',
      startedAt: Date.now() - 60_000,
      limitSeconds: 180,
      remainingSeconds: 102,
      suspendedAt: Date.now(),
    };
    const meeting = local.room.meeting;
    local.set({
      meeting: { ...meeting, floor: { ...meeting.floor, suspended: [suspended] } as typeof meeting.floor },
    });
    renderWith(local.port, <FloorPanel />);
    expect(screen.getByTestId('suspended').textContent).toContain('Suspended: Brazil, 1:42 left');
    await user.click(button('End the suspended intervention'));
    expect(local.sent.at(-1)).toEqual({ type: 'floor.endSuspended' });
  });

  it('with 300 waiting shows the count and the next speakers, and renders only rows in view', () => {
    const local = room(P.chair);
    for (let i = 0; i < 300; i++) {
      const added = addParticipant(
        local.room.meeting,
        { name: `Delegate ${i}`, delegation: `Delegation ${i}`, role: 'delegate' },
        local.room.ctx,
      );
      if (!added.ok) throw new Error(added.error.message);
      for (const event of added.events) local.room.meeting = evolve(local.room.meeting, event);
      const who = local.room.meeting.participants.at(-1)!.id;
      local.room.must(P.chair, { type: 'floor.request', kind: 'speak', participantId: who });
    }
    const count = local.room.meeting.floor.queue.length;
    expect(count).toBe(300);
    local.set({ meeting: local.room.meeting });
    renderWith(local.port, <FloorPanel />);
    expect(screen.getByTestId('queue-count').textContent).toContain(`${count} waiting`);
    expect(screen.getByTestId('queue-count').textContent).toMatch(/Next: \S/);
    expect(screen.queryAllByTestId('queue-item').length).toBeLessThan(40);
    expect(button('Next speaker')).toBeTruthy();
  });
});
