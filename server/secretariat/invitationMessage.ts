import type { Language, Meeting, Participant } from '../../shared';
import { calendarFile, calendarUid } from './ics';
import { INVITATION_WORDS, type InvitationWords } from './invitationWords';

/**
 * What an invitation is made of. `meeting` and `participant` may be the domain's own objects; their
 * `id`s, when given, key the calendar entry (else the title and the e-mail address or name do).
 */
export interface InvitationInput {
  meeting: Pick<Meeting, 'title' | 'timezone' | 'startsAt' | 'endsAt' | 'videoUrl'> & { id?: string };
  participant: Pick<Participant, 'name' | 'delegation' | 'role' | 'email' | 'lang'> & { id?: string };
  /** The participant's personal link (with its token). */
  joinUrl: string;
  /** The room's address without a token (PUBLIC_URL), named so the genuine site can be recognised. */
  roomUrl?: string;
}

/** An invitation ready to send: both bodies, and the calendar entry when the meeting has dates. */
export interface ComposedInvitation {
  to: string | null;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar file, or null when the meeting has no start and end yet. */
  ics: string | null;
  lang: Language;
}

/**
 * An invitation e-mail in the participant's language (English when they have none), with the
 * meeting's dates and times in the meeting's zone and its UTC offset, the personal join link and
 * why it must not be forwarded, and the video call's link.
 */
export function composeInvitation(input: InvitationInput): ComposedInvitation {
  const { meeting, participant, joinUrl, roomUrl } = input;
  const lang: Language = participant.lang ?? 'en';
  const words = INVITATION_WORDS[lang];
  const when = meetingDates(meeting, words);
  const roomAddress = roomUrl ?? new URL(joinUrl).origin;
  const ics =
    meeting.startsAt !== null && meeting.endsAt !== null
      ? calendarFile({
          uid: calendarUid(
            meeting.id ?? meeting.title,
            participant.id ?? participant.email ?? `${participant.name}\u0000${participant.delegation}`,
          ),
          title: meeting.title,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          // The room's address, not the personal link: a calendar is often shared (an assistant, a
          // team), and the link signs its holder in.
          description: [
            words.confirmation(meeting.title),
            '',
            words.calendarLink,
            roomAddress,
            ...(meeting.videoUrl ? ['', words.videoIntro, meeting.videoUrl] : []),
          ].join('\n'),
          url: roomAddress,
          location: meeting.videoUrl,
        })
      : null;
  const fields: Field[] = [
    { label: words.labels.participant, value: participant.name, typed: true },
    { label: words.labels.delegation, value: participant.delegation, typed: true },
    { label: words.labels.role, value: words.roles[participant.role], typed: false },
    ...(when ? [{ label: words.labels.when, value: when, typed: false }] : []),
  ];
  const colon = lang === 'fr' ? '\u00a0: ' : lang === 'zh' ? '：' : ': ';
  const text = [
    words.greeting(participant.name),
    '',
    words.confirmation(meeting.title),
    '',
    ...fields.map(({ label, value }) => `${label}${colon}${value}`),
    '',
    words.linkIntro,
    joinUrl,
    '',
    words.personal,
    ...(meeting.videoUrl ? ['', words.videoIntro, meeting.videoUrl] : []),
    ...(roomUrl ? ['', words.site(roomUrl)] : []),
    ...(ics ? ['', words.calendar] : []),
    '',
    ...words.closing,
    words.signature,
    '',
  ].join('\n');
  const subject = words.subject(meeting.title);
  const html = invitationHtml({
    words,
    lang,
    subject,
    participant,
    meeting,
    fields,
    colon,
    joinUrl,
    roomUrl,
    ics,
  });
  return { to: participant.email, subject, text, html, ics, lang };
}

/**
 * "Tuesday 10 March 2026, 14:00–17:00 (meeting time: Europe/Zurich, UTC+01:00)" in the
 * language's own order and words; a meeting over several days gives both days. Null without a start.
 */
function meetingDates(meeting: InvitationInput['meeting'], words: InvitationWords): string | null {
  if (meeting.startsAt === null) return null;
  const format = new Intl.DateTimeFormat(words.locale, {
    timeZone: meeting.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const end = meeting.endsAt !== null && meeting.endsAt > meeting.startsAt ? meeting.endsAt : null;
  const dates = end === null ? format.format(meeting.startsAt) : format.formatRange(meeting.startsAt, end);
  const offsets = [
    ...new Set([meeting.startsAt, end ?? meeting.startsAt].map((ms) => utcOffset(ms, meeting.timezone))),
  ];
  return `${dates} ${words.meetingTime(meeting.timezone, offsets.join(' / '))}`;
}

/** The zone's offset at that moment, as "UTC+01:00" (summer time changes it). */
function utcOffset(ms: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace(/^GMT/, '') || '+00:00';
  return `UTC${offset}`;
}

/** A line of the summary; `typed`: someone typed it (a name, a delegation), so it is isolated in HTML. */
interface Field {
  label: string;
  value: string;
  typed: boolean;
}

/** Where a name or link goes in a phrase; no name or title can hold it (control characters are refused). */
const HOLE = '\u0000';

interface HtmlParts {
  words: InvitationWords;
  lang: Language;
  subject: string;
  participant: InvitationInput['participant'];
  meeting: InvitationInput['meeting'];
  fields: Field[];
  colon: string;
  joinUrl: string;
  roomUrl: string | undefined;
  ics: string | null;
}

/**
 * The HTML body: every name, title and link escaped (they can hold `<`, `&` and quotes), user text
 * in `<bdi>` so an Arabic name in an English mail, or a Latin title in an Arabic one, keeps its order.
 */
function invitationHtml(parts: HtmlParts): string {
  const { words, lang, subject, participant, meeting, fields, colon, joinUrl, roomUrl, ics } = parts;
  const bdi = (value: string) => `<bdi>${escapeHtml(value)}</bdi>`;
  // A phrase around a name or link: the phrase is escaped, then the (already safe) markup put in.
  const fill = (phrase: (hole: string) => string, markup: string) =>
    escapeHtml(phrase(HOLE)).replace(HOLE, markup);
  const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const paragraph = (inner: string) => `<p>${inner}</p>`;
  const body = [
    paragraph(fill(words.greeting, bdi(participant.name))),
    paragraph(fill(words.confirmation, bdi(meeting.title))),
    `<table role="presentation">${fields
      .map(
        ({ label, value, typed }) =>
          `<tr><th scope="row" style="text-align:start;padding-inline-end:1em">${escapeHtml(label + colon.trimEnd())}</th>` +
          `<td>${typed ? bdi(value) : escapeHtml(value)}</td></tr>`,
      )
      .join('')}</table>`,
    paragraph(`${escapeHtml(words.linkIntro)}<br>${link(joinUrl)}`),
    paragraph(`<strong>${escapeHtml(words.personal)}</strong>`),
    ...(meeting.videoUrl ? [paragraph(`${escapeHtml(words.videoIntro)}<br>${link(meeting.videoUrl)}`)] : []),
    ...(roomUrl ? [paragraph(fill(words.site, link(roomUrl)))] : []),
    ...(ics ? [paragraph(escapeHtml(words.calendar))] : []),
    paragraph([...words.closing, words.signature].map(escapeHtml).join('<br>')),
  ];
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${words.dir}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body dir="${words.dir}" style="font-family:sans-serif;line-height:1.5">`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
