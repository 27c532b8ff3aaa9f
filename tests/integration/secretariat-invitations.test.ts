import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeInvitation } from '../../server/secretariat/invitationMessage';
import { asId, type InvitationsResult, type MeetingId } from '../../shared';
import { STANDARD_PEOPLE } from '../support/meeting';
import { useSecretariatMeeting } from '../support/secretariatMeeting';

/** A message as the mail server received it: the envelope's recipients and the parsed message. */
interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on a free port that keeps what it receives; `hold()` makes it wait before
 * accepting messages until `release()`, to keep a send running.
 */
async function startInbox() {
  const received: Received[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  let arrived = () => {};
  let arrival = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      arrived();
      simpleParser(stream).then(
        async (mail) => {
          await gate;
          received.push({ rcptTo: session.envelope.rcptTo.map((a) => a.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      arrival = new Promise<void>((resolve) => {
        arrived = resolve;
      });
    },
    /** Resolves once a message has started to arrive since `hold()`. */
    arrival: () => arrival,
    release: () => open(),
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

/**
 * `POST /api/meetings/:id/invitations` against a real SMTP server (smtp-server): who gets a message,
 * in which language, with which link and calendar file; the participants without an address; one
 * send per meeting at a time; what is recorded (docs/protocol.md, "The secretariat's API").
 */
describe('the secretariat’s API: invitations by e-mail', () => {
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  beforeAll(async () => {
    inbox = await startInbox();
  });
  // After-hooks run last first: the server, registered below, stops before its mail server closes.
  afterAll(() => inbox.close());

  const irm = useSecretariatMeeting({
    config: () => ({ smtpUrl: inbox.url, smtpFrom: 'IRM Secretariat <irm@itu.example>' }),
    meeting: {
      title: 'IRM-2',
      timezone: 'Europe/Paris',
      startsAt: '2026-03-10T09:00:00+01:00',
      endsAt: '2026-03-10T17:00:00+01:00',
      videoUrl: 'https://zoom.example/j/987',
    },
    people: {
      secretariat: STANDARD_PEOPLE.secretariat,
      amina: {
        name: 'Amina Diallo',
        delegation: 'Sénégal',
        role: 'delegate',
        email: 'amina@senegal.example',
        lang: 'fr',
      },
      wang: { name: '王芳', delegation: '中国', role: 'delegate', email: 'wang.fang@cn.example', lang: 'zh' },
      noAddress: { name: 'Luc', delegation: 'France', role: 'delegate' },
      chair2: { name: 'Second chair', delegation: 'Chair', role: 'vice-chair', email: 'vc@itu.example' },
    },
  });
  const { people, request } = irm;
  const send = (body: object, token = people.secretariat.token) =>
    request<InvitationsResult & { error?: { code: string } }>('POST', irm.route('/invitations'), token, body);
  const table = async () => (await irm.table()).body.participants;

  it('GET /api/me says that mail can be sent', async () => {
    const me = await request<{ mail: boolean }>('GET', '/api/me', people.secretariat.token);
    expect(me.body.mail).toBe(true);
  });

  it('sends everyone with an address their own link, in their language, with the calendar file', async () => {
    const sent = await send({});
    expect(sent.status).toBe(200);
    expect([...sent.body.sent].sort()).toEqual(
      [people.amina.participant.id, people.wang.participant.id].sort(),
    );
    expect(sent.body.failed).toEqual([]);
    expect(inbox.received.map((r) => r.rcptTo).sort()).toEqual([
      ['amina@senegal.example'],
      ['wang.fang@cn.example'],
    ]);

    const meeting = irm.server.service.room(asId<MeetingId>(irm.meetingId))!.state;
    const subjects = new Set<string>();
    for (const who of [people.amina, people.wang]) {
      const { mail } = inbox.received.find((r) => r.rcptTo[0] === who.participant.email)!;
      const participant = meeting.participants.find((p) => p.id === who.participant.id)!;
      // Their own link, which signs them in (each link is signed when asked for, so compared by whom).
      const token = new RegExp(`${irm.server.url}/join#token=(\\S+)`).exec(mail.text ?? '')?.[1];
      expect(token).toBeDefined();
      const me = await request<{ participantId: string }>('GET', '/api/me', token);
      expect(me.body.participantId).toBe(participant.id);
      // Written in the participant's language, as the module that composes invitations writes it.
      const joinUrl = `${irm.server.url}/join#token=${token}`;
      expect(mail.subject).toBe(
        composeInvitation({ meeting, participant, joinUrl, roomUrl: irm.server.url }).subject,
      );
      subjects.add(mail.subject!);
      expect(mail.from?.text).toContain('irm@itu.example');
      expect(mail.text).toContain('https://zoom.example/j/987');
      const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics?.content.toString()).toContain('BEGIN:VEVENT');
    }
    expect(subjects.size).toBe(2);

    const listed = await table();
    for (const who of [people.amina, people.wang])
      expect(listed.find((p) => p.id === who.participant.id)?.invitedAt).toEqual(expect.any(Number));
    expect(listed.find((p) => p.id === people.noAddress.participant.id)?.invitedAt).toBeNull();
  });

  it('names each participant it could not write to, and why', async () => {
    const before = inbox.received.length;
    const sent = await send({
      participantIds: [
        people.noAddress.participant.id,
        'p_nobody',
        people.amina.participant.id,
        people.chair2.participant.id,
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.sent).toEqual([]);
    expect(sent.body.failed).toEqual([
      {
        participantId: people.noAddress.participant.id,
        message: expect.stringContaining('no e-mail address'),
      },
      { participantId: 'p_nobody', message: expect.stringContaining('not a participant') },
      // Written to minutes ago (the test above): not again so soon, whoever clicks twice.
      {
        participantId: people.amina.participant.id,
        message: expect.stringContaining('less than 10 minutes ago'),
      },
      // A vice-chair's link signs in someone who can preside: the administrator's or the chair's to send.
      {
        participantId: people.chair2.participant.id,
        message: expect.stringContaining("vice-chair's record and link"),
      },
    ]);
    expect(inbox.received.length).toBe(before);
    expect((await send({ participantIds: [] })).status).toBe(400);
  });

  it('sends one meeting’s invitations one send at a time (409 meanwhile)', async () => {
    inbox.hold();
    const ines = await irm.add({
      name: 'Inés',
      delegation: 'Perú',
      role: 'delegate',
      email: 'ines@peru.example',
    });
    const first = send({ participantIds: [ines.participant.id] });
    let second: Awaited<ReturnType<typeof send>>;
    try {
      await inbox.arrival();
      second = await send({});
    } finally {
      inbox.release(); // also when the above fails: the first send must not hang the file
    }
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('conflict');
    expect((await first).body.sent).toEqual([ines.participant.id]);
    expect((await send({ participantIds: [ines.participant.id] })).status).toBe(200);
  });

  it('is for the secretariat and the administrator only', async () => {
    expect((await send({}, people.amina.token)).status).toBe(403);
  });

  describe('with a mail server that cannot be reached', () => {
    let closed: Awaited<ReturnType<typeof startInbox>>;
    beforeAll(async () => {
      closed = await startInbox();
      await closed.close();
    });
    const elsewhere = useSecretariatMeeting({
      config: () => ({ smtpUrl: closed.url }),
      meeting: { title: 'IRM-3' },
      people: { ana: { name: 'Ana', delegation: 'Brazil', role: 'delegate', email: 'ana@brazil.example' } },
    });

    it('reports a mail server that cannot be reached, and records nothing', async () => {
      const p = elsewhere.people.ana;
      const sent = await elsewhere.request<InvitationsResult>(
        'POST',
        elsewhere.route('/invitations'),
        elsewhere.admin,
        {},
      );
      expect(sent.status).toBe(200);
      expect(sent.body.sent).toEqual([]);
      expect(sent.body.failed).toEqual([{ participantId: p.participant.id, message: expect.any(String) }]);
      expect(sent.body.failed[0]!.message.length).toBeGreaterThan(10);
      const listed = await elsewhere.table();
      expect(listed.body.participants.find((q) => q.id === p.participant.id)?.invitedAt).toBeNull();
    });
  });
});
