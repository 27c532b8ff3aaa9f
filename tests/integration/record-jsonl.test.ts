import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type JsonlOptions, sendEventsJsonl } from '../../server/record/eventsJsonl';
import { asId, type MeetingEvent, type MeetingId, type StoredEvent, storedEvent } from '../../shared';
import { demoEvents } from '../../shared/domain/fixtures';

const meetingId = asId<MeetingId>('m_jsonl');
const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A log in memory, read as the store reads it (seq > afterSeq, at most `limit`), counting the pages. */
function logOf(events: StoredEvent[]) {
  const pages: number[] = [];
  const readEvents = async (_id: MeetingId, afterSeq: number, limit?: number) => {
    pages.push(afterSeq);
    return events.filter((e) => e.seq > afterSeq).slice(0, limit);
  };
  return { pages, readEvents };
}

/** A server whose one route sends the log; resolves with its URL and when the sending finished. */
async function serve(
  log: ReturnType<typeof logOf>,
  extract: { upToSeq: number; withContacts: boolean },
  options: Partial<JsonlOptions> = {},
) {
  let finished!: Promise<void>;
  const app = express();
  app.get('/log', (_req, res) => {
    res.type('application/jsonl');
    finished = sendEventsJsonl(res, log.readEvents, { meetingId, ...extract }, options);
  });
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/log`, port, finished: () => finished };
}

const withEmail = (): StoredEvent[] => {
  const { events } = demoEvents({ open: false });
  const added = events.findIndex((e) => e.type === 'participant.added');
  const event = events[added] as Extract<MeetingEvent, { type: 'participant.added' }>;
  events[added] = { ...event, participant: { ...event.participant, email: 'chair@example.org' } };
  events.push({
    type: 'participant.updated',
    participantId: event.participant.id,
    changes: { email: 'x@example.org' },
  });
  return events.map((e, i) => storedEvent(i + 1, 1000 + i, e));
};

describe('sendEventsJsonl', () => {
  it('sends every event up to the seq asked, as stored, without e-mail addresses unless told', async () => {
    const events = withEmail();
    // The first event stored before versioning: read back without `v`, and sent so.
    const { v: _v, ...unversioned } = events[0]!;
    events[0] = unversioned;
    const log = logOf(events);
    const upToSeq = events.length - 1;
    const hidden = await serve(log, { upToSeq, withContacts: false }, { pageSize: 7 });
    const text = await (await fetch(hidden.url)).text();
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(upToSeq);
    expect(lines[0]).toBe(JSON.stringify(events[0]));
    expect(text).not.toContain('@example.org');
    const pagesRead = log.pages.length;
    expect(pagesRead).toBe(Math.ceil(upToSeq / 7));

    const kept = await serve(logOf(events), { upToSeq: events.length, withContacts: true });
    const all = await (await fetch(kept.url)).text();
    expect(all).toBe(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  });

  it('cuts off a client that stops reading, without reading the rest of the log', async () => {
    // 200 pages of about 200 KB: far more than the socket buffers hold.
    const title = 'x'.repeat(1000);
    const events = Array.from({ length: 40_000 }, (_, i) =>
      storedEvent(i + 1, i, { type: 'meeting.updated', changes: { title } }),
    );
    const log = logOf(events);
    const server = await serve(
      log,
      { upToSeq: events.length, withContacts: true },
      {
        pageSize: 200,
        drainTimeoutMs: 200,
      },
    );
    const socket = net.connect(server.port, '127.0.0.1');
    socket.write('GET /log HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.pause(); // reads nothing
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.finished();
    expect(log.pages.length).toBeLessThan(events.length / 200);
    await new Promise((resolve) => socket.once('close', resolve).resume());
    socket.destroy();
  });
});
