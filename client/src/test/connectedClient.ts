import { act } from '@testing-library/react';
import type { SnapshotMessage } from '../../../shared';
import { P, Room, testContext } from '../../../shared/domain/fixtures';
import { RoomClient } from '../room/roomClient';
import { FakeSocket, fakeSockets } from './fakeSocket';

/**
 * The real RoomClient over a fresh FakeSocket, once the server has sent Brazil's snapshot of a meeting
 * with an item open. The test file must mock socket.io-client with `fakeSockets` (see fakeSocket.ts).
 * Kept out of fakeSocket.ts: that module is loaded by the mock itself, and RoomClient imports the mock.
 */
export function connectDelegate(): { socket: FakeSocket; client: RoomClient } {
  const socket = new FakeSocket();
  fakeSockets.current = socket;
  const client = new RoomClient('http://irm.test', 'token');
  const room = new Room({ ctx: testContext(Date.now()), openItem: true });
  const snapshot: SnapshotMessage = {
    seq: room.events.length,
    serverTime: Date.now(),
    meeting: room.meeting,
    you: { participantId: P.brazil, role: 'delegate' },
  };
  act(() => socket.serve('snapshot', snapshot));
  return { socket, client };
}
