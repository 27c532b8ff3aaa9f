// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DocConnector, websocketConnector } from '../../collab/docConnection';
import { readOnlyConnector } from './readOnlyConnection';

/** A WebSocket that records what the provider sends; the test opens it by hand. */
class RecordingSocket {
  static last: RecordingSocket | null = null;
  readonly sent: Uint8Array[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    RecordingSocket.last = this;
  }
  send(data: Uint8Array) {
    this.sent.push(new Uint8Array(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

/** y-websocket's messages: [0 = sync, 2 = update] carries a change of the document. */
const updates = (socket: RecordingSocket) => socket.sent.filter((m) => m[0] === 0 && m[1] === 2);
/** [1 = awareness]: the client's own state. */
const awareness = (socket: RecordingSocket) => socket.sent.filter((m) => m[0] === 1);

/** Opens a text with `connector`, connects it, then makes a local change as a binding would. */
function localChange(connector: DocConnector) {
  const connection = connector('p_1', 'view-token');
  const socket = RecordingSocket.last!;
  socket.open();
  connection.doc.getXmlFragment('default').insert(0, []);
  connection.doc.getText('probe').insert(0, 'typed on the projector');
  return { connection, socket };
}

afterEach(() => {
  vi.unstubAllGlobals();
  RecordingSocket.last = null;
});

describe("the projector's connection to a text", () => {
  it('sends no update and no awareness of its own, whatever happens to its document locally', () => {
    vi.stubGlobal('WebSocket', RecordingSocket);
    const { connection, socket } = localChange(readOnlyConnector);
    expect(socket.url).toContain('/collab/p_1');
    expect(socket.url).toContain('token=view-token');
    // It still asks for the text (sync step 1): reading is all it does.
    expect(socket.sent.some((m) => m[0] === 0 && m[1] === 0)).toBe(true);
    expect(updates(socket)).toEqual([]);
    expect(awareness(socket)).toEqual([]);
    connection.destroy();
  });

  it('(the same change over the room editor’s connection is sent: the check above can fail)', () => {
    vi.stubGlobal('WebSocket', RecordingSocket);
    const { connection, socket } = localChange(websocketConnector);
    expect(updates(socket).length).toBeGreaterThan(0);
    connection.destroy();
  });
});
