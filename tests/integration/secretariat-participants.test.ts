import { describe, expect, it } from 'vitest';
import type { Meeting, Participant } from '../../shared';
import { connect } from '../support/client';
import { STANDARD_PEOPLE } from '../support/meeting';
import type { Added, Invite, ParticipantsTable, Refusal } from '../support/secretariatApi';
import { useSecretariatMeeting } from '../support/secretariatMeeting';

/**
 * The participants table over HTTP (docs/protocol.md, "The secretariat's API"): read with e-mail
 * addresses (only there), changed within the appointment rules, removed (their token stops, their
 * interventions stay), links shown and reissued.
 */
describe('the secretariat’s API: participants', () => {
  const irm = useSecretariatMeeting({
    meeting: { title: 'IRM-1' },
    people: {
      secretariat: STANDARD_PEOPLE.secretariat,
      ana: {
        name: 'Ana',
        delegation: 'Brazil',
        role: 'delegate',
        region: 'AMS',
        email: 'ana@brazil.example',
        lang: 'es',
      },
      luc: { name: 'Luc', delegation: 'France', role: 'delegate' },
    },
  });
  const { people, request, join } = irm;
  const route = (rest = '') => irm.route(`/participants${rest}`);

  it('e-mail addresses only in GET …/participants, for those who may read them', async () => {
    const table = await request<ParticipantsTable>('GET', route(), people.secretariat.token);
    expect(table.status).toBe(200);
    expect(table.body.participants.find((p) => p.id === people.ana.participant.id)).toMatchObject({
      email: 'ana@brazil.example',
      lang: 'es',
      tokenVersion: 0,
      invitedAt: null,
    });
    expect(table.body.formerParticipants).toEqual([]);
    expect((await request('GET', route(), irm.chair.token)).status).toBe(200);
    const byDelegate = await request<Refusal>('GET', route(), people.luc.token);
    expect(byDelegate.status).toBe(403);
    const meeting = await request<{ meeting: Meeting }>('GET', irm.route(), people.luc.token);
    expect(
      meeting.body.meeting.participants.find((p) => p.id === people.ana.participant.id)?.email,
    ).toBeNull();
    const socket = await join(people.luc.token);
    expect(socket.snapshot.meeting.participants.every((p) => p.email === null)).toBe(true);
  });

  it('adding keeps its answer and the appointment rules', async () => {
    const add = <T>(body: object) => request<T>('POST', route(), people.secretariat.token, body);
    const omar = { name: 'Omar', delegation: 'Egypt', role: 'delegate', email: 'omar@egypt.example' };
    const added = await add<Added>(omar);
    expect(added.status).toBe(201);
    expect(added.body.participant).toMatchObject({ name: 'Omar', email: 'omar@egypt.example' });
    expect(added.body.joinUrl).toContain(`#token=${added.body.token}`);
    const refused = await add<Refusal>({ name: 'V', delegation: 'Kenya', role: 'vice-chair' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('only the administrator or the chair appoints a vice-chair');
    const sameAddress = await add<Refusal>({
      ...omar,
      name: 'Other',
      delegation: 'Chile',
      email: 'OMAR@egypt.example',
    });
    expect(sameAddress.status).toBe(409);
  });

  it('PATCH changes a participant; only the administrator appoints a chair', async () => {
    const patch = (token: string, body: object, id = people.luc.participant.id) =>
      request<{ participant: Participant } & Refusal>('PATCH', route(`/${id}`), token, body);
    const spokesperson = await patch(people.secretariat.token, {
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
    const noRto = await patch(people.secretariat.token, { rto: null });
    expect(noRto.status).toBe(400);
    const vice = await patch(people.secretariat.token, { role: 'vice-chair' });
    expect(vice.status).toBe(403);
    expect(vice.body.error.message).toContain('appoints a vice-chair');
    const chairRole = await patch(people.secretariat.token, { role: 'chair' });
    expect(chairRole.status).toBe(403);
    expect(chairRole.body.error.message).toBe('only the administrator appoints a chair');
    // The chair reads the table but does not manage it.
    expect((await patch(irm.chair.token, { name: 'Luc D.' })).status).toBe(403);
    expect((await patch(people.luc.token, { name: 'Luc D.' })).status).toBe(403);
    const byAdmin = await patch(irm.admin, { role: 'vice-chair' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.participant.role).toBe('vice-chair');
    // And back down: a vice-chair is not the secretariat's to change.
    expect((await patch(people.secretariat.token, { role: 'delegate' })).status).toBe(403);
    expect((await patch(irm.admin, { role: 'delegate' })).status).toBe(200);
    expect((await patch(people.secretariat.token, { name: 'x' }, 'p_nobody')).status).toBe(404);
    expect((await patch(people.secretariat.token, { name: 'x' }, 'p'.repeat(100))).status).toBe(404);
    expect((await patch(people.secretariat.token, { shoeSize: 44 })).status).toBe(400);
    const table = await request<ParticipantsTable>('GET', route(), irm.chair.token);
    expect(table.body.participants.find((p) => p.id === people.luc.participant.id)?.role).toBe('delegate');
  });

  it('DELETE removes a participant: their token stops, their interventions stay', async () => {
    const bea = await irm.add({
      name: 'Bea',
      delegation: 'Chile',
      role: 'delegate',
    });
    const presiding = await join(irm.chair.token);
    const speaker = await join(bea.token);
    expect(await presiding.send({ type: 'meeting.open' })).toMatchObject({ ok: true });
    expect(await presiding.send({ type: 'agenda.add', title: 'Outcomes' })).toMatchObject({ ok: true });
    const itemId = presiding.meeting().agenda[0]!.id;
    expect(await presiding.send({ type: 'agenda.open', itemId })).toMatchObject({ ok: true });
    expect(await speaker.send({ type: 'floor.request', kind: 'speak' })).toMatchObject({ ok: true });
    expect(await presiding.send({ type: 'floor.next' })).toMatchObject({ ok: true });
    // Not while they have the floor.
    const speaking = await request<Refusal>(
      'DELETE',
      route(`/${bea.participant.id}`),
      people.secretariat.token,
    );
    expect(speaking.status).toBe(409);
    expect(await presiding.send({ type: 'floor.end' })).toMatchObject({ ok: true });
    expect((await request('DELETE', route(`/${bea.participant.id}`), people.luc.token)).status).toBe(403);
    const removed = await request('DELETE', route(`/${bea.participant.id}`), people.secretariat.token);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ removed: bea.participant.id });
    expect((await request('GET', irm.route(), bea.token)).status).toBe(401);
    expect((await request('GET', '/api/me', bea.token)).status).toBe(401);
    await expect(connect(irm.server.url, bea.token)).rejects.toThrow('unauthorized');
    const table = await request<ParticipantsTable>('GET', route(), people.secretariat.token);
    expect(table.body.participants.some((p) => p.id === bea.participant.id)).toBe(false);
    expect(table.body.formerParticipants.map((p) => p.id)).toEqual([bea.participant.id]);
    const meeting = await request<{ meeting: Meeting }>('GET', irm.route(), irm.admin);
    expect(meeting.body.meeting.interventions.map((i) => i.participantId)).toContain(bea.participant.id);
    const again = await request('DELETE', route(`/${bea.participant.id}`), people.secretariat.token);
    expect(again.status).toBe(404);
  });

  it('shows the current link, and reissue replaces it: the old token is refused, the new one works', async () => {
    const shown = await request<Invite>(
      'GET',
      route(`/${people.ana.participant.id}/invite`),
      people.secretariat.token,
    );
    expect(shown.status).toBe(200);
    expect(shown.body.participantId).toBe(people.ana.participant.id);
    expect((await request('GET', '/api/me', shown.body.token)).status).toBe(200);
    expect(
      (await request('GET', route(`/${people.ana.participant.id}/invite`), irm.chair.token)).status,
    ).toBe(403);

    expect(
      (await request('POST', route(`/${people.ana.participant.id}/reissue`), people.ana.token)).status,
    ).toBe(403);
    const reissued = await request<Added>(
      'POST',
      route(`/${people.ana.participant.id}/reissue`),
      people.secretariat.token,
    );
    expect(reissued.status).toBe(200);
    expect(reissued.body.participant).toMatchObject({ id: people.ana.participant.id, tokenVersion: 1 });
    expect(reissued.body.joinUrl).toBe(`${irm.server.url}/join#token=${reissued.body.token}`);
    for (const old of [people.ana.token, shown.body.token]) {
      const refused = await request<Refusal>('GET', irm.route(), old);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
    }
    expect((await request('GET', irm.route(), reissued.body.token)).status).toBe(200);
    const current = await request<Invite>('GET', route(`/${people.ana.participant.id}/invite`), irm.admin);
    expect((await request('GET', '/api/me', current.body.token)).status).toBe(200);
    expect((await request('POST', route('/p_nobody/reissue'), people.secretariat.token)).status).toBe(404);
  });
});
