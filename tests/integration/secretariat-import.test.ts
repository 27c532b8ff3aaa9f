import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared';
import type { TestClient } from '../support/client';
import { STANDARD_PEOPLE } from '../support/meeting';
import type { Refusal } from '../support/secretariatApi';
import { useSecretariatMeeting } from '../support/secretariatMeeting';

type Refused = ImportResult & Refusal;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/registration');
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, name), 'utf8');

/**
 * `POST …/participants/import` with real CSV files (tests/fixtures/registration/: a BOM and
 * semicolons as Excel writes them in French settings, quoted separators, Arabic and Chinese names,
 * bad rows) and `GET …/invitations.csv` (docs/protocol.md, "The secretariat's API").
 */
describe('the secretariat’s API: import and invitations.csv', () => {
  const irm = useSecretariatMeeting({
    meeting: { title: 'IRM-2' },
    people: {
      secretariat: STANDARD_PEOPLE.secretariat,
      delegate: { name: 'Luc', delegation: 'France', role: 'delegate' },
    },
  });
  const { people, request } = irm;
  let room: TestClient;
  const importRoute = (dryRun = false) => irm.route(`/participants/import${dryRun ? '?dryRun=1' : ''}`);
  const importCsv = (csv: string, { dryRun = false, token = people.secretariat.token } = {}) =>
    request<Refused>('POST', importRoute(dryRun), token, csv, { contentType: 'text/csv' });
  const table = async () => (await irm.table()).body.participants;

  beforeAll(async () => {
    room = await irm.join(irm.chair.token);
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
    // Each with its reason, for the client to word in the secretariat's language.
    expect(refused.body.errors.at(-1)!.reason).toEqual({ code: 'appointment', role: 'chair' });
    expect(refused.body.errors.every((e) => typeof e.reason?.code === 'string')).toBe(true);
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
    const listed = await table();
    for (const { participant } of imported.body.created)
      expect(listed.find((p) => p.id === participant.id)).toMatchObject({
        name: participant.name,
        email: participant.email,
      });
    expect(listed.find((p) => p.name === '王芳')).toMatchObject({
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
        participantId: listed.find((p) => p.name === 'Amina Diallo')!.id,
        matchedBy: 'email',
        changes: { lang: 'en' },
      },
    ]);
  });

  it('the 300-row IRM-2 list: refused for its four bad rows, imported once they are fixed', async () => {
    const { meeting } = await irm.create({ title: 'IRM-2 (full list)' });
    const route = `/api/meetings/${meeting.id}/participants/import`;
    const csv = await fixture('irm2-300.csv');
    const refused = await request<Refused>('POST', route, irm.admin, csv, { contentType: 'text/csv' });
    expect(refused.status).toBe(422);
    const bad = refused.body.errors.map((e) => e.line);
    expect(bad).toEqual([37, 88, 154, 251]);
    // Fixed the way the preview suggests: the bad lines taken out (CRLF kept).
    const fixed = csv
      .split('\r\n')
      .filter((_, i) => !bad.includes(i + 1))
      .join('\r\n');
    const imported = await request<Refused>('POST', route, irm.admin, fixed, {
      contentType: 'text/csv',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toHaveLength(296);
    expect(imported.body.errors).toEqual([]);
    const listed = await irm.table({ meetingId: meeting.id });
    expect(listed.body.participants).toHaveLength(297); // and the chair
  });

  it('takes CSV only, from the secretariat or the administrator, up to 1 MiB', async () => {
    const csv = await fixture('api-import-bad-rows.csv');
    expect((await importCsv(csv, { token: people.delegate.token })).status).toBe(403);
    expect((await importCsv(csv, { token: irm.chair.token })).status).toBe(403);
    const asJson = await request<Refused>('POST', importRoute(), people.secretariat.token, { csv });
    expect(asJson.status).toBe(400);
    expect(asJson.body.error.message).toContain('text/csv');
    const huge = `name,delegation,role\n${'x,y,delegate\n'.repeat(90_000)}`;
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    expect((await importCsv(huge)).status).toBe(413);
    const noMeeting = await request('POST', '/api/meetings/m_nothing/participants/import', irm.admin, csv, {
      contentType: 'text/csv',
    });
    expect(noMeeting.status).toBe(404);
  });

  it('reads the bytes as sent: another encoding is refused, a misspelt preview imports nothing', async () => {
    const latin1 = Buffer.from('name,delegation\nJos\xe9 Mar\xeda,Espa\xf1a\n', 'latin1');
    const res = await fetch(`${irm.server.url}${importRoute(true)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${people.secretariat.token}`, 'content-type': 'text/csv' },
      body: latin1,
    });
    const body = (await res.json()) as ImportResult;
    expect(res.status).toBe(200);
    expect(body.created).toEqual([]);
    expect(body.errors).toEqual([
      { line: 2, message: expect.stringMatching(/not UTF-8/), reason: { code: 'not_utf8' } },
    ]);
    const before = (await table()).length;
    for (const query of ['?dryRun=yes', '?dryrun=1', '?dryRun=1&dryRun=1']) {
      const misspelt = await request<Refused>(
        'POST',
        irm.route(`/participants/import${query}`),
        people.secretariat.token,
        'name,delegation\nA,Peru\n',
        { contentType: 'text/csv' },
      );
      expect(misspelt.status, query).toBe(400);
    }
    expect((await table()).length).toBe(before);
  });

  it('GET invitations.csv: every participant with their current link, for a mail merge', async () => {
    const route = irm.route('/invitations.csv');
    const res = await request<string>('GET', route, people.secretariat.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="IRM-2-invitations.csv"');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, for Excel
    const [header, ...rows] = parse(res.text, { bom: true }) as string[][];
    expect(header).toEqual(['name', 'delegation', 'email', 'role', 'lang', 'joinUrl']);
    // The secretariat's file holds the links it may hand out: not the chair's (the administrator's).
    const listed = await table();
    expect(rows.map((r) => r[0])).toEqual(listed.filter((p) => p.role !== 'chair').map((p) => p.name));
    const all = await request<string>('GET', route, irm.admin);
    expect(parse(all.text, { bom: true }).length).toBe(listed.length + 1);
    const wang = rows.find((r) => r[0] === '王芳')!;
    expect(wang.slice(1, 5)).toEqual(['中国', 'wang.fang@cn.example', 'delegate', 'zh']);
    const token = new URL(wang[5]!).hash.replace('#token=', '');
    const me = await request<{ participantId: string }>('GET', '/api/me', token);
    expect(me.body.participantId).toBe(listed.find((p) => p.name === '王芳')!.id);
    expect((await request('GET', route, irm.chair.token)).status).toBe(403);
    expect((await request('GET', route, people.delegate.token)).status).toBe(403);

    // Only the participants named (an id of no one is ignored), with semicolons for Excel in French.
    const wangId = listed.find((p) => p.name === '王芳')!.id;
    const lucId = listed.find((p) => p.name === 'Luc')!.id;
    const some = await request<string>(
      'GET',
      `${route}?participantIds=${wangId},p_gone,${lucId}&delimiter=semicolon`,
      people.secretariat.token,
    );
    expect(some.status).toBe(200);
    expect(some.text.split('\r\n')[0]).toBe('name;delegation;email;role;lang;joinUrl');
    const picked = parse(some.text, { bom: true, delimiter: ';', from_line: 2 }) as string[][];
    expect(picked.map((r) => r[0]).sort()).toEqual(['Luc', '王芳']);
    const wangLink = new URL(picked.find((r) => r[0] === '王芳')![5]!).hash.replace('#token=', '');
    expect((await request<{ participantId: string }>('GET', '/api/me', wangLink)).body.participantId).toBe(
      wangId,
    );
    // The chair's id, named by the secretariat: still not theirs to hand out.
    const chairOnly = await request<string>(
      'GET',
      `${route}?participantIds=${irm.chair.participantId}`,
      people.secretariat.token,
    );
    expect(parse(chairOnly.text, { bom: true })).toEqual([header]);
    for (const query of [
      '?delimiter=tab',
      '?participantIds=',
      '?participantIds=a&participantIds=b',
      '?ids=x',
    ])
      expect((await request('GET', `${route}${query}`, people.secretariat.token)).status, query).toBe(400);
  });
});
