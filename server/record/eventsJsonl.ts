import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Response } from 'express';
import { eventWithoutContacts, type MeetingId, type StoredEvent } from '../../shared';
import type { EventPages } from './recordCache';

/** What to send of a meeting's log. */
export interface LogExtract {
  meetingId: MeetingId;
  /** The last seq sent: the one the record was folded to, so both describe the same log. */
  upToSeq: number;
  /** Keep e-mail addresses (for those who manage participants); otherwise they are removed. */
  withContacts: boolean;
}

/** How the log is sent. */
export interface JsonlOptions {
  /** Events read and written at once. */
  pageSize: number;
  /** How long a client may leave a page unread before the download is cut off. */
  drainTimeoutMs: number;
}

const DEFAULT_OPTIONS: JsonlOptions = { pageSize: 2000, drainTimeoutMs: 30_000 };

/** E-mail addresses entered the log with event version 4: older events carry none to remove. */
const CONTACTS_SINCE_VERSION = 4;

/** The stored event as this caller may read it: as stored, or without e-mail addresses. */
function visibleEvent(stored: StoredEvent, withContacts: boolean): StoredEvent {
  if (withContacts || (stored.v ?? 1) < CONTACTS_SINCE_VERSION) return stored;
  const event = eventWithoutContacts(stored.event);
  return event === stored.event ? stored : { ...stored, event };
}

/**
 * Sends the meeting's log as JSON Lines, one stored event a line as stored (`{seq, at, v, event}`,
 * `v` absent for version 1), up to `upToSeq`, page by page: a log of any length costs one page of
 * memory, and a client that stops reading holds one page until it is cut off. The status and
 * headers must be set; once a line is sent, a failure can only cut the download short (the socket
 * is destroyed, so the client sees an incomplete body, never a complete-looking one).
 */
export async function sendEventsJsonl(
  res: Response,
  readEvents: EventPages,
  extract: LogExtract,
  options: Partial<JsonlOptions> = {},
): Promise<void> {
  const { pageSize, drainTimeoutMs } = { ...DEFAULT_OPTIONS, ...options };
  // The client may go away between two pages: the rest is then not read from the store at all.
  let gone = false;
  const onClose = () => {
    gone = true;
  };
  res.once('close', onClose);
  try {
    let after = 0;
    while (after < extract.upToSeq) {
      const page = await readEvents(extract.meetingId, after, Math.min(pageSize, extract.upToSeq - after));
      if (page.length === 0) break;
      let chunk = '';
      for (const stored of page) chunk += `${JSON.stringify(visibleEvent(stored, extract.withContacts))}\n`;
      after = page.at(-1)!.seq;
      if (gone) return;
      if (!res.write(chunk) && !(await drained(res, drainTimeoutMs))) {
        res.destroy();
        return;
      }
      await nextTurn();
    }
    res.end();
  } finally {
    res.off('close', onClose);
  }
}

/** Resolves true once the client has read what is buffered; false if it went away or took too long. */
function drained(res: Response, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    const timer = setTimeout(() => settle(false), timeoutMs);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
