import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LANGUAGES, type Language, type MeetingRecord, SUMMARY_MAX_CHARS } from '../../../shared';
import { docParagraphs, seedDoc } from '../../../shared/collab/schema';
import { draftSummary } from './draft';
import { IRM1_RECORD } from './fixtures';
import { TEMPLATES } from './templates';

/** The draft as the co-edited document will hold it: through the real `seedDoc`. */
function seeded(text: string) {
  const doc = new Y.Doc();
  seedDoc(doc, text);
  return docParagraphs(doc).map((b) => ({
    heading: b.type === 'heading',
    text: b.runs.map((r) => r.text).join(''),
  }));
}

const paragraphs = (text: string) => text.split('\n\n');
/** User text in an Arabic sentence: isolated (FSI…PDI), so its Latin brackets keep their direction. */
const iso = (text: string) => `\u2068${text}\u2069`;
const withoutIsolates = (text: string) => text.replace(/[\u2068\u2069]/g, '');
/** The paragraphs from the heading that starts with `heading` to the next heading. */
function section(text: string, heading: string): string[] {
  const all = paragraphs(text);
  const start = all.findIndex((p) => p.startsWith(`# ${heading}`));
  expect(start, `no heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((p, i) => i > start && p.startsWith('# '));
  return all.slice(start + 1, end < 0 ? undefined : end);
}

const ITEM_TITLES = IRM1_RECORD.items.map((i) => i.title);
const OUTCOME_4 =
  'The meeting took note of the outcomes of the six Regional Preparatory Meetings as presented in Document IRM-1/4. ' +
  'It agreed to forward the common elements identified to the TDAG Working Group on Resolutions, Declaration and ' +
  'Thematic Priorities (TDAG-WG-RDTP), and invited the RTOs to continue their coordination.';

/** Per language: how it writes the headings, and phrases of the fixture's draft that must be there. */
const LANGS: Record<
  Language,
  {
    title: string;
    item: (n: number) => string;
    floor4: string;
    /** How the names of APT and CEPT end, as item 4's list names their spokespersons. */
    rtos: [string, string];
    pointOfOrder: string;
    reply: string;
    africaPoints: string;
    fates: { deferred: string; concluded: string; open: string };
    resumed: string;
    /** Item 7, deferred before it was taken up. */
    deferredBefore: string;
    agreed: string;
    notTakenUp: string;
    closing: string;
  }
> = {
  en: {
    title: "Chair's summary: First Inter-Regional Meeting for WTDC-25 (IRM-1)",
    item: (n) => `Agenda item ${n}: ${ITEM_TITLES[n - 1]}`,
    floor4:
      'The following took the floor, in this order: from Africa, Kenya on behalf of the African ' +
      'Telecommunications Union (ATU) (2 interventions) and Nigeria; from Asia and the Pacific, the spokesperson ' +
      'of the Asia-Pacific Telecommunity (APT); from Europe, the spokesperson of the European Conference ' +
      'of Postal and Telecommunications Administrations (CEPT) and France; from the CIS, Russian Federation; ' +
      'from the Arab States, Egypt and Saudi Arabia on behalf of the League of Arab States (LAS); from the ' +
      'Americas, Brazil; and from participants without regional affiliation, A telecommunication operator ' +
      '(Sector Member).',
    rtos: ['(APT)', '(CEPT)'],
    pointOfOrder:
      'A point of order was raised by Russian Federation while the spokesperson of the European Conference of ' +
      'Postal and Telecommunications Administrations (CEPT) had the floor; that intervention was suspended and ' +
      'subsequently resumed.',
    reply: 'The right of reply was exercised by France.',
    africaPoints: '[Main points raised by participants from Africa]',
    fates: {
      deferred: 'Consideration of this item was deferred.',
      concluded: 'The meeting concluded its consideration of this item.',
      open: 'The item remained open at the close of the meeting.',
    },
    resumed:
      'Consideration of this item was deferred on 14 July 2025 at 15:50 and resumed on 15 July 2025 at 13:02.',
    deferredBefore:
      'Consideration of this item, deferred on 14 July 2025 at 15:52 before it was taken up, began on 15 July 2025 at 14:30.',
    agreed: 'Proposal ACP/67A1/1 was agreed.',
    notTakenUp: 'The following agenda items were not taken up: 8, “Review of WTDC Resolutions',
    closing: '[Next steps, including the date of the next meeting]',
  },
  fr: {
    title: 'Résumé de la présidence\u202f: First Inter-Regional Meeting for WTDC-25 (IRM-1)',
    item: (n) => `Point ${n} de l’ordre du jour\u202f: ${ITEM_TITLES[n - 1]}`,
    floor4:
      'Ont pris la parole, dans l’ordre suivant, pour la région Afrique, Kenya au nom de l’Union africaine des ' +
      'télécommunications (UAT) (2 interventions) et Nigeria\u202f; pour la région Asie-Pacifique',
    rtos: ['(APT)', '(CEPT)'],
    pointOfOrder:
      'Une motion d’ordre a été soulevée par la délégation suivante\u202f: Russian Federation. L’intervention alors ' +
      'en cours (le porte-parole de la Conférence européenne des administrations des postes et des ' +
      'télécommunications (CEPT)) a été suspendue, puis a repris.',
    reply: 'Le droit de réponse a été exercé par la délégation suivante\u202f: France.',
    africaPoints: '[Principaux points soulevés par la région Afrique]',
    fates: {
      deferred: 'L’examen de ce point a été reporté.',
      concluded: 'La réunion a achevé l’examen de ce point.',
      open: 'Ce point restait ouvert à la clôture de la réunion.',
    },
    resumed:
      'L’examen de ce point, reporté le 14 juillet 2025 à 15\u00a0h\u00a050, a repris le 15 juillet 2025 à 13\u00a0h\u00a002.',
    deferredBefore:
      'L’examen de ce point, reporté le 14 juillet 2025 à 15\u00a0h\u00a052 avant d’avoir commencé, a débuté le ' +
      '15 juillet 2025 à 14\u00a0h\u00a030.',
    agreed: 'La proposition ACP/67A1/1 a été approuvée.',
    notTakenUp: 'Les points suivants de l’ordre du jour n’ont pas été examinés\u202f: 8, «\u202fReview',
    closing: '[Prochaines étapes, y compris la date de la prochaine réunion]',
  },
  es: {
    title: 'Resumen de la Presidencia: First Inter-Regional Meeting for WTDC-25 (IRM-1)',
    item: (n) => `Punto ${n} del orden del día: ${ITEM_TITLES[n - 1]}`,
    floor4:
      'Hicieron uso de la palabra, en este orden: por la región de África, Kenya en nombre de la Unión Africana de ' +
      'Telecomunicaciones (UAT) (2 intervenciones) y Nigeria; por la región de Asia-Pacífico',
    rtos: ['(APT)', '(CEPT)'],
    pointOfOrder:
      'La delegación siguiente planteó una moción de orden: Russian Federation. Se suspendió la intervención en ' +
      'curso (el portavoz de la Conferencia Europea de Administraciones de Correos y Telecomunicaciones (CEPT)), ' +
      'que se reanudó posteriormente.',
    reply: 'La delegación siguiente ejerció el derecho de respuesta: France.',
    africaPoints: '[Principales puntos planteados por la región de África]',
    fates: {
      deferred: 'Se aplazó el examen de este punto.',
      concluded: 'La reunión concluyó el examen de este punto.',
      open: 'El punto seguía abierto al cierre de la reunión.',
    },
    resumed:
      'El examen de este punto, aplazado el 14 de julio de 2025 a las 15.50 horas, se reanudó el 15 de julio de ' +
      '2025 a las 13.02 horas.',
    deferredBefore:
      'El examen de este punto, aplazado el 14 de julio de 2025 a las 15.52 horas antes de haberse iniciado, comenzó ' +
      'el 15 de julio de 2025 a las 14.30 horas.',
    agreed: 'Se aprobó la propuesta ACP/67A1/1.',
    notTakenUp: 'No se examinaron los puntos siguientes del orden del día: 8, «Review',
    closing: '[Próximas etapas, incluida la fecha de la próxima reunión]',
  },
  ru: {
    title: 'Резюме Председателя: First Inter-Regional Meeting for WTDC-25 (IRM-1)',
    item: (n) => `Пункт ${n} повестки дня: ${ITEM_TITLES[n - 1]}`,
    floor4:
      'Выступили в следующем порядке: от Африки — Kenya от имени Африканского союза электросвязи ' +
      '(АСЭ) (2 выступления) и Nigeria; от Азиатско-Тихоокеанского региона',
    rtos: ['(АТСЭ)', '(СЕПТ)'],
    pointOfOrder:
      'По порядку ведения заседания выступила следующая делегация: Russian Federation. Выступление, продолжавшееся ' +
      'в этот момент (представитель Европейской конференции администраций почт и электросвязи (СЕПТ)), было ' +
      'приостановлено, а затем возобновлено.',
    reply: 'Правом на ответ воспользовалась следующая делегация: France.',
    africaPoints: '[Основные вопросы, поднятые представителями Африки]',
    fates: {
      deferred: 'Рассмотрение данного пункта было отложено.',
      concluded: 'Собрание завершило рассмотрение данного пункта.',
      open: 'На момент закрытия собрания рассмотрение данного пункта не было завершено.',
    },
    resumed:
      'Рассмотрение данного пункта, отложенное 14 июля 2025 г. в 15:50, было возобновлено 15 июля 2025 г. в 13:02.',
    deferredBefore:
      'Рассмотрение данного пункта, отложенное 14 июля 2025 г. в 15:52 до его начала, было начато 15 июля 2025 г. в 14:30.',
    agreed: 'Предложение ACP/67A1/1 было согласовано.',
    notTakenUp: 'Следующие пункты повестки дня не рассматривались: 8 «Review',
    closing: '[Дальнейшие шаги, включая дату следующего собрания]',
  },
  ar: {
    title: `ملخص الرئيس: ${iso('First Inter-Regional Meeting for WTDC-25 (IRM-1)')}`,
    item: (n) => `البند ${n} من جدول الأعمال: ${iso(ITEM_TITLES[n - 1]!)}`,
    floor4:
      `أخذ الكلمة بالترتيب التالي: من منطقة أفريقيا، ${iso('Kenya')} باسم الاتحاد الأفريقي للاتصالات (ATU) (مداخلتان) ` +
      `و${iso('Nigeria')}؛ ومن منطقة آسيا والمحيط الهادئ`,
    rtos: ['(APT)', '(CEPT)'],
    pointOfOrder:
      `أثار الوفد التالي نقطة نظام: ${iso('Russian Federation')}. وقد عُلّقت المداخلة الجارية حينها (المتحدث باسم المؤتمر ` +
      'الأوروبي لإدارات البريد والاتصالات (CEPT))، ثم استؤنفت.',
    reply: `مارس الوفد التالي حق الرد: ${iso('France')}.`,
    africaPoints: '[النقاط الرئيسية التي أثارتها منطقة أفريقيا]',
    fates: {
      deferred: 'وأُرجئ النظر في هذا البند.',
      concluded: 'واختتم الاجتماع نظره في هذا البند.',
      open: 'وظل هذا البند مفتوحاً عند اختتام الاجتماع.',
    },
    resumed:
      'أُرجئ النظر في هذا البند في 14 يوليو 2025 الساعة 15:50، ثم استؤنف في 15 يوليو 2025 الساعة 13:02.',
    deferredBefore:
      'أُرجئ النظر في هذا البند في 14 يوليو 2025 الساعة 15:52 قبل الشروع فيه، ثم بدأ النظر فيه في 15 يوليو 2025 الساعة 14:30.',
    agreed: `تمت الموافقة على المقترح ${iso('ACP/67A1/1')}.`,
    notTakenUp: 'لم تُتناول البنود التالية من جدول الأعمال: 8 «\u2068Review',
    closing: '[الخطوات التالية، بما في ذلك موعد الاجتماع القادم]',
  },
  zh: {
    title: '主席总结：First Inter-Regional Meeting for WTDC-25 (IRM-1)',
    item: (n) => `议程项目${n}：${ITEM_TITLES[n - 1]}`,
    floor4:
      '以下各方按顺序发言：非洲区域的Kenya代表非洲电信联盟（ATU）（发言2次）和Nigeria；亚太区域的亚太电信组织（APT）发言人；',
    rtos: ['（APT）', '（CEPT）'],
    pointOfOrder:
      '以下代表团提出了程序问题：Russian Federation。当时正在进行的发言（欧洲邮电主管部门大会（CEPT）发言人）被暂停，随后恢复。',
    reply: '以下代表团行使了答辩权：France。',
    africaPoints: '[非洲区域提出的要点]',
    fates: {
      deferred: '本议程项目的审议被推迟。',
      concluded: '会议结束了对本议程项目的审议。',
      open: '至会议闭幕时，本议程项目仍在审议中。',
    },
    resumed: '本议程项目的审议于2025年7月14日15:50推迟，并于2025年7月15日13:02恢复。',
    deferredBefore: '本议程项目在开始审议之前于2025年7月14日15:52被推迟，并于2025年7月15日14:30开始审议。',
    agreed: '提案ACP/67A1/1获得通过。',
    notTakenUp: '以下议程项目未予审议：8“Review',
    closing: '[下一步工作，包括下次会议的日期]',
  },
};

/** Item 4's speakers, in the order the summary must name them: by region, regions as they first spoke. */
const item4Order = ([apt, cept]: [string, string]) => [
  'Kenya',
  'Nigeria',
  apt,
  cept,
  'France',
  'Russian Federation',
  'Egypt',
  'Saudi Arabia',
  'Brazil',
  'A telecommunication operator (Sector Member)',
];

describe.each(LANGUAGES)('the draft of the fixture in %s', (lang) => {
  const words = LANGS[lang];
  const draft = draftSummary(IRM1_RECORD, lang);
  const { text } = draft;

  it('has exactly the title and the headings of the items taken up, in agenda order', () => {
    const headings = seeded(text).filter((b) => b.heading);
    expect(headings.map((h) => h.text)).toEqual([words.title, ...[1, 2, 3, 4, 5, 6, 7].map(words.item)]);
    // The proposal's title takes no isolates: names and titles refuse them (shared/protocol/text.ts),
    // and the client isolates every title it shows.
    expect(draft.title).toBe(withoutIsolates(words.title));
  });

  it('names the speakers of item 4 grouped by region, in the order they spoke, with the RTOs in full', () => {
    const [floor] = section(text, words.item(4)).filter((p) => p.startsWith(words.floor4.slice(0, 12)));
    expect(floor).toBeDefined();
    expect(floor!.startsWith(words.floor4)).toBe(true);
    const places = item4Order(words.rtos).map((name) => floor!.indexOf(name));
    expect(places.every((p) => p >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('tells the point of order, with the speaker it suspended, and the right of reply', () => {
    const item4 = section(text, words.item(4)).join('\n');
    expect(item4).toContain(words.pointOfOrder);
    expect(item4).toContain(words.reply);
  });

  it('leaves a bracketed placeholder per region that spoke, in the order the regions spoke', () => {
    const placeholders = section(text, words.item(4)).filter((p) => p.startsWith('[') && p.endsWith(']'));
    expect(placeholders).toHaveLength(7);
    expect(placeholders[0]).toBe(words.africaPoints);
    expect(section(text, words.item(2)).some((p) => p.startsWith('['))).toBe(false);
  });

  it('quotes the outcome verbatim in one paragraph and gives each item its fate', () => {
    const item4 = section(text, words.item(4));
    const outcome = item4.find((p) => p.includes(OUTCOME_4));
    expect(outcome).toBeDefined();
    expect(outcome).toContain(words.fates.concluded);
    expect(outcome).toContain(words.agreed);
    const fateOf = (n: number) => section(text, words.item(n)).filter((p) => !p.startsWith('['))[1];
    expect(fateOf(5)).toContain(words.resumed);
    expect(fateOf(5)).toContain(words.fates.concluded);
    expect(section(text, words.item(6)).at(-1)).toContain(words.fates.deferred);
    expect(fateOf(7)).toBe(`${words.deferredBefore}${TEMPLATES[lang].sentenceSpace}${words.fates.open}`);
  });

  it('lists the items never taken up once, and ends with the closing paragraph', () => {
    expect(text).toContain(words.notTakenUp);
    const last = paragraphs(text).at(-1)!;
    expect(last.endsWith(words.closing)).toBe(true);
    expect(paragraphs(text).filter((p) => p.includes(ITEM_TITLES[8]!))).toHaveLength(1);
  });

  it('is the same text for the same record', async () => {
    expect(draftSummary(structuredClone(IRM1_RECORD), lang)).toEqual(draft);
    // The whole draft, for a translator's review: a change of wording shows in the diff.
    await expect(text).toMatchFileSnapshot(`./__snapshots__/irm1.${lang}.txt`);
  });
});

describe('user text in the draft', () => {
  const hostile: MeetingRecord = structuredClone(IRM1_RECORD);
  hostile.meeting.title = 'IRM-1\n\n# y';
  hostile.items[3]!.title = 'Outcomes\n\n# x';
  hostile.items[3]!.outcome = 'Agreed.\n\n# Injected heading\n\n\nMore text.\r\n# and more';
  // A delegation whose name is a heading speaks first under item 1: in every language the
  // paragraph still starts with the template's words.
  hostile.items[0]!.interventions[0]!.delegation = '# z';
  hostile.items[0]!.interventions[0]!.speaker = {
    ...hostile.items[0]!.interventions[0]!.speaker,
    delegation: '# z',
  };

  it.each(LANGUAGES)('creates no heading and splits no paragraph (%s)', (lang) => {
    const { text } = draftSummary(hostile, lang);
    const blocks = seeded(text);
    const headings = blocks.filter((b) => b.heading).map((b) => b.text);
    expect(headings).toHaveLength(8);
    expect(headings[4]).toContain('Outcomes # x');
    expect(headings.some((h) => h === 'x' || h === 'y' || h.startsWith('Injected') || h === 'z')).toBe(false);
    expect(text.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(8);
    const outcome = blocks.find((b) => b.text.includes('Agreed.'));
    expect(outcome?.text).toContain('Agreed. # Injected heading More text. # and more');
  });
});

/**
 * A record of `items` items with 150 interventions each, by 1,000 delegations with long names: far
 * more than fits, told in full.
 */
function crowdedRecord(items: number, perItem: number): MeetingRecord {
  const record: MeetingRecord = structuredClone(IRM1_RECORD);
  const template = IRM1_RECORD.items[3]!;
  const speech = template.interventions[0]!;
  const regions = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR', 'none'] as const;
  let n = 0;
  record.items = Array.from({ length: items }, (_, i) => ({
    ...structuredClone(template),
    number: String(i + 1),
    title: `Thematic priority ${i + 1}: meaningful connectivity, digital inclusion and capacity building`,
    interventions: Array.from({ length: perItem }, () => {
      n++;
      const delegation = `Administration of the Republic of Example ${(n * 7919) % 1000} (Ministry of ICT)`;
      return { ...speech, delegation, region: regions[n % regions.length]!, onBehalfOf: null };
    }),
  }));
  return record;
}

describe('the length of the draft', () => {
  const crowded = crowdedRecord(20, 150);

  it.each(LANGUAGES)('shortens the lists of a meeting with 3,000 interventions to fit (%s)', (lang) => {
    expect(crowded.items.flatMap((i) => i.interventions)).toHaveLength(3000);
    const { text } = draftSummary(crowded, lang);
    // Told in full, the names alone would be far over the limit.
    const names = crowded.items.flatMap((i) => i.interventions.map((v) => v.delegation)).join(', ');
    expect(names.length).toBeGreaterThan(SUMMARY_MAX_CHARS * 2);
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(text.length).toBeGreaterThan(SUMMARY_MAX_CHARS / 4);
    expect(paragraphs(text).at(-1)!.endsWith(LANGS[lang].closing)).toBe(true);
    // Every item is still there, with its heading and outcome; only the lists were shortened.
    expect(seeded(text).filter((b) => b.heading)).toHaveLength(21);
    expect(text.split(OUTCOME_4)).toHaveLength(21);
  });

  it('counts the delegations it leaves out of a list', () => {
    const { text } = draftSummary(crowded, 'en');
    expect(text).toMatch(/ and \d+ other delegations/);
  });

  it('leaves whole items to the record when even short lists do not fit, without cutting a sentence', () => {
    const long = crowdedRecord(200, 1);
    const outcome = `Outcome begins. ${'The meeting agreed on the following text, after consultations. '.repeat(50)}End.`;
    for (const item of long.items) item.outcome = outcome;
    for (const lang of LANGUAGES) {
      const { text } = draftSummary(long, lang);
      expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
      const told = text.split(outcome).length - 1;
      expect(told).toBeGreaterThan(5);
      expect(told).toBeLessThan(200);
      // The outcomes it tells are whole; the ones it does not are not begun.
      expect(text.split('Outcome begins.').length - 1).toBe(told);
      expect(paragraphs(text).at(-1)!.endsWith(LANGS[lang].closing)).toBe(true);
      const note = paragraphs(text).at(-3)!;
      expect(note.startsWith('[') && note.endsWith(']')).toBe(true);
    }
  });
});

describe('meetings unlike the fixture', () => {
  it('drafts a template, every item with placeholders, for a meeting not opened yet', () => {
    const planned: MeetingRecord = structuredClone(IRM1_RECORD);
    planned.meeting = {
      ...planned.meeting,
      status: 'scheduled',
      openedAt: null,
      closedAt: null,
      suspensions: [],
    };
    planned.meeting.chair = null;
    planned.items = planned.items.map((i) => ({
      ...i,
      sessions: [],
      interventions: [],
      status: 'pending' as const,
    }));
    planned.outsideAgenda = [];
    for (const row of planned.attendance.participants) row.sessions = [];
    const { text } = draftSummary(planned, 'en');
    expect(paragraphs(text)[1]).toBe(
      'The meeting was held virtually from 14 July 2025 to 15 July 2025 (meeting time: Europe/Zurich, UTC+02:00), ' +
        'chaired by [name of the Chair]. [Attendance: the number of participants; the Member States, Sector ' +
        'Members, Associates, Academia and regional telecommunication organizations they came from; the regions ' +
        'represented]',
    );
    expect(seeded(text).filter((b) => b.heading)).toHaveLength(11);
    expect(section(text, LANGS.en.item(10)).slice(0, 2)).toEqual([
      '[Presentations and main points raised under this item, by region]',
      '[Outcome of the consideration of this item]',
    ]);
    expect(text).not.toContain('not taken up');
  });

  it('gives a long meeting its dates as a run, and an item left for another its fate', () => {
    const long: MeetingRecord = structuredClone(IRM1_RECORD);
    long.meeting = {
      ...long.meeting,
      suspensions: ['14', '15', '16', '17'].map((d) => ({
        from: `2025-07-${d}T16:00:00+02:00`,
        to: `2025-07-${Number(d) + 1}T09:30:00+02:00`,
      })),
      closedAt: '2025-07-18T12:00:00+02:00',
    };
    long.items[6] = { ...long.items[6]!, status: 'pending' };
    const { text } = draftSummary(long, 'fr');
    expect(paragraphs(text)[1]).toContain(
      's’est tenue en mode virtuel du 14 juillet 2025 au 18 juillet 2025 (',
    );
    expect(section(text, LANGS.fr.item(7)).join('\n')).toContain(
      'La réunion est passée à un autre point avant d’avoir achevé l’examen de celui-ci.',
    );
  });

  it('counts the points of order and replies of an item when the lists must be shortened', () => {
    const busy = crowdedRecord(20, 150);
    const fixture = IRM1_RECORD.items[3]!.interventions;
    const pointOfOrder = fixture.find((i) => i.kind === 'point_of_order')!;
    const reply = fixture.find((i) => i.kind === 'reply')!;
    busy.items[0]!.interventions.push(...Array(41).fill(pointOfOrder), ...Array(10).fill(reply));
    const { text } = draftSummary(busy, 'ru');
    expect(section(text, 'Пункт 1 повестки дня')).toContain(
      'В ходе рассмотрения данного пункта был поднят 41 вопрос по порядку ведения заседания. ' +
        'В ходе рассмотрения данного пункта правом на ответ воспользовались 10 раз.',
    );
    expect(draftSummary(IRM1_RECORD, 'ru').text).not.toContain('В ходе рассмотрения данного пункта был');
  });
});
