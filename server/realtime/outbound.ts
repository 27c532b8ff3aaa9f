import type { Socket } from 'socket.io';

/**
 * The parts of engine.io's connection this module reads (engine.io 6: `writeBuffer` holds packets
 * the transport was not ready for; the WebSocket transport's `socket` is a `ws` WebSocket).
 */
interface EngineConn {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', listener: () => void): void;
  close(discard?: boolean): void;
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
}

const sizeOf = (data: unknown): number => {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
};

/**
 * Bounds what one Socket.IO connection may leave unsent. Socket.IO itself has no such bound: a client
 * that stops reading (and answers pings) makes the server keep everything sent to it, in engine.io's
 * write buffer (packets the transport is not ready for: all of them, over polling, until the next
 * poll) and in the WebSocket's send buffer (`bufferedAmount`).
 *
 * Checked on every packet, before it is queued: when more than `maxBytes` is already waiting, the
 * connection is dropped (`onOverflow`). A single packet larger than the limit still goes out to a
 * connection that has caught up, so a large snapshot is never the reason.
 */
export class OutboundGuard {
  /** Bytes of packets in engine.io's write buffer (not yet handed to the transport). */
  private queued = 0;
  /** Every byte ever queued for this client: what a catch-up answer cost is the difference. */
  sent = 0;
  private tripped = false;

  constructor(
    private readonly socket: Socket,
    private readonly maxBytes: number,
    private readonly onOverflow: () => void,
  ) {
    const conn = socket.conn as unknown as EngineConn;
    conn.on('packetCreate', (packet) => {
      if (this.tripped) return;
      if (this.buffered() > this.maxBytes) {
        this.tripped = true;
        // After the current emit returns: the caller is in the middle of sending.
        queueMicrotask(this.onOverflow);
        return;
      }
      const size = sizeOf(packet.data);
      this.queued += size;
      this.sent += size;
    });
    // Handed to the transport: from now on the WebSocket's bufferedAmount counts it.
    conn.on('flush', () => {
      this.queued = 0;
    });
  }

  /** Bytes waiting to be sent to this client (approximately: frames and framing aside). */
  buffered(): number {
    const conn = this.socket.conn as unknown as EngineConn;
    return this.queued + (conn.transport.socket?.bufferedAmount ?? 0);
  }
}

/**
 * Drops a connection at once, with whatever is queued for it: engine.io's own `close` waits for the
 * write buffer to drain, which a client that does not read never lets happen, and the WebSocket's
 * closing handshake would keep its send buffer for another 30 s.
 */
export function dropConnection(socket: Socket): void {
  const conn = socket.conn as unknown as EngineConn & { readyState: string };
  if (conn.readyState !== 'closed') conn.close(true);
  // Even once engine.io calls it closed, the WebSocket may still be waiting for the client's close
  // frame (with its buffer): end it now.
  if (conn.transport.name === 'websocket') conn.transport.socket?.terminate?.();
}
