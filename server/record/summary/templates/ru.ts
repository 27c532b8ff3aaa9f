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

const LOCALE = 'ru-RU';
const count = (n: number, forms: PluralForms<'ru'>) => plural('ru', LOCALE, n, forms);

/** The RTOs in the genitive ("от имени …", "представитель …"), with their Russian abbreviations. */
const RTO_GENITIVE: Record<RtoCode, string> = {
  APT: 'Азиатско-Тихоокеанского сообщества электросвязи (АТСЭ)',
  ATU: 'Африканского союза электросвязи (АСЭ)',
  CEPT: 'Европейской конференции администраций почт и электросвязи (СЕПТ)',
  CITEL: 'Межамериканской комиссии по электросвязи (СИТЕЛ)',
  LAS: 'Лиги арабских государств (ЛАГ)',
  RCC: 'Регионального содружества в области связи (РСС)',
};

/**
 * The regions as ITU-D names them in Russian (its Regional Preparatory Meetings: "для Африки",
 * "для Азиатско-Тихоокеанского региона", "для региона СНГ"), the CIS spelt out once.
 */
const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'Африка',
  AMS: 'Северная и Южная Америка',
  ARB: 'арабские государства',
  ASP: 'Азиатско-Тихоокеанский регион',
  CIS: 'регион Содружества Независимых Государств (СНГ)',
  EUR: 'Европа',
};

/** "от …": a group of speakers, by the same names (genitive). */
const REGION_FROM: Record<Region, string> = {
  AFR: 'от Африки',
  AMS: 'от Северной и Южной Америки',
  ARB: 'от арабских государств',
  ASP: 'от Азиатско-Тихоокеанского региона',
  CIS: 'от региона СНГ',
  EUR: 'от Европы',
  none: 'от участников, не относящихся ни к одному из регионов,',
};

/** "поднятые …": who raised the points of a placeholder (instrumental). */
const RAISED_BY: Record<Region, string> = {
  AFR: 'представителями Африки',
  AMS: 'представителями Северной и Южной Америки',
  ARB: 'представителями арабских государств',
  ASP: 'представителями Азиатско-Тихоокеанского региона',
  CIS: 'представителями региона СНГ',
  EUR: 'представителями Европы',
  none: 'участниками, не относящимися ни к одному из регионов',
};

/**
 * Delegations as ITU counts them in a report, after "от" (genitive: singular after a number ending
 * in 1, plural otherwise): "от 9 Государств-Членов, 1 Члена Сектора и …".
 */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'ru'>> = {
  'member-state': {
    one: '{n} Государства-Члена',
    few: '{n} Государств-Членов',
    many: '{n} Государств-Членов',
    other: '{n} Государств-Членов',
  },
  'sector-member': {
    one: '{n} Члена Сектора',
    few: '{n} Членов Сектора',
    many: '{n} Членов Сектора',
    other: '{n} Членов Сектора',
  },
  associate: {
    one: '{n} Ассоциированного члена',
    few: '{n} Ассоциированных членов',
    many: '{n} Ассоциированных членов',
    other: '{n} Ассоциированных членов',
  },
  academia: {
    one: '{n} академической организации',
    few: '{n} академических организаций',
    many: '{n} академических организаций',
    other: '{n} академических организаций',
  },
  rto: {
    one: '{n} региональной организации электросвязи',
    few: '{n} региональных организаций электросвязи',
    many: '{n} региональных организаций электросвязи',
    other: '{n} региональных организаций электросвязи',
  },
};

const OTHERS: Record<ListKind, PluralForms<'ru'>> = {
  delegations: {
    one: 'еще {n} делегация',
    few: 'еще {n} делегации',
    many: 'еще {n} делегаций',
    other: 'еще {n} делегации',
  },
  documents: {
    one: 'еще {n} документ',
    few: 'еще {n} документа',
    many: 'еще {n} документов',
    other: 'еще {n} документа',
  },
  proposals: {
    one: 'еще {n} предложение',
    few: 'еще {n} предложения',
    many: 'еще {n} предложений',
    other: 'еще {n} предложения',
  },
  items: { one: 'еще {n} пункт', few: 'еще {n} пункта', many: 'еще {n} пунктов', other: 'еще {n} пункта' },
};

/** A list of symbols is singular or plural by how many it names, not by the rules of numerals. */
const STATUS: Record<ProposalStatus, { one: string; more: string }> = {
  agreed: { one: 'Предложение {s} было согласовано.', more: 'Предложения {s} были согласованы.' },
  'not-agreed': { one: 'Предложение {s} не было согласовано.', more: 'Предложения {s} не были согласованы.' },
  withdrawn: { one: 'Предложение {s} было отозвано.', more: 'Предложения {s} были отозваны.' },
  'under-consideration': {
    one: 'Предложение {s} остается на рассмотрении.',
    more: 'Предложения {s} остаются на рассмотрении.',
  },
  draft: {
    one: 'Предложение {s} остается на стадии проекта.',
    more: 'Предложения {s} остаются на стадии проекта.',
  },
};

const series = (entries: string[]): string => entries.join('; ');

const groups = (list: SpeakerGroup[]): string =>
  list.map((g) => `${REGION_FROM[g.region]} — ${g.speakers}`).join('; ');

// Names go in as typed, in the nominative: the sentences put them after a colon or in brackets,
// where no case ending or agreement of a verb depends on them.
const interruption = (during: Interrupted | null): string =>
  during === null
    ? ''
    : ` Выступление, продолжавшееся в этот момент (${during.speaker}), было приостановлено${
        during.resumed ? ', а затем возобновлено' : ' и не возобновлялось'
      }.`;

/** Russian, in the register of ITU's secretariat. */
export const RU: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `Резюме Председателя: ${meetingTitle}`,
  title: 'Резюме Председателя',
  submittedBy: 'Председатель',
  sentenceSpace: ' ',
  user: (text) => inDirection('ltr', text),
  date: (isoDate) => formatDate(LOCALE, isoDate),
  series,

  time: (hhmm) => hhmm,
  dayWithHours: (date, from, to) => `${date} с ${from} до ${to}`,
  day: (date) => date,
  days: (first, last) => `с ${first} по ${last}`,
  unknownDay: '[дата]',
  moment: (date, time) => `${date} в ${time}`,
  opening: (f) => {
    const chair = !f.chair
      ? '[имя Председателя]'
      : f.chair.bracketed
        ? `${f.chair.name}, ${f.chair.delegation}`
        : `${f.chair.name} (${f.chair.delegation})`;
    const held =
      `Собрание проводилось в виртуальном формате ${f.when} (время собрания: ${f.zone}, ${f.offsets}) ` +
      `под председательством ${chair}.`;
    const a = f.attendance;
    if (!a)
      return (
        `${held} [Участие: число участников; Государства-Члены, Члены Сектора, Ассоциированные члены, ` +
        'академические организации и региональные организации электросвязи, от которых они присутствовали; ' +
        'представленные регионы]'
      );
    const attended = count(a.participants, {
      one: 'На собрании присутствовал {n} участник',
      few: 'На собрании присутствовали {n} участника',
      many: 'На собрании присутствовали {n} участников',
      other: 'На собрании присутствовали {n} участника',
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
          ? ` Были представлены все шесть регионов: ${names}.`
          : ` ${count(a.regions.length, {
              one: 'Был представлен {n} регион из шести',
              few: 'Были представлены {n} региона из шести',
              many: 'Были представлены {n} регионов из шести',
              other: 'Были представлены {n} региона из шести',
            })}: ${names}.`;
    return `${held} ${attended}${from ? ` от ${from}` : ''}.${regions}`;
  },

  itemHeading: (number, title) => `Пункт ${number} повестки дня: ${title}`,
  document: (symbol, title) => `${symbol} «${title}»`,
  documents: (list, n) =>
    n === 1
      ? `В рамках данного пункта собранию был представлен следующий документ: ${list}.`
      : `В рамках данного пункта собранию были представлены следующие документы: ${list}.`,
  proposal: (symbol, title, by) => `${symbol} «${title}» (источник: ${by})`,
  proposals: (list, n) =>
    n === 1
      ? `Собрание рассмотрело следующее предложение: ${list}.`
      : `Собрание рассмотрело следующие предложения: ${list}.`,

  spokesperson: (rto) => `представитель ${RTO_GENITIVE[rto]}`,
  onBehalfOf: (delegation, rto) => `${delegation} от имени ${RTO_GENITIVE[rto]}`,
  interventions: (n) =>
    ` (${count(n, {
      one: '{n} выступление',
      few: '{n} выступления',
      many: '{n} выступлений',
      other: '{n} выступления',
    })})`,
  others: (kind, n) => count(n, OTHERS[kind]),
  // One speaker: "оратор" is grammatically masculine whoever speaks, so no verb agrees with a name.
  tookTheFloor: (list) =>
    oneSpeaker(list)
      ? `Выступил следующий оратор: ${groups(list)}.`
      : `Выступили в следующем порядке: ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `Вне рамок рассмотрения пунктов повестки дня выступил следующий оратор: ${groups(list)}.`
      : `Вне рамок рассмотрения пунктов повестки дня выступили в следующем порядке: ${groups(list)}.`,
  nobodySpoke: 'Просьб о предоставлении слова по данному пункту не поступало.',
  pointOfOrder: (by, during) =>
    `По порядку ведения заседания выступила следующая делегация: ${by}.${interruption(during)}`,
  reply: (by, during) => `Правом на ответ воспользовалась следующая делегация: ${by}.${interruption(during)}`,
  pointsOfOrder: (n) =>
    count(n, {
      one: 'В ходе рассмотрения данного пункта был поднят {n} вопрос по порядку ведения заседания.',
      few: 'В ходе рассмотрения данного пункта было поднято {n} вопроса по порядку ведения заседания.',
      many: 'В ходе рассмотрения данного пункта было поднято {n} вопросов по порядку ведения заседания.',
      other: 'В ходе рассмотрения данного пункта было поднято {n} вопроса по порядку ведения заседания.',
    }),
  replies: (n) =>
    count(n, {
      one: 'В ходе рассмотрения данного пункта правом на ответ воспользовались {n} раз.',
      few: 'В ходе рассмотрения данного пункта правом на ответ воспользовались {n} раза.',
      many: 'В ходе рассмотрения данного пункта правом на ответ воспользовались {n} раз.',
      other: 'В ходе рассмотрения данного пункта правом на ответ воспользовались {n} раза.',
    }),
  mainPoints: (region) => `[Основные вопросы, поднятые ${RAISED_BY[region]}]`,
  awaited: {
    discussion:
      '[Представленные материалы и основные вопросы, поднятые по данному пункту, в разбивке по регионам]',
    outcome: '[Итог рассмотрения данного пункта]',
  },

  outcome: (text) => `Председателем был зафиксирован следующий итог: «${text}»`,
  fate: {
    concluded: 'Собрание завершило рассмотрение данного пункта.',
    deferred: 'Рассмотрение данного пункта было отложено.',
    open: 'На момент закрытия собрания рассмотрение данного пункта не было завершено.',
    ongoing: 'Рассмотрение данного пункта продолжается.',
    left: 'Собрание перешло к другому пункту, не завершив рассмотрение данного пункта.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `Рассмотрение данного пункта, отложенное ${deferredAt}, было возобновлено ${resumedAt}.`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `Рассмотрение данного пункта, отложенное ${deferredAt} до его начала, было начато ${takenUpAt}.`,
  proposalStatus: (status, symbols, n) =>
    (n === 1 ? STATUS[status].one : STATUS[status].more).replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers, n) =>
    n === 1
      ? `В документе ${symbol} был согласован пункт ${numbers}.`
      : `В документе ${symbol} были согласованы пункты ${numbers}.`,
  paragraphsAdReferendum: (symbol, numbers, n) =>
    n === 1
      ? `В документе ${symbol} был согласован ad referendum пункт ${numbers}.`
      : `В документе ${symbol} были согласованы ad referendum пункты ${numbers}.`,
  revisionsPublished: (symbols, n) =>
    n === 1 ? `Был опубликован пересмотр ${symbols}.` : `Были опубликованы пересмотры ${symbols}.`,
  itemReference: (number, title) => `${number} «${title}»`,
  notTakenUp: (list, n) =>
    n === 1
      ? `Следующий пункт повестки дня не рассматривался: ${list}.`
      : `Следующие пункты повестки дня не рассматривались: ${list}.`,
  range: (first, last) => `${first}–${last}`,
  omitted: (numbers, n) =>
    n === 1
      ? `[Пункт ${numbers} повестки дня не отражен в настоящем проекте, поскольку в противном случае был бы превышен максимальный объем текста; см. отчет о собрании.]`
      : `[Пункты ${numbers} повестки дня не отражены в настоящем проекте, поскольку в противном случае был бы превышен максимальный объем текста; см. отчет о собрании.]`,
  closing: (closed) =>
    'В заключительном слове Председателя была выражена признательность всем участникам за активный и ' +
    'конструктивный вклад, заместителям Председателя и представителям региональных организаций электросвязи ' +
    '– за поддержку, а также секретариату и устным переводчикам – за содействие.' +
    (closed ? ` Собрание было закрыто ${closed.date} в ${closed.time}.` : '') +
    ' [Дальнейшие шаги, включая дату следующего собрания]',
};
