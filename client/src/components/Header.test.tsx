// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomClient } from '../room/roomClient';
import { connectDelegate } from '../test/connectedClient';
import type { FakeSocket } from '../test/fakeSocket';
import { renderWith } from '../test/localRoom';
import { FloorPanel } from './FloorPanel';
import { Header } from './Header';

vi.mock('socket.io-client', async () => {
  const { fakeSockets } = await import('../test/fakeSocket');
  return { io: () => fakeSockets.current };
});

const NOTICE =
  'The room is reconnecting to its store. Your requests are not recorded yet; try again in a moment.';

let socket: FakeSocket;
let client: RoomClient;
beforeEach(() => {
  ({ socket, client } = connectDelegate());
});
afterEach(() => {
  cleanup();
  client.close();
});

const notice = () => screen.getByTestId('store-notice');
const resyncs = () => socket.emitted.filter(([event]) => event === 'resync').map(([, payload]) => payload);

describe('store status notice', () => {
  it('is a polite live region, empty while all is well', () => {
    renderWith(client, <Header />);
    expect(notice().getAttribute('role')).toBe('status');
    expect(notice().getAttribute('aria-live')).toBe('polite');
    expect(notice().textContent).toBe('');
    expect(screen.getByLabelText('Connection').textContent).toBe('Connected');
  });

  it('appears on status unavailable and clears on status ok, which asks for missed events', () => {
    renderWith(client, <Header />);
    const seq = client.getState().seq;
    act(() => socket.serve('status', { store: 'unavailable' }));
    expect(notice().textContent).toBe(NOTICE);
    expect(screen.getByLabelText('Connection').textContent).toContain('Reconnecting');
    expect(resyncs()).toEqual([]);

    act(() => socket.serve('status', { store: 'ok' }));
    expect(notice().textContent).toBe('');
    expect(screen.getByLabelText('Connection').textContent).toBe('Connected');
    expect(resyncs()).toEqual([{ sinceSeq: seq }]);
  });

  it('appears when a command is answered unavailable, and clears when the next one is accepted', async () => {
    const user = userEvent.setup();
    renderWith(
      client,
      <>
        <Header />
        <FloorPanel />
      </>,
    );
    socket.nextAck = {
      ok: false,
      error: { code: 'unavailable', message: 'the command could not be stored; nothing was applied' },
    };
    const request = () => screen.getByRole('button', { name: 'Request the floor' }) as HTMLButtonElement;
    await user.click(request());
    expect(notice().textContent).toBe(NOTICE);
    // Nothing is disabled meanwhile: the participant may try again.
    expect(request().disabled).toBe(false);

    socket.nextAck = { ok: true, seq: client.getState().seq };
    await user.click(request());
    expect(notice().textContent).toBe('');
    expect(socket.emitted.filter(([event]) => event === 'command')).toHaveLength(2);
  });

  it('other refusals do not show it', async () => {
    renderWith(client, <Header />);
    socket.nextAck = { ok: false, error: { code: 'conflict', message: 'the list is closed' } };
    await act(() => client.send({ type: 'floor.request', kind: 'speak' }));
    expect(notice().textContent).toBe('');
  });

  it('a new connection starts from ok (the server says otherwise right away)', () => {
    renderWith(client, <Header />);
    act(() => socket.serve('status', { store: 'unavailable' }));
    act(() => socket.serve('connect', undefined));
    expect(notice().textContent).toBe('');
  });

  it('is translated (Arabic)', () => {
    renderWith(client, <Header />, 'ar');
    act(() => socket.serve('status', { store: 'unavailable' }));
    expect(notice().textContent).toContain('تعيد القاعة الاتصال');
  });

  it('keeps trying when a process refuses the handshake as unavailable (Socket.IO itself gives up)', () => {
    vi.useFakeTimers();
    try {
      renderWith(client, <Header />);
      socket.active = false;
      act(() => socket.serve('connect_error', new Error('unavailable')));
      expect(screen.getByLabelText('Connection').textContent).toContain('Reconnecting');
      expect(socket.connects).toBe(0);
      act(() => vi.advanceTimersByTime(1000));
      expect(socket.connects).toBe(1);
      // A bad link is not retried.
      act(() => socket.serve('connect_error', new Error('unauthorized')));
      act(() => vi.advanceTimersByTime(10_000));
      expect(socket.connects).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each(['protocol_mismatch', 'invalid_handshake'])(
    'does not retry a handshake refused as %s',
    (message) => {
      vi.useFakeTimers();
      try {
        renderWith(client, <Header />);
        socket.active = false;
        act(() => socket.serve('connect_error', new Error(message)));
        expect(screen.getByLabelText('Connection').textContent).toContain('Not signed in');
        act(() => vi.advanceTimersByTime(10_000));
        expect(socket.connects).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    },
  );
});

describe('a window replaced by a newer one of the same participant (issue 10)', () => {
  it('says so, does not reconnect by itself, and connects again only when asked', async () => {
    vi.useFakeTimers();
    try {
      renderWith(client, <Header />);
      act(() => socket.serve('closing', { reason: 'replaced', message: 'a newer connection took over' }));
      socket.connected = false;
      act(() => socket.serve('disconnect', 'io server disconnect'));
      expect(screen.getByLabelText('Connection').textContent).toBe('Open in another window');
      expect(screen.getByTestId('replaced-notice').textContent).toContain('newer window or device');
      act(() => vi.advanceTimersByTime(60_000));
      expect(socket.connects).toBe(0);
      act(() => screen.getByRole('button', { name: 'Use this window' }).click());
      expect(socket.connects).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a disconnect for flooding (rate_limited) comes back by itself after a pause', () => {
    vi.useFakeTimers();
    try {
      renderWith(client, <Header />);
      act(() => socket.serve('closing', { reason: 'rate_limited', message: 'too many messages' }));
      socket.connected = false;
      act(() => socket.serve('disconnect', 'io server disconnect'));
      expect(screen.getByLabelText('Connection').textContent).toContain('Reconnecting');
      act(() => vi.advanceTimersByTime(1000));
      expect(socket.connects).toBe(1);
      expect(screen.queryByTestId('replaced-notice')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
