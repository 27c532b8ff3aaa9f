// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../../shared';
import type { RoomClient } from '../room/roomClient';
import { connectDelegate } from '../test/connectedClient';
import type { FakeSocket } from '../test/fakeSocket';
import { renderWith } from '../test/localRoom';
import { RefusalAlert } from './Announcer';
import { FloorPanel } from './FloorPanel';
import { PendingCommands } from './PendingCommands';

vi.mock('socket.io-client', async () => {
  const { fakeSockets } = await import('../test/fakeSocket');
  return { io: () => fakeSockets.current };
});

/** What the server answers when its store did not confirm the write (server/meeting/room.ts). */
const UNCONFIRMED: Ack = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'the command was not confirmed as stored; send it again with the same id (applied at most once)',
  },
};

let socket: FakeSocket;
let client: RoomClient;
beforeEach(() => {
  ({ socket, client } = connectDelegate());
});
afterEach(() => {
  cleanup();
  client.close();
});

const commands = () =>
  socket.emitted
    .filter(([event]) => event === 'command')
    .map(([, payload]) => payload as { id: string; type: string; kind?: string });
const pending = () => screen.getByTestId('pending-commands');
const room = () =>
  renderWith(
    client,
    <>
      <RefusalAlert />
      <PendingCommands />
      <FloorPanel />
    </>,
  );
/** The connection comes back: Socket.IO connects again and says so. */
const reconnect = async () => {
  socket.connected = true;
  await act(async () => socket.serve('connect', undefined));
};

describe('commands given while the connection is down', () => {
  it('are kept as not sent (not refused), then sent once with the same id when it is back', async () => {
    const user = userEvent.setup();
    room();
    socket.connected = false;
    await user.click(screen.getByRole('button', { name: 'Request the floor' }));
    expect(commands()).toEqual([]);
    expect(pending().textContent).toContain(
      'Requesting the floor — Not sent yet — will be sent when the connection is back',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    const [kept] = client.getState().outbox;

    await reconnect();
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    expect(commands()).toEqual([{ id: kept!.id, type: 'floor.request', kind: 'speak' }]);
    expect(pending().textContent).toBe('');
    // Another reconnect sends nothing again.
    await reconnect();
    expect(commands()).toHaveLength(1);
  });

  it('go out in the order they were given, and each caller gets its answer', async () => {
    socket.connected = false;
    const first = client.send({ type: 'floor.request', kind: 'speak' });
    const second = client.send({ type: 'floor.request', kind: 'point_of_order' });
    const ids = client.getState().outbox.map((e) => e.id);
    expect(ids).toHaveLength(2);
    await reconnect();
    expect(await first).toEqual({ ok: true, seq: 1 });
    expect(await second).toEqual({ ok: true, seq: 1 });
    expect(commands().map((c) => [c.id, c.kind])).toEqual([
      [ids[0], 'speak'],
      [ids[1], 'point_of_order'],
    ]);
  });

  it('may be cancelled before they go: never sent', async () => {
    const user = userEvent.setup();
    room();
    socket.connected = false;
    const answer = client.send({ type: 'floor.request', kind: 'reply' });
    await vi.waitFor(() => expect(pending().textContent).toContain('Not sent yet'));
    await user.click(within(pending()).getByRole('button', { name: 'Cancel: Requesting the floor' }));
    expect(pending().textContent).toBe('');
    expect((await answer).ok).toBe(false);
    await reconnect();
    expect(commands()).toEqual([]);
  });

  it('are kept when the browser says it is offline, and the socket opens again when it is online', async () => {
    room();
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(socket.connected).toBe(false);
    expect(screen.getByRole('button', { name: 'Request the floor' })).toBeTruthy();
    void client.send({ type: 'floor.request', kind: 'speak' });
    await vi.waitFor(() => expect(client.getState().outbox).toHaveLength(1));
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(socket.connects).toBe(1);
    await reconnect();
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    expect(commands()).toHaveLength(1);
  });
});

describe('a command the server could not confirm storing', () => {
  it('waits, then goes again with the same id once the store is back', async () => {
    const user = userEvent.setup();
    room();
    socket.nextAck = UNCONFIRMED;
    await user.click(screen.getByRole('button', { name: 'Request the floor' }));
    await vi.waitFor(() =>
      expect(pending().textContent).toContain(
        'Not confirmed yet — will be sent again when the room’s store is back',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(commands()).toHaveLength(1);

    socket.nextAck = { ok: true, seq: 2 };
    await act(async () => socket.serve('status', { store: 'ok' }));
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    const [once, again] = commands();
    expect(again?.id).toBe(once?.id);
    expect(commands()).toHaveLength(2);
  });

  it('a plain refusal is not kept: it says which action was not done and why, without command names', async () => {
    const user = userEvent.setup();
    room();
    socket.nextAck = { ok: false, error: { code: 'conflict', message: 'the list is closed' } };
    await user.click(screen.getByRole('button', { name: 'Request the floor' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Requesting the floor: not done. This is not possible right now.');
    expect(alert.textContent).not.toContain('floor.request');
    expect(client.getState().outbox).toEqual([]);
  });
});
