import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH } from '../../shared';
import { connect, type TestClient } from '../support/client';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * What the server answers a handshake with `auth`: `connected`, the `connect_error` message, or
 * `closed` when the connection went before any answer (a message over the size limit).
 */
function answerTo(url: string, auth: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    // Resolve first: closing emits a `disconnect` of its own, synchronously.
    const settle = (answer: string) => {
      resolve(answer);
      socket.close();
    };
    socket.once('connect', () => settle('connected'));
    socket.once('connect_error', (error) => settle(error.message));
    socket.once('disconnect', () => settle('closed'));
  });
}

/** The handshake is a schema (issue 11, item 3): shared/protocol/handshake.ts, docs/protocol.md. */
describe('the Socket.IO handshake', () => {
  let server: Server;
  let chair: Invitee;
  let delegate: Invitee;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({
      chair,
      people: { brazil: delegate },
    } = (await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE)) as {
      chair: Invitee;
      people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
    });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  const refusals = async (reason: string): Promise<number> => {
    const text = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } })
    ).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`irm_refusals_total{channel="socket.io",reason="${reason}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('a client that sends only {token} is version 1: one `event` per stored event, commands work', async () => {
    const c = await connect(server.url, chair.token);
    clients.push(c);
    let batches = 0;
    c.socket.on('events', () => batches++);
    const ack = await c.send({ type: 'floor.setLimit', seconds: 120 });
    expect(ack.ok).toBe(true);
    await c.waitForSeq(ack.ok ? ack.seq : Number.POSITIVE_INFINITY);
    expect(c.meeting().floor.limitSeconds).toBe(120);
    expect(c.events.at(-1)?.seq).toBe(ack.ok ? ack.seq : -1);
    expect(batches).toBe(0);
  });

  it('explicit version 1, batch and sinceSeq are read as documented', async () => {
    expect(await answerTo(server.url, { token: delegate.token, protocol: 1, batch: true, sinceSeq: 0 })).toBe(
      'connected',
    );
    // Keys the schema does not know are ignored (a newer client's hints), not refused.
    expect(await answerTo(server.url, { token: delegate.token, hint: 'newer client' })).toBe('connected');
  });

  it('refuses another protocol version with protocol_mismatch, before anything else', async () => {
    const before = await refusals('protocol_mismatch');
    expect(await answerTo(server.url, { token: delegate.token, protocol: 2 })).toBe('protocol_mismatch');
    expect(await answerTo(server.url, { token: delegate.token, protocol: '1' })).toBe('protocol_mismatch');
    // Another version may shape `auth` differently: it hears about the version, not the shape.
    expect(await answerTo(server.url, { token: 42, protocol: 2, batch: 'yes' })).toBe('protocol_mismatch');
    expect(await refusals('protocol_mismatch')).toBe(before + 3);
  });

  it('refuses malformed auth with invalid_handshake, and logs it as such', async () => {
    const before = await refusals('invalid_handshake');
    const malformed: Array<Record<string, unknown>> = [
      { token: delegate.token, sinceSeq: '12' },
      { token: delegate.token, sinceSeq: -1 },
      { token: delegate.token, sinceSeq: 1.5 },
      { token: delegate.token, batch: 1 },
      { token: 42 },
      { token: { nested: delegate.token } },
      // Longer than any token the server signs, still inside one Socket.IO message (16 KiB).
      { token: 'x'.repeat(MAX_TOKEN_LENGTH + 1) },
    ];
    for (const auth of malformed) expect(await answerTo(server.url, auth)).toBe('invalid_handshake');
    expect(await refusals('invalid_handshake')).toBe(before + malformed.length);
  });

  it('no token at all is unauthorized, as a bad token is', async () => {
    expect(await answerTo(server.url, {})).toBe('unauthorized');
    expect(await answerTo(server.url, { protocol: 1, batch: true })).toBe('unauthorized');
    expect(await answerTo(server.url, { token: '' })).toBe('unauthorized');
  });

  it('a 1 MB token closes that connection (over the message limit), and the server carries on', async () => {
    expect(await answerTo(server.url, { token: 'x'.repeat(1024 * 1024) })).toBe('closed');
    expect(await answerTo(server.url, { token: delegate.token })).toBe('connected');
  });
});
