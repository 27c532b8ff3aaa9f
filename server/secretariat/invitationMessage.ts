import { createEvent } from 'ics';
import type { Language, Meeting, Participant } from '../../shared';

/**
 * A minimal invitation, so that the route that sends them can be built and tested; helper
 * "mail"'s version (the six languages written out, times in the meeting's zone, HTML) replaces this
 * file at merge.
 */

/** What an invitation is written from. */
export interface InvitationInput {
  meeting: Pick<Meeting, 'title' | 'timezone' | 'startsAt' | 'endsAt' | 'videoUrl'> & { id?: string };
  participant: Pick<Participant, 'name' | 'delegation' | 'role' | 'email' | 'lang'> & { id?: string };
  /** The participant's personal link (with its token). */
  joinUrl: string;
  /** The room's address without a token (PUBLIC_URL). */
  roomUrl?: string;
}

/** An invitation ready to send, in the participant's language. */
export interface ComposedInvitation {
  to: string | null;
  subject: string;
  text: string;
  html: string;
  /** The meeting as an iCalendar event, or null while it has no start. */
  ics: string | null;
  lang: Language;
}

const SUBJECT: Record<Language, string> = {
  ar: 'دعوة',
  zh: '邀请',
  en: 'Invitation',
  fr: 'Invitation à la réunion',
  ru: 'Приглашение',
  es: 'Invitación',
};

export function composeInvitation({ meeting, participant, joinUrl }: InvitationInput): ComposedInvitation {
  const lang = participant.lang ?? 'en';
  const subject = `${SUBJECT[lang]}: ${meeting.title}`;
  const text = `${meeting.title}\n\n${joinUrl}\n${meeting.videoUrl ?? ''}`;
  const html = `<p>${escapeHtml(meeting.title)}</p><p><a href="${escapeHtml(joinUrl)}">${escapeHtml(joinUrl)}</a></p>`;
  const ics =
    meeting.startsAt === null
      ? null
      : createEvent({
          start: meeting.startsAt,
          end: meeting.endsAt ?? meeting.startsAt + 3_600_000,
          title: meeting.title,
          url: joinUrl,
        }).value;
  return { to: participant.email, subject, text, html, ics, lang };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
