import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { inDirection } from './bidi';
import { formatDate, formatList } from './format';
import { type PluralForms, plural } from './plural';
import {
  type DelegationCategory,
  type Interrupted,
  type ListKind,
  oneSpeaker,
  type SpeakerGroup,
  type SummaryTemplates,
} from './types';

// Western digits, as ITU's Arabic documents write numbers, symbols and times.
const LOCALE = 'ar-u-nu-latn';
const count = (n: number, forms: PluralForms<'ar'>) => plural('ar', LOCALE, n, forms);

/** ITU's Arabic names of the RTOs, with their Latin abbreviations as ITU's Arabic texts give them. */
const RTO: Record<RtoCode, string> = {
  APT: 'جماعة آسيا والمحيط الهادئ للاتصالات (APT)',
  ATU: 'الاتحاد الأفريقي للاتصالات (ATU)',
  CEPT: 'المؤتمر الأوروبي لإدارات البريد والاتصالات (CEPT)',
  CITEL: 'لجنة البلدان الأمريكية للاتصالات (CITEL)',
  LAS: 'جامعة الدول العربية',
  RCC: 'الكومنولث الإقليمي في مجال الاتصالات (RCC)',
};

/** The regions as the list of those represented names them (nominative: « ومُثّلت … : »). */
const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'أفريقيا',
  AMS: 'الأمريكتان',
  ARB: 'الدول العربية',
  ASP: 'آسيا والمحيط الهادئ',
  CIS: 'كومنولث الدول المستقلة',
  EUR: 'أوروبا',
};

/** After « من »: a group of speakers. */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'منطقة أفريقيا',
  AMS: 'منطقة الأمريكتين',
  ARB: 'منطقة الدول العربية',
  ASP: 'منطقة آسيا والمحيط الهادئ',
  CIS: 'منطقة كومنولث الدول المستقلة',
  EUR: 'منطقة أوروبا',
  none: 'المشاركين غير المنتمين إلى أي منطقة',
};

const MAIN_POINTS: Record<Region, string> = {
  AFR: '[النقاط الرئيسية التي أثارتها منطقة أفريقيا]',
  AMS: '[النقاط الرئيسية التي أثارتها منطقة الأمريكتين]',
  ARB: '[النقاط الرئيسية التي أثارتها منطقة الدول العربية]',
  ASP: '[النقاط الرئيسية التي أثارتها منطقة آسيا والمحيط الهادئ]',
  CIS: '[النقاط الرئيسية التي أثارتها منطقة كومنولث الدول المستقلة]',
  EUR: '[النقاط الرئيسية التي أثارتها منطقة أوروبا]',
  none: '[النقاط الرئيسية التي أثارها المشاركون غير المنتمين إلى أي منطقة]',
};

/**
 * Delegations as ITU counts them in a report, after « من » (the number's noun in the genitive,
 * or the accusative singular from 11 to 99): « من 9 دول أعضاء وعضو قطاع واحد و3 منظمات … ».
 */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'ar'>> = {
  'member-state': {
    zero: '{n} دولة عضو',
    one: 'دولة عضو واحدة',
    two: 'دولتين عضوين',
    few: '{n} دول أعضاء',
    many: '{n} دولة عضواً',
    other: '{n} دولة عضو',
  },
  'sector-member': {
    zero: '{n} عضو قطاع',
    one: 'عضو قطاع واحد',
    two: 'عضوي قطاع',
    few: '{n} أعضاء قطاع',
    many: '{n} عضو قطاع',
    other: '{n} عضو قطاع',
  },
  associate: {
    zero: '{n} منتسب',
    one: 'منتسب واحد',
    two: 'منتسبين اثنين',
    few: '{n} منتسبين',
    many: '{n} منتسباً',
    other: '{n} منتسب',
  },
  academia: {
    zero: '{n} هيئة أكاديمية',
    one: 'هيئة أكاديمية واحدة',
    two: 'هيئتين أكاديميتين',
    few: '{n} هيئات أكاديمية',
    many: '{n} هيئة أكاديمية',
    other: '{n} هيئة أكاديمية',
  },
  rto: {
    zero: '{n} منظمة إقليمية للاتصالات',
    one: 'منظمة إقليمية واحدة للاتصالات',
    two: 'منظمتين إقليميتين للاتصالات',
    few: '{n} منظمات إقليمية للاتصالات',
    many: '{n} منظمة إقليمية للاتصالات',
    other: '{n} منظمة إقليمية للاتصالات',
  },
};

const OTHERS: Record<ListKind, PluralForms<'ar'>> = {
  delegations: {
    zero: '{n} وفد آخر',
    one: 'وفد آخر',
    two: 'وفدان آخران',
    few: '{n} وفود أخرى',
    many: '{n} وفداً آخر',
    other: '{n} وفد آخر',
  },
  documents: {
    zero: '{n} وثيقة أخرى',
    one: 'وثيقة أخرى',
    two: 'وثيقتان أخريان',
    few: '{n} وثائق أخرى',
    many: '{n} وثيقة أخرى',
    other: '{n} وثيقة أخرى',
  },
  proposals: {
    zero: '{n} مقترح آخر',
    one: 'مقترح آخر',
    two: 'مقترحان آخران',
    few: '{n} مقترحات أخرى',
    many: '{n} مقترحاً آخر',
    other: '{n} مقترح آخر',
  },
  items: {
    zero: '{n} بند آخر',
    one: 'بند آخر',
    two: 'بندان آخران',
    few: '{n} بنود أخرى',
    many: '{n} بنداً آخر',
    other: '{n} بند آخر',
  },
};

/** Singular, dual or plural by how many symbols the list names. */
type Number3 = { one: string; two: string; more: string };
const byNumber = (n: number, forms: Number3): string =>
  n === 1 ? forms.one : n === 2 ? forms.two : forms.more;

const STATUS: Record<ProposalStatus, Number3> = {
  agreed: {
    one: 'تمت الموافقة على المقترح {s}.',
    two: 'تمت الموافقة على المقترحين {s}.',
    more: 'تمت الموافقة على المقترحات {s}.',
  },
  'not-agreed': {
    one: 'لم تتم الموافقة على المقترح {s}.',
    two: 'لم تتم الموافقة على المقترحين {s}.',
    more: 'لم تتم الموافقة على المقترحات {s}.',
  },
  withdrawn: { one: 'سُحب المقترح {s}.', two: 'سُحب المقترحان {s}.', more: 'سُحبت المقترحات {s}.' },
  'under-consideration': {
    one: 'لا يزال المقترح {s} قيد النظر.',
    two: 'لا يزال المقترحان {s} قيد النظر.',
    more: 'لا تزال المقترحات {s} قيد النظر.',
  },
  draft: {
    one: 'لا يزال المقترح {s} في مرحلة المشروع.',
    two: 'لا يزال المقترحان {s} في مرحلة المشروع.',
    more: 'لا تزال المقترحات {s} في مرحلة المشروع.',
  },
};

const series = (entries: string[]): string =>
  entries.length > 1 ? `${entries.slice(0, -1).join('؛ ')}؛ و${entries.at(-1)}` : (entries[0] ?? '');

const groups = (list: SpeakerGroup[]): string =>
  list.map((g) => `من ${REGION_GROUP[g.region]}، ${g.speakers}`).join('؛ و');

// Names go in as typed: the sentences put them after a colon or in brackets, where no verb has
// to agree with them in gender.
const interruption = (during: Interrupted | null): string =>
  during === null
    ? ''
    : ` وقد عُلّقت المداخلة الجارية حينها (${during.speaker})${during.resumed ? '، ثم استؤنفت' : '، ولم تُستأنف'}.`;

/** Arabic, in the register of ITU's secretariat. */
export const AR: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `ملخص الرئيس: ${meetingTitle}`,
  title: 'ملخص الرئيس',
  submittedBy: 'الرئيس',
  sentenceSpace: ' ',
  user: (text) => inDirection('rtl', text),
  date: (isoDate) => formatDate(LOCALE, isoDate),
  series,

  time: (hhmm) => hhmm,
  dayWithHours: (date, from, to) => `في ${date} من الساعة ${from} إلى الساعة ${to}`,
  day: (date) => `في ${date}`,
  days: (first, last) => `من ${first} إلى ${last}`,
  unknownDay: 'في [التاريخ]',
  moment: (date, time) => `في ${date} الساعة ${time}`,
  opening: (f) => {
    const chair = !f.chair
      ? '[اسم الرئيس]'
      : f.chair.bracketed
        ? `${f.chair.name}، ${f.chair.delegation}`
        : `${f.chair.name} (${f.chair.delegation})`;
    const held = `عُقد الاجتماع افتراضياً ${f.when} (توقيت الاجتماع: ${f.zone}، ${f.offsets})، برئاسة ${chair}.`;
    const a = f.attendance;
    if (!a)
      return (
        `${held} [الحضور: عدد المشاركين؛ والدول الأعضاء وأعضاء القطاع والمنتسبون والهيئات الأكاديمية ` +
        'والمنظمات الإقليمية للاتصالات التي جاءوا منها؛ والمناطق الممثلة]'
      );
    const people = count(a.participants, {
      zero: '{n} مشارك',
      one: 'مشارك واحد',
      two: 'مشاركان',
      few: '{n} مشاركين',
      many: '{n} مشاركاً',
      other: '{n} مشارك',
    });
    const from = formatList(
      LOCALE,
      a.delegations.map((d) => count(d.count, DELEGATIONS[d.category])),
    );
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? ` ومُثّلت المناطق الست جميعها: ${names}.`
          : ` ${count(a.regions.length, {
              zero: 'ومُثّلت {n} منطقة من المناطق الست',
              one: 'ومُثّلت منطقة واحدة من المناطق الست',
              two: 'ومُثّلت منطقتان من المناطق الست',
              few: 'ومُثّلت {n} مناطق من المناطق الست',
              many: 'ومُثّلت {n} منطقة من المناطق الست',
              other: 'ومُثّلت {n} منطقة من المناطق الست',
            })}: ${names}.`;
    return `${held} وحضر الاجتماع ${people}${from ? ` من ${from}` : ''}.${regions}`;
  },

  itemHeading: (number, title) => `البند ${number} من جدول الأعمال: ${title}`,
  document: (symbol, title) => `${symbol} «${title}»`,
  documents: (list, n) =>
    `عُرضت على الاجتماع في إطار هذا البند ${byNumber(n, {
      one: 'الوثيقة التالية',
      two: 'الوثيقتان التاليتان',
      more: 'الوثائق التالية',
    })}: ${list}.`,
  proposal: (symbol, title, by) => `${symbol} «${title}» (المصدر: ${by})`,
  proposals: (list, n) =>
    `نظر الاجتماع في ${byNumber(n, {
      one: 'المقترح التالي',
      two: 'المقترحين التاليين',
      more: 'المقترحات التالية',
    })}: ${list}.`,

  spokesperson: (rto) => `المتحدث باسم ${RTO[rto]}`,
  onBehalfOf: (delegation, rto) => `${delegation} باسم ${RTO[rto]}`,
  interventions: (n) =>
    ` (${count(n, {
      zero: '{n} مداخلة',
      one: 'مداخلة واحدة',
      two: 'مداخلتان',
      few: '{n} مداخلات',
      many: '{n} مداخلة',
      other: '{n} مداخلة',
    })})`,
  others: (kind, n) => count(n, OTHERS[kind]),
  tookTheFloor: (list) =>
    oneSpeaker(list) ? `أخذ الكلمة: ${groups(list)}.` : `أخذ الكلمة بالترتيب التالي: ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `خارج إطار النظر في بنود جدول الأعمال، أخذ الكلمة: ${groups(list)}.`
      : `خارج إطار النظر في بنود جدول الأعمال، أخذ الكلمة بالترتيب التالي: ${groups(list)}.`,
  nobodySpoke: 'لم تُقدَّم أي طلبات لأخذ الكلمة في إطار هذا البند.',
  pointOfOrder: (by, during) => `أثار الوفد التالي نقطة نظام: ${by}.${interruption(during)}`,
  reply: (by, during) => `مارس الوفد التالي حق الرد: ${by}.${interruption(during)}`,
  pointsOfOrder: (n) =>
    count(n, {
      zero: 'لم تُثر أي نقطة نظام خلال النظر في هذا البند.',
      one: 'أُثيرت نقطة نظام واحدة خلال النظر في هذا البند.',
      two: 'أُثيرت نقطتا نظام خلال النظر في هذا البند.',
      few: 'أُثيرت {n} نقاط نظام خلال النظر في هذا البند.',
      many: 'أُثيرت {n} نقطة نظام خلال النظر في هذا البند.',
      other: 'أُثيرت {n} نقطة نظام خلال النظر في هذا البند.',
    }),
  replies: (n) =>
    count(n, {
      zero: 'لم يُمارَس حق الرد خلال النظر في هذا البند.',
      one: 'مورس حق الرد مرة واحدة خلال النظر في هذا البند.',
      two: 'مورس حق الرد مرتين خلال النظر في هذا البند.',
      few: 'مورس حق الرد {n} مرات خلال النظر في هذا البند.',
      many: 'مورس حق الرد {n} مرة خلال النظر في هذا البند.',
      other: 'مورس حق الرد {n} مرة خلال النظر في هذا البند.',
    }),
  mainPoints: (region) => MAIN_POINTS[region],
  awaited: {
    discussion: '[العروض المقدمة والنقاط الرئيسية المثارة في إطار هذا البند، حسب المنطقة]',
    outcome: '[نتيجة النظر في هذا البند]',
  },

  outcome: (text) => `سجّل الرئيس النتيجة التالية: «${text}»`,
  fate: {
    concluded: 'واختتم الاجتماع نظره في هذا البند.',
    deferred: 'وأُرجئ النظر في هذا البند.',
    open: 'وظل هذا البند مفتوحاً عند اختتام الاجتماع.',
    ongoing: 'ولا يزال هذا البند قيد النظر.',
    left: 'وانتقل الاجتماع إلى بند آخر قبل أن يختتم نظره في هذا البند.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `أُرجئ النظر في هذا البند ${deferredAt}، ثم استؤنف ${resumedAt}.`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `أُرجئ النظر في هذا البند ${deferredAt} قبل الشروع فيه، ثم بدأ النظر فيه ${takenUpAt}.`,
  proposalStatus: (status, symbols, n) => byNumber(n, STATUS[status]).replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers, n) =>
    `في الوثيقة ${symbol}، تمت الموافقة على ${byNumber(n, { one: 'الفقرة', two: 'الفقرتين', more: 'الفقرات' })} ${numbers}.`,
  paragraphsAdReferendum: (symbol, numbers, n) =>
    `في الوثيقة ${symbol}، تمت الموافقة رهناً بالتأكيد على ${byNumber(n, { one: 'الفقرة', two: 'الفقرتين', more: 'الفقرات' })} ${numbers}.`,
  revisionsPublished: (symbols, n) =>
    `${byNumber(n, { one: 'نُشر التنقيح', two: 'نُشر التنقيحان', more: 'نُشرت التنقيحات' })} ${symbols}.`,
  itemReference: (number, title) => `${number} «${title}»`,
  notTakenUp: (list, n) =>
    `${byNumber(n, {
      one: 'لم يُتناول البند التالي',
      two: 'لم يُتناول البندان التاليان',
      more: 'لم تُتناول البنود التالية',
    })} من جدول الأعمال: ${list}.`,
  range: (first, last) => `من ${first} إلى ${last}`,
  omitted: (numbers, n) =>
    `[لا يتضمن هذا المشروع ملخصاً ${byNumber(n, {
      one: 'للبند',
      two: 'للبندين',
      more: 'للبنود',
    })} ${numbers} من جدول الأعمال، إذ كان سيتجاوز لولا ذلك الحد الأقصى لطول النص؛ يُرجى الرجوع إلى سجل الاجتماع.]`,
  closing: (closed) =>
    'وفي الختام، شكر الرئيس جميع المشاركين على مساهماتهم النشطة والبناءة، ونواب الرئيس والمتحدثين باسم ' +
    'المنظمات الإقليمية للاتصالات على دعمهم، والأمانة والمترجمين الشفويين على مساعدتهم' +
    (closed ? `، واختتم الاجتماع في ${closed.date} الساعة ${closed.time}.` : '.') +
    ' [الخطوات التالية، بما في ذلك موعد الاجتماع القادم]',
};
