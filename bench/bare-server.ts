import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * Baseline for bench/floor.ts: a bare Socket.IO server that acks every command at once and
 * broadcasts one small event per command to everyone. No validation, no store, no domain: the cost
 * of the transport alone. With BARE_BATCH_MS set it coalesces events like IRM Room's batched
 * delivery (first at once, then at most one `events` message per window), for a like-for-like baseline.
 */
const BATCH_MS = Number(process.env.BARE_BATCH_MS ?? 0);
let pending: unknown[] | null = null;
const broadcast = (event: unknown) => {
  if (!BATCH_MS) return void io.to('m').emit('event', event);
  if (pending) return void pending.push(event);
  io.to('m').emit('events', [event]);
  pending = [];
  const flush = () => {
    if (!pending || pending.length === 0) {
      pending = null;
      return;
    }
    io.to('m').emit('events', pending);
    pending = [];
    setTimeout(flush, BATCH_MS);
  };
  setTimeout(flush, BATCH_MS);
};
const http = createServer();
const io = new Server(http, { serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
  void socket.join('m');
  socket.emit('snapshot', { seq, serverTime: Date.now(), meeting: { floor: { queue: [] } }, you: {} });
  socket.on('command', (command: { id: string; kind: string }, ack: (a: unknown) => void) => {
    seq += 1;
    const at = Date.now();
    broadcast({
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
