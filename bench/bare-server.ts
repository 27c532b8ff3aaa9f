import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * Baseline for bench/floor.ts: a bare Socket.IO server that acks every command at once and
 * broadcasts one small event per command to everyone. No validation, no store, no domain: the cost
 * of the transport alone.
 */
const http = createServer();
const io = new Server(http, { serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
  void socket.join('m');
  socket.emit('snapshot', { seq, serverTime: Date.now(), meeting: { floor: { queue: [] } }, you: {} });
  socket.on('command', (command: { id: string; kind: string }, ack: (a: unknown) => void) => {
    seq += 1;
    const at = Date.now();
    io.to('m').emit('event', {
      seq,
      at,
      event: {
        type: 'floor.requested',
        request: {
          id: `r${seq}`,
          participantId: socket.id,
          kind: command.kind,
          requestedAt: at,
          priority: 2,
          limitSeconds: null,
        },
        index: seq - 1,
      },
    });
    ack({ ok: true, seq });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`running at http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
});
