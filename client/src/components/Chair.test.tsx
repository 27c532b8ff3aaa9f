// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ITEM, P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { connect } from '../test/presence';
import { AgendaPanel } from './AgendaPanel';
import { RefusalAlert } from './Announcer';
import { MeetingControls } from './MeetingControls';

afterEach(cleanup);

describe('chair console', () => {
  it('opens, concludes with an outcome and defers agenda items', async () => {
    const user = userEvent.setup();
    const { port, room } = localRoom(P.chair, { open: true });
    renderWith(port, <AgendaPanel />);
    const item = (n: string) => screen.getByRole('group', { name: `Actions for item ${n}` });
    await user.click(within(item('1')).getByRole('button', { name: 'Open item' }));
    expect(room.meeting.currentItemId).toBe(ITEM.opening);
    await user.click(within(item('1')).getByRole('button', { name: 'Conclude' }));
    await user.type(screen.getByLabelText('Outcome'), 'The agenda was adopted.');
    await user.click(screen.getByRole('button', { name: 'Conclude with this outcome' }));
    expect(room.item(ITEM.opening)).toMatchObject({
      status: 'concluded',
      outcome: 'The agenda was adopted.',
    });
    // The outcome is user text, isolated in a <bdi> inside the translated sentence.
    const outcome = screen.getByText(
      (_, el) => el?.tagName === 'P' && el.textContent === 'Outcome: The agenda was adopted.',
    );
    expect(outcome).toBeTruthy();
    expect(outcome.querySelector('bdi')?.textContent).toBe('The agenda was adopted.');
    await user.click(within(item('4')).getByRole('button', { name: 'Defer' }));
    expect(room.item(ITEM.aob).status).toBe('deferred');
  });

  it('adds an item and reorders the agenda by keyboard', async () => {
    const user = userEvent.setup();
    const { port, room } = localRoom(P.chair, { open: true });
    renderWith(port, <AgendaPanel />);
    await user.click(screen.getByRole('button', { name: 'Add an agenda item' }));
    await user.type(screen.getByLabelText('Title'), 'Closing');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(room.meeting.agenda.at(-1)?.title).toBe('Closing');
    screen.getByRole('button', { name: 'Move item 4 up' }).focus();
    await user.keyboard('{Enter}');
    expect(room.meeting.agenda.map((i) => i.number)).toEqual(['1', '2', '4', '3', '5']);
  });

  it('closes each agenda form by Escape or Cancel, the focus back on the button that opened it', async () => {
    const user = userEvent.setup();
    const { port, room } = localRoom(P.chair, { open: true });
    renderWith(port, <AgendaPanel />);
    const item = (n: string) => within(screen.getByRole('group', { name: `Actions for item ${n}` }));
    const add = () => screen.getByRole('button', { name: 'Add an agenda item' });
    await user.click(add());
    await user.type(screen.getByLabelText('Title'), 'Closing');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(document.activeElement).toBe(add());
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Title'), 'Closing');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(room.meeting.agenda.at(-1)?.title).toBe('Closing');
    expect(document.activeElement).toBe(add());

    await user.click(item('2').getByRole('button', { name: 'Edit' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(item('2').getByRole('button', { name: 'Edit' }));
    await user.click(item('1').getByRole('button', { name: 'Open item' }));
    await user.click(item('1').getByRole('button', { name: 'Conclude' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(item('1').getByRole('button', { name: 'Conclude' }));
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(item('1').getByRole('button', { name: 'Conclude' }));
    // Concluded, the item has no Conclude any more: the focus goes to its first action.
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Conclude with this outcome' }));
    expect(room.item(ITEM.opening).status).toBe('concluded');
    expect(document.activeElement).toBe(item('1').getAllByRole('button')[0]);
  });

  it('suspends and resumes, hands presiding to a vice-chair and takes it back', async () => {
    const user = userEvent.setup();
    const { port, room } = localRoom(P.chair, { openItem: true });
    renderWith(port, <MeetingControls />);
    await user.click(screen.getByRole('button', { name: 'Suspend the meeting' }));
    expect(room.meeting.status).toBe('suspended');
    await user.click(screen.getByRole('button', { name: 'Resume the meeting' }));
    expect(room.meeting.status).toBe('open');
    await user.selectOptions(screen.getByLabelText('Hand presiding to'), P.viceCept);
    await user.click(screen.getByRole('button', { name: 'Hand over' }));
    expect(room.meeting.presidingParticipantId).toBe(P.viceCept);
    await user.click(screen.getByRole('button', { name: 'Take back presiding' }));
    expect(room.meeting.presidingParticipantId).toBe(P.chair);
  });

  it('queues the RTO round in the chosen order in one action', async () => {
    const user = userEvent.setup();
    const local = localRoom(P.chair, { openItem: true });
    const { port, room } = local;
    const spokespersons = [P.spokesApt, P.spokesAtu, P.spokesCept, P.spokesCitel, P.spokesLas, P.spokesRcc];
    connect(local, ...spokespersons);
    renderWith(port, <MeetingControls />);
    await user.click(screen.getByRole('button', { name: 'Move LAS earlier' }));
    await user.click(screen.getByRole('button', { name: 'Move LAS earlier' }));
    await user.click(screen.getByRole('checkbox', { name: /RCC/ }));
    await user.click(screen.getByRole('button', { name: 'Queue the RTO round' }));
    expect(room.queuedParticipants()).toEqual([
      P.spokesApt,
      P.spokesAtu,
      P.spokesLas,
      P.spokesCept,
      P.spokesCitel,
    ]);
  });

  it('shows why the server refused a command, until dismissed', async () => {
    const user = userEvent.setup();
    const { port } = localRoom(P.chair, { open: true });
    renderWith(port, <RefusalAlert />);
    await port.send({ type: 'floor.next' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Calling the next speaker: not done.');
    expect(alert.textContent).not.toContain('floor.next');
    expect(alert.textContent).toContain('This is not possible right now.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
