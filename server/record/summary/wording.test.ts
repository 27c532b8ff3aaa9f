import { describe, expect, it } from 'vitest';
import { asId, type InterventionId, LANGUAGES, type Language, type MeetingRecord } from '../../../shared';
import { draftSummary } from './draft';
import { IRM1_RECORD } from './fixtures';
import { TEMPLATES } from './templates';

const iso = (text: string) => `\u2068${text}\u2069`;
const paragraphs = (text: string) => text.split('\n\n');
/** The paragraphs under the heading that contains `title`, up to the next heading. */
function under(text: string, title: string): string[] {
  const all = paragraphs(text);
  const start = all.findIndex((p) => p.startsWith('# ') && p.includes(title));
  const end = all.findIndex((p, i) => i > start && p.startsWith('# '));
  return all.slice(start + 1, end < 0 ? undefined : end);
}

/** Per language: what singular agreement, dates, region names and an item still open must read. */
const WORDS: Record<
  Language,
  {
    /** Item 1 of the fixture, where the secretariat alone took the floor. */
    oneSpeaker: string;
    manySpeakers: string;
    firstOfMonth: string;
    /** Each region's name (or its stem, where a case changes the ending), in REGIONS' order. */
    regions: { AFR: string; AMS: string; ARB: string; ASP: string; CIS: string; EUR: string };
    /** Other names of a region, which must not appear beside the chosen one. */
    never: string[];
    ongoing: string;
  }
> = {
  en: {
    oneSpeaker: 'The following took the floor: from participants without regional affiliation, BDT.',
    manySpeakers: 'The following took the floor, in this order: ',
    firstOfMonth: '1 December 2025',
    regions: {
      AFR: 'Africa',
      AMS: 'the Americas',
      ARB: 'the Arab States',
      ASP: 'Asia and the Pacific',
      CIS: 'CIS',
      EUR: 'Europe',
    },
    never: ['Asia-Pacific region', 'Africa region', 'Europe region', 'CIS region'],
    ongoing: 'The item remains under consideration.',
  },
  fr: {
    oneSpeaker: 'A pris la parole\u202f: parmi les participants sans appartenance régionale, BDT.',
    manySpeakers: 'Ont pris la parole, dans l’ordre suivant, ',
    firstOfMonth: '1er décembre 2025',
    regions: {
      AFR: 'Afrique',
      AMS: 'Amériques',
      ARB: 'États arabes',
      ASP: 'Asie-Pacifique',
      CIS: 'CEI',
      EUR: 'Europe',
    },
    never: ['Asie et Pacifique', 'région Amériques'],
    ongoing: 'L’examen de ce point se poursuit.',
  },
  es: {
    oneSpeaker: 'Hizo uso de la palabra: entre los participantes sin adscripción regional, BDT.',
    manySpeakers: 'Hicieron uso de la palabra, en este orden: ',
    firstOfMonth: '1 de diciembre de 2025',
    regions: {
      AFR: 'África',
      AMS: 'las Américas',
      ARB: 'los Estados Árabes',
      ASP: 'Asia-Pacífico',
      CIS: 'CEI',
      EUR: 'Europa',
    },
    never: ['Asia y el Pacífico'],
    ongoing: 'El examen de este punto prosigue.',
  },
  ru: {
    oneSpeaker: 'Выступил следующий оратор: от участников, не относящихся ни к одному из регионов, — BDT.',
    manySpeakers: 'Выступили в следующем порядке: ',
    firstOfMonth: '1 декабря 2025 г.',
    regions: {
      AFR: 'Африк',
      AMS: 'Северн',
      ARB: 'арабск',
      ASP: 'Азиатско-Тихоокеанск',
      CIS: 'СНГ',
      EUR: 'Европ',
    },
    never: ['Африканского региона', 'Европейского региона', 'региона арабских государств'],
    ongoing: 'Рассмотрение данного пункта продолжается.',
  },
  ar: {
    oneSpeaker: `أخذ الكلمة: من المشاركين غير المنتمين إلى أي منطقة، ${iso('BDT')}.`,
    manySpeakers: 'أخذ الكلمة بالترتيب التالي: ',
    firstOfMonth: '1 ديسمبر 2025',
    regions: {
      AFR: 'أفريقيا',
      AMS: 'الأمريكت',
      ARB: 'الدول العربية',
      ASP: 'آسيا والمحيط الهادئ',
      CIS: 'كومنولث الدول المستقلة',
      EUR: 'أوروبا',
    },
    never: ['آسيا-المحيط الهادئ'],
    ongoing: 'ولا يزال هذا البند قيد النظر.',
  },
  zh: {
    oneSpeaker: '发言的是：不属于任何区域的与会者中的BDT。',
    manySpeakers: '以下各方按顺序发言：',
    firstOfMonth: '2025年12月1日',
    regions: { AFR: '非洲', AMS: '美洲', ARB: '阿拉伯国家', ASP: '亚太', CIS: '独联体', EUR: '欧洲' },
    never: ['亚洲及太平洋'],
    ongoing: '本议程项目的审议仍在进行中。',
  },
};

/** Item 4's regions in the order they first took the floor: the order of its placeholders. */
const ITEM4_REGIONS = ['AFR', 'ASP', 'EUR', 'CIS', 'ARB', 'AMS'] as const;

describe.each(LANGUAGES)('the wording in %s', (lang) => {
  const words = WORDS[lang];
  const { text } = draftSummary(IRM1_RECORD, lang);
  const item = (n: number) => under(text, IRM1_RECORD.items[n - 1]!.title);

  it('agrees with one speaker, and keeps the order of several', () => {
    expect(item(1)[0]).toBe(words.oneSpeaker);
    expect(item(3).find((p) => p.startsWith(words.manySpeakers))).toBeDefined();
    // One delegation however often it spoke: still one speaker.
    const twice: MeetingRecord = structuredClone(IRM1_RECORD);
    const speech = twice.items[0]!.interventions[0]!;
    twice.items[0]!.interventions.push({ ...speech, interventionId: asId<InterventionId>('v_again') });
    const again = under(draftSummary(twice, lang).text, IRM1_RECORD.items[0]!.title)[0]!;
    expect(again.startsWith(words.oneSpeaker.slice(0, 10))).toBe(true);
    expect(again.startsWith(words.manySpeakers)).toBe(false);
  });

  it('writes the first of the month as the language does, and other days as numbers', () => {
    const t = TEMPLATES[lang];
    expect(t.date('2025-12-01')).toBe(words.firstOfMonth);
    expect(t.date('2025-12-11')).not.toContain('1er');
    const december: MeetingRecord = structuredClone(IRM1_RECORD);
    december.meeting = {
      ...december.meeting,
      openedAt: '2025-12-01T09:30:00+01:00',
      closedAt: '2025-12-01T12:00:00+01:00',
      suspensions: [],
      asOf: '2025-12-01T12:00:00+01:00',
    };
    const { text: draft } = draftSummary(december, lang);
    expect(paragraphs(draft)[1]).toContain(words.firstOfMonth);
    expect(paragraphs(draft).at(-1)).toContain(words.firstOfMonth);
  });

  it('names each region the same way in the opening, the list of speakers and the placeholders', () => {
    const opening = paragraphs(text)[1]!;
    const floor = item(4).find((p) => p.startsWith(words.manySpeakers))!;
    const placeholders = item(4).filter((p) => p.startsWith('['));
    ITEM4_REGIONS.forEach((region, i) => {
      const name = words.regions[region];
      expect(opening, region).toContain(name);
      expect(floor, region).toContain(name);
      expect(placeholders[i], region).toContain(name);
    });
    for (const other of words.never) expect(text).not.toContain(other);
  });

  it('says an item still under consideration while the meeting is in session, not closed', () => {
    const inSession: MeetingRecord = structuredClone(IRM1_RECORD);
    inSession.meeting = { ...inSession.meeting, status: 'open', closedAt: null };
    // Item 7's paragraphs: who took the floor, the placeholders, then its fate.
    const fateOf7 = (draft: string) =>
      under(draft, IRM1_RECORD.items[6]!.title).filter((p) => !p.startsWith('['))[1]!;
    expect(fateOf7(draftSummary(inSession, lang).text).endsWith(words.ongoing)).toBe(true);
    expect(fateOf7(text).endsWith(words.ongoing)).toBe(false);
  });
});
