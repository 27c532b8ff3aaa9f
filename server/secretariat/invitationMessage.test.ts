import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared';
import { composeInvitation, type InvitationInput } from './invitationMessage';

const START = Date.parse('2026-03-10T13:00:00Z'); // 14:00 in Geneva (UTC+01:00 in March)
const END = Date.parse('2026-03-10T16:00:00Z');
const JOIN = 'https://irm.example.org/join#token=eyJhbGciOiJIUzI1NiJ9.eyJtIjoibV8xIn0.c2ln';
const VIDEO = 'https://video.example.org/j/8123?pwd=a1&lang=fr';

const input = (over: { lang?: Language | null; meeting?: Partial<InvitationInput['meeting']> } = {}) =>
  ({
    meeting: {
      id: 'm_irm2',
      title: 'IRM-2',
      timezone: 'Europe/Zurich',
      startsAt: START,
      endsAt: END,
      videoUrl: VIDEO,
      ...over.meeting,
    },
    participant: {
      id: 'p_1',
      name: 'Amina Diallo',
      delegation: 'Kenya',
      role: 'delegate',
      email: 'amina.diallo@example.ke',
      lang: over.lang === undefined ? 'en' : over.lang,
    },
    joinUrl: JOIN,
  }) satisfies InvitationInput;

/** Per language: words of its subject, its month of March, its "meeting time" and "do not forward". */
const LANGS: [Language, { subject: string; month: string; clock: string; personal: string; role: string }][] =
  [
    [
      'en',
      {
        subject: 'your personal link',
        month: 'March',
        clock: '(meeting time: Europe/Zurich, UTC+01:00)',
        personal: 'do not forward it',
        role: 'Delegate',
      },
    ],
    [
      'fr',
      {
        subject: 'votre lien personnel',
        month: 'mars',
        clock: '(heure de la réunion\u00a0: Europe/Zurich, UTC+01:00)',
        personal: 'ne pas le transférer',
        role: 'Délégué',
      },
    ],
    [
      'es',
      {
        subject: 'su enlace personal',
        month: 'marzo',
        clock: '(hora de la reunión: Europe/Zurich, UTC+01:00)',
        personal: 'no lo reenvíe',
        role: 'Delegado',
      },
    ],
    [
      'ru',
      {
        subject: 'персональная ссылка',
        month: 'марта',
        clock: '(время собрания: Europe/Zurich, UTC+01:00)',
        personal: 'не пересылать',
        role: 'Делегат',
      },
    ],
    [
      'ar',
      {
        subject: 'رابطكم الشخصي',
        month: 'مارس',
        clock: '(توقيت الاجتماع: Europe/Zurich، UTC+01:00)',
        personal: 'عدم إعادة توجيهه',
        role: 'مندوب',
      },
    ],
    [
      'zh',
      {
        subject: '个人链接',
        month: '3月',
        clock: '（会议时间：Europe/Zurich，UTC+01:00）',
        personal: '请勿转发',
        role: '代表',
      },
    ],
  ];

describe('composeInvitation', () => {
  it.each(LANGS)(
    'writes the invitation in %s: subject, dates in the meeting zone, personal link, video link',
    (lang, w) => {
      const mail = composeInvitation(input({ lang }));
      expect(mail.lang).toBe(lang);
      expect(mail.to).toBe('amina.diallo@example.ke');
      expect(mail.subject).toContain(w.subject);
      expect(mail.subject).toContain('IRM-2');
      const dateLine = mail.text.split('\n').find((line) => line.includes(w.clock));
      expect(dateLine).toBeDefined();
      expect(dateLine).toContain('14:00');
      expect(dateLine).toContain('17:00');
      expect(dateLine).toContain(w.month);
      expect(dateLine).toContain('10');
      for (const body of [mail.text, mail.html]) {
        expect(body).toContain(JOIN);
        expect(body).toContain(w.personal);
        expect(body).toContain(w.role);
        expect(body).toContain('Amina Diallo');
        expect(body).toContain('Kenya');
      }
      expect(mail.text).toContain(VIDEO);
      expect(mail.html).toContain(`href="${VIDEO.replace('&', '&amp;')}"`);
      expect(mail.html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
    },
  );

  it('writes English for a participant without a language', () => {
    const mail = composeInvitation(input({ lang: null }));
    expect(mail.lang).toBe('en');
    expect(mail.subject).toBe('IRM-2: your personal link to the meeting room');
    expect(mail.text.startsWith('Dear Amina Diallo,\n')).toBe(true);
  });

  it('reads the times on the meeting clock, with the offset of that date', () => {
    const tokyo = composeInvitation(input({ meeting: { timezone: 'Asia/Tokyo' } }));
    expect(tokyo.text).toMatch(/Tuesday, 10 March 2026.*22:00.*Wednesday, 11 March 2026.*01:00/);
    expect(tokyo.text).toContain('(meeting time: Asia/Tokyo, UTC+09:00)');
    const summer = Date.parse('2026-07-07T07:30:00Z');
    const geneva = composeInvitation(
      input({ meeting: { startsAt: summer, endsAt: summer + 2 * 86_400_000 } }),
    );
    expect(geneva.text).toMatch(/Tuesday, 7 July 2026.*09:30.*Thursday, 9 July 2026.*09:30/);
    expect(geneva.text).toContain('UTC+02:00');
  });

  it('escapes names and titles in the HTML and isolates them', () => {
    const mail = composeInvitation({
      ...input(),
      meeting: { ...input().meeting, title: 'IRM <2> & "Partners"' },
      participant: {
        ...input().participant,
        name: 'Amina <script>alert(1)</script>',
        delegation: 'Côte d’Ivoire & "Co"',
      },
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<bdi>Amina &lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
    expect(mail.html).toContain('<bdi>IRM &lt;2&gt; &amp; &quot;Partners&quot;</bdi>');
    expect(mail.html).toContain('<bdi>Côte d’Ivoire &amp; &quot;Co&quot;</bdi>');
    expect(mail.text).toContain('Dear Amina <script>alert(1)</script>,'); // plain text is text
  });

  it("attaches a calendar entry in UTC with the room's address (not the personal link), one uid per meeting and participant", () => {
    const ics = composeInvitation(input()).ics!;
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('METHOD:PUBLISH');
    expect(unfolded).toContain('DTSTART:20260310T130000Z');
    expect(unfolded).toContain('DTEND:20260310T160000Z');
    expect(unfolded).toContain('SUMMARY:IRM-2');
    // The room's address, never the personal link: a calendar may be shared.
    expect(unfolded).toContain(`URL:${new URL(JOIN).origin}`);
    expect(unfolded).not.toContain('token=');
    const uid = (text: string) => /UID:(.*)/.exec(text)?.[1];
    expect(uid(ics)).toBe(uid(composeInvitation(input({ lang: 'fr' })).ics!));
    const other = composeInvitation({ ...input(), participant: { ...input().participant, id: 'p_2' } });
    expect(uid(other.ics!)).not.toBe(uid(ics));
    expect(ics).not.toContain('amina'); // the uid is a hash: no address in a shared calendar
  });

  it('leaves out the dates and the calendar until the meeting has them, and the video link when it has none', () => {
    const undated = composeInvitation(input({ meeting: { startsAt: null, endsAt: null, videoUrl: null } }));
    expect(undated.ics).toBeNull();
    expect(undated.text).not.toContain('Date and time');
    expect(undated.text).not.toContain('video call');
    expect(undated.text).not.toContain('invitation.ics');
    const startOnly = composeInvitation(input({ meeting: { endsAt: null } }));
    expect(startOnly.ics).toBeNull();
    expect(startOnly.text).toContain('Date and time: Tuesday, 10 March 2026');
  });

  it('names the room’s own address when given, so the genuine site can be recognised', () => {
    const mail = composeInvitation({ ...input({ lang: 'es' }), roomUrl: 'https://irm.example.org' });
    expect(mail.text).toContain('La sala de reuniones se encuentra en https://irm.example.org;');
    expect(mail.html).toContain('<a href="https://irm.example.org">https://irm.example.org</a>');
  });
});
