import nodemailer, { type Transporter } from 'nodemailer';
import type { ComposedInvitation } from './invitationMessage';

/**
 * A minimal mailer, so that the route that sends invitations can be built and tested; helper
 * "mail"'s version replaces this file at merge.
 */

/** One message to send, named by the id its outcome is reported under (a participant id). */
export interface OutgoingMail {
  id: string;
  message: ComposedInvitation;
}

const CONCURRENCY = 4;
const TIMEOUT_MS = 30_000;

export class Mailer {
  private constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  static fromUrl(smtpUrl: string, from: string): Mailer {
    return new Mailer(
      nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true`),
      from,
    );
  }

  /** Sends each message, a few at a time; one that fails or times out is reported, never thrown. */
  async send(
    messages: OutgoingMail[],
  ): Promise<{ sent: string[]; failed: { id: string; message: string }[] }> {
    const sent: string[] = [];
    const failed: { id: string; message: string }[] = [];
    const queue = [...messages];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await this.sendOne(next.message);
          sent.push(next.id);
        } catch (error) {
          failed.push({ id: next.id, message: `not sent: ${(error as Error).message}` });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { sent, failed };
  }

  close(): void {
    this.transport.close();
  }

  private async sendOne(m: ComposedInvitation): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the mail server did not answer in time')), TIMEOUT_MS);
    });
    try {
      await Promise.race([
        this.transport.sendMail({
          from: this.from,
          to: m.to ?? undefined,
          subject: m.subject,
          text: m.text,
          html: m.html,
          ...(m.ics
            ? { attachments: [{ filename: 'invitation.ics', content: m.ics, contentType: 'text/calendar' }] }
            : {}),
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
