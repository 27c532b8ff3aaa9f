import { createTransport } from 'nodemailer';

/** One e-mail to send; `id` names it in the outcome (the participant's id). */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar file, attached as `invitation.ics`. */
  ics?: string | null;
  /** The language of the text (`Content-Language`). */
  lang?: string;
}

/** What happened to each message: sent (accepted by the mail server), or why not. */
export interface SendOutcome {
  sent: string[];
  failed: { id: string; message: string }[];
}

/** Limits of one mailer; the defaults suit a relay of an organisation. */
export interface MailerOptions {
  /** Messages in flight at once, and connections to the server. */
  concurrency?: number;
  /** How long connecting, the greeting and each silence of the server may last, in ms. */
  timeoutMs?: number;
}

const DEFAULTS = { concurrency: 3, timeoutMs: 20_000 } satisfies Required<MailerOptions>;

/** Errors after which the next message would fail the same way: the rest are not tried. */
const CONNECTION_FAILURES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
  'EPROXY',
]);

/** The fields of nodemailer's errors that say what the server answered. */
interface SmtpFailure {
  code?: string;
  command?: string;
  response?: string;
  message: string;
}

/**
 * Sends e-mail through the SMTP server of `SMTP_URL` (nodemailer, pooled). `send` never throws
 * for a message: each is sent or failed with a message the secretariat can act on. Work is
 * bounded: a few messages at a time, each with timeouts, and once the server cannot be reached
 * (or refuses the sign-in) the remaining messages fail at once instead of waiting their turn.
 */
export class Mailer {
  private constructor(
    private readonly transport: ReturnType<typeof createPool>,
    private readonly from: string,
    private readonly server: string,
    private readonly options: Required<MailerOptions>,
  ) {}

  /** A mailer for `smtp://user:pass@host:port` (or `smtps://`), sending as `from`. */
  static fromUrl(smtpUrl: string, from: string, options: MailerOptions = {}): Mailer {
    const settings = { ...DEFAULTS, ...options };
    return new Mailer(createPool(smtpUrl, from, settings), from, serverName(smtpUrl), settings);
  }

  async send(messages: readonly OutgoingMail[]): Promise<SendOutcome> {
    const sent = new Set<string>();
    const failed: SendOutcome['failed'] = [];
    let unreachable: string | null = null;
    let next = 0;
    const worker = async () => {
      while (next < messages.length) {
        const mail = messages[next++]!;
        if (unreachable) {
          failed.push({ id: mail.id, message: `not sent: ${unreachable}` });
          continue;
        }
        if (!mail.to) {
          failed.push({ id: mail.id, message: 'no e-mail address' });
          continue;
        }
        try {
          await this.sendOne(mail);
          sent.add(mail.id);
        } catch (error) {
          const failure = asFailure(error);
          const message = this.failureWords(failure, mail.to);
          failed.push({ id: mail.id, message });
          if (failure.code && CONNECTION_FAILURES.has(failure.code)) unreachable ??= message;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, messages.length) }, worker));
    const order = new Map(messages.map((mail, index) => [mail.id, index]));
    failed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { sent: messages.filter((mail) => sent.has(mail.id)).map((mail) => mail.id), failed };
  }

  /** Closes the pooled connections. */
  close(): void {
    this.transport.close();
  }

  private async sendOne(mail: OutgoingMail): Promise<void> {
    const sending = this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.lang ? { headers: { 'Content-Language': mail.lang } } : {}),
      ...(mail.ics
        ? {
            attachments: [
              {
                filename: 'invitation.ics',
                content: mail.ics,
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              },
            ],
          }
        : {}),
    });
    sending.catch(() => {}); // after the deadline its rejection has no one to tell
    // nodemailer's timeouts are per wait; a server that answers slowly forever is cut off here.
    const deadlineMs = this.options.timeoutMs * 3;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`no answer within ${Math.round(deadlineMs / 1000)} s`), {
              code: 'ETIMEDOUT',
            }),
          ),
        deadlineMs,
      );
    });
    try {
      await Promise.race([sending, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Why a message was not sent, in words the secretariat can act on (never the password). */
  private failureWords(failure: SmtpFailure, to: string): string {
    const answer = failure.response ? clip(failure.response) : failure.message;
    switch (failure.code) {
      case 'EENVELOPE':
        return failure.command === 'MAIL FROM'
          ? `the mail server refused the sender ${this.from}: ${answer} (check SMTP_FROM)`
          : `the mail server refused ${to}: ${answer}`;
      case 'EMESSAGE':
        return `the mail server refused the message to ${to}: ${answer}`;
      case 'EAUTH':
      case 'ENOAUTH':
        return `the mail server ${this.server} refused the sign-in: ${answer} (check the user and password in SMTP_URL)`;
      case 'ETIMEDOUT':
        return `the mail server ${this.server} did not answer in time (${failure.message})`;
      case 'ETLS':
        return `the secure connection to the mail server ${this.server} failed: ${failure.message}`;
      case 'ECONNECTION':
      case 'ESOCKET':
      case 'EDNS':
      case 'EPROXY':
        return `could not reach the mail server ${this.server}: ${failure.message}`;
      default:
        return `the message to ${to} was not sent: ${answer}`;
    }
  }
}

function createPool(smtpUrl: string, from: string, options: Required<MailerOptions>) {
  return createTransport(
    {
      url: smtpUrl,
      pool: true,
      maxConnections: options.concurrency,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      dnsTimeout: options.timeoutMs,
    },
    { from },
  );
}

/** `host:port` of the URL, for messages: never its user or password. */
function serverName(smtpUrl: string): string {
  try {
    return new URL(smtpUrl).host;
  } catch {
    return '(SMTP_URL)';
  }
}

function asFailure(error: unknown): SmtpFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const text = (key: string): string | undefined => {
    const value: unknown = Reflect.get(error, key);
    return typeof value === 'string' ? value : undefined;
  };
  return { message: error.message, code: text('code'), command: text('command'), response: text('response') };
}

/** A server's answer, cut to what fits in a list of failures. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
