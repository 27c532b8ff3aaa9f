// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { AgendaPanel } from './AgendaPanel';
import { hasConsole, MeetingControls } from './MeetingControls';

afterEach(cleanup);

/**
 * The console and its projector link follow the permission table (shared/domain/permissions.ts),
 * as the server does: the secretariat gets the link, a vice-chair only while presiding.
 */
function consoleFor(who: string, handTo?: string) {
  const local = localRoom(who as typeof P.chair, { openItem: true });
  if (handTo) local.by(P.chair, { type: 'presiding.handTo', participantId: handTo });
  const projectorUrl = vi.fn(async () => 'http://irm.test/projector#token=x');
  const port = { ...local.port, projectorUrl };
  return { ...local, port, projectorUrl, state: () => local.port.getState() };
}

const projectorButton = () => screen.queryByRole('button', { name: 'Open the projector view' });

describe('the console, by the permission table', () => {
  it('gives the secretariat the projector link and the list options, not the chair’s buttons', () => {
    const c = consoleFor(P.secretariat);
    expect(hasConsole(c.state())).toBe(true);
    renderWith(c.port, <MeetingControls />);
    expect(screen.getByRole('heading', { name: 'Secretariat console' })).toBeTruthy();
    expect(projectorButton()).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Order of the list' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Suspend the meeting' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the meeting' })).toBeNull();
    expect(screen.queryByLabelText('Hand presiding to')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Queue the RTO round' })).toBeNull();
  });

  it('gives a vice-chair nothing until presiding, then the presiding officer’s console', () => {
    const idle = consoleFor(P.viceAtu);
    expect(hasConsole(idle.state())).toBe(false);
    renderWith(idle.port, <MeetingControls />);
    expect(projectorButton()).toBeNull();
    cleanup();
    const presiding = consoleFor(P.viceAtu, P.viceAtu);
    expect(hasConsole(presiding.state())).toBe(true);
    renderWith(presiding.port, <MeetingControls />);
    expect(screen.getByRole('heading', { name: 'Chair console' })).toBeTruthy();
    expect(projectorButton()).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Suspend the meeting' })).toBeTruthy();
    expect(screen.queryByLabelText('Hand presiding to')).toBeNull(); // the chair's alone
  });

  it('gives delegates and observers no console', () => {
    for (const who of [P.kenya, P.observer, P.spokesApt])
      expect(hasConsole(consoleFor(who).state())).toBe(false);
  });

  it('opens the signed projector link, and closes the window when the server refuses', async () => {
    const user = userEvent.setup();
    const c = consoleFor(P.secretariat);
    const win = { location: { href: 'about:blank' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    renderWith(c.port, <MeetingControls />);
    await user.click(projectorButton()!);
    await vi.waitFor(() => expect(win.location.href).toBe('http://irm.test/projector#token=x'));
    c.projectorUrl.mockRejectedValueOnce(new Error('projector link refused (403)'));
    await user.click(projectorButton()!);
    await vi.waitFor(() => expect(win.close).toHaveBeenCalled());
    open.mockRestore();
  });
});

describe('the agenda, by the permission table', () => {
  it('lets the secretariat prepare items but not run them', () => {
    const c = consoleFor(P.secretariat);
    renderWith(c.port, <AgendaPanel />);
    const item = within(screen.getByRole('group', { name: 'Actions for item 4' }));
    expect(item.getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(item.getByRole('button', { name: 'Move item 4 up' })).toBeTruthy();
    expect(item.queryByRole('button', { name: 'Open item' })).toBeNull();
    expect(item.queryByRole('button', { name: 'Defer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add an agenda item' })).toBeTruthy();
  });

  it('gives a delegate no item actions', () => {
    renderWith(consoleFor(P.kenya).port, <AgendaPanel />);
    expect(screen.queryByRole('group', { name: /Actions for item/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add an agenda item' })).toBeNull();
  });
});
