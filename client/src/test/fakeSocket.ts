import type { Ack } from '../../../shared';

/**
 * A stand-in for the Socket.IO connection, so the real RoomClient runs: the test plays the server
 * (emits `snapshot`, `status`, answers commands) and sees what the client emits.
 */
export class FakeSocket {
  connected = true;
  /** Socket.IO's own retrying: false after the server refused a handshake. */
  active = true;
  connects = 0;
  readonly handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  readonly emitted: Array<[string, unknown]> = [];
  /** The answer to the next command. */
  nextAck: Ack = { ok: true, seq: 1 };
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, payload: unknown) {
    this.emitted.push([event, payload]);
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload?: unknown) => {
        if (event === 'clock') return Date.now();
        this.emitted.push([event, payload]);
        return this.nextAck;
      },
    };
  }
  disconnect() {
    this.connected = false;
  }
  connect() {
    this.connects++;
    return this;
  }
  close() {
    this.connected = false;
  }
  /** The server sends `event` to this client. */
  serve(event: string, payload: unknown) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }
}

/**
 * The socket the mocked `io()` returns next. One object for every test file: unit test files share a
 * worker's module cache (vitest.config.ts), so the first file's mock of socket.io-client may serve
 * another file's RoomClient; both read the socket from here.
 */
export const fakeSockets: { current: FakeSocket | null } = { current: null };
