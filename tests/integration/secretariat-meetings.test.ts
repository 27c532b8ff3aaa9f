import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgendaItem,
  asId,
  type Meeting,
  type MeetingId,
  type MeetingSummary,
  type Participant,
} from '../../shared';
import { connect, type TestClient } from '../support/client';
import { type Added, addAs, call } from '../support/secretariatApi';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Invite = { participantId: string; token: string; joinUrl: string };

const DOCUMENT = {
  symbol: 'IRM-1/3',
  title: 'Outcomes of the regional preparatory meetings',
  url: 'https://www.itu.int/md/D22-IRM1-C-0003/en',
  languages: ['en', 'fr'],
};

/**
 * The administrator's and the secretariat's meetings over HTTP (docs/protocol.md, "The
 * secretariat's API"): the list, settings and the archive, documents per agenda item, clones, and
 * `GET /api/me`. One server without SMTP, so `POST …/invitations` is 503 here.
 */
describe('the secretariat’s API: meetings', () => {
  let server: Server;
  let meetingId: string;
  let chair: Invite;
  let secretariat: Added;
  let delegate: Added;
  const clients: TestClient[] = [];
  const admin = () => server.adminToken;

  beforeAll(async () => {
    server = await startTestServer();
    const created = await call<{ meeting: Meeting; chair: Invite }>(
      server.url,
      'POST',
      '/api/meetings',
      admin(),
      {
        title: 'IRM-1',
        timezone: 'Africa/Nairobi',
        startsAt: '2026-03-10T09:00:00+03:00',
        endsAt: '2026-03-10T17:00:00+03:00',
        videoUrl: 'https://zoom.example/j/123',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.meeting).toMatchObject({
      startsAt: Date.parse('2026-03-10T06:00:00Z'),
      videoUrl: 'https://zoom.example/j/123',
    });
    meetingId = created.body.meeting.id;
    chair = created.body.chair;
    secretariat = await addAs(server.url, admin(), meetingId, {
      name: 'BDT',
      delegation: 'BDT',
      role: 'secretariat',
      email: 'bdt@itu.example',
    });
    delegate = await addAs(server.url, admin(), meetingId, {
      name: 'Amina Diallo',
      delegation: 'Kenya',
      role: 'delegate',
      region: 'AFR',
      email: 'amina@kenya.example',
      lang: 'fr',
    });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  it('GET /api/me tells who the token signs in and what they may do', async () => {
    expect((await call(server.url, 'GET', '/api/me', admin())).body).toEqual({
      caller: 'admin',
      mail: false,
    });
    const me = await call(server.url, 'GET', '/api/me', secretariat.token);
    expect(me.body).toEqual({
      caller: 'participant',
      meetingId,
      participantId: secretariat.participant.id,
      role: 'secretariat',
      view: false,
      mail: false,
      may: { configure: true, read: true, manage: true, archive: false },
    });
    const chairMe = await call<{ may: object }>(server.url, 'GET', '/api/me', chair.token);
    expect(chairMe.body.may).toEqual({ configure: false, read: true, manage: false, archive: false });
    const delegateMe = await call<{ may: object }>(server.url, 'GET', '/api/me', delegate.token);
    expect(delegateMe.body.may).toEqual({ configure: false, read: false, manage: false, archive: false });
    expect((await call(server.url, 'GET', '/api/me', 'garbage')).status).toBe(401);
  });

  it('lists every meeting for the administrator only, newest first', async () => {
    const later = await call<{ meeting: Meeting }>(server.url, 'POST', '/api/meetings', admin(), {
      title: 'IRM-3',
      startsAt: '2027-01-10T09:00:00Z',
    });
    const list = await call<{ meetings: MeetingSummary[] }>(server.url, 'GET', '/api/meetings', admin());
    expect(list.status).toBe(200);
    const ids = list.body.meetings.map((m) => m.id);
    expect(ids.indexOf(later.body.meeting.id)).toBeLessThan(ids.indexOf(meetingId));
    expect(list.body.meetings.find((m) => m.id === meetingId)).toEqual({
      id: meetingId,
      title: 'IRM-1',
      status: 'scheduled',
      archived: false,
      timezone: 'Africa/Nairobi',
      startsAt: Date.parse('2026-03-10T06:00:00Z'),
      endsAt: Date.parse('2026-03-10T14:00:00Z'),
      createdAt: expect.any(Number),
      participants: 3,
      online: 0,
    });
    const online = await join(delegate.token);
    await expect
      .poll(async () => {
        const again = await call<{ meetings: MeetingSummary[] }>(server.url, 'GET', '/api/meetings', admin());
        return again.body.meetings.find((m) => m.id === meetingId)?.online;
      })
      .toBe(1);
    online.close();
    expect((await call(server.url, 'GET', '/api/meetings', secretariat.token)).status).toBe(403);
  });

  it('PATCH changes the settings for the secretariat, not for the chair or a delegate', async () => {
    const route = `/api/meetings/${meetingId}`;
    const patched = await call<{ meeting: Meeting }>(server.url, 'PATCH', route, secretariat.token, {
      title: 'IRM-1 (Nairobi)',
      defaultSpeakingSeconds: 120,
      options: { rtoSpokespersonsFirst: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.meeting).toMatchObject({
      title: 'IRM-1 (Nairobi)',
      options: { rtoSpokespersonsFirst: false },
    });
    expect(patched.body.meeting.floor.limitSeconds).toBe(120);
    // The answer carries the meeting as the room sees it: no e-mail addresses.
    expect(patched.body.meeting.participants.every((p) => p.email === null)).toBe(true);
    for (const token of [chair.token, delegate.token]) {
      const refused = await call<{ error: { code: string } }>(server.url, 'PATCH', route, token, {
        title: 'x',
      });
      expect(refused.status).toBe(403);
    }
    const bad = await call<{ error: { code: string; message: string } }>(
      server.url,
      'PATCH',
      route,
      admin(),
      {
        startsAt: '2026-03-11T09:00:00Z',
        endsAt: '2026-03-10T09:00:00Z',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('cannot end before it starts');
    expect((await call(server.url, 'PATCH', route, admin(), { colour: 'red' })).status).toBe(400);
    expect((await call(server.url, 'PATCH', route, admin(), {})).status).toBe(400);
    expect((await call(server.url, 'PATCH', '/api/meetings/m_nothing', admin(), { title: 'x' })).status).toBe(
      404,
    );
  });

  it('an archived meeting refuses commands and changes until the administrator brings it back', async () => {
    const route = `/api/meetings/${meetingId}`;
    const room = await join(chair.token);
    const byTheSecretariat = await call(server.url, 'PATCH', route, secretariat.token, { archived: true });
    expect(byTheSecretariat.status).toBe(403);
    const archived = await call<{ meeting: Meeting }>(server.url, 'PATCH', route, admin(), {
      archived: true,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.meeting.archived).toBe(true);
    expect(await room.send({ type: 'meeting.open' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const change = await call<{ error: { code: string } }>(server.url, 'PATCH', route, secretariat.token, {
      title: 'changed',
    });
    expect(change.status).toBe(409);
    const add = await call(server.url, 'POST', `${route}/participants`, admin(), {
      name: 'Late',
      delegation: 'Chile',
      role: 'delegate',
    });
    expect(add.status).toBe(409);
    const list = await call<{ meetings: MeetingSummary[] }>(server.url, 'GET', '/api/meetings', admin());
    expect(list.body.meetings.find((m) => m.id === meetingId)?.archived).toBe(true);
    const back = await call<{ meeting: Meeting }>(server.url, 'PATCH', route, admin(), { archived: false });
    expect(back.body.meeting.archived).toBe(false);
    expect(await room.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
  });

  it('PUT …/documents lists an agenda item’s documents', async () => {
    const room = await join(chair.token);
    expect(await room.send({ type: 'agenda.add', title: 'Outcomes', plannedMinutes: 30 })).toMatchObject({
      ok: true,
    });
    const item = room.meeting().agenda.at(-1)!;
    const route = `/api/meetings/${meetingId}/agenda/${item.id}/documents`;
    const put = await call<{ item: AgendaItem }>(server.url, 'PUT', route, secretariat.token, {
      documents: [DOCUMENT],
    });
    expect(put.status).toBe(200);
    expect(put.body.item.documents).toEqual([DOCUMENT]);
    // The room sees them at once (agenda.documentsSet).
    await expect
      .poll(() => room.meeting().agenda.find((i) => i.id === item.id)?.documents)
      .toEqual([DOCUMENT]);
    const script = await call(server.url, 'PUT', route, secretariat.token, {
      documents: [{ ...DOCUMENT, url: 'javascript:alert(1)' }],
    });
    expect(script.status).toBe(400);
    expect((await call(server.url, 'PUT', route, delegate.token, { documents: [] })).status).toBe(403);
    const noItem = `/api/meetings/${meetingId}/agenda/i_nothing/documents`;
    expect((await call(server.url, 'PUT', noItem, secretariat.token, { documents: [] })).status).toBe(404);
  });

  it('clones a meeting with its agenda, documents and participants, under fresh ids and tokens', async () => {
    const source = server.service.room(asId<MeetingId>(meetingId))!.state;
    const cloned = await call<{ meeting: Meeting; chair: Invite }>(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/clone`,
      admin(),
      { title: 'IRM-2', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T17:00:00Z' },
    );
    expect(cloned.status).toBe(201);
    const { meeting, chair: newChair } = cloned.body;
    expect(meeting).toMatchObject({ title: 'IRM-2', status: 'scheduled', timezone: 'Africa/Nairobi' });
    expect(meeting.agenda.map((i) => [i.title, i.status, i.documents])).toEqual(
      source.agenda.map((i) => [i.title, 'pending', i.documents]),
    );
    expect(meeting.agenda[0]!.documents).toEqual([DOCUMENT]);
    const who = (p: Participant) => `${p.role} ${p.name} ${p.delegation}`;
    expect(meeting.participants.map(who)).toEqual(source.participants.map(who));
    const oldIds = new Set(source.participants.map((p) => p.id));
    expect(meeting.participants.some((p) => oldIds.has(p.id))).toBe(false);
    expect(meeting.participants.every((p) => p.email === null)).toBe(true);
    // The addresses came along, for the secretariat of the clone.
    const people = await call<{ participants: Participant[] }>(
      server.url,
      'GET',
      `/api/meetings/${meeting.id}/participants`,
      admin(),
    );
    expect(people.body.participants.find((p) => p.name === 'Amina Diallo')?.email).toBe(
      'amina@kenya.example',
    );
    expect(newChair.participantId).toBe(meeting.presidingParticipantId);
    expect((await call(server.url, 'GET', `/api/meetings/${meeting.id}`, newChair.token)).status).toBe(200);
    // A link of IRM-1 does not sign anyone in to IRM-2.
    for (const token of [chair.token, secretariat.token]) {
      expect((await call(server.url, 'GET', `/api/meetings/${meeting.id}`, token)).status).toBe(403);
      expect(
        (await call(server.url, 'PATCH', `/api/meetings/${meeting.id}`, token, { title: 'x' })).status,
      ).toBe(403);
    }
    const bySecretariat = await call(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/clone`,
      secretariat.token,
      {
        title: 'IRM-9',
      },
    );
    expect(bySecretariat.status).toBe(403);
    expect(
      (await call(server.url, 'POST', '/api/meetings/m_nothing/clone', admin(), { title: 'x' })).status,
    ).toBe(404);
  });

  it('answers 503 to sending invitations when no mail server is set', async () => {
    const sent = await call<{ error: { code: string; message: string } }>(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/invitations`,
      secretariat.token,
      {},
    );
    expect(sent.status).toBe(503);
    expect(sent.body.error.code).toBe('unavailable');
    expect(sent.body.error.message).toContain('SMTP_URL');
    expect(
      (await call(server.url, 'POST', `/api/meetings/${meetingId}/invitations`, delegate.token, {})).status,
    ).toBe(403);
  });
});
