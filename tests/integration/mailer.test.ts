import net, { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { composeInvitation } from '../../server/secretariat/invitationMessage';
import { Mailer, type OutgoingMail } from '../../server/secretariat/mailer';
import type { Language } from '../../shared';

const FROM = 'IRM secretariat <irm@itu.example.org>';
const REFUSED = 'no.such.user@example.org';

/** A real SMTP server on port 0 that keeps what it receives and refuses one recipient. */
async function startSmtp() {
  const received: { rcptTo: string[]; mail: ParsedMail }[] = [];
  let open = 0;
  let mostOpen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true, // no DNS in tests
    logger: false,
    onConnect(_session, callback) {
      open++;
      mostOpen = Math.max(mostOpen, open);
      callback();
    },
    onClose() {
      open--;
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED)
        return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mostOpen: () => mostOpen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function invitation(id: string, email: string, lang: Language): OutgoingMail {
  const composed = composeInvitation({
    meeting: {
      id: 'm_irm2',
      title: 'IRM-2',
      timezone: 'Europe/Zurich',
      startsAt: Date.parse('2026-03-10T13:00:00Z'),
      endsAt: Date.parse('2026-03-10T16:00:00Z'),
      videoUrl: null,
    },
    participant: { id, name: `Participant ${id}`, delegation: 'Kenya', role: 'delegate', email, lang },
    joinUrl: `https://irm.example.org/join#token=tok-${id}`,
  });
  return { ...composed, id, to: email };
}

describe('Mailer against a real SMTP server', () => {
  it('sends each invitation with its subject, link and .ics, and reports the refused recipient', async () => {
    const smtp = await startSmtp();
    const mailer = Mailer.fromUrl(smtp.url, FROM);
    cleanups.push(smtp.close, () => mailer.close());
    const outcome = await mailer.send([
      invitation('p_en', 'amina@example.ke', 'en'),
      invitation('p_bad', REFUSED, 'en'),
      invitation('p_fr', 'elodie@example.fr', 'fr'),
      invitation('p_ar', 'mohamed@example.ae', 'ar'),
    ]);
    expect(outcome.sent).toEqual(['p_en', 'p_fr', 'p_ar']);
    expect(outcome.failed).toEqual([
      { id: 'p_bad', message: `the mail server refused ${REFUSED}: 550 5.1.1 mailbox unavailable` },
    ]);
    const byRecipient = new Map(smtp.received.map((r) => [r.rcptTo.join(','), r.mail]));
    expect([...byRecipient.keys()].sort()).toEqual([
      'amina@example.ke',
      'elodie@example.fr',
      'mohamed@example.ae',
    ]);
    const fr = byRecipient.get('elodie@example.fr')!;
    expect(fr.subject).toBe('IRM-2\u00a0: votre lien personnel vers la salle de réunion');
    expect(fr.from?.value).toEqual([{ name: 'IRM secretariat', address: 'irm@itu.example.org' }]);
    expect(fr.text).toContain('https://irm.example.org/join#token=tok-p_fr');
    expect(fr.html).toContain('href="https://irm.example.org/join#token=tok-p_fr"');
    expect(byRecipient.get('mohamed@example.ae')!.subject).toContain('رابطكم الشخصي');
    const [ics] = fr.attachments;
    expect(fr.attachments).toHaveLength(1);
    expect(ics?.filename).toBe('invitation.ics');
    expect(ics?.contentType).toBe('text/calendar');
    expect(ics?.headers.get('content-type')).toMatchObject({
      params: { charset: 'utf-8', method: 'PUBLISH' },
    });
    const calendar = ics!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('DTSTART:20260310T130000Z');
    expect(calendar).toContain('DTEND:20260310T160000Z');
    expect(calendar).toContain('URL:https://irm.example.org');
    expect(calendar).not.toContain('token=');
  });

  it('keeps at most three connections open for many messages, and fails a message without address', async () => {
    const smtp = await startSmtp();
    const mailer = Mailer.fromUrl(smtp.url, FROM);
    cleanups.push(smtp.close, () => mailer.close());
    const messages = Array.from({ length: 10 }, (_, i) => invitation(`p_${i}`, `d${i}@example.org`, 'en'));
    const outcome = await mailer.send([...messages, { ...invitation('p_none', '', 'en'), to: '' }]);
    expect(outcome.sent).toEqual(messages.map((m) => m.id));
    expect(outcome.failed).toEqual([{ id: 'p_none', message: 'no e-mail address' }]);
    expect(smtp.received).toHaveLength(10);
    expect(smtp.mostOpen()).toBeGreaterThan(0);
    expect(smtp.mostOpen()).toBeLessThanOrEqual(3);
  });

  it('gives up on a server that never greets, and does not make the rest wait their turn', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket)); // accepts, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const mailer = Mailer.fromUrl(`smtp://127.0.0.1:${port}`, FROM, { timeoutMs: 300 });
    cleanups.push(
      () => new Promise((resolve) => silent.close(resolve)),
      () => {
        for (const socket of sockets) socket.destroy();
      },
      () => mailer.close(),
    );
    const started = Date.now();
    const outcome = await mailer.send(
      Array.from({ length: 9 }, (_, i) => invitation(`p_${i}`, `d${i}@example.org`, 'en')),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome.sent).toEqual([]);
    expect(outcome.failed).toHaveLength(9);
    expect(outcome.failed[0]!.message).toMatch(
      new RegExp(`^the mail server 127\\.0\\.0\\.1:${port} did not answer in time`),
    );
    expect(
      outcome.failed.filter((f) => f.message.startsWith('not sent: the mail server')).length,
    ).toBeGreaterThan(0);
  });

  it('says the server cannot be reached when nothing listens, without the password of the URL', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const mailer = Mailer.fromUrl(`smtp://irm:s3cret@127.0.0.1:${port}`, FROM, { timeoutMs: 1000 });
    cleanups.push(() => mailer.close());
    const outcome = await mailer.send([invitation('p_1', 'amina@example.ke', 'en')]);
    expect(outcome.failed).toEqual([
      {
        id: 'p_1',
        message: expect.stringMatching(
          new RegExp(`^could not reach the mail server 127\\.0\\.0\\.1:${port}: `),
        ),
      },
    ]);
    expect(outcome.failed[0]!.message).not.toContain('s3cret');
  });
});
