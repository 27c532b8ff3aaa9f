import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Meeting, Participant } from '../../shared';
import { connect, type TestClient } from '../support/client';
import { type Added, addAs, call } from '../support/secretariatApi';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Table = { participants: Participant[] };
type Refused = ImportResult & { error: { code: string; message: string } };

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/registration');
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, name), 'utf8');

/**
 * `POST …/participants/import` with real CSV files (tests/fixtures/registration/: a BOM and
 * semicolons as Excel writes them in French settings, quoted separators, Arabic and Chinese names,
 * bad rows) and `GET …/invitations.csv` (docs/protocol.md, "The secretariat's API").
 */
describe('the secretariat’s API: import and invitations.csv', () => {
  let server: Server;
  let meetingId: string;
  let chairToken: string;
  let secretariat: Added;
  let delegate: Added;
  let room: TestClient;
  const admin = () => server.adminToken;
  const importRoute = (dryRun = false) =>
    `/api/meetings/${meetingId}/participants/import${dryRun ? '?dryRun=1' : ''}`;
  const importCsv = (csv: string, { dryRun = false, token = secretariat.token } = {}) =>
    call<Refused>(server.url, 'POST', importRoute(dryRun), token, csv, { contentType: 'text/csv' });
  const table = async () =>
    (await call<Table>(server.url, 'GET', `/api/meetings/${meetingId}/participants`, admin())).body
      .participants;

  beforeAll(async () => {
    server = await startTestServer();
    const created = await call<{ meeting: Meeting; chair: { token: string } }>(
      server.url,
      'POST',
      '/api/meetings',
      admin(),
      { title: 'IRM-2' },
    );
    meetingId = created.body.meeting.id;
    chairToken = created.body.chair.token;
    secretariat = await addAs(server.url, admin(), meetingId, {
      name: 'BDT',
      delegation: 'BDT',
      role: 'secretariat',
    });
    delegate = await addAs(server.url, admin(), meetingId, {
      name: 'Luc',
      delegation: 'France',
      role: 'delegate',
    });
    room = await connect(server.url, chairToken);
  });

  afterAll(async () => {
    room.close();
    await server.stop();
  });

  it('a preview says what the list would do and writes nothing', async () => {
    const before = await table();
    const preview = await importCsv(await fixture('api-import-semicolon-bom.csv'), { dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.created.map((c) => [c.line, c.participant.name])).toEqual([
      [2, 'Amina Diallo'],
      [3, 'Omar; Jr.'],
      [4, 'محمد العلي'],
      [5, '王芳'],
      [6, 'APT Spokesperson'],
    ]);
    expect(preview.body.created[0]!.participant).toMatchObject({ email: 'amina@kenya.example', lang: 'fr' });
    expect(await table()).toEqual(before);
  });

  it('a list with bad rows is refused whole (422), each bad row by its line', async () => {
    const seq = room.seq();
    const csv = await fixture('api-import-bad-rows.csv');
    const refused = await importCsv(csv);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid');
    expect(refused.body.error.message).toContain('nothing was imported');
    expect(refused.body.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    // Line 6 reads well but the secretariat does not appoint chairs: the plan's own refusal.
    expect(refused.body.errors.at(-1)!.message).toBe('only the administrator appoints a chair');
    expect(refused.body.created.map((c) => c.participant.name)).toEqual(['Neema Mwakyusa']);
    expect((await table()).some((p) => p.name === 'Neema Mwakyusa')).toBe(false);
    const preview = await importCsv(csv, { dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual(refused.body.errors);
    expect(room.seq()).toBe(seq);
  });

  it('a good list is imported in one append that the room sees, and again changes only what differs', async () => {
    const csv = await fixture('api-import-semicolon-bom.csv');
    const seq = room.seq();
    const imported = await importCsv(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.created).toHaveLength(5);
    expect(imported.body.errors).toEqual([]);
    const people = await table();
    for (const { participant } of imported.body.created)
      expect(people.find((p) => p.id === participant.id)).toMatchObject({
        name: participant.name,
        email: participant.email,
      });
    expect(people.find((p) => p.name === '王芳')).toMatchObject({
      delegation: '中国',
      region: 'ASP',
      lang: 'zh',
    });
    await room.waitForSeq(seq + 5);
    expect(room.meeting().participants.filter((p) => p.name === 'محمد العلي')).toHaveLength(1);
    // One append: all five in one stored batch.
    const batch = room.events.filter((e) => e.seq > seq);
    expect(new Set(batch.map((e) => e.at)).size).toBe(1);

    const again = await importCsv(csv.replace('amina@kenya.example;fr', 'amina@kenya.example;en'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: [], unchanged: 4, errors: [] });
    expect(again.body.updated).toEqual([
      {
        line: 2,
        participantId: people.find((p) => p.name === 'Amina Diallo')!.id,
        matchedBy: 'email',
        changes: { lang: 'en' },
      },
    ]);
  });

  it('the 300-row IRM-2 list: refused for its four bad rows, imported once they are fixed', async () => {
    const created = await call<{ meeting: Meeting }>(server.url, 'POST', '/api/meetings', admin(), {
      title: 'IRM-2 (full list)',
    });
    const route = `/api/meetings/${created.body.meeting.id}/participants/import`;
    const csv = await fixture('irm2-300.csv');
    const refused = await call<Refused>(server.url, 'POST', route, admin(), csv, { contentType: 'text/csv' });
    expect(refused.status).toBe(422);
    const bad = refused.body.errors.map((e) => e.line);
    expect(bad).toEqual([37, 88, 154, 251]);
    // Fixed the way the preview suggests: the bad lines taken out (CRLF kept).
    const fixed = csv
      .split('\r\n')
      .filter((_, i) => !bad.includes(i + 1))
      .join('\r\n');
    const imported = await call<Refused>(server.url, 'POST', route, admin(), fixed, {
      contentType: 'text/csv',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toHaveLength(296);
    expect(imported.body.errors).toEqual([]);
    const people = await call<Table>(
      server.url,
      'GET',
      `/api/meetings/${created.body.meeting.id}/participants`,
      admin(),
    );
    expect(people.body.participants).toHaveLength(297); // and the chair
  });

  it('takes CSV only, from the secretariat or the administrator, up to 1 MiB', async () => {
    const csv = await fixture('api-import-bad-rows.csv');
    expect((await importCsv(csv, { token: delegate.token })).status).toBe(403);
    expect((await importCsv(csv, { token: chairToken })).status).toBe(403);
    const asJson = await call<Refused>(server.url, 'POST', importRoute(), secretariat.token, { csv });
    expect(asJson.status).toBe(400);
    expect(asJson.body.error.message).toContain('text/csv');
    const huge = `name,delegation,role\n${'x,y,delegate\n'.repeat(90_000)}`;
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    expect((await importCsv(huge)).status).toBe(400);
    const noMeeting = await call(
      server.url,
      'POST',
      '/api/meetings/m_nothing/participants/import',
      admin(),
      csv,
      {
        contentType: 'text/csv',
      },
    );
    expect(noMeeting.status).toBe(404);
  });

  it('GET invitations.csv: every participant with their current link, for a mail merge', async () => {
    const route = `/api/meetings/${meetingId}/invitations.csv`;
    const res = await call<string>(server.url, 'GET', route, secretariat.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="IRM-2-invitations.csv"');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, for Excel
    const [header, ...rows] = parse(res.text, { bom: true }) as string[][];
    expect(header).toEqual(['name', 'delegation', 'email', 'role', 'lang', 'joinUrl']);
    const people = await table();
    expect(rows.map((r) => r[0])).toEqual(people.map((p) => p.name));
    const wang = rows.find((r) => r[0] === '王芳')!;
    expect(wang.slice(1, 5)).toEqual(['中国', 'wang.fang@cn.example', 'delegate', 'zh']);
    const token = new URL(wang[5]!).hash.replace('#token=', '');
    const me = await call<{ participantId: string }>(server.url, 'GET', '/api/me', token);
    expect(me.body.participantId).toBe(people.find((p) => p.name === '王芳')!.id);
    expect((await call(server.url, 'GET', route, chairToken)).status).toBe(403);
    expect((await call(server.url, 'GET', route, delegate.token)).status).toBe(403);
  });
});
