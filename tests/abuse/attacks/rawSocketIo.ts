import WebSocket from 'ws';

/**
 * A Socket.IO client written against the wire (engine.io protocol v4 over WebSocket), so an attack
 * can do what socket.io-client never does: stop reading its TCP socket while still answering the
 * server's pings (it sends a pong blindly every few seconds, which engine.io accepts), and keep
 * sending.
 */
export interface RawSocketIo {
  /** Resolves with the namespace connect answer: `ok`, or the connect_error message. */
  connected: Promise<'ok' | string>;
  /** Resolves when the TCP connection is gone (the server closed or dropped it). */
  closed: Promise<void>;
  /** Whether the connection is still open. */
  open: () => boolean;
  /** Sends a Socket.IO event (no ack). */
  emit: (event: string, payload?: unknown) => void;
  /** Stops reading: the server's writes pile up in its buffers, not ours. */
  pause: () => void;
  /** The last `closing` notice the server sent before disconnecting it (if it was read). */
  closingNotice: () => unknown;
  close: () => void;
}

export function rawSocketIo(baseUrl: string, auth: Record<string, unknown>): RawSocketIo {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  let isOpen = false;
  let notice: unknown = null;
  let pong: NodeJS.Timeout | undefined;
  let settle: (value: 'ok' | string) => void = () => {};
  const connected = new Promise<'ok' | string>((resolve) => {
    settle = resolve;
  });
  const closed = new Promise<void>((resolve) => {
    ws.on('close', () => {
      isOpen = false;
      clearInterval(pong);
      settle('closed');
      resolve();
    });
  });
  ws.on('error', () => {});
  ws.on('open', () => {
    isOpen = true;
    // Blind pongs: answering pings without reading them (engine.io resets its timer on any pong).
    pong = setInterval(() => isOpen && ws.send('3'), 5000);
  });
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('0')) ws.send(`40${JSON.stringify(auth)}`);
    else if (text === '2') ws.send('3');
    else if (text.startsWith('40')) settle('ok');
    else if (text.startsWith('44')) settle((JSON.parse(text.slice(2)) as { message: string }).message);
    else if (text.startsWith('42["closing"')) notice = (JSON.parse(text.slice(2)) as unknown[])[1];
  });
  return {
    connected,
    closed,
    open: () => isOpen,
    emit: (event, payload) => {
      if (isOpen) ws.send(`42${JSON.stringify(payload === undefined ? [event] : [event, payload])}`);
    },
    pause: () => {
      // ws resumes its TCP socket whenever its parser drains (its own backpressure): keep it paused.
      const tcp = (ws as unknown as { _socket: { pause: () => void; resume: () => unknown } })._socket;
      tcp.pause();
      tcp.resume = () => tcp;
    },
    closingNotice: () => notice,
    close: () => {
      clearInterval(pong);
      ws.terminate();
    },
  };
}
