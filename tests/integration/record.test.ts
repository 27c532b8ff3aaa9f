import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RECORD_EXPORTS } from '../../server/record/render';
import { exportFileName } from '../../server/record/render/fileName';
import { draftSummary } from '../../server/record/summary/draft';
import {
  buildRecord,
  type Meeting,
  type MeetingRecord,
  type Proposal,
  type StoredEvent,
  SUMMARY_MAX_CHARS,
} from '../../shared';
import { plainText, seedDoc } from '../../shared/collab/schema';
import { connect, type TestClient } from '../support/client';
import { createMeetingWith, type Invitee } from '../support/meeting';
import { type ServerProcess, spawnServer } from '../support/process';
import { addAs, call, createAs, type Refusal as Refused } from '../support/secretariatApi';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/** A GET as bytes and text, whatever the content type (a JSON Lines body is not one JSON value). */
async function download(url: string, route: string, token: string) {
  const res = await fetch(`${url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

const linesOf = (text: string): StoredEvent[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredEvent);

const PEOPLE = {
  apt: { name: 'Spokesperson', delegation: 'APT', role: 'spokesperson', region: 'ASP', rto: 'APT' },
  brazil: { name: 'Ana', delegation: 'Brazil', role: 'delegate', region: 'AMS' },
  egypt: { name: 'Omar', delegation: 'Egypt', role: 'delegate', region: 'ARB' },
};
const SECRETARIAT_EMAIL = 'bdt.secretariat@example.org';
const DELEGATE_EMAIL = 'kenya.delegate@example.org';

/**
 * The record over a real server in its own process: a short session run through the protocol, the
 * record and its log read back with each role's rights, then the process killed (-9) and restarted
 * on the same SQLite file, which must give the same record byte for byte.
 */
describe('the meeting record', () => {
  let dataDir: string;
  let server: ServerProcess;
  let meetingId: string;
  let chair: Invitee;
  let people: Record<keyof typeof PEOPLE, Invitee>;
  let secretariat: string;
  const route = (rest: string) => `/api/meetings/${meetingId}${rest}`;
  const get = (rest: string, token: string) => download(server.url, route(rest), token);
  const record = async (token = server.adminToken) => {
    const res = await get('/record', token);
    expect(res.status, res.text).toBe(200);
    return { text: res.text, record: JSON.parse(res.text) as MeetingRecord };
  };

  beforeAll(async () => {
    dataDir = await tempDir('irm-record-');
    server = await spawnServer(dataDir);
    const created = await createMeetingWith(server.url, server.adminToken, PEOPLE);
    ({ meetingId, chair } = created);
    people = created.people as typeof people;
    const add = (body: Record<string, unknown>) => addAs(server.url, server.adminToken, meetingId, body);
    secretariat = (
      await add({ name: 'BDT', delegation: 'BDT', role: 'secretariat', email: SECRETARIAT_EMAIL })
    ).token;
    await add({
      name: 'Wanjiru',
      delegation: 'Kenya',
      role: 'delegate',
      region: 'AFR',
      email: DELEGATE_EMAIL,
    });
    await runSession();
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** Item 1 with a spokesperson, a delegate interrupted by a point of order, an outcome; item 2 deferred. */
  async function runSession(): Promise<void> {
    const clients: TestClient[] = [];
    const join = async (token: string) => {
      const client = await connect(server.url, token);
      clients.push(client);
      return client;
    };
    try {
      const presiding = await join(chair.token);
      const [apt, brazil, egypt] = await Promise.all(
        [people.apt, people.brazil, people.egypt].map((p) => join(p.token)),
      );
      const ok = async (client: TestClient, command: Parameters<TestClient['send']>[0]) => {
        const ack = await client.send(command);
        if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
        await presiding.waitForSeq(ack.seq);
      };
      await waitFor(
        () => presiding.meeting().participants.filter((p) => p.online).length === 4,
        'the chair and three delegations online',
      );
      await ok(presiding, { type: 'meeting.open' });
      await ok(presiding, { type: 'agenda.add', title: 'Reports of the RTOs', plannedMinutes: 10 });
      await ok(presiding, { type: 'agenda.add', title: 'Any other business', plannedMinutes: 5 });
      const [reports, other] = presiding.meeting().agenda;
      await ok(presiding, { type: 'agenda.open', itemId: reports!.id });
      await ok(apt!, { type: 'floor.request', kind: 'speak' });
      await ok(presiding, { type: 'floor.next' });
      await ok(brazil!, { type: 'floor.request', kind: 'speak' });
      await ok(presiding, { type: 'floor.next' });
      await ok(egypt!, { type: 'floor.request', kind: 'point_of_order' });
      const order = presiding.meeting().floor.queue.find((r) => r.kind === 'point_of_order')!;
      await ok(presiding, { type: 'floor.give', requestId: order.id });
      await ok(presiding, { type: 'floor.end' }); // the point of order is heard; Brazil resumes
      await ok(brazil!, { type: 'floor.end' });
      await ok(presiding, {
        type: 'agenda.conclude',
        itemId: reports!.id,
        outcome: 'The meeting took note of the reports of the RTOs.',
      });
      await ok(presiding, { type: 'agenda.open', itemId: other!.id });
      await ok(presiding, { type: 'agenda.defer', itemId: other!.id });
    } finally {
      for (const client of clients) client.close();
    }
    // Everyone left: once their offline events are stored (after the grace), the log stays still, so
    // a restart adds nothing to it. Each poll folds only what was stored since the previous one.
    await waitFor(
      async () =>
        (await record()).record.attendance.participants.every((row) =>
          row.sessions.every((s) => s.leftAt !== null),
        ),
      'everyone offline in the record',
      { everyMs: 200 },
    );
  }

  it('has the session: items in order, interventions with their RTO and parts, outcome, attendance', async () => {
    const { record: r } = await record();
    expect(r.meeting).toMatchObject({ id: meetingId, status: 'open', timezone: 'Europe/Zurich' });
    expect(r.meeting.asOf).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
    const [reports, other] = r.items;
    expect(reports).toMatchObject({
      status: 'concluded',
      outcome: 'The meeting took note of the reports of the RTOs.',
      pointsOfOrder: 1,
      plannedMinutes: 10,
    });
    expect(reports!.sessions.map((s) => s.ended)).toEqual(['concluded']);
    expect(reports!.interventions.map((i) => [i.delegation, i.kind, i.onBehalfOf, i.parts.length])).toEqual([
      ['APT', 'speak', 'APT', 1],
      ['Brazil', 'speak', null, 2],
      ['Egypt', 'point_of_order', null, 1],
    ]);
    expect(reports!.interventions[1]!.suspended).toBe(true);
    expect(other).toMatchObject({ status: 'deferred', interventions: [] });
    expect(other!.sessions.map((s) => s.ended)).toEqual(['deferred']);
    const attended = r.attendance.participants.filter((row) => row.sessions.length > 0);
    expect(attended.map((row) => row.person.delegation).sort()).toEqual(['APT', 'Brazil', 'Chair', 'Egypt']);
    expect(r.attendance.totals).toEqual({ registered: 6, attended: 4 });
    expect(r.speakingTime.meeting.byRto.find((s) => s.key === 'APT')?.interventions).toBe(1);
  });

  it('is for the chair, the secretariat and the administrator only', async () => {
    const projector = await call<{ url: string }>(server.url, 'GET', route('/projector'), chair.token);
    const viewToken = new URL(projector.body.url).hash.replace('#token=', '');
    const other = await createMeetingWith(server.url, server.adminToken, {});
    const statuses = async (rest: string) =>
      Promise.all(
        [server.adminToken, chair.token, secretariat, people.brazil.token, viewToken, other.chair.token].map(
          async (token) => (await get(rest, token)).status,
        ),
      );
    expect(await statuses('/record')).toEqual([200, 200, 200, 403, 403, 403]);
    // The same rule for the log (and the exports, below); refused before any work.
    expect(await statuses('/events.jsonl')).toEqual([200, 200, 200, 403, 403, 403]);
    expect((await get('/record.docx', people.apt.token)).status).toBe(403);
  });

  it('answers a live refetch of an unchanged record with 304, and a changed one in full', async () => {
    const url = `${server.url}${route('/record')}`;
    const first = await fetch(url, { headers: { authorization: `Bearer ${chair.token}` } });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"record-\d+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    await first.text();
    const again = await fetch(url, {
      headers: { authorization: `Bearer ${chair.token}`, 'if-none-match': tag! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Someone else's tag, or none, gets the record; a delegate still gets 403, tag or not.
    const refused = await fetch(url, {
      headers: { authorization: `Bearer ${people.brazil.token}`, 'if-none-match': tag! },
    });
    expect(refused.status).toBe(403);
  });

  it('sends the log as JSON Lines: every stored event, e-mail addresses only for the secretariat', async () => {
    const { record: r } = await record();
    const asChair = await get('/events.jsonl', chair.token);
    expect(asChair.status).toBe(200);
    expect(asChair.headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    expect(asChair.headers.get('content-disposition')).toBe('attachment; filename="Test IRM events.jsonl"');
    expect(asChair.headers.get('cache-control')).toBe('no-store');
    const lines = linesOf(asChair.text);
    expect(lines.length).toBe(r.meeting.lastSeq);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(Object.keys(lines[0]!)).toEqual(['seq', 'at', 'v', 'event']);
    expect(asChair.text).not.toContain('@example.org');

    const asSecretariat = await get('/events.jsonl', secretariat);
    expect(asSecretariat.text).toContain(SECRETARIAT_EMAIL);
    expect(asSecretariat.text).toContain(DELEGATE_EMAIL);
    expect(linesOf(asSecretariat.text).length).toBe(lines.length);
    // The log has no headings: a language is accepted and changes nothing.
    expect((await get('/events.jsonl?lang=ar', chair.token)).text).toBe(asChair.text);
    // The record folded from it in this process is the server's, byte for byte.
    expect(JSON.stringify(buildRecord(linesOf(asSecretariat.text)))).toBe((await record()).text);
  });

  it('takes ?lang= of the six languages only, and no other parameter', async () => {
    for (const rest of ['/record?lang=xx', '/events.jsonl?lang=EN', '/record.docx?lang=de', '/record?x=1']) {
      const res = await get(rest, chair.token);
      expect(res.status, rest).toBe(400);
      expect(JSON.parse(res.text).error.code).toBe('invalid');
    }
    expect((await get('/record?lang=zh', chair.token)).status).toBe(200);
  });

  it('separates the CSVs’ cells by ";" when asked (delimiter=semicolon), and takes no other separator', async () => {
    for (const name of ['interventions.csv', 'attendance.csv']) {
      const semicolon = await get(`/${name}?lang=fr&delimiter=semicolon`, secretariat);
      expect(semicolon.status, semicolon.text.slice(0, 200)).toBe(200);
      const headerLine = semicolon.text.slice(1, semicolon.text.indexOf('\r\n'));
      expect(headerLine, name).toContain(';');
      const comma = await get(`/${name}?lang=fr&delimiter=comma`, secretariat);
      expect(comma.bytes.equals((await get(`/${name}?lang=fr`, secretariat)).bytes), name).toBe(true);
      // The same cells either way.
      expect(parse(semicolon.text, { bom: true, delimiter: ';' })).toEqual(parse(comma.text, { bom: true }));
      for (const bad of ['tab', 'SEMICOLON', ';', 'semicolon&delimiter=comma']) {
        const res = await get(`/${name}?delimiter=${bad}`, secretariat);
        expect([res.status, JSON.parse(res.text).error.code], `${name} ${bad}`).toEqual([400, 'invalid']);
      }
    }
    // The other routes have no cells to separate: refused like any unknown parameter.
    for (const rest of ['/record.xlsx', '/record.docx', '/record.md', '/record', '/events.jsonl']) {
      const res = await get(`${rest}?delimiter=semicolon`, secretariat);
      expect(res.status, rest).toBe(400);
    }
  });

  it('exports the record as files to save, the same bytes for the same log', async () => {
    for (const name of RECORD_EXPORTS) {
      const first = await get(`/${name}?lang=fr`, secretariat);
      expect(first.status, `${name}: ${first.text.slice(0, 200)}`).toBe(200);
      expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"/);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(first.bytes.length).toBeGreaterThan(0);
      const again = await get(`/${name}?lang=fr`, secretariat);
      expect(again.bytes.equals(first.bytes), name).toBe(true);
    }
  });

  it('drafts the chair summary as a seeded text of kind chair-summary', async () => {
    const { record: before } = await record(chair.token);
    const created = await call<{ proposal: Proposal }>(
      server.url,
      'POST',
      route('/summary'),
      chair.token,
      {},
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { proposal } = created.body;
    expect(proposal).toMatchObject({ kind: 'chair-summary', symbol: 'CS/1', status: 'draft', locked: false });
    const meeting = await call<{ meeting: Meeting }>(server.url, 'GET', route(''), chair.token);
    expect(meeting.body.meeting.proposals.find((p) => p.id === proposal.id)?.kind).toBe('chair-summary');

    // Version 0 is the draft, as the record's templates wrote it (the chair has no language: English).
    const versions = `/api/proposals/${proposal.id}/versions`;
    let versionId = '';
    await waitFor(async () => {
      const list = await call<{ versions: Array<{ id: string }> }>(server.url, 'GET', versions, chair.token);
      versionId = list.body.versions[0]?.id ?? '';
      return versionId !== '';
    }, 'the seeded base version');
    const version = await call<{ state: string }>(server.url, 'GET', `${versions}/${versionId}`, chair.token);
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, Buffer.from(version.body.state, 'base64'));
    const expected = new Y.Doc();
    seedDoc(expected, draftSummary(before, 'en').text.slice(0, SUMMARY_MAX_CHARS));
    expect(plainText(seeded)).toBe(plainText(expected));
    expect(plainText(seeded).length).toBeGreaterThan(0);

    // Its versions are its writers', as its text is: not a delegate's.
    const byBrazil = await call(server.url, 'POST', versions, people.brazil.token, { name: 'Brazil' });
    expect(byBrazil.status).toBe(403);
    const byChair = await call(server.url, 'POST', versions, chair.token, { name: 'First draft' });
    expect(byChair.status, JSON.stringify(byChair.body)).toBe(201);

    const refused = await call(server.url, 'POST', route('/summary'), people.brazil.token, {});
    expect(refused.status).toBe(403);
    const unknownField = await call(server.url, 'POST', route('/summary'), chair.token, { lang: 'fr', x: 1 });
    expect(unknownField.status).toBe(400);
  });

  it('drafts from a JSON body or none, refusing any other body (415) and a query (400)', async () => {
    // A string body gets `text/plain` from fetch; bytes go without a Content-Type.
    const post = (rest: string, init: { type?: string; body?: BodyInit }) =>
      fetch(`${server.url}${route(rest)}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${chair.token}`,
          ...(init.type ? { 'content-type': init.type } : {}),
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    const refusal = async (res: Response) => [res.status, ((await res.json()) as Refused).error.code];
    // Each asks for French: read as English (the chair's default) it would be drafted, not refused.
    for (const [type, body] of [
      ['text/plain', '{"lang":"fr"}'],
      ['application/x-www-form-urlencoded', 'lang=fr'],
      ['text/csv', 'lang\r\nfr\r\n'],
      [undefined, new TextEncoder().encode('{"lang":"fr"}')],
    ] as const)
      expect(await refusal(await post('/summary', { type, body })), String(type)).toEqual([
        415,
        'unsupported',
      ]);
    for (const query of ['?lang=fr', '?x=1', '?lang=fr&lang=ar'])
      expect(
        await refusal(await post(`/summary${query}`, { type: 'application/json', body: '{}' })),
        query,
      ).toEqual([400, 'invalid']);

    const french = await post('/summary', { type: 'application/json; charset=utf-8', body: '{"lang":"fr"}' });
    expect(french.status).toBe(201);
    const { proposal } = (await french.json()) as { proposal: Proposal };
    expect(proposal.title).toBe(draftSummary((await record()).record, 'fr').title);
    expect(proposal.title).not.toBe(draftSummary((await record()).record, 'en').title);
    // No body at all (fetch sends Content-Length: 0): the caller's language, as `{}`.
    expect((await post('/summary', {})).status).toBe(201);
  });

  it("names the log as the exports are named: the meeting's title cut to the same length", async () => {
    const title = `${'Regional Preparatory Meeting for WTDC-25 '.repeat(4)}`.trim();
    expect(title.length).toBeGreaterThan(120);
    const { meeting } = await createAs(server.url, server.adminToken, {
      title,
      timezone: 'Europe/Zurich',
      defaultSpeakingSeconds: 180,
    });
    const named = async (rest: string) =>
      (await download(server.url, `/api/meetings/${meeting.id}${rest}`, server.adminToken)).headers.get(
        'content-disposition',
      );
    const stem = exportFileName(title, 'record', 'md').replace(/ record\.md$/, '');
    expect(stem.length).toBe(60);
    expect(await named('/record.md')).toBe(`attachment; filename="${stem} record.md"`);
    expect(await named('/events.jsonl')).toBe(`attachment; filename="${stem} events.jsonl"`);
  });

  it('is the same, byte for byte, after kill -9 and a restart, and after one more event', async () => {
    const before = await record();
    server.child.kill('SIGKILL');
    await server.exited;
    server = await spawnServer(dataDir);
    const after = await record(); // folded from scratch by the new process
    expect(after.text).toBe(before.text);
    expect((await record(chair.token)).text).toBe(before.text);

    await addAs(server.url, server.adminToken, meetingId, {
      name: 'Late',
      delegation: 'Peru',
      role: 'delegate',
    });
    const incremental = await record(); // the cached fold, one event further
    expect(incremental.record.meeting.lastSeq).toBe(before.record.meeting.lastSeq + 1);
    const log = await get('/events.jsonl', server.adminToken);
    expect(incremental.text).toBe(JSON.stringify(buildRecord(linesOf(log.text))));
  }, 60_000);
});
