/**
 * A hand-written record of the first virtual Inter-Regional Meeting for WTDC-25, for the summary's
 * tests (and whoever wants to read a draft): two afternoons in Geneva time, chaired by the WTDC-25
 * Chair-designate; RTO spokespersons, one registered under a Member State (Kenya, on behalf of
 * ATU) and others under the RTO's own name; a point of order that suspended a speaker, a right of
 * reply, an item deferred and taken up again the next day, one deferred for good, one deferred
 * before it was taken up and still open at the close, and three never taken up; proposals with
 * their status history; a participant who dropped and came back, one who never connected; names in
 * Latin, Arabic, Chinese and Cyrillic script. Written by hand, not folded from a log, so it does
 * not depend on the fold.
 */
import {
  type AgendaDocument,
  type AttendanceCount,
  type AttendanceRow,
  asId,
  CATEGORIES,
  type FloorKind,
  type InterventionId,
  type ItemId,
  type ItemSessionEnd,
  type MeetingId,
  type MeetingRecord,
  type ParticipantId,
  type ProposalChange,
  type ProposalId,
  type ProposalStatus,
  REGIONS,
  type RecordIntervention,
  type RecordItem,
  type RecordPerson,
  type RecordProposal,
  RTO_CODES,
  type RtoCode,
  type SpeakingShare,
  type SpeakingShares,
  type ZonedTime,
} from '../../../shared';

/** A time on 14 or 15 July 2025 in Geneva (CEST, UTC+02:00). */
const at = (day: 14 | 15, hhmmss: string): ZonedTime => `2025-07-${day}T${hhmmss}+02:00`;
const seconds = (from: ZonedTime, to: ZonedTime) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

const person = (
  id: string,
  name: string,
  delegation: string,
  role: RecordPerson['role'],
  category: RecordPerson['category'],
  region: RecordPerson['region'],
  rto: RtoCode | null = null,
): RecordPerson => ({
  participantId: asId<ParticipantId>(id),
  name,
  delegation,
  role,
  category,
  region,
  rto,
});

/** The participants, by a short name. */
const PEOPLE = {
  chair: person(
    'p_chair',
    'Leyla Hasanova',
    'WTDC-25 Chair-designate (Azerbaijan)',
    'chair',
    'member-state',
    'CIS',
  ),
  bdt: person('p_bdt', 'Marta Ruiz', 'BDT', 'secretariat', 'bdt', 'none'),
  atu: person('p_atu', 'Grace Wanjiru', 'Kenya', 'spokesperson', 'member-state', 'AFR', 'ATU'),
  apt: person('p_apt', 'Nguyễn Văn An', 'APT', 'spokesperson', 'rto', 'ASP', 'APT'),
  cept: person('p_cept', 'Gábor Kovács', 'CEPT', 'spokesperson', 'rto', 'EUR', 'CEPT'),
  citel: person('p_citel', 'María José Benítez', 'CITEL', 'spokesperson', 'rto', 'AMS', 'CITEL'),
  las: person('p_las', 'خالد العتيبي', 'Saudi Arabia', 'spokesperson', 'member-state', 'ARB', 'LAS'),
  rcc: person('p_rcc', 'Айбек Джумабеков', 'Kyrgyzstan', 'spokesperson', 'member-state', 'CIS', 'RCC'),
  egypt: person('p_egypt', 'أحمد حسن', 'Egypt', 'delegate', 'member-state', 'ARB'),
  egyptAdviser: person('p_egypt_2', 'منى عبد الله', 'Egypt', 'delegate', 'member-state', 'ARB'),
  china: person('p_china', '王丽', 'China', 'delegate', 'member-state', 'ASP'),
  france: person('p_france', 'Claire Martin', 'France', 'delegate', 'member-state', 'EUR'),
  russia: person('p_russia', 'Ирина Смирнова', 'Russian Federation', 'delegate', 'member-state', 'CIS'),
  nigeria: person('p_nigeria', 'Chinedu Okafor', 'Nigeria', 'delegate', 'member-state', 'AFR'),
  brazil: person('p_brazil', 'João Pereira', 'Brazil', 'delegate', 'member-state', 'AMS'),
  operator: person(
    'p_operator',
    'Sofia Lindqvist',
    'A telecommunication operator (Sector Member)',
    'delegate',
    'sector-member',
    'none',
  ),
  youth: person('p_youth', 'Amara Nwosu', 'Youth representative', 'observer', 'observer', 'none'),
  uruguay: person('p_uruguay', 'Tomás Ortega', 'Uruguay', 'delegate', 'member-state', 'AMS'),
} as const;

let serial = 0;

/** An intervention of `who`, in one part or several (suspended by a point of order, then resumed). */
function spoke(
  who: RecordPerson,
  kind: FloorKind,
  parts: [ZonedTime, ZonedTime][],
  limitSeconds = 180,
): RecordIntervention {
  const durationSeconds = parts.reduce((sum, [from, to]) => sum + seconds(from, to), 0);
  serial++;
  return {
    interventionId: asId<InterventionId>(`v_${serial}`),
    speaker: who,
    delegation: who.delegation,
    region: who.region,
    onBehalfOf: who.role === 'spokesperson' ? who.rto : null,
    kind,
    startedAt: parts[0]![0],
    endedAt: parts.at(-1)![1],
    durationSeconds,
    limitSeconds,
    overrunSeconds: Math.max(0, durationSeconds - limitSeconds),
    parts: parts.map(([startedAt, endedAt]) => ({
      startedAt,
      endedAt,
      seconds: seconds(startedAt, endedAt),
    })),
    suspended: parts.length > 1,
    endedWhileSuspended: false,
    offline: false,
  };
}

const speech = (who: RecordPerson, day: 14 | 15, from: string, to: string, limitSeconds = 180) =>
  spoke(who, 'speak', [[at(day, from), at(day, to)]], limitSeconds);

function proposal(
  id: string,
  symbol: string,
  title: string,
  submittedBy: string,
  createdAt: ZonedTime,
  history: ProposalChange[],
): RecordProposal {
  const statuses = history.filter(
    (c): c is Extract<ProposalChange, { change: 'status' }> => c.change === 'status',
  );
  const locks = history.filter((c) => c.change !== 'status');
  const status: ProposalStatus = statuses.at(-1)?.status ?? 'draft';
  return {
    proposalId: asId<ProposalId>(id),
    symbol,
    title,
    submittedBy,
    status,
    locked: locks.at(-1)?.change === 'locked',
    createdAt,
    history,
    consensus: { checks: [], statuses: [], revisions: [], links: [] },
  };
}

const doc = (symbol: string, title: string): AgendaDocument => ({
  symbol,
  title,
  url: `https://www.itu.int/md/D22-IRM1-C-${symbol.split('/').at(-1)}/en`,
  languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
});

function item(
  n: string,
  title: string,
  plannedMinutes: number,
  sessions: { openedAt: ZonedTime; endedAt: ZonedTime | null; ended: ItemSessionEnd | null }[],
  more: Partial<Pick<RecordItem, 'outcome' | 'documents' | 'interventions' | 'proposals'>> & {
    /** Deferrals while the item was pending (those that end a session are the sessions'). */
    deferredWhilePending?: ZonedTime[];
  } = {},
): RecordItem {
  const last = sessions.at(-1);
  const status: RecordItem['status'] = !last
    ? 'pending'
    : last.ended === null
      ? 'open'
      : last.ended === 'left'
        ? 'pending'
        : last.ended;
  const spentSeconds = sessions.reduce((sum, s) => sum + seconds(s.openedAt, s.endedAt ?? MEETING_CLOSED), 0);
  const interventions = more.interventions ?? [];
  const concluded = sessions.filter((s) => s.ended === 'concluded').at(-1);
  const deferredAt = [
    ...sessions.flatMap((s) => (s.ended === 'deferred' && s.endedAt ? [s.endedAt] : [])),
    ...(more.deferredWhilePending ?? []),
  ].sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    itemId: asId<ItemId>(`i_${n}`),
    number: n,
    title,
    status,
    plannedMinutes,
    spentSeconds,
    overPlan: spentSeconds > plannedMinutes * 60,
    outcome: more.outcome ?? '',
    sessions,
    openedAt: sessions[0]?.openedAt ?? null,
    concludedAt: concluded?.endedAt ?? null,
    deferredAt,
    documents: more.documents ?? [],
    interventions,
    pointsOfOrder: interventions.filter((i) => i.kind === 'point_of_order').length,
    replies: interventions.filter((i) => i.kind === 'reply').length,
    proposals: more.proposals ?? [],
  };
}

const MEETING_CLOSED = at(15, '16:05:00');
const P = PEOPLE;

/** Item 4's speaker from CEPT, suspended by the Russian Federation's point of order, then resumed. */
const ceptSuspended = spoke(P.cept, 'speak', [
  [at(14, '13:45:00'), at(14, '13:47:10')],
  [at(14, '13:49:30'), at(14, '13:51:00')],
]);
const pointOfOrder = spoke(P.russia, 'point_of_order', [[at(14, '13:47:10'), at(14, '13:49:30')]], 300);

const ITEMS: RecordItem[] = [
  item(
    '1',
    'Opening of the meeting',
    10,
    [{ openedAt: at(14, '13:00:00'), endedAt: at(14, '13:12:00'), ended: 'concluded' }],
    {
      interventions: [speech(P.bdt, 14, '13:02:00', '13:08:30', 600)],
    },
  ),
  item(
    '2',
    'Adoption of the agenda',
    5,
    [{ openedAt: at(14, '13:12:00'), endedAt: at(14, '13:16:00'), ended: 'concluded' }],
    {
      documents: [doc('IRM-1/1(Rev.1)', 'Draft agenda')],
      outcome: 'The agenda was adopted as contained in Document IRM-1/1(Rev.1).',
    },
  ),
  item(
    '3',
    'Update from BDT on the preparations for WTDC-25 (Baku, 17-28 November 2025)',
    15,
    [{ openedAt: at(14, '13:16:00'), endedAt: at(14, '13:35:00'), ended: 'concluded' }],
    {
      documents: [
        doc('IRM-1/3', 'Preparations for WTDC-25: report by the Telecommunication Development Bureau'),
      ],
      interventions: [
        speech(P.bdt, 14, '13:17:00', '13:27:00', 600),
        speech(P.egypt, 14, '13:28:00', '13:31:00'),
        speech(P.china, 14, '13:31:10', '13:34:00'),
      ],
      outcome: 'The meeting took note of Document IRM-1/3.',
    },
  ),
  item(
    '4',
    'Outcomes of the six Regional Preparatory Meetings (RPM-ARB, RPM-EUR, RPM-ASP, RPM-AMS, RPM-AFR, RPM-CIS)',
    30,
    [{ openedAt: at(14, '13:35:00'), endedAt: at(14, '15:20:00'), ended: 'concluded' }],
    {
      documents: [
        doc('IRM-1/4', 'Summary of the outcomes of the six Regional Preparatory Meetings'),
        doc('IRM-1/5', 'Regional initiatives adopted by the Regional Preparatory Meetings'),
      ],
      proposals: [
        proposal(
          'x_acp',
          'ACP/67A1/1',
          'Modification of Resolution 37: Bridging the digital divide',
          'APT',
          at(14, '13:36:00'),
          [
            { at: at(14, '13:40:00'), change: 'status', status: 'under-consideration' },
            { at: at(14, '15:10:00'), change: 'locked' },
            { at: at(14, '15:15:00'), change: 'status', status: 'agreed' },
          ],
        ),
        proposal(
          'x_afcp',
          'AFCP/4/1',
          'Draft new Resolution on digital skills for youth',
          'ATU',
          at(14, '13:36:30'),
          [{ at: at(14, '13:41:00'), change: 'status', status: 'under-consideration' }],
        ),
        proposal('x_ecp', 'ECP/EUR/2', 'Modification of Resolution 17', 'CEPT', at(14, '13:37:00'), [
          { at: at(14, '13:44:00'), change: 'status', status: 'under-consideration' },
          { at: at(14, '15:00:00'), change: 'status', status: 'withdrawn' },
        ]),
      ],
      interventions: [
        speech(P.atu, 14, '13:37:00', '13:41:00'),
        speech(P.apt, 14, '13:41:00', '13:45:00'),
        ceptSuspended,
        pointOfOrder,
        speech(P.france, 14, '13:52:00', '13:55:00'),
        speech(P.egypt, 14, '13:55:00', '13:58:20'),
        speech(P.las, 14, '13:58:20', '14:02:00'),
        speech(P.brazil, 14, '14:02:00', '14:05:00'),
        speech(P.nigeria, 14, '14:05:00', '14:08:00'),
        speech(P.russia, 14, '14:08:00', '14:11:00'),
        spoke(P.france, 'reply', [[at(14, '14:11:00'), at(14, '14:13:00')]], 120),
        speech(P.atu, 14, '14:13:00', '14:15:00'),
        speech(P.operator, 14, '14:15:00', '14:17:00'),
      ].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
      outcome:
        'The meeting took note of the outcomes of the six Regional Preparatory Meetings as presented in Document IRM-1/4.\n\n' +
        'It agreed to forward the common elements identified to the TDAG Working Group on Resolutions, Declaration and ' +
        'Thematic Priorities (TDAG-WG-RDTP), and invited the RTOs to continue their coordination.',
    },
  ),
  item(
    '5',
    'Update on the preparation of the RTOs (APT, ATU, CEPT, CITEL, LAS, RCC, in turn)',
    40,
    [
      { openedAt: at(14, '15:20:00'), endedAt: at(14, '15:50:00'), ended: 'deferred' },
      { openedAt: at(15, '13:02:00'), endedAt: at(15, '13:40:00'), ended: 'concluded' },
    ],
    {
      interventions: [
        speech(P.apt, 14, '15:22:00', '15:30:00', 480),
        speech(P.atu, 14, '15:30:00', '15:38:00', 480),
        speech(P.cept, 15, '13:03:00', '13:09:00', 480),
        speech(P.las, 15, '13:09:00', '13:15:00', 480),
        speech(P.rcc, 15, '13:15:00', '13:21:00', 480),
        speech(P.citel, 15, '13:21:00', '13:27:00', 480),
      ],
      outcome:
        'The meeting took note of the updates provided by the six RTOs on their preparations for WTDC-25.',
    },
  ),
  item(
    '6',
    'Draft WTDC-25 Declaration: structure and key messages',
    30,
    [{ openedAt: at(15, '13:40:00'), endedAt: at(15, '14:30:00'), ended: 'deferred' }],
    {
      documents: [doc('IRM-1/6', 'Draft WTDC-25 Declaration: structure and key messages')],
      proposals: [
        proposal(
          'x_dt1',
          'IRM1/DT/1',
          'Draft WTDC-25 Declaration (outline)',
          'Chair',
          at(15, '13:41:00'),
          [],
        ),
      ],
      interventions: [
        speech(P.france, 15, '13:42:00', '13:46:00'),
        speech(P.china, 15, '13:46:00', '13:50:00'),
        speech(P.egypt, 15, '13:50:00', '13:54:00'),
      ],
    },
  ),
  item(
    '7',
    'Draft Baku Action Plan: priorities and regional initiatives',
    30,
    [{ openedAt: at(15, '14:30:00'), endedAt: null, ended: null }],
    {
      // Put off to the second afternoon when the first ran late, before it was taken up.
      deferredWhilePending: [at(14, '15:52:00')],
      interventions: [
        speech(P.nigeria, 15, '14:32:00', '14:36:00'),
        speech(P.brazil, 15, '14:36:00', '14:40:00'),
      ],
    },
  ),
  item('8', 'Review of WTDC Resolutions: streamlining proposals', 20, []),
  item('9', 'Any other business', 5, []),
  item('10', 'Closing of the meeting', 5, []),
];

/** Both afternoons, joined a little before the opening; Brazil dropped on the first and came back. */
const ROWS: AttendanceRow[] = Object.values(PEOPLE).map((p) => {
  const sessions: AttendanceRow['sessions'] =
    p === P.uruguay
      ? []
      : p === P.brazil
        ? [
            { joinedAt: at(14, '12:55:00'), leftAt: at(14, '14:21:40') },
            { joinedAt: at(14, '14:24:05'), leftAt: at(14, '16:01:00') },
            { joinedAt: at(15, '12:56:00'), leftAt: MEETING_CLOSED },
          ]
        : [
            { joinedAt: at(14, '12:50:00'), leftAt: at(14, '16:02:00') },
            { joinedAt: at(15, '12:50:00'), leftAt: MEETING_CLOSED },
          ];
  return {
    person: p,
    removed: false,
    removedAt: null,
    sessions,
    totalSeconds: sessions.reduce((sum, s) => sum + seconds(s.joinedAt, s.leftAt ?? MEETING_CLOSED), 0),
  };
});

const countBy = <K extends string>(keys: readonly K[], keyOf: (p: RecordPerson) => K): AttendanceCount<K>[] =>
  keys.map((key) => {
    const rows = ROWS.filter((r) => keyOf(r.person) === key);
    return { key, registered: rows.length, attended: rows.filter((r) => r.sessions.length > 0).length };
  });

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const ATTENDED = ROWS.filter((r) => r.sessions.length > 0);
// Shares of the floor are among those who speak for someone: not the chair, not the secretariat.
const SPEAKING_FOR = ATTENDED.filter((r) => r.person.role !== 'chair' && r.person.role !== 'secretariat');

function sharesOf(spoken: RecordIntervention[]): SpeakingShares {
  const total = spoken.reduce((sum, i) => sum + i.durationSeconds, 0);
  const split = <K extends string>(
    keys: readonly K[],
    keyOf: (i: RecordIntervention) => K,
    present: (p: RecordPerson) => string,
  ): SpeakingShare<K>[] =>
    keys.map((key) => {
      const mine = spoken.filter((i) => keyOf(i) === key);
      const seconds = mine.reduce((sum, i) => sum + i.durationSeconds, 0);
      return {
        key,
        interventions: mine.length,
        seconds,
        speakingShare: share(seconds, total),
        participantShare: share(
          SPEAKING_FOR.filter((r) => present(r.person) === key).length,
          SPEAKING_FOR.length,
        ),
      };
    });
  const delegations = [...new Set(spoken.map((i) => i.delegation))];
  return {
    byRegion: split(
      REGIONS,
      (i) => i.region,
      (p) => p.region,
    ),
    byRto: split(
      [...RTO_CODES, 'none'] as const,
      (i) => i.onBehalfOf ?? 'none',
      (p) => p.rto ?? 'none',
    ),
    byDelegation: split(
      delegations,
      (i) => i.delegation,
      (p) => p.delegation,
    ).sort((a, b) => b.seconds - a.seconds || (a.key < b.key ? -1 : 1)),
  };
}

/** Between the two days' items: the secretariat's announcement before item 5 was taken up again. */
const OUTSIDE_AGENDA = [speech(P.bdt, 15, '13:00:30', '13:02:00', 300)];
const ALL_SPOKEN = [...ITEMS.flatMap((i) => i.interventions), ...OUTSIDE_AGENDA].sort(
  (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt),
);

/** The record of IRM-1 as of its close, on the second afternoon. */
export const IRM1_RECORD: MeetingRecord = {
  meeting: {
    id: asId<MeetingId>('m_irm1'),
    title: 'First Inter-Regional Meeting for WTDC-25 (IRM-1)',
    timezone: 'Europe/Zurich',
    status: 'closed',
    archived: false,
    startsAt: at(14, '13:00:00'),
    endsAt: at(15, '16:00:00'),
    openedAt: at(14, '13:00:00'),
    closedAt: MEETING_CLOSED,
    suspensions: [{ from: at(14, '16:00:00'), to: at(15, '13:00:00') }],
    asOf: MEETING_CLOSED,
    lastSeq: 412,
    chair: P.chair,
  },
  items: ITEMS,
  outsideAgenda: OUTSIDE_AGENDA,
  unlinkedProposals: [],
  attendance: {
    participants: ROWS,
    byRegion: countBy(REGIONS, (p) => p.region),
    byRto: countBy([...RTO_CODES, 'none'] as const, (p) => p.rto ?? 'none'),
    byCategory: countBy(CATEGORIES, (p) => p.category),
    totals: { registered: ROWS.length, attended: ATTENDED.length },
  },
  speakingTime: {
    totalSeconds: ALL_SPOKEN.reduce((sum, i) => sum + i.durationSeconds, 0),
    meeting: sharesOf(ALL_SPOKEN),
    perItem: ITEMS.map((i) => ({ itemId: i.itemId, ...sharesOf(i.interventions) })),
  },
};
