import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared';
import { api, connect, type TestClient } from '../support/client';
import { createProposal } from '../support/collab';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Body = { error?: { code: string; message: string } };

/**
 * Issue 10 on a real server: one permission table at the HTTP edges (appointing a chair, the
 * projector link), names without invisible characters, `/` and `/metrics` closed to strangers, and
 * the proposal and version quotas.
 */
describe('permissions, names, exposure and quotas at the edges', () => {
  let server: Server;
  let meetingId: string;
  let chair: Invitee;
  let people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
  const clients: TestClient[] = [];
  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };
  const addParticipant = (token: string, body: Record<string, string>) =>
    api<Body & { participant?: { id: string; name: string; delegation: string } }>(
      server.url,
      'POST',
      `/api/meetings/${meetingId}/participants`,
      token,
      body,
    );

  beforeAll(async () => {
    // Low version limits, so the caps are reached in a few requests (the defaults: docs/collab.md).
    server = await startTestServer({
      metricsToken: 'metrics-secret-for-tests',
      versionLimits: { perProposal: 4, perParticipant: 5, burst: 7, refillMs: 60_000 },
      // The per-participant message budget (tests/abuse/many-sockets) would pace the quota test.
      realtime: { messages: { burst: 1000, perSecond: 1000 } },
    });
    const created = await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE);
    ({ meetingId, chair } = created);
    people = created.people as typeof people;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  describe('appointing who can preside', () => {
    const chairBody = { name: 'Usurper', delegation: 'Nowhere', role: 'chair' };
    const viceBody = { name: 'VC CEPT', delegation: 'Germany', role: 'vice-chair', rto: 'CEPT' };

    it('refuses the secretariat a chair, and the chair another chair; the administrator may', async () => {
      const bySecretariat = await addParticipant(people.secretariat.token, chairBody);
      expect(bySecretariat.status).toBe(403);
      expect(bySecretariat.body.error).toEqual({
        code: 'forbidden',
        message: 'only the administrator appoints a chair',
      });
      expect((await addParticipant(chair.token, chairBody)).status).toBe(403);
      const byAdmin = await addParticipant(server.adminToken, { ...chairBody, name: 'Co-chair' });
      expect(byAdmin.status).toBe(201);
      const seen = await api<{ meeting: { participants: Array<{ name: string }> } }>(
        server.url,
        'GET',
        `/api/meetings/${meetingId}`,
        chair.token,
      );
      expect(seen.body.meeting.participants.map((p) => p.name)).not.toContain('Usurper');
    });

    it('lets the chair and the administrator appoint a vice-chair, not the secretariat', async () => {
      const bySecretariat = await addParticipant(people.secretariat.token, viceBody);
      expect(bySecretariat.status).toBe(403);
      expect(bySecretariat.body.error?.message).toBe(
        'only the administrator or the chair appoints a vice-chair',
      );
      expect((await addParticipant(chair.token, viceBody)).status).toBe(201);
      expect((await addParticipant(server.adminToken, { ...viceBody, name: 'VC RCC' })).status).toBe(201);
    });

    it('still lets the secretariat register delegates, and nobody else below it', async () => {
      const delegate = { name: 'Delegate', delegation: 'Chile', role: 'delegate', region: 'AMS' };
      expect((await addParticipant(people.secretariat.token, delegate)).status).toBe(201);
      expect((await addParticipant(people.vice.token, delegate)).status).toBe(403);
      expect((await addParticipant(people.brazil.token, delegate)).status).toBe(403);
    });
  });

  describe('the projector link', () => {
    const projector = (token: string) =>
      api<Body & { url?: string }>(server.url, 'GET', `/api/meetings/${meetingId}/projector`, token);

    it('is the presiding officer’s and the secretariat’s, as the client shows it', async () => {
      expect((await projector(people.secretariat.token)).status).toBe(200);
      expect((await projector(chair.token)).status).toBe(200);
      expect((await projector(people.vice.token)).status).toBe(403);
      expect((await projector(people.brazil.token)).status).toBe(403);
      const c = await join(chair.token);
      const handed = await c.send({ type: 'presiding.handTo', participantId: people.vice.participantId });
      expect(handed.ok).toBe(true);
      const presiding = await projector(people.vice.token);
      expect(presiding.status).toBe(200);
      expect(presiding.body.url).toContain('/projector#token=');
      expect((await c.send({ type: 'presiding.resume' })).ok).toBe(true);
      expect((await projector(people.vice.token)).status).toBe(403);
    });
  });

  describe('names and titles', () => {
    const refused: Array<[string, string]> = [
      ['Fra\u202Ence', 'U+202E right-to-left override'],
      ['Ken\u200Bya', 'U+200B zero width space'],
      ['\u2067Kenya\u2069', 'U+2067 right-to-left isolate'],
      ['Ke\u200Dnya', 'U+200D zero width joiner'],
      ['Ken\u0000ya', 'U+0000 control character'],
    ];

    it.each(refused)('refuses a participant named %j, saying why', async (name, why) => {
      const res = await addParticipant(server.adminToken, { name, delegation: 'Kenya', role: 'delegate' });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid');
      expect(res.body.error?.message).toContain(`name: contains ${why}`);
      const delegation = await addParticipant(server.adminToken, {
        name: 'A',
        delegation: name,
        role: 'delegate',
      });
      expect(delegation.body.error?.message).toContain(`delegation: contains ${why}`);
    });

    it('refuses such a meeting title, agenda item title and proposal symbol', async () => {
      const meeting = await api<Body>(server.url, 'POST', '/api/meetings', server.adminToken, {
        title: 'IRM\u202E-2',
      });
      expect(meeting.status).toBe(400);
      expect(meeting.body.error?.message).toContain('title: contains U+202E right-to-left override');
      const c = await join(chair.token);
      const item = await c.send({ type: 'agenda.add', title: 'Item\u200B 5' });
      expect(item).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(item.ok || item.error.message).toContain('U+200B zero width space');
      const proposal = await c.send({
        type: 'proposal.create',
        symbol: 'ACP/\u2066X',
        title: 'T',
        submittedBy: 'ATU',
      });
      expect(proposal.ok || proposal.error.message).toContain('U+2066 left-to-right isolate');
    });

    it.each([
      ['محمد عبد الله', 'المملكة العربية السعودية'],
      ['王小明', '中国'],
      ['Ольга Ивановна Ёлкина', 'Российская Федерация'],
      ['José Ángel Núñez', 'España'],
      ['Nguyễn Văn An', 'Việt Nam'],
      ['Hélène d’Aubigné', 'Côte d’Ivoire'],
    ])('accepts %s (%s)', async (name, delegation) => {
      const res = await addParticipant(server.adminToken, { name, delegation, role: 'delegate' });
      expect(res.status).toBe(201);
      expect(res.body.participant).toMatchObject({ name, delegation });
    });
  });

  describe('exposure', () => {
    it('keeps meeting titles off the front page', async () => {
      const other = await api(server.url, 'POST', '/api/meetings', server.adminToken, {
        title: 'Confidential pre-meeting of the CEPT coordinators',
      });
      expect(other.status).toBe(201);
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('IRM Room');
      expect(html).not.toContain('Confidential pre-meeting');
      expect(html).not.toContain('Test IRM');
    });

    it('answers /metrics only with the metrics token or the admin token', async () => {
      const metrics = (token?: string) =>
        fetch(`${server.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      const anonymous = await metrics();
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain('irm_');
      expect((await metrics('wrong')).status).toBe(401);
      expect((await metrics(chair.token)).status).toBe(401);
      const withToken = await metrics('metrics-secret-for-tests');
      expect(withToken.status).toBe(200);
      expect(await withToken.text()).toContain('irm_commands_total');
      expect((await metrics(server.adminToken)).status).toBe(200);
    });
  });

  describe('quotas', () => {
    it('refuses a delegate’s proposal past the per-participant quota, naming it', async () => {
      // Several connections, as the attacker of the issue used (as many as one participant may hold).
      const sockets = await Promise.all(Array.from({ length: 4 }, () => join(people.egypt.token)));
      let accepted = 0;
      let refusal: Ack | undefined;
      for (let round = 0; !refusal && round < 60; round++) {
        const acks = await Promise.all(
          sockets.flatMap((s, i) =>
            Array.from({ length: 5 }, (_, j) =>
              s.send({
                type: 'proposal.create',
                symbol: `EGY/${round}/${i}/${j}`,
                title: 'Flood',
                submittedBy: 'Egypt',
              }),
            ),
          ),
        );
        accepted += acks.filter((a) => a.ok).length;
        refusal = acks.find((a) => !a.ok && a.error.message.startsWith('proposal quota'));
        if (!refusal) await delay(1000); // past the socket rate limit: its budget refills
      }
      expect(refusal).toEqual({
        ok: false,
        error: {
          code: 'rate_limited',
          message: 'proposal quota reached: at most 100 proposals per participant',
        },
      });
      expect(accepted).toBe(100);
      const mine = sockets[0]!.meeting().proposals.filter((p) => p.createdBy === people.egypt.participantId);
      expect(mine).toHaveLength(100);
      // another delegate is not affected
      const other = await join(people.france.token);
      expect(
        await other.send({ type: 'proposal.create', symbol: 'FRA/1', title: 'T', submittedBy: 'France' }),
      ).toMatchObject({ ok: true });
    }, 90_000);

    const saveVersion = (proposalId: string, token: string, name: string) =>
      api<Body>(server.url, 'POST', `/api/proposals/${proposalId}/versions`, token, { name });

    it('refuses version saves past the per-proposal cap, the per-participant cap and the save rate', async () => {
      const c = await join(chair.token);
      const [p1, p2, p3] = [
        await createProposal(c, { symbol: 'V/1', baseText: 'Text one.' }),
        await createProposal(c, { symbol: 'V/2', baseText: 'Text two.' }),
        await createProposal(c, { symbol: 'V/3', baseText: 'Text three.' }),
      ] as [string, string, string];
      const brazil = people.brazil.token;
      // In parallel: one participant's saves are checked one at a time, so the caps still hold.
      const readings = await Promise.all([1, 2, 3].map((n) => saveVersion(p1, brazil, `Reading ${n}`)));
      expect(readings.map((r) => r.status)).toEqual([201, 201, 201]);
      // The base text is version 0: with three readings the proposal holds its cap of 4.
      const full = await saveVersion(p1, brazil, 'One more');
      expect(full.status).toBe(429);
      expect(full.body.error).toEqual({
        code: 'rate_limited',
        message: 'version quota reached: at most 4 versions per proposal',
      });
      expect((await saveVersion(p2, brazil, 'Second 1')).status).toBe(201);
      expect((await saveVersion(p2, brazil, 'Second 2')).status).toBe(201);
      const mine = await saveVersion(p2, brazil, 'Second 3');
      expect(mine.status).toBe(429);
      expect(mine.body.error?.message).toBe(
        'version quota reached: at most 5 versions per participant in a meeting',
      );
      // seven saves taken at once (burst 7, one a minute after): the eighth is over the rate
      const rate = await saveVersion(p3, brazil, 'Third 1');
      expect(rate.status).toBe(429);
      expect(rate.body.error?.message).toMatch(
        /^version save rate: at most 7 saves at once and then 1 every 60 s per participant; try again in \d+ s$/,
      );
      // others are not affected
      expect((await saveVersion(p2, people.france.token, 'France 1')).status).toBe(201);
      const listed = await api<{ versions: unknown[] }>(
        server.url,
        'GET',
        `/api/proposals/${p1}/versions`,
        brazil,
      );
      expect(listed.body.versions).toHaveLength(4);
    });
  });
});
