// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../i18n/locales/fr';
import type { RoomClient } from '../room/roomClient';
import { connectDelegate } from '../test/connectedClient';
import type { FakeSocket } from '../test/fakeSocket';
import { renderWith } from '../test/localRoom';
import { Header } from './Header';

vi.mock('socket.io-client', async () => {
  const { fakeSockets } = await import('../test/fakeSocket');
  return { io: () => fakeSockets.current };
});

let socket: FakeSocket;
let client: RoomClient;
beforeEach(() => {
  vi.useFakeTimers();
  ({ socket, client } = connectDelegate());
});
afterEach(() => {
  cleanup();
  client.close();
  vi.useRealTimers();
});

/** The server's `closing`, then its disconnect (or a transport that closed first). */
const closedFor = (reason: string, why = 'io server disconnect') => {
  act(() => socket.serve('closing', { reason, message: 'from the server' }));
  socket.connected = false;
  act(() => socket.serve('disconnect', why));
};

describe('a sign-in the server took away while the room was open (issue 13)', () => {
  it.each([
    [
      'link_replaced',
      'Your link was replaced',
      'Your link to this meeting was replaced. Open the new link the secretariat sent you.',
    ],
    ['removed', 'No longer a participant', 'You are no longer a participant of this meeting.'],
  ])('%s: an alert whose heading takes the focus, and no reconnecting, ever', (reason, title, text) => {
    renderWith(client, <Header />);
    closedFor(reason);
    const notice = screen.getByRole('alert');
    expect(notice.dataset.testid).toBe('revoked-notice');
    const heading = screen.getByRole('heading', { name: title });
    expect(notice.contains(heading)).toBe(true);
    expect(document.activeElement).toBe(heading);
    expect(notice.textContent).toContain(text);
    expect(client.getState()).toMatchObject({ connection: 'unauthorized', revoked: reason });
    expect(screen.getByLabelText('Connection').textContent).toBe('Not signed in');
    // No retry loop, no "Use this window", and coming back online or asking changes nothing.
    expect(screen.queryByRole('button', { name: 'Use this window' })).toBeNull();
    act(() => vi.advanceTimersByTime(60_000));
    act(() => {
      globalThis.dispatchEvent(new Event('offline'));
      globalThis.dispatchEvent(new Event('online'));
      client.reconnect();
    });
    expect(socket.connects).toBe(0);
  });

  it('stops Socket.IO’s own retries when the transport closed before the server’s disconnect', () => {
    renderWith(client, <Header />);
    socket.connected = true;
    closedFor('link_replaced', 'transport close');
    expect(client.getState().revoked).toBe('link_replaced');
    expect(socket.connected).toBe(false);
    act(() => vi.advanceTimersByTime(60_000));
    expect(socket.connects).toBe(0);
  });

  it('refuses what the outbox kept, and anything given after: it would never be sent', async () => {
    socket.connected = false;
    act(() => socket.serve('disconnect', 'transport close'));
    const kept = client.send({ type: 'floor.request', kind: 'speak' });
    expect(client.getState().outbox).toHaveLength(1);
    closedFor('removed');
    await expect(kept).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(client.getState().outbox).toEqual([]);
    await expect(client.send({ type: 'floor.request', kind: 'speak' })).resolves.toMatchObject({
      ok: false,
      error: { message: 'you are no longer a participant of this meeting' },
    });
    expect(client.getState().outbox).toEqual([]);
  });

  it('says the link is no longer valid when a reconnect is refused (the closing never came)', () => {
    renderWith(client, <Header />);
    socket.connected = false;
    act(() => socket.serve('disconnect', 'transport close'));
    act(() => socket.serve('connect_error', new Error('unauthorized')));
    expect(screen.getByRole('heading', { name: 'This link no longer works' })).toBe(document.activeElement);
    expect(screen.getByRole('alert').textContent).toContain('This link is no longer valid.');
  });

  it('speaks the participant’s language', () => {
    renderWith(client, <Header />, 'fr');
    closedFor('link_replaced');
    expect(screen.getByRole('heading', { name: fr.revoked.linkReplacedTitle })).toBe(document.activeElement);
    expect(screen.getByRole('alert').textContent).toContain(fr.revoked.linkReplaced);
  });

  it('other disconnects keep their own handling (rate_limited comes back after a pause)', () => {
    renderWith(client, <Header />);
    closedFor('rate_limited');
    expect(screen.queryByTestId('revoked-notice')).toBeNull();
    act(() => vi.advanceTimersByTime(1000));
    expect(socket.connects).toBe(1);
  });
});
