import type { Language, Role } from '../../shared';

/**
 * The words of an invitation e-mail in the six languages of the ITU, in the register of a
 * secretariat's letter. Names, titles and links are passed in as they are; the composer
 * (invitationMessage.ts) escapes them for HTML. Role names are those of the room's interface
 * (client/src/i18n/locales), so a participant reads the same word in the mail and on screen.
 */
export interface InvitationWords {
  /** The locale dates and times are written in (Intl). */
  locale: string;
  dir: 'ltr' | 'rtl';
  subject: (title: string) => string;
  greeting: (name: string) => string;
  confirmation: (title: string) => string;
  labels: { participant: string; delegation: string; role: string; when: string };
  roles: Record<Role, string>;
  /** After the dates: which clock they are read on, e.g. "(meeting time: Europe/Zurich, UTC+01:00)". */
  meetingTime: (zone: string, offset: string) => string;
  linkIntro: string;
  /** Why the link must stay with its holder, and what to do if it did not. */
  personal: string;
  videoIntro: string;
  /** The room's address without the personal token, so the genuine site can be recognised. */
  site: (url: string) => string;
  calendar: string;
  closing: string[];
  signature: string;
  /** The description of the calendar entry, before the link. */
  calendarLink: string;
}

export const INVITATION_WORDS: Record<Language, InvitationWords> = {
  en: {
    locale: 'en-GB',
    dir: 'ltr',
    subject: (title) => `${title}: your personal link to the meeting room`,
    greeting: (name) => `Dear ${name},`,
    confirmation: (title) => `We are pleased to confirm your registration for ${title}.`,
    labels: { participant: 'Participant', delegation: 'Delegation', role: 'Role', when: 'Date and time' },
    roles: {
      chair: 'Chair',
      'vice-chair': 'Vice-chair',
      secretariat: 'Secretariat',
      spokesperson: 'RTO spokesperson',
      delegate: 'Delegate',
      observer: 'Observer',
    },
    meetingTime: (zone, offset) => `(meeting time: ${zone}, ${offset})`,
    linkIntro: 'Your personal link to the meeting room:',
    personal:
      'This link is personal: it identifies you in the meeting room. Please do not forward it or share it ' +
      'with anyone. Should it have been shared, please contact the secretariat, which will issue a new one.',
    videoIntro: 'Audio and interpretation are provided through the video call of the meeting:',
    site: (url) => `The meeting room is at ${url}; your personal link above signs you in.`,
    calendar: 'A calendar entry for the meeting is attached (invitation.ics).',
    closing: ['Yours sincerely,'],
    signature: 'The Secretariat',
    calendarLink:
      'Join from the personal link in your invitation e-mail. It is not in this calendar entry, which may be shared. The meeting room:',
  },
  fr: {
    locale: 'fr-FR',
    dir: 'ltr',
    subject: (title) => `${title}\u00a0: votre lien personnel vers la salle de réunion`,
    greeting: () => 'Madame, Monsieur,',
    confirmation: (title) =>
      `Nous avons le plaisir de vous confirmer votre inscription à la réunion «\u00a0${title}\u00a0».`,
    labels: { participant: 'Participant', delegation: 'Délégation', role: 'Rôle', when: 'Date et heure' },
    roles: {
      chair: 'Président',
      'vice-chair': 'Vice-président',
      secretariat: 'Secrétariat',
      spokesperson: 'Porte-parole d’ORT',
      delegate: 'Délégué',
      observer: 'Observateur',
    },
    meetingTime: (zone, offset) => `(heure de la réunion\u00a0: ${zone}, ${offset})`,
    linkIntro: 'Votre lien personnel vers la salle de réunion\u00a0:',
    personal:
      'Ce lien est personnel\u00a0: il vous identifie dans la salle de réunion. Nous vous prions de ne pas le ' +
      'transférer ni le communiquer à quiconque. S’il l’a été, veuillez vous adresser au secrétariat, qui ' +
      'vous en délivrera un nouveau.',
    videoIntro: 'Le son et l’interprétation sont assurés par la visioconférence de la réunion\u00a0:',
    site: (url) =>
      `La salle de réunion se trouve à l’adresse ${url}\u00a0; votre lien personnel ci-dessus vous y connecte.`,
    calendar: 'Vous trouverez ci-joint une entrée de calendrier pour la réunion (invitation.ics).',
    closing: ['Nous vous prions d’agréer, Madame, Monsieur, l’expression de notre considération distinguée.'],
    signature: 'Le Secrétariat',
    calendarLink:
      'Rejoignez la réunion au moyen du lien personnel figurant dans votre courriel d’invitation. Il ne figure pas dans cette entrée de calendrier, qui peut être partagée. La salle de réunion\u00a0:',
  },
  es: {
    locale: 'es-ES',
    dir: 'ltr',
    subject: (title) => `${title}: su enlace personal a la sala de reuniones`,
    greeting: (name) => `Estimado/a ${name}:`,
    confirmation: (title) => `Nos complace confirmarle su inscripción en la reunión «${title}».`,
    labels: { participant: 'Participante', delegation: 'Delegación', role: 'Función', when: 'Fecha y hora' },
    roles: {
      chair: 'Presidente',
      'vice-chair': 'Vicepresidente',
      secretariat: 'Secretaría',
      spokesperson: 'Portavoz de organización regional',
      delegate: 'Delegado',
      observer: 'Observador',
    },
    meetingTime: (zone, offset) => `(hora de la reunión: ${zone}, ${offset})`,
    linkIntro: 'Su enlace personal a la sala de reuniones:',
    personal:
      'Este enlace es personal: lo identifica en la sala de reuniones. Le rogamos que no lo reenvíe ni lo ' +
      'comparta con nadie. Si se hubiera compartido, sírvase dirigirse a la secretaría, que le facilitará ' +
      'uno nuevo.',
    videoIntro: 'El audio y la interpretación se ofrecen a través de la videoconferencia de la reunión:',
    site: (url) => `La sala de reuniones se encuentra en ${url}; su enlace personal le da acceso a ella.`,
    calendar: 'Se adjunta una entrada de calendario para la reunión (invitation.ics).',
    closing: ['Le saluda atentamente,'],
    signature: 'La Secretaría',
    calendarLink:
      'Únase a la reunión con el enlace personal que figura en su correo de invitación. No figura en esta entrada de calendario, que puede compartirse. La sala de reuniones:',
  },
  ru: {
    locale: 'ru-RU',
    dir: 'ltr',
    subject: (title) => `${title}: Ваша персональная ссылка для входа в зал заседаний`,
    greeting: (name) => `Уважаемый(-ая) ${name}!`,
    confirmation: (title) => `Настоящим подтверждаем Вашу регистрацию для участия в собрании «${title}».`,
    labels: { participant: 'Участник', delegation: 'Делегация', role: 'Роль', when: 'Дата и время' },
    roles: {
      chair: 'Председатель',
      'vice-chair': 'Заместитель председателя',
      secretariat: 'Секретариат',
      spokesperson: 'Представитель РОЭ',
      delegate: 'Делегат',
      observer: 'Наблюдатель',
    },
    meetingTime: (zone, offset) => `(время собрания: ${zone}, ${offset})`,
    linkIntro: 'Ваша персональная ссылка для входа в зал заседаний:',
    personal:
      'Эта ссылка является персональной: она идентифицирует Вас в зале заседаний. Просим не пересылать её ' +
      'и никому не передавать. Если она стала известна другим лицам, просим обратиться в секретариат, ' +
      'который выдаст Вам новую ссылку.',
    videoIntro: 'Звук и устный перевод обеспечиваются через видеоконференцию собрания:',
    site: (url) =>
      `Зал заседаний находится по адресу ${url}; указанная выше персональная ссылка обеспечивает вход в него.`,
    calendar: 'К настоящему письму прилагается запись о собрании для календаря (invitation.ics).',
    closing: ['С уважением,'],
    signature: 'Секретариат',
    calendarLink:
      'Для входа используйте персональную ссылку из письма-приглашения. В этой записи календаря, которую могут видеть другие, её нет. Зал заседаний:',
  },
  ar: {
    locale: 'ar-u-nu-latn', // Western digits, as ITU's Arabic documents write times and dates
    dir: 'rtl',
    subject: (title) => `رابطكم الشخصي للدخول إلى قاعة الاجتماع «${title}»`,
    greeting: (name) => `حضرة السيد/السيدة ${name}،`,
    confirmation: (title) => `يسرّنا أن نؤكد تسجيلكم في الاجتماع «${title}».`,
    labels: { participant: 'المشارك', delegation: 'الوفد', role: 'الدور', when: 'التاريخ والوقت' },
    roles: {
      chair: 'الرئيس',
      'vice-chair': 'نائب الرئيس',
      secretariat: 'الأمانة',
      spokesperson: 'المتحدث باسم المنظمة الإقليمية للاتصالات',
      delegate: 'مندوب',
      observer: 'مراقب',
    },
    meetingTime: (zone, offset) => `(توقيت الاجتماع: ${zone}، ${offset})`,
    linkIntro: 'رابطكم الشخصي للدخول إلى قاعة الاجتماع:',
    personal:
      'هذا الرابط شخصي، إذ يُستخدم للتعرّف على هويتكم في قاعة الاجتماع. يُرجى عدم إعادة توجيهه أو مشاركته ' +
      'مع أي شخص. وفي حال مشاركته، يُرجى الاتصال بالأمانة التي ستصدر لكم رابطاً جديداً.',
    videoIntro: 'يُقدَّم الصوت والترجمة الشفوية عبر مؤتمر الفيديو الخاص بالاجتماع:',
    site: (url) => `تقع قاعة الاجتماع على العنوان ${url}، ويتيح لكم الرابط الشخصي أعلاه الدخول إليها.`,
    calendar: 'مرفق طيّه قيد للاجتماع في التقويم (invitation.ics).',
    closing: ['وتفضلوا بقبول فائق الاحترام والتقدير،'],
    signature: 'الأمانة',
    calendarLink:
      'يُرجى الانضمام بواسطة الرابط الشخصي الوارد في رسالة الدعوة. فهو غير مدرج في قيد التقويم هذا الذي قد يُطّلع عليه غيركم. قاعة الاجتماع:',
  },
  zh: {
    locale: 'zh-CN',
    dir: 'ltr',
    subject: (title) => `${title}：您进入会议室的个人链接`,
    greeting: (name) => `尊敬的${name}：`,
    confirmation: (title) => `我们谨确认您已注册参加“${title}”会议。`,
    labels: { participant: '参会人员', delegation: '代表团', role: '身份', when: '日期和时间' },
    roles: {
      chair: '主席',
      'vice-chair': '副主席',
      secretariat: '秘书处',
      spokesperson: '区域电信组织发言人',
      delegate: '代表',
      observer: '观察员',
    },
    meetingTime: (zone, offset) => `（会议时间：${zone}，${offset}）`,
    linkIntro: '您进入会议室的个人链接：',
    personal:
      '此链接仅供您本人使用，用于在会议室中识别您的身份。请勿转发或与任何人分享。如链接已被他人获知，请与秘书处联系，秘书处将为您签发新的链接。',
    videoIntro: '会议音频和口译通过会议视频通话提供：',
    site: (url) => `会议室网址为 ${url}；请通过上述个人链接登录。`,
    calendar: '随函附上会议日历条目（invitation.ics）。',
    closing: ['此致', '敬礼！'],
    signature: '秘书处',
    calendarLink:
      '请使用邀请邮件中的个人链接加入会议。该链接不在本日历条目中，因为日历条目可能与他人共享。会议室：',
  },
};
