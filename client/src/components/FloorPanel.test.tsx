// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { connect } from '../test/presence';
import { FloorPanel } from './FloorPanel';

afterEach(cleanup);

const queueText = () => screen.queryAllByTestId('queue-item').map((li) => li.textContent ?? '');

describe('list of speakers, as a delegate', () => {
  it('requests the floor, shows my place, and a point of order goes ahead', async () => {
    const user = userEvent.setup();
    const { port, by } = localRoom(P.brazil, { openItem: true });
    renderWith(port, <FloorPanel />);
    expect(screen.getByText('You are not in the list of speakers')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Request the floor' }));
    expect(screen.getByTestId('my-place').textContent).toBe('Speaker: Your place in the list: 1');
    expect((screen.getByRole('button', { name: 'Request the floor' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    act(() => by(P.egypt, { type: 'floor.request', kind: 'point_of_order' }));
    expect(queueText()[0]).toContain('Egypt');
    expect(queueText()[0]).toContain('Point of order');
    expect(screen.getByTestId('my-place').textContent).toBe('Speaker: Your place in the list: 2');

    await user.click(screen.getByRole('button', { name: 'Withdraw request to speak' }));
    expect(queueText()).toHaveLength(1);
    expect(screen.getByText('You are not in the list of speakers')).toBeTruthy();
  });

  it('has no chair controls, and no request buttons for an observer', () => {
    const { port } = localRoom(P.observer, { openItem: true });
    renderWith(port, <FloorPanel />);
    expect(screen.queryByRole('button', { name: 'Next speaker' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Request the floor' })).toBeNull();
    expect(screen.getByText('Observers speak when the chair gives them the floor.')).toBeTruthy();
  });

  it('a closed list still takes points of order and replies', () => {
    const { port, by } = localRoom(P.france, { openItem: true });
    by(P.chair, { type: 'floor.close' });
    renderWith(port, <FloorPanel />);
    expect(screen.getByText('The list is closed: only points of order and replies')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Request the floor' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: 'Point of order' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect((screen.getByRole('button', { name: 'Right of reply' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe('list of speakers, as the chair', () => {
  function chairWithQueue() {
    const local = localRoom(P.chair, { openItem: true });
    for (const who of [P.brazil, P.france, P.egypt]) local.by(who, { type: 'floor.request', kind: 'speak' });
    connect(local, P.brazil, P.france, P.egypt);
    renderWith(local.port, <FloorPanel />);
    return local;
  }

  it('gives the floor to the next speaker, then ends the intervention', async () => {
    const user = userEvent.setup();
    const { room } = chairWithQueue();
    await user.click(screen.getByRole('button', { name: 'Next speaker' }));
    expect(room.meeting.floor.current?.participantId).toBe(P.brazil);
    expect(screen.getByText('Has the floor')).toBeTruthy();
    expect(screen.getByTestId('timer').textContent).toMatch(/^3:00|^2:59$/);
    await user.click(screen.getByRole('button', { name: 'End intervention' }));
    expect(room.meeting.interventions.map((i) => i.delegation)).toEqual(['Brazil']);
    expect(screen.getByText('Nobody has the floor')).toBeTruthy();
  });

  it('reorders by keyboard with the arrow buttons, and gives the floor to any request', async () => {
    const user = userEvent.setup();
    const { room } = chairWithQueue();
    screen.getByRole('button', { name: 'Move Egypt up' }).focus();
    await user.keyboard('{Enter}');
    expect(queueText().map((t) => t.match(/Brazil|France|Egypt/)?.[0])).toEqual([
      'Brazil',
      'Egypt',
      'France',
    ]);
    await user.click(screen.getByRole('button', { name: 'Give the floor to France' }));
    expect(room.meeting.floor.current?.participantId).toBe(P.france);
    await user.click(screen.getByRole('button', { name: 'Remove Egypt from the list' }));
    expect(queueText()).toHaveLength(1);
  });

  it('reorders by drag and drop', () => {
    const { room } = chairWithQueue();
    const items = screen.getAllByTestId('queue-item');
    const egypt = room.meeting.floor.queue[2]!.id;
    const dataTransfer = {
      data: '',
      setData(_t: string, v: string) {
        this.data = v;
      },
      getData() {
        return this.data;
      },
      effectAllowed: '',
    };
    fireEvent.dragStart(items[2]!, { dataTransfer });
    fireEvent.dragOver(items[0]!, { dataTransfer });
    fireEvent.drop(items[0]!, { dataTransfer });
    expect(room.meeting.floor.queue[0]!.id).toBe(egypt);
  });

  it('extends time, closes and reopens the list, sets the limit', async () => {
    const user = userEvent.setup();
    const { room } = chairWithQueue();
    await user.click(screen.getByRole('button', { name: 'Next speaker' }));
    await user.click(screen.getByRole('button', { name: 'Extend by 1 minute' }));
    expect(room.meeting.floor.current?.limitSeconds).toBe(240);
    await user.click(screen.getByRole('button', { name: 'Close the list' }));
    expect(room.meeting.floor.closed).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Reopen the list' }));
    expect(room.meeting.floor.closed).toBe(false);
    const limit = screen.getByLabelText('Speaking time limit (seconds)');
    await user.clear(limit);
    await user.type(limit, '120{Enter}');
    expect(room.meeting.floor.limitSeconds).toBe(120);
    expect(
      within(screen.getByRole('list', { name: 'Waiting requests' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });
});
