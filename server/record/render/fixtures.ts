/**
 * Hand-written records for the renderers' tests (the fold that derives a record from the log is
 * tested on its own): IRM-1 for WTDC-25 as its secretariat would find it after the first afternoon,
 * and a record the size of a long meeting. The counts and shares are computed here from the rows,
 * by the record's rules (shared/record/model.ts), so the figures always agree with the tables.
 */
import {
  type AttendanceCount,
  type AttendanceRow,
  asId,
  CATEGORIES,
  type Category,
  type CheckId,
  type InterventionId,
  type ItemId,
  type MeetingRecord,
  type ParticipantId,
  type ProposalConsensus,
  type ProposalId,
  REGIONS,
  type RecordIntervention,
  type RecordItem,
  type RecordPerson,
  type RecordProposal,
  type Region,
  type Role,
  RTO_CODES,
  type RtoCode,
  type SpeakingShare,
  type SpeakingShares,
  type ZonedTime,
} from '../../../shared';

/** 14 July 2025 in Geneva's summer time, the afternoon of IRM-1. */
const at = (time: string, day = '2025-07-14'): ZonedTime => `${day}T${time}+02:00`;
const seconds = (from: ZonedTime, to: ZonedTime) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function person(
  id: string,
  name: string,
  delegation: string,
  role: Role,
  category: Category,
  region: Region,
  rto: RtoCode | null = null,
): RecordPerson {
  return { participantId: asId<ParticipantId>(id), name, delegation, role, category, region, rto };
}

/** The people of the fixture, by a short name. */
const PEOPLE = {
  chair: person('p_chair', 'Elnur Mammadov', 'Azerbaijan', 'chair', 'member-state', 'CIS'),
  viceAtu: person('p_vc_atu', 'Fatou Ndiaye', 'Senegal', 'vice-chair', 'member-state', 'AFR', 'ATU'),
  atu: person('p_sp_atu', 'Kwame Mensah', 'ATU', 'spokesperson', 'rto', 'AFR', 'ATU'),
  apt: person('p_sp_apt', 'Siosaia Taufa', 'APT', 'spokesperson', 'rto', 'ASP', 'APT'),
  cept: person('p_sp_cept', 'Ingrid Larsen', 'CEPT', 'spokesperson', 'rto', 'EUR', 'CEPT'),
  las: person('p_sp_las', 'ليلى حداد', 'Arab Group', 'spokesperson', 'rto', 'ARB', 'LAS'),
  bdt: person('p_bdt', 'Marie Dubois', 'BDT', 'secretariat', 'bdt', 'none'),
  kenya: person('p_kenya', 'Amina Wanjiru', 'Kenya', 'delegate', 'member-state', 'AFR'),
  egypt: person('p_egypt', 'عمر الفاروق', 'Egypt', 'delegate', 'member-state', 'ARB'),
  china: person('p_china', '李明', 'China', 'delegate', 'member-state', 'ASP'),
  brazil: person('p_brazil', 'Ana Souza', 'Brazil', 'delegate', 'member-state', 'AMS'),
  france: person('p_france', 'Luc Martin', 'France', 'delegate', 'member-state', 'EUR'),
  russia: person('p_russia', 'Ольга Иванова', 'Russian Federation', 'delegate', 'member-state', 'CIS'),
  gsma: person('p_gsma', 'Priya Nair', 'GSMA', 'delegate', 'sector-member', 'none'),
  lagos: person('p_lagos', 'Chinedu Okafor', 'University of Lagos', 'delegate', 'academia', 'AFR'),
  youth: person('p_youth', 'Sara López', 'Youth representative', 'observer', 'observer', 'none'),
  kazakhstan: person('p_kazakhstan', 'Aigerim Bekova', 'Kazakhstan', 'delegate', 'member-state', 'CIS'),
  duplicate: person('p_dup', 'Amina Wanjiru', 'Kenya', 'delegate', 'member-state', 'AFR'),
} as const;

let interventionCount = 0;

/** An intervention of `speaker` made of `parts` (two or more: suspended and resumed). */
function intervention(
  speaker: RecordPerson,
  kind: RecordIntervention['kind'],
  parts: [ZonedTime, ZonedTime][],
  limitSeconds: number,
  extra: { onBehalfOf?: RtoCode; offline?: boolean; endedWhileSuspended?: boolean } = {},
): RecordIntervention {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const durationSeconds = parts.reduce((sum, [from, to]) => sum + seconds(from, to), 0);
  interventionCount += 1;
  return {
    interventionId: asId<InterventionId>(`v_${interventionCount}`),
    speaker,
    delegation: speaker.delegation,
    region: speaker.region,
    onBehalfOf: extra.onBehalfOf ?? null,
    kind,
    startedAt: first[0],
    endedAt: last[1],
    durationSeconds,
    limitSeconds,
    overrunSeconds: Math.max(0, durationSeconds - limitSeconds),
    // Times to the second: each part's seconds are its times' difference, and add up to the duration.
    parts: parts.map(([startedAt, endedAt]) => ({
      startedAt,
      endedAt,
      seconds: seconds(startedAt, endedAt),
    })),
    suspended: parts.length > 1 || Boolean(extra.endedWhileSuspended),
    endedWhileSuspended: Boolean(extra.endedWhileSuspended),
    offline: Boolean(extra.offline),
  };
}

function item(
  id: string,
  fields: Pick<RecordItem, 'number' | 'title' | 'status' | 'plannedMinutes' | 'outcome'> &
    Partial<Pick<RecordItem, 'documents' | 'proposals' | 'interventions'>> & {
      sessions?: RecordItem['sessions'];
      /** Deferred before it was taken up (a deferral of the current item ends its session). */
      deferredWhilePending?: ZonedTime[];
    },
): RecordItem {
  const sessions = fields.sessions ?? [];
  const interventions = fields.interventions ?? [];
  const spentSeconds = sessions.reduce((sum, s) => sum + (s.endedAt ? seconds(s.openedAt, s.endedAt) : 0), 0);
  const concluded = sessions.filter((s) => s.ended === 'concluded');
  const deferredAt = [
    ...(fields.deferredWhilePending ?? []),
    ...sessions.flatMap((s) => (s.ended === 'deferred' && s.endedAt ? [s.endedAt] : [])),
  ].sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    itemId: asId<ItemId>(id),
    number: fields.number,
    title: fields.title,
    status: fields.status,
    plannedMinutes: fields.plannedMinutes,
    spentSeconds,
    overPlan: spentSeconds > fields.plannedMinutes * 60,
    outcome: fields.outcome,
    sessions,
    openedAt: sessions[0]?.openedAt ?? null,
    concludedAt: concluded[concluded.length - 1]?.endedAt ?? null,
    deferredAt,
    documents: fields.documents ?? [],
    interventions,
    pointsOfOrder: interventions.filter((v) => v.kind === 'point_of_order').length,
    replies: interventions.filter((v) => v.kind === 'reply').length,
    proposals: fields.proposals ?? [],
  };
}

function attendee(
  who: RecordPerson,
  sessions: [ZonedTime, ZonedTime | null][],
  asOf: ZonedTime,
  removedAt: ZonedTime | null = null,
): AttendanceRow {
  return {
    person: who,
    removed: removedAt !== null,
    removedAt,
    sessions: sessions.map(([joinedAt, leftAt]) => ({ joinedAt, leftAt })),
    totalSeconds: sessions.reduce((sum, [from, to]) => sum + seconds(from, to ?? asOf), 0),
  };
}

/** Counts under each key, every key listed: a removed registration that never connected is not counted. */
function counts<K extends string>(
  rows: AttendanceRow[],
  keys: readonly K[],
  keyOf: (row: AttendanceRow) => K,
): AttendanceCount<K>[] {
  const byKey = new Map(keys.map((key) => [key, { key, registered: 0, attended: 0 }]));
  for (const row of rows) {
    if (row.removed && row.sessions.length === 0) continue;
    const count = byKey.get(keyOf(row))!;
    count.registered += 1;
    if (row.sessions.length > 0) count.attended += 1;
  }
  return [...byKey.values()];
}

/** Speaking time split by region, RTO and delegation, against each one's share of those present. */
function shares(
  interventions: readonly RecordIntervention[],
  rows: readonly AttendanceRow[],
): SpeakingShares {
  const counted = rows.filter((r) => !r.removed || r.sessions.length > 0);
  const attended = counted.filter((r) => r.sessions.length > 0);
  // As the record counts them: whoever presides and the secretariat run the meeting, not the floor.
  const present = (attended.length > 0 ? attended : counted).filter(
    (r) => r.person.role !== 'chair' && r.person.role !== 'secretariat',
  );
  const total = interventions.reduce((sum, v) => sum + v.durationSeconds, 0);
  const split = <K extends string>(
    keys: readonly K[] | null,
    keyOfIntervention: (v: RecordIntervention) => K,
    keyOfPerson: (p: RecordPerson) => K,
  ): SpeakingShare<K>[] => {
    const byKey = new Map<K, { interventions: number; seconds: number }>(
      (keys ?? []).map((key) => [key, { interventions: 0, seconds: 0 }]),
    );
    for (const v of interventions) {
      const key = keyOfIntervention(v);
      const entry = byKey.get(key) ?? { interventions: 0, seconds: 0 };
      entry.interventions += 1;
      entry.seconds += v.durationSeconds;
      byKey.set(key, entry);
    }
    const people = new Map<K, number>();
    for (const row of present)
      people.set(keyOfPerson(row.person), (people.get(keyOfPerson(row.person)) ?? 0) + 1);
    const list = [...byKey.entries()].map(([key, entry]) => ({
      key,
      ...entry,
      speakingShare: total > 0 ? round4(entry.seconds / total) : 0,
      participantShare: present.length > 0 ? round4((people.get(key) ?? 0) / present.length) : 0,
    }));
    return keys ? list : list.sort((a, b) => b.seconds - a.seconds || a.key.localeCompare(b.key));
  };
  return {
    byRegion: split(
      REGIONS,
      (v) => v.region,
      (p) => p.region,
    ),
    byRto: split<RtoCode | 'none'>(
      [...RTO_CODES, 'none'],
      (v) => v.onBehalfOf ?? 'none',
      (p) => p.rto ?? 'none',
    ),
    byDelegation: split(
      null,
      (v) => v.delegation,
      (p) => p.delegation,
    ),
  };
}

/** A record from its items, interventions outside the agenda and attendance; the rest computed. */
function assemble(
  meeting: MeetingRecord['meeting'],
  items: RecordItem[],
  outsideAgenda: RecordIntervention[],
  participants: AttendanceRow[],
  unlinkedProposals: RecordProposal[] = [],
): MeetingRecord {
  const all = [...items.flatMap((i) => i.interventions), ...outsideAgenda];
  const counted = participants.filter((r) => !r.removed || r.sessions.length > 0);
  return {
    meeting,
    items,
    outsideAgenda,
    unlinkedProposals,
    attendance: {
      participants,
      byRegion: counts(participants, REGIONS, (r) => r.person.region),
      byRto: counts<RtoCode | 'none'>(participants, [...RTO_CODES, 'none'], (r) => r.person.rto ?? 'none'),
      byCategory: counts(participants, CATEGORIES, (r) => r.person.category),
      totals: { registered: counted.length, attended: counted.filter((r) => r.sessions.length > 0).length },
    },
    speakingTime: {
      totalSeconds: all.reduce((sum, v) => sum + v.durationSeconds, 0),
      meeting: shares(all, participants),
      perItem: items.map((i) => ({ itemId: i.itemId, ...shares(i.interventions, participants) })),
    },
  };
}

const ALL_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A text never agreed paragraph by paragraph. */
const NO_CONSENSUS: ProposalConsensus = { checks: [], statuses: [], revisions: [], links: [] };

/**
 * AFCP/31/1 agreed paragraph by paragraph: Kenya's statement linked to paragraph 1; paragraph 1
 * agreed ad referendum by Kenya; a first check on paragraphs 1–2 (France objected and withdrew,
 * Egypt's objection stood at the deadline); a second on paragraph 2 the chair closed early with no
 * objection; Rev.1 published with its statuses.
 */
function afcpConsensus(kenyaStatement: InterventionId): ProposalConsensus {
  const P = PEOPLE;
  return {
    checks: [
      {
        checkId: asId('k_1'),
        procedure: 'room',
        paragraphs: [1, 2],
        askedBy: P.chair,
        askedAt: at('14:05:00'),
        endsAt: at('14:05:20'),
        objections: [
          {
            delegation: 'France',
            by: P.france,
            reason: '',
            at: at('14:05:04'),
            withdrawnAt: at('14:05:11'),
            withdrawnBy: P.france,
          },
          {
            delegation: 'Egypt',
            by: P.egypt,
            reason: 'Paragraph 2 must keep “[in consultation with the regions]”',
            at: at('14:05:09'),
            withdrawnAt: null,
            withdrawnBy: null,
          },
        ],
        result: {
          outcome: 'objected',
          closedAt: at('14:05:20'),
          appliedAt: at('14:05:20'),
          appliedLate: false,
          closedBy: null,
          early: false,
          objectedBy: ['Egypt'],
        },
      },
      {
        checkId: asId<CheckId>('k_2'),
        procedure: 'room',
        paragraphs: [2],
        askedBy: P.chair,
        askedAt: at('14:15:00'),
        endsAt: at('14:15:30'),
        objections: [],
        result: {
          outcome: 'agreed',
          closedAt: at('14:15:12'),
          appliedAt: at('14:15:12'),
          appliedLate: false,
          closedBy: P.chair,
          early: true,
          objectedBy: [],
        },
      },
    ],
    statuses: [
      {
        paragraph: 1,
        paragraphId: 'b1',
        status: 'ad-referendum',
        delegations: ['Kenya'],
        by: P.bdt,
        at: at('14:13:00'),
        checkId: null,
      },
      {
        paragraph: 2,
        paragraphId: 'b2',
        status: 'agreed',
        delegations: [],
        by: P.chair,
        at: at('14:15:12'),
        checkId: asId<CheckId>('k_2'),
      },
    ],
    revisions: [
      {
        number: 1,
        symbol: 'AFCP/31/1/Rev.1',
        versionId: 'v_rev1_x_afcp',
        publishedAt: at('14:24:00'),
        publishedBy: P.bdt,
        paragraphs: 3,
        counts: { open: 1, 'ad-referendum': 1, agreed: 1 },
      },
    ],
    links: [
      {
        linkId: asId('l_1'),
        paragraph: 1,
        paragraphId: 'b1',
        delegation: 'Kenya',
        speaker: P.kenya,
        note: 'proposed to add “in consultation with the regions”',
        at: at('14:10:00'),
        by: P.bdt,
        requestId: asId('r_40'),
        interventionId: kenyaStatement,
      },
    ],
  };
}

/**
 * The draft report, under no item: a silence procedure on its paragraphs 1–4 open until 21 July,
 * with China's objection standing.
 */
function draftReport(): RecordProposal {
  const P = PEOPLE;
  return {
    proposalId: asId<ProposalId>('x_report'),
    symbol: 'IRM-1/5',
    title: 'Draft report of IRM-1',
    submittedBy: 'Secretariat',
    status: 'under-consideration',
    locked: false,
    createdAt: at('14:55:00'),
    history: [],
    consensus: {
      ...NO_CONSENSUS,
      checks: [
        {
          checkId: asId('k_3'),
          procedure: 'silence',
          paragraphs: [1, 2, 3, 4],
          askedBy: P.chair,
          askedAt: at('15:00:00'),
          endsAt: at('18:00:00', '2025-07-21'),
          objections: [
            {
              delegation: 'China',
              by: P.china,
              reason: '',
              at: at('15:06:00'),
              withdrawnAt: null,
              withdrawnBy: null,
            },
          ],
          result: null,
        },
      ],
    },
  };
}

/**
 * IRM-1's first afternoon, closed at 15:10: the agenda adopted; the six RTOs' reports, over plan,
 * with ATU's and LAS's spokespersons speaking on behalf of their RTOs, CEPT's report suspended by
 * Egypt's point of order and resumed, a right of reply, and Brazil given the floor by telephone
 * (not connected); Resolution 31 deferred with three proposals (one agreed and locked, one
 * withdrawn); any other business deferred until after the break, then taken up and concluded; the
 * next meeting's date not yet taken up. Kenya's delegate dropped and came back; Kazakhstan's never
 * connected; a duplicate registration was removed; the secretariat was still connected when the
 * log ends. Names in Latin, Arabic, Chinese and Cyrillic script.
 */
export function irmRecord(): MeetingRecord {
  const P = PEOPLE;
  const asOf = at('15:12:00');
  const kenyaOn31 = intervention(P.kenya, 'speak', [[at('14:09:00'), at('14:12:40')]], 180);
  const items: RecordItem[] = [
    item('i_1', {
      number: '1',
      title: 'Opening of the meeting and adoption of the agenda',
      status: 'concluded',
      plannedMinutes: 10,
      outcome: 'The agenda was adopted as contained in Document IRM-1/1.',
      sessions: [{ openedAt: at('13:02:00'), endedAt: at('13:09:30'), ended: 'concluded' }],
      documents: [
        {
          symbol: 'IRM-1/1',
          title: 'Draft agenda',
          url: 'https://www.itu.int/md/D22-IRM1-C-0001/en',
          languages: [...ALL_LANGUAGES],
        },
      ],
      interventions: [intervention(P.bdt, 'speak', [[at('13:03:10'), at('13:06:40')]], 180)],
    }),
    item('i_2', {
      number: '2',
      title: 'Reports of the RTOs on their preparations for WTDC-25',
      status: 'concluded',
      plannedMinutes: 45,
      outcome:
        'The meeting took note of the reports of the RTOs.\n' +
        'The Chair invited the RTOs to submit their common proposals by 15 September 2025.',
      sessions: [{ openedAt: at('13:09:30'), endedAt: at('14:02:00'), ended: 'concluded' }],
      documents: [
        {
          symbol: 'IRM-1/2',
          title: 'Reports of the RTOs',
          url: 'https://www.itu.int/md/D22-IRM1-C-0002/en',
          languages: ['en', 'fr', 'es'],
        },
      ],
      interventions: [
        intervention(P.atu, 'speak', [[at('13:10:00'), at('13:15:20')]], 300, { onBehalfOf: 'ATU' }),
        intervention(P.apt, 'speak', [[at('13:15:40'), at('13:20:10')]], 300, { onBehalfOf: 'APT' }),
        intervention(
          P.cept,
          'speak',
          [
            [at('13:20:30'), at('13:22:10')],
            [at('13:24:40'), at('13:27:40')],
          ],
          300,
          { onBehalfOf: 'CEPT' },
        ),
        intervention(P.egypt, 'point_of_order', [[at('13:22:15'), at('13:24:30')]], 120),
        intervention(P.las, 'speak', [[at('13:28:00'), at('13:33:00')]], 300, { onBehalfOf: 'LAS' }),
        intervention(P.kenya, 'speak', [[at('13:34:00'), at('13:36:30')]], 180),
        intervention(P.france, 'reply', [[at('13:37:00'), at('13:38:10')]], 120),
        intervention(P.china, 'speak', [[at('13:40:00'), at('13:42:45')]], 180),
        intervention(P.brazil, 'speak', [[at('13:43:00'), at('13:45:00')]], 180, { offline: true }),
      ],
    }),
    item('i_3', {
      number: '3',
      title: 'Draft revision of Resolution 31 (Rev. Kigali, 2022)',
      status: 'deferred',
      plannedMinutes: 60,
      outcome: '',
      sessions: [{ openedAt: at('14:02:00'), endedAt: at('14:30:00'), ended: 'deferred' }],
      documents: [],
      interventions: [
        intervention(P.russia, 'speak', [[at('14:05:00'), at('14:08:00')]], 180),
        kenyaOn31,
        intervention(P.lagos, 'speak', [[at('14:13:00'), at('14:15:00')]], 180),
      ],
      proposals: [
        {
          proposalId: asId<ProposalId>('x_acp'),
          symbol: 'ACP/67A1/1',
          title: 'MOD Resolution 31: regional preparations for WTDC',
          submittedBy: 'APT',
          status: 'under-consideration',
          locked: false,
          createdAt: at('09:00:00', '2025-07-10'),
          history: [
            { at: at('09:00:00', '2025-07-10'), change: 'status', status: 'draft' },
            { at: at('14:03:00'), change: 'status', status: 'under-consideration' },
          ],
          consensus: NO_CONSENSUS,
        },
        {
          proposalId: asId<ProposalId>('x_afcp'),
          symbol: 'AFCP/31/1',
          title: 'African common proposal on Resolution 31',
          submittedBy: 'ATU',
          status: 'agreed',
          locked: true,
          createdAt: at('10:30:00', '2025-07-11'),
          history: [
            { at: at('14:03:30'), change: 'status', status: 'under-consideration' },
            { at: at('14:20:00'), change: 'locked' },
            { at: at('14:21:00'), change: 'unlocked' },
            { at: at('14:25:00'), change: 'status', status: 'agreed' },
            { at: at('14:26:00'), change: 'locked' },
          ],
          consensus: afcpConsensus(kenyaOn31.interventionId),
        },
        {
          proposalId: asId<ProposalId>('x_ecp'),
          symbol: 'ECP/31/1',
          title: 'European common proposal: SUP resolves 3',
          submittedBy: 'CEPT',
          status: 'withdrawn',
          locked: false,
          createdAt: at('11:00:00', '2025-07-11'),
          history: [{ at: at('14:28:00'), change: 'status', status: 'withdrawn' }],
          consensus: NO_CONSENSUS,
        },
      ],
    }),
    item('i_4', {
      number: '4',
      title: 'Any other business',
      status: 'concluded',
      plannedMinutes: 10,
      outcome: 'The meeting noted the information provided by GSMA on its youth initiative.',
      deferredWhilePending: [at('14:31:00')],
      sessions: [{ openedAt: at('14:50:00'), endedAt: at('15:05:00'), ended: 'concluded' }],
      interventions: [intervention(P.gsma, 'speak', [[at('14:52:00'), at('14:55:00')]], 180)],
    }),
    item('i_5', {
      number: '5',
      title: 'Date and place of the next meeting',
      status: 'pending',
      plannedMinutes: 5,
      outcome: '',
    }),
  ];
  const outsideAgenda = [intervention(P.bdt, 'speak', [[at('13:00:30'), at('13:01:30')]], 180)];
  const late = at('15:10:30');
  const participants: AttendanceRow[] = [
    attendee(P.chair, [[at('12:50:00'), at('15:11:00')]], asOf),
    attendee(P.viceAtu, [[at('12:56:00'), late]], asOf),
    attendee(P.atu, [[at('12:57:00'), late]], asOf),
    attendee(P.apt, [[at('12:58:10'), late]], asOf),
    attendee(P.cept, [[at('12:59:00'), late]], asOf),
    attendee(P.las, [[at('12:58:40'), late]], asOf),
    attendee(P.bdt, [[at('12:45:00'), null]], asOf),
    attendee(
      P.kenya,
      [
        [at('12:55:00'), at('13:50:10')],
        [at('13:52:40'), late],
      ],
      asOf,
    ),
    attendee(P.egypt, [[at('12:59:30'), late]], asOf),
    attendee(P.china, [[at('13:01:00'), late]], asOf),
    attendee(P.brazil, [[at('13:50:00'), at('15:05:00')]], asOf),
    attendee(P.france, [[at('13:00:00'), late]], asOf),
    attendee(P.russia, [[at('13:00:20'), late]], asOf),
    attendee(P.gsma, [[at('13:05:00'), late]], asOf),
    attendee(P.lagos, [[at('13:06:00'), at('14:40:00')]], asOf),
    attendee(P.youth, [[at('13:00:00'), at('14:35:00')]], asOf),
    attendee(P.kazakhstan, [], asOf),
    attendee(P.duplicate, [], asOf, at('12:40:00')),
  ];
  return assemble(
    {
      id: asId('m_irm1'),
      title: 'IRM-1 for WTDC-25',
      timezone: 'Europe/Zurich',
      status: 'closed',
      archived: false,
      startsAt: at('13:00:00'),
      endsAt: at('16:00:00'),
      openedAt: at('13:00:00'),
      closedAt: at('15:10:00'),
      suspensions: [{ from: at('14:35:00'), to: at('14:50:00') }],
      asOf,
      lastSeq: 512,
      chair: P.chair,
    },
    items,
    outsideAgenda,
    participants,
    [draftReport()],
  );
}

/**
 * IRM-1 over two days: Resolution 31, deferred on the first afternoon, taken up again the next
 * morning and concluded, with Egypt's statement that morning suspended by a point of order of
 * France and resumed; Kenya's delegate connected again the second morning, when the log ends.
 */
export function twoDayRecord(): MeetingRecord {
  const P = PEOPLE;
  const first = irmRecord();
  const nextDay = (time: string) => at(time, '2025-07-15');
  const asOf = nextDay('09:50:00');
  const items = first.items.map((it) =>
    it.number !== '3'
      ? it
      : item('i_3', {
          ...it,
          status: 'concluded',
          outcome: 'The meeting agreed to forward the African common proposal to WTDC-25.',
          sessions: [
            ...it.sessions,
            { openedAt: nextDay('09:00:00'), endedAt: nextDay('09:40:00'), ended: 'concluded' },
          ],
          interventions: [
            ...it.interventions,
            intervention(
              P.egypt,
              'speak',
              [
                [nextDay('09:05:00'), nextDay('09:07:00')],
                [nextDay('09:08:00'), nextDay('09:09:30')],
              ],
              180,
            ),
            intervention(P.france, 'point_of_order', [[nextDay('09:07:05'), nextDay('09:07:50')]], 120),
          ],
        }),
  );
  const participants = first.attendance.participants.map((row) => {
    const sessions: [ZonedTime, ZonedTime | null][] = row.sessions.map((s) => [s.joinedAt, s.leftAt]);
    if (row.person.participantId === P.kenya.participantId) sessions.push([nextDay('08:55:00'), null]);
    return attendee(row.person, sessions, asOf, row.removedAt);
  });
  return assemble(
    { ...first.meeting, status: 'open', asOf, lastSeq: 640 },
    items,
    first.outsideAgenda,
    participants,
  );
}

/**
 * `irmRecord()` with CEPT's report 23 s long, spoken as 11.4 s (13:20:30.4–13:20:41.8) and 11.6 s
 * (13:24:40.3–13:24:51.9): its times, to the second, are 12 s apart each, its parts' seconds 11
 * and 12, which add up to its duration (shared/domain/floor.ts `partSeconds`). Only the
 * interventions are changed: the speaking time is as in `irmRecord()`.
 */
export function roundedPartsRecord(): MeetingRecord {
  const record = irmRecord();
  const cept = record.items[1]!.interventions.find(
    (v) => v.speaker.participantId === PEOPLE.cept.participantId,
  )!;
  cept.parts = [
    { startedAt: at('13:20:30'), endedAt: at('13:20:42'), seconds: 11 },
    { startedAt: at('13:24:40'), endedAt: at('13:24:52'), seconds: 12 },
  ];
  cept.endedAt = at('13:24:52');
  cept.durationSeconds = 23;
  cept.overrunSeconds = 0;
  return record;
}

const REGIONS_WITH_RTO: [Region, RtoCode][] = [
  ['AFR', 'ATU'],
  ['ASP', 'APT'],
  ['EUR', 'CEPT'],
  ['AMS', 'CITEL'],
  ['ARB', 'LAS'],
  ['CIS', 'RCC'],
];

/**
 * A record the size of a long meeting: `participants` people in 190 delegations, each connected
 * twice, and `interventions` interventions over 40 items, every tenth one suspended and resumed.
 */
export function largeRecord({ interventions = 5000, participants = 2000 } = {}): MeetingRecord {
  const day = (n: number) => `2025-07-${String(14 + Math.floor(n / 86_400)).padStart(2, '0')}`;
  const clockAt = (offsetSeconds: number) => {
    const s = 11 * 3600 + offsetSeconds; // from 11:00 UTC, 13:00 in Geneva
    const inDay = s % 86_400;
    const hh = String(Math.floor(inDay / 3600)).padStart(2, '0');
    const mm = String(Math.floor((inDay % 3600) / 60)).padStart(2, '0');
    const ss = String(inDay % 60).padStart(2, '0');
    return `${day(s)}T${hh}:${mm}:${ss}+00:00`;
  };
  const people = Array.from({ length: participants }, (_, i) => {
    const [region, rto] = REGIONS_WITH_RTO[i % REGIONS_WITH_RTO.length]!;
    return person(
      `p_${i}`,
      `Delegate ${i}`,
      `Delegation ${i % 190}`,
      'delegate',
      'member-state',
      region,
      i % 50 === 0 ? rto : null,
    );
  });
  const itemCount = 40;
  const perItem = Math.ceil(interventions / itemCount);
  const items: RecordItem[] = [];
  let t = 0;
  for (let n = 0; n < itemCount; n++) {
    const opened = t;
    const list: RecordIntervention[] = [];
    for (let k = 0; k < perItem && n * perItem + k < interventions; k++) {
      const speaker = people[(n * perItem + k) % people.length]!;
      const parts: [ZonedTime, ZonedTime][] =
        k % 10 === 0
          ? [
              [clockAt(t), clockAt(t + 60)],
              [clockAt(t + 120), clockAt(t + 200)],
            ]
          : [[clockAt(t), clockAt(t + 150)]];
      list.push(
        intervention(
          speaker,
          k % 25 === 0 ? 'reply' : 'speak',
          parts,
          180,
          speaker.rto ? { onBehalfOf: speaker.rto } : {},
        ),
      );
      t += 210;
    }
    items.push(
      item(`i_${n}`, {
        number: String(n + 1),
        title: `Agenda item ${n + 1}`,
        status: 'concluded',
        plannedMinutes: 60,
        outcome: `Outcome of item ${n + 1}.`,
        sessions: [{ openedAt: clockAt(opened), endedAt: clockAt(t), ended: 'concluded' }],
        interventions: list,
      }),
    );
    t += 60;
  }
  const asOf = clockAt(t);
  const rows = people.map((p, i) =>
    attendee(
      p,
      [
        [clockAt(i), clockAt(3600 + i)],
        [clockAt(4000 + i), null],
      ],
      asOf,
    ),
  );
  return assemble(
    {
      id: asId('m_large'),
      title: 'A long meeting',
      timezone: 'UTC',
      status: 'open',
      archived: false,
      startsAt: clockAt(0),
      endsAt: null,
      openedAt: clockAt(0),
      closedAt: null,
      suspensions: [],
      asOf,
      lastSeq: interventions * 4 + participants * 3,
      chair: null,
    },
    items,
    [],
    rows,
  );
}

/** A meeting title made to break a Markdown table and inject HTML and a link. */
export const HOSTILE_TITLE = '| <img src=x> [a](javascript:x)';
/** A name made to run as a formula in a spreadsheet. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","x")';

/**
 * `irmRecord()` with text typed to break each format: Markdown markup and HTML in titles, block
 * markers at the start of an outcome's lines, a formula as a delegate's name, a cell separator and
 * a line break in a delegation, characters XML cannot hold. A copy: the fixture's people are shared.
 */
export function hostileRecord(): MeetingRecord {
  const record = structuredClone(irmRecord());
  record.meeting.title = HOSTILE_TITLE;
  const [opening, reports] = record.items;
  opening!.title = 'Opening\u0000 of the meeting\u0007 and adoption of the agenda';
  reports!.title = '**Bold** _it_ `code` <script>alert(1)</script> ~~gone~~ $x$ &amp; #';
  reports!.outcome = '# Not a heading\n- not a list\n1. not numbered\n> not a quote\n<b>no html</b>';
  // Clones keep shared references: the speaker and the attendance row are one object here too.
  const kenya = record.attendance.participants.find(
    (r) => r.person.participantId === PEOPLE.kenya.participantId,
  )!;
  kenya.person.name = FORMULA_NAME;
  kenya.person.delegation = 'Kenya | Nairobi\nsecond line';
  for (const v of reports!.interventions)
    if (v.speaker.participantId === PEOPLE.kenya.participantId) v.delegation = kenya.person.delegation;
  const france = record.attendance.participants.find(
    (r) => r.person.participantId === PEOPLE.france.participantId,
  )!;
  france.person.name = '+cmd|" /C calc"!A0';
  return record;
}
