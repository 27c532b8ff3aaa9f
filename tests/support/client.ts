import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  type ClientToServerEvents,
  type CommandInput,
  evolve,
  type Meeting,
  type ServerToClientEvents,
  type SnapshotMessage,
  type StoredEvent,
} from '../../shared';

/**
 * A client written only against the public contract (docs/protocol.md): HTTP with bearer tokens,
 * Socket.IO with `auth: {token}`, `snapshot` then `event`s, `command` with an ack.
 */
export async function api<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST',
  route: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface TestClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  snapshot: SnapshotMessage;
  /** Every event received, in arrival order. */
  events: StoredEvent[];
  /** The meeting as this client sees it: snapshot plus received events through the shared evolve. */
  meeting: () => Meeting;
  seq: () => number;
  send: (command: CommandInput & { id?: string }) => Promise<Ack>;
  /** Resolves once this client has seen `seq`. */
  waitForSeq: (seq: number, timeoutMs?: number) => Promise<void>;
  /** Snapshots received after connecting (a resumed client should get only the events it missed). */
  snapshots: () => number;
  close: () => void;
}

let counter = 0;

/**
 * Connects and resolves on the first `snapshot`. With `resumeFrom` (a client whose connection or
 * process died), it reconnects as the browser client does: `auth.sinceSeq` = the seq it holds, keeps
 * its state, and resolves once connected; the missed events follow.
 */
export function connect(
  baseUrl: string,
  token: string,
  extra: { origin?: string; auth?: Record<string, unknown>; resumeFrom?: TestClient } = {},
): Promise<TestClient> {
  const from = extra.resumeFrom;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    auth: { token, ...(from ? { sinceSeq: from.seq() } : {}), ...extra.auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: extra.origin ? { origin: extra.origin } : undefined,
  });
  const events: StoredEvent[] = [];
  let state: Meeting | null = from?.meeting() ?? null;
  let seq = from?.seq() ?? 0;
  let snapshots = 0;
  const waiters: Array<{ seq: number; resolve: () => void }> = [];
  const wake = () => {
    for (const w of [...waiters]) {
      if (seq >= w.seq) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const receive = (e: StoredEvent) => {
    events.push(e);
    if (e.seq === seq + 1) {
      state = evolve(state, e.event);
      seq = e.seq;
      wake();
    }
  };
  socket.on('event', receive);
  socket.on('events', (list) => list.forEach(receive));
  const onSnapshot = (s: SnapshotMessage) => {
    snapshots += 1;
    state = s.meeting;
    seq = s.seq;
    wake();
  };
  const client = (snapshot: SnapshotMessage): TestClient => ({
    socket,
    snapshot,
    events,
    meeting: () => state!,
    seq: () => seq,
    send: (command) =>
      socket
        .timeout(10_000)
        .emitWithAck('command', { id: `t${++counter}`, ...command } as never) as Promise<Ack>,
    waitForSeq: (target, timeoutMs = 10_000) =>
      seq >= target
        ? Promise.resolve()
        : new Promise<void>((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error(`timed out waiting for seq ${target}, at ${seq}`)),
              timeoutMs,
            );
            waiters.push({
              seq: target,
              resolve: () => {
                clearTimeout(timer);
                res();
              },
            });
          }),
    snapshots: () => snapshots,
    close: () => socket.close(),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
    if (from) {
      socket.on('snapshot', onSnapshot);
      socket.once('connect', () => resolve(client(from.snapshot)));
      return;
    }
    socket.once('snapshot', (snapshot) => {
      state = snapshot.meeting;
      seq = snapshot.seq;
      socket.on('snapshot', onSnapshot);
      resolve(client(snapshot));
    });
  });
}

/** Sends `command` from `client`, throws if it is refused, and resolves with its seq once the client has seen it. */
export async function applied(
  client: TestClient,
  command: Parameters<TestClient['send']>[0],
): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  await client.waitForSeq(ack.seq);
  return ack.seq;
}
