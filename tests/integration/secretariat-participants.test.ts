import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Participant } from '../../shared';
import { connect, type TestClient } from '../support/client';
import { type Added, addAs, call } from '../support/secretariatApi';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Invite = { participantId: string; token: string; joinUrl: string };
type Refusal = { error: { code: string; message: string } };
type Table = { participants: Participant[]; formerParticipants: Participant[] };

/**
 * The participants table over HTTP (docs/protocol.md, "The secretariat's API"): read with e-mail
 * addresses (only there), changed within the appointment rules, removed (their token stops, their
 * interventions stay), links shown and reissued.
 */
describe('the secretariat’s API: participants', () => {
  let server: Server;
  let meetingId: string;
  let chair: Invite;
  let secretariat: Added;
  let ana: Added;
  let luc: Added;
  const clients: TestClient[] = [];
  const admin = () => server.adminToken;
  const route = (rest = '') => `/api/meetings/${meetingId}/participants${rest}`;
  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const created = await call<{ meeting: Meeting; chair: Invite }>(
      server.url,
      'POST',
      '/api/meetings',
      admin(),
      {
        title: 'IRM-1',
      },
    );
    meetingId = created.body.meeting.id;
    chair = created.body.chair;
    secretariat = await addAs(server.url, admin(), meetingId, {
      name: 'BDT',
      delegation: 'BDT',
      role: 'secretariat',
    });
    ana = await addAs(server.url, admin(), meetingId, {
      name: 'Ana',
      delegation: 'Brazil',
      role: 'delegate',
      region: 'AMS',
      email: 'ana@brazil.example',
      lang: 'es',
    });
    luc = await addAs(server.url, admin(), meetingId, {
      name: 'Luc',
      delegation: 'France',
      role: 'delegate',
    });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('e-mail addresses only in GET …/participants, for those who may read them', async () => {
    const table = await call<Table>(server.url, 'GET', route(), secretariat.token);
    expect(table.status).toBe(200);
    expect(table.body.participants.find((p) => p.id === ana.participant.id)).toMatchObject({
      email: 'ana@brazil.example',
      lang: 'es',
      tokenVersion: 0,
      invitedAt: null,
    });
    expect(table.body.formerParticipants).toEqual([]);
    expect((await call(server.url, 'GET', route(), chair.token)).status).toBe(200);
    const byDelegate = await call<Refusal>(server.url, 'GET', route(), luc.token);
    expect(byDelegate.status).toBe(403);
    const meeting = await call<{ meeting: Meeting }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      luc.token,
    );
    expect(meeting.body.meeting.participants.find((p) => p.id === ana.participant.id)?.email).toBeNull();
    const socket = await join(luc.token);
    expect(socket.snapshot.meeting.participants.every((p) => p.email === null)).toBe(true);
  });

  it('adding keeps its answer and the appointment rules', async () => {
    const added = await call<Added>(server.url, 'POST', route(), secretariat.token, {
      name: 'Omar',
      delegation: 'Egypt',
      role: 'delegate',
      email: 'omar@egypt.example',
    });
    expect(added.status).toBe(201);
    expect(added.body.participant).toMatchObject({ name: 'Omar', email: 'omar@egypt.example' });
    expect(added.body.joinUrl).toContain(`#token=${added.body.token}`);
    const vice = { name: 'V', delegation: 'Kenya', role: 'vice-chair' };
    const refused = await call<Refusal>(server.url, 'POST', route(), secretariat.token, vice);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('only the administrator or the chair appoints a vice-chair');
    const sameAddress = await call<Refusal>(server.url, 'POST', route(), secretariat.token, {
      name: 'Other',
      delegation: 'Chile',
      role: 'delegate',
      email: 'OMAR@egypt.example',
    });
    expect(sameAddress.status).toBe(409);
  });

  it('PATCH changes a participant; only the administrator appoints a chair', async () => {
    const patch = (token: string, body: object, id = luc.participant.id) =>
      call<{ participant: Participant } & Refusal>(server.url, 'PATCH', route(`/${id}`), token, body);
    const spokesperson = await patch(secretariat.token, {
      role: 'spokesperson',
      rto: 'CEPT',
      email: 'luc@cept.example',
    });
    expect(spokesperson.status).toBe(200);
    expect(spokesperson.body.participant).toMatchObject({
      role: 'spokesperson',
      rto: 'CEPT',
      email: 'luc@cept.example',
    });
    const noRto = await patch(secretariat.token, { rto: null });
    expect(noRto.status).toBe(400);
    const vice = await patch(secretariat.token, { role: 'vice-chair' });
    expect(vice.status).toBe(403);
    expect(vice.body.error.message).toContain('appoints a vice-chair');
    const chairRole = await patch(secretariat.token, { role: 'chair' });
    expect(chairRole.status).toBe(403);
    expect(chairRole.body.error.message).toBe('only the administrator appoints a chair');
    // The chair reads the table but does not manage it.
    expect((await patch(chair.token, { name: 'Luc D.' })).status).toBe(403);
    expect((await patch(luc.token, { name: 'Luc D.' })).status).toBe(403);
    const byAdmin = await patch(admin(), { role: 'vice-chair' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.participant.role).toBe('vice-chair');
    // And back down: a vice-chair is not the secretariat's to change.
    expect((await patch(secretariat.token, { role: 'delegate' })).status).toBe(403);
    expect((await patch(admin(), { role: 'delegate' })).status).toBe(200);
    expect((await patch(secretariat.token, { name: 'x' }, 'p_nobody')).status).toBe(404);
    expect((await patch(secretariat.token, { name: 'x' }, 'p'.repeat(100))).status).toBe(404);
    expect((await patch(secretariat.token, { shoeSize: 44 })).status).toBe(400);
    const table = await call<Table>(server.url, 'GET', route(), chair.token);
    expect(table.body.participants.find((p) => p.id === luc.participant.id)?.role).toBe('delegate');
  });

  it('DELETE removes a participant: their token stops, their interventions stay', async () => {
    const bea = await addAs(server.url, admin(), meetingId, {
      name: 'Bea',
      delegation: 'Chile',
      role: 'delegate',
    });
    const presiding = await join(chair.token);
    const speaker = await join(bea.token);
    expect(await presiding.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
    expect(await presiding.send({ type: 'agenda.add', title: 'Outcomes' })).toMatchObject({ ok: true });
    const itemId = presiding.meeting().agenda[0]!.id;
    expect(await presiding.send({ type: 'agenda.open', itemId })).toMatchObject({ ok: true });
    expect(await speaker.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({ ok: true });
    expect(await presiding.send({ type: 'floor.next' })).toMatchObject({ ok: true });
    // Not while they have the floor.
    const speaking = await call<Refusal>(
      server.url,
      'DELETE',
      route(`/${bea.participant.id}`),
      secretariat.token,
    );
    expect(speaking.status).toBe(409);
    expect(await presiding.send({ type: 'floor.end' })).toMatchObject({ ok: true });
    expect((await call(server.url, 'DELETE', route(`/${bea.participant.id}`), luc.token)).status).toBe(403);
    const removed = await call(server.url, 'DELETE', route(`/${bea.participant.id}`), secretariat.token);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ removed: bea.participant.id });
    expect((await call(server.url, 'GET', `/api/meetings/${meetingId}`, bea.token)).status).toBe(401);
    expect((await call(server.url, 'GET', '/api/me', bea.token)).status).toBe(401);
    await expect(connect(server.url, bea.token)).rejects.toThrow('unauthorized');
    const table = await call<Table>(server.url, 'GET', route(), secretariat.token);
    expect(table.body.participants.some((p) => p.id === bea.participant.id)).toBe(false);
    expect(table.body.formerParticipants.map((p) => p.id)).toEqual([bea.participant.id]);
    const meeting = await call<{ meeting: Meeting }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      admin(),
    );
    expect(meeting.body.meeting.interventions.map((i) => i.participantId)).toContain(bea.participant.id);
    const again = await call(server.url, 'DELETE', route(`/${bea.participant.id}`), secretariat.token);
    expect(again.status).toBe(404);
  });

  it('shows the current link, and reissue replaces it: the old token is refused, the new one works', async () => {
    const shown = await call<Invite>(
      server.url,
      'GET',
      route(`/${ana.participant.id}/invite`),
      secretariat.token,
    );
    expect(shown.status).toBe(200);
    expect(shown.body.participantId).toBe(ana.participant.id);
    expect((await call(server.url, 'GET', '/api/me', shown.body.token)).status).toBe(200);
    expect((await call(server.url, 'GET', route(`/${ana.participant.id}/invite`), chair.token)).status).toBe(
      403,
    );

    expect((await call(server.url, 'POST', route(`/${ana.participant.id}/reissue`), ana.token)).status).toBe(
      403,
    );
    const reissued = await call<Added>(
      server.url,
      'POST',
      route(`/${ana.participant.id}/reissue`),
      secretariat.token,
    );
    expect(reissued.status).toBe(200);
    expect(reissued.body.participant).toMatchObject({ id: ana.participant.id, tokenVersion: 1 });
    expect(reissued.body.joinUrl).toBe(`${server.url}/join#token=${reissued.body.token}`);
    for (const old of [ana.token, shown.body.token]) {
      const refused = await call<Refusal>(server.url, 'GET', `/api/meetings/${meetingId}`, old);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
    }
    expect((await call(server.url, 'GET', `/api/meetings/${meetingId}`, reissued.body.token)).status).toBe(
      200,
    );
    const current = await call<Invite>(server.url, 'GET', route(`/${ana.participant.id}/invite`), admin());
    expect((await call(server.url, 'GET', '/api/me', current.body.token)).status).toBe(200);
    expect((await call(server.url, 'POST', route('/p_nobody/reissue'), secretariat.token)).status).toBe(404);
  });
});
