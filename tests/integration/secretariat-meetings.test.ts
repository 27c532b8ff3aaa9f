import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AgendaItem,
  asId,
  type Meeting,
  type MeetingId,
  type MeetingSummary,
  type Participant,
} from '../../shared';
import { STANDARD_PEOPLE } from '../support/meeting';
import type { Invite } from '../support/secretariatApi';
import { useSecretariatMeeting } from '../support/secretariatMeeting';

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
  const irm = useSecretariatMeeting({
    meeting: {
      title: 'IRM-1',
      timezone: 'Africa/Nairobi',
      startsAt: '2026-03-10T09:00:00+03:00',
      endsAt: '2026-03-10T17:00:00+03:00',
      videoUrl: 'https://zoom.example/j/123',
    },
    people: {
      secretariat: { ...STANDARD_PEOPLE.secretariat, email: 'bdt@itu.example' },
      delegate: {
        name: 'Amina Diallo',
        delegation: 'Kenya',
        role: 'delegate',
        region: 'AFR',
        email: 'amina@kenya.example',
        lang: 'fr',
      },
    },
  });
  const { people, request, join } = irm;

  beforeAll(() => {
    // Times in the body with their offset, on the wire in ms since the epoch.
    expect(irm.meeting).toMatchObject({
      startsAt: Date.parse('2026-03-10T06:00:00Z'),
      videoUrl: 'https://zoom.example/j/123',
    });
  });

  it('GET /api/me tells who the token signs in and what they may do', async () => {
    expect((await request('GET', '/api/me', irm.admin)).body).toEqual({
      caller: 'admin',
      mail: false,
    });
    const me = await request('GET', '/api/me', people.secretariat.token);
    expect(me.body).toEqual({
      caller: 'participant',
      meetingId: irm.meetingId,
      participantId: people.secretariat.participant.id,
      role: 'secretariat',
      view: false,
      mail: false,
      may: { configure: true, read: true, manage: true, archive: false },
    });
    const chairMe = await request<{ may: object }>('GET', '/api/me', irm.chair.token);
    expect(chairMe.body.may).toEqual({ configure: false, read: true, manage: false, archive: false });
    const delegateMe = await request<{ may: object }>('GET', '/api/me', people.delegate.token);
    expect(delegateMe.body.may).toEqual({ configure: false, read: false, manage: false, archive: false });
    expect((await request('GET', '/api/me', 'garbage')).status).toBe(401);
  });

  it('lists every meeting for the administrator only, newest first', async () => {
    const later = await request<{ meeting: Meeting }>('POST', '/api/meetings', irm.admin, {
      title: 'IRM-3',
      startsAt: '2027-01-10T09:00:00Z',
    });
    const list = await request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings', irm.admin);
    expect(list.status).toBe(200);
    const ids = list.body.meetings.map((m) => m.id);
    expect(ids.indexOf(later.body.meeting.id)).toBeLessThan(ids.indexOf(irm.meetingId));
    expect(list.body.meetings.find((m) => m.id === irm.meetingId)).toEqual({
      id: irm.meetingId,
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
    const online = await join(people.delegate.token);
    await expect
      .poll(async () => {
        const again = await request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings', irm.admin);
        return again.body.meetings.find((m) => m.id === irm.meetingId)?.online;
      })
      .toBe(1);
    online.close();
    expect((await request('GET', '/api/meetings', people.secretariat.token)).status).toBe(403);
  });

  it('PATCH changes the settings for the secretariat, not for the chair or a delegate', async () => {
    const route = irm.route();
    const patched = await request<{ meeting: Meeting }>('PATCH', route, people.secretariat.token, {
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
    for (const token of [irm.chair.token, people.delegate.token]) {
      const refused = await request<{ error: { code: string } }>('PATCH', route, token, {
        title: 'x',
      });
      expect(refused.status).toBe(403);
    }
    const bad = await request<{ error: { code: string; message: string } }>('PATCH', route, irm.admin, {
      startsAt: '2026-03-11T09:00:00Z',
      endsAt: '2026-03-10T09:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('cannot end before it starts');
    expect((await request('PATCH', route, irm.admin, { colour: 'red' })).status).toBe(400);
    expect((await request('PATCH', route, irm.admin, {})).status).toBe(400);
    expect((await request('PATCH', '/api/meetings/m_nothing', irm.admin, { title: 'x' })).status).toBe(404);
  });

  it('an archived meeting refuses commands and changes until the administrator brings it back', async () => {
    const route = irm.route();
    const room = await join(irm.chair.token);
    const byTheSecretariat = await request('PATCH', route, people.secretariat.token, { archived: true });
    expect(byTheSecretariat.status).toBe(403);
    const archived = await request<{ meeting: Meeting }>('PATCH', route, irm.admin, {
      archived: true,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.meeting.archived).toBe(true);
    expect(await room.send({ type: 'meeting.open' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const change = await request<{ error: { code: string } }>('PATCH', route, people.secretariat.token, {
      title: 'changed',
    });
    expect(change.status).toBe(409);
    const add = await request('POST', `${route}/participants`, irm.admin, {
      name: 'Late',
      delegation: 'Chile',
      role: 'delegate',
    });
    expect(add.status).toBe(409);
    const list = await request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings', irm.admin);
    expect(list.body.meetings.find((m) => m.id === irm.meetingId)?.archived).toBe(true);
    const back = await request<{ meeting: Meeting }>('PATCH', route, irm.admin, { archived: false });
    expect(back.body.meeting.archived).toBe(false);
    expect(await room.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
  });

  it('PUT …/documents lists an agenda item’s documents', async () => {
    const room = await join(irm.chair.token);
    expect(await room.send({ type: 'agenda.add', title: 'Outcomes', plannedMinutes: 30 })).toMatchObject({
      ok: true,
    });
    const item = room.meeting().agenda.at(-1)!;
    const route = irm.route(`/agenda/${item.id}/documents`);
    const put = await request<{ item: AgendaItem }>('PUT', route, people.secretariat.token, {
      documents: [DOCUMENT],
    });
    expect(put.status).toBe(200);
    expect(put.body.item.documents).toEqual([DOCUMENT]);
    // The room sees them at once (agenda.documentsSet).
    await expect
      .poll(() => room.meeting().agenda.find((i) => i.id === item.id)?.documents)
      .toEqual([DOCUMENT]);
    const script = await request('PUT', route, people.secretariat.token, {
      documents: [{ ...DOCUMENT, url: 'javascript:alert(1)' }],
    });
    expect(script.status).toBe(400);
    expect((await request('PUT', route, people.delegate.token, { documents: [] })).status).toBe(403);
    const noItem = irm.route('/agenda/i_nothing/documents');
    expect((await request('PUT', noItem, people.secretariat.token, { documents: [] })).status).toBe(404);
  });

  it('clones a meeting with its agenda, documents and participants, under fresh ids and tokens', async () => {
    const source = irm.server.service.room(asId<MeetingId>(irm.meetingId))!.state;
    const cloned = await request<{ meeting: Meeting; chair: Invite }>(
      'POST',
      irm.route('/clone'),
      irm.admin,
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
    const table = await irm.table({ meetingId: meeting.id });
    expect(table.body.participants.find((p) => p.name === 'Amina Diallo')?.email).toBe('amina@kenya.example');
    expect(newChair.participantId).toBe(meeting.presidingParticipantId);
    expect((await request('GET', `/api/meetings/${meeting.id}`, newChair.token)).status).toBe(200);
    // A link of IRM-1 does not sign anyone in to IRM-2.
    for (const token of [irm.chair.token, people.secretariat.token]) {
      expect((await request('GET', `/api/meetings/${meeting.id}`, token)).status).toBe(403);
      expect((await request('PATCH', `/api/meetings/${meeting.id}`, token, { title: 'x' })).status).toBe(403);
    }
    const bySecretariat = await request('POST', irm.route('/clone'), people.secretariat.token, {
      title: 'IRM-9',
    });
    expect(bySecretariat.status).toBe(403);
    expect((await request('POST', '/api/meetings/m_nothing/clone', irm.admin, { title: 'x' })).status).toBe(
      404,
    );
    // A new end before the source's start is refused, not stored as a meeting no one can edit.
    const dated = await request('POST', `/api/meetings/${meeting.id}/clone`, irm.admin, {
      title: 'IRM-4',
      endsAt: '2027-01-01T00:00:00Z',
    });
    expect(dated.status).toBe(400);
    // A new start alone keeps the source's length.
    const later = await request<{ meeting: Meeting }>(
      'POST',
      `/api/meetings/${meeting.id}/clone`,
      irm.admin,
      {
        title: 'IRM-5',
        startsAt: '2027-06-01T09:00:00Z',
      },
    );
    expect(later.body.meeting.endsAt).toBe(Date.parse('2027-06-01T17:00:00Z'));
  });

  it('answers 503 to sending invitations when no mail server is set', async () => {
    const sent = await request<{ error: { code: string; message: string } }>(
      'POST',
      irm.route('/invitations'),
      people.secretariat.token,
      {},
    );
    expect(sent.status).toBe(503);
    expect(sent.body.error.code).toBe('unavailable');
    expect(sent.body.error.message).toContain('SMTP_URL');
    expect((await request('POST', irm.route('/invitations'), people.delegate.token, {})).status).toBe(403);
  });
});
