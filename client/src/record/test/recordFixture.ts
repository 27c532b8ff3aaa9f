import {
  asId,
  type CheckId,
  type InterventionId,
  type MeetingRecord,
  type ParticipantId,
  type ProposalConsensus,
  type ProposalId,
  REGIONS,
  type RecordIntervention,
  type RecordPerson,
  type Region,
  RTO_CODES,
  type RtoCode,
  type SpeakingShare,
  type ZonedTime,
} from '../../../../shared';
import { ITEM } from '../../../../shared/domain/fixtures';

/**
 * A hand-written record of the demo IRM (shared/domain/fixtures.ts: same meeting, item ids and
 * zone), as of 15:02:30 on 14 July 2025 in Geneva time (UTC+02:00), with item 3 under consideration:
 * - item 1 concluded with an outcome; item 2 concluded 7 min over its hour, with an ATU spokesperson
 *   speaking on behalf of ATU, Kenya suspended by Brazil's point of order and resuming, and Egypt's
 *   right of reply; item 4 deferred; item 3, deferred at 13:05:30 before it was taken up, with an
 *   agreed, locked text and a withdrawn one;
 * - a secretariat announcement before any item was open;
 * - Kenya's delegate dropped at 13:40 and came back at 13:52; the observer was removed at 14:00; the
 *   CITEL vice-chair never connected;
 * - names in Arabic (LAS, Egypt) and Chinese (China) script.
 */
export function recordFixture(): MeetingRecord {
  return {
    meeting: {
      id: asId('m_irm1'),
      title: 'IRM-1 for WTDC-25',
      timezone: 'Europe/Zurich',
      status: 'open',
      archived: false,
      startsAt: at('13:00'),
      endsAt: at('16:00'),
      openedAt: at('13:00'),
      closedAt: null,
      suspensions: [{ from: at('14:10'), to: at('14:20') }],
      asOf: at('15:02:30'),
      lastSeq: 212,
      chair: PEOPLE.chair,
    },
    items: [
      {
        itemId: ITEM.opening,
        number: '1',
        title: 'Opening and adoption of the agenda',
        status: 'concluded',
        plannedMinutes: 10,
        spentSeconds: 480,
        overPlan: false,
        outcome: 'The meeting adopted the agenda as contained in Document IRM-1/1.',
        sessions: [{ openedAt: at('13:01'), endedAt: at('13:09'), ended: 'concluded' }],
        openedAt: at('13:01'),
        concludedAt: at('13:09'),
        deferredAt: [],
        documents: [],
        interventions: [speech('v_2', PEOPLE.egypt, 'speak', '13:02:00', '13:03:30', 180)],
        pointsOfOrder: 0,
        replies: 0,
        proposals: [],
      },
      {
        itemId: ITEM.rtoReports,
        number: '2',
        title: 'Reports of the RTOs on their preparations',
        status: 'concluded',
        plannedMinutes: 60,
        spentSeconds: 4020,
        overPlan: true,
        outcome: 'The meeting took note of the reports of the six RTOs.',
        sessions: [{ openedAt: at('13:10'), endedAt: at('14:27'), ended: 'concluded' }],
        openedAt: at('13:10'),
        concludedAt: at('14:27'),
        deferredAt: [],
        documents: [],
        interventions: [
          { ...speech('v_3', PEOPLE.atu, 'speak', '13:12:00', '13:17:00', 300), onBehalfOf: 'ATU' },
          { ...speech('v_4', PEOPLE.cept, 'speak', '13:18:00', '13:22:10', 240), onBehalfOf: 'CEPT' },
          suspendedSpeech(),
          speech('v_6', PEOPLE.brazil, 'point_of_order', '13:26:10', '13:27:00', 60),
          speech('v_7', PEOPLE.egypt, 'reply', '13:31:00', '13:32:00', 120),
          speech('v_8', PEOPLE.china, 'speak', '13:33:00', '13:35:30', 180),
        ],
        pointsOfOrder: 1,
        replies: 1,
        proposals: [],
      },
      {
        itemId: ITEM.resolution31,
        number: '3',
        title: 'Draft revision of Resolution 31',
        status: 'open',
        plannedMinutes: 90,
        spentSeconds: 1830,
        overPlan: false,
        outcome: '',
        sessions: [{ openedAt: at('14:32'), endedAt: null, ended: null }],
        openedAt: at('14:32'),
        concludedAt: null,
        // Deferred before it was taken up, while item 1 was under consideration.
        deferredAt: [at('13:05:30')],
        documents: [],
        interventions: [
          { ...speech('v_9', PEOPLE.las, 'speak', '14:34:00', '14:37:00', 180), onBehalfOf: 'LAS' },
          { ...speech('v_10', PEOPLE.japan, 'speak', '14:40:00', '14:42:00', 180), offline: true },
        ],
        pointsOfOrder: 0,
        replies: 0,
        proposals: [
          {
            proposalId: asId<ProposalId>('x_1'),
            symbol: 'IRM-1/3(Rev.1)',
            title: 'Draft revision of Resolution 31: regional preparations for WTDC',
            submittedBy: 'Chair',
            status: 'agreed',
            locked: true,
            createdAt: at('14:33'),
            history: [
              { at: at('14:35'), change: 'status', status: 'under-consideration' },
              { at: at('14:58'), change: 'status', status: 'agreed' },
              { at: at('14:59'), change: 'locked' },
            ],
            consensus: resolutionConsensus(),
          },
          {
            proposalId: asId<ProposalId>('x_2'),
            symbol: 'LAS/31/1',
            title: 'مقترح تعديل على القرار 31',
            submittedBy: 'Arab Group',
            status: 'withdrawn',
            locked: false,
            createdAt: at('14:38'),
            history: [
              { at: at('14:45'), change: 'status', status: 'under-consideration' },
              { at: at('14:50'), change: 'status', status: 'withdrawn' },
            ],
            consensus: NO_CONSENSUS,
          },
        ],
      },
      {
        itemId: ITEM.aob,
        number: '4',
        title: 'Any other business',
        status: 'deferred',
        plannedMinutes: 10,
        spentSeconds: 180,
        overPlan: false,
        outcome: '',
        sessions: [{ openedAt: at('14:28'), endedAt: at('14:31'), ended: 'deferred' }],
        openedAt: at('14:28'),
        concludedAt: null,
        deferredAt: [at('14:31')],
        documents: [],
        interventions: [],
        pointsOfOrder: 0,
        replies: 0,
        proposals: [],
      },
    ],
    outsideAgenda: [speech('v_1', PEOPLE.bdt, 'speak', '13:00:20', '13:00:50', 180)],
    unlinkedProposals: [
      {
        proposalId: asId<ProposalId>('x_3'),
        symbol: 'IRM-1/5',
        title: 'Draft report of IRM-1',
        submittedBy: 'Secretariat',
        status: 'under-consideration',
        locked: false,
        createdAt: at('13:20'),
        history: [],
        consensus: { ...NO_CONSENSUS, checks: [silenceProcedure()] },
      },
    ],
    attendance: {
      participants: [
        row(PEOPLE.chair, [['13:00:00', null]]),
        row(PEOPLE.atu, [['13:00:05', null]]),
        row(PEOPLE.cept, [['13:00:05', null]]),
        row(PEOPLE.las, [['13:00:40', null]]),
        // Dropped and came back.
        row(PEOPLE.kenya, [
          ['13:00:10', '13:40:00'],
          ['13:52:00', null],
        ]),
        row(PEOPLE.brazil, [['13:00:15', null]]),
        row(PEOPLE.egypt, [['13:00:20', null]]),
        row(PEOPLE.china, [['13:01:00', null]]),
        row(PEOPLE.japan, [
          ['13:00:30', '14:38:00'],
          ['14:43:00', null],
        ]),
        row(PEOPLE.bdt, [['12:55:00', null]]),
        { ...row(PEOPLE.observer, [['13:00:00', '14:00:00']]), removed: true, removedAt: at('14:00') },
        row(PEOPLE.viceCitel, []),
      ],
      byRegion: [
        { key: 'ARB', registered: 2, attended: 2 },
        { key: 'EUR', registered: 1, attended: 1 },
        { key: 'ASP', registered: 2, attended: 2 },
        { key: 'AMS', registered: 2, attended: 1 },
        { key: 'AFR', registered: 2, attended: 2 },
        { key: 'CIS', registered: 1, attended: 1 },
        { key: 'none', registered: 2, attended: 2 },
      ],
      byRto: [
        { key: 'APT', registered: 0, attended: 0 },
        { key: 'ATU', registered: 1, attended: 1 },
        { key: 'CEPT', registered: 1, attended: 1 },
        { key: 'CITEL', registered: 1, attended: 0 },
        { key: 'LAS', registered: 1, attended: 1 },
        { key: 'RCC', registered: 0, attended: 0 },
        { key: 'none', registered: 8, attended: 8 },
      ],
      byCategory: [
        { key: 'member-state', registered: 7, attended: 6 },
        { key: 'sector-member', registered: 0, attended: 0 },
        { key: 'associate', registered: 0, attended: 0 },
        { key: 'academia', registered: 0, attended: 0 },
        { key: 'rto', registered: 3, attended: 3 },
        { key: 'bdt', registered: 1, attended: 1 },
        { key: 'observer', registered: 1, attended: 1 },
      ],
      totals: { registered: 12, attended: 11 },
    },
    speakingTime: {
      totalSeconds: 1430,
      meeting: {
        byRegion: regions({
          ARB: [3, 330, 0.2308, 0.1818],
          EUR: [1, 250, 0.1748, 0.0909],
          ASP: [2, 270, 0.1888, 0.1818],
          AMS: [1, 50, 0.035, 0.0909],
          AFR: [2, 500, 0.3497, 0.1818],
          CIS: [0, 0, 0, 0.0909],
          none: [1, 30, 0.021, 0.1818],
        }),
        byRto: rtos({
          ATU: [1, 300, 0.2098, 0.0909],
          CEPT: [1, 250, 0.1748, 0.0909],
          LAS: [1, 180, 0.1259, 0.0909],
          none: [7, 700, 0.4895, 0.7273],
        }),
        byDelegation: [
          share('ATU', [1, 300, 0.2098, 0.0909]),
          share('CEPT', [1, 250, 0.1748, 0.0909]),
          share('Kenya', [1, 200, 0.1399, 0.0909]),
          share('Arab Group', [1, 180, 0.1259, 0.0909]),
          share('China', [1, 150, 0.1049, 0.0909]),
          share('Egypt', [2, 150, 0.1049, 0.0909]),
          share('Japan', [1, 120, 0.0839, 0.0909]),
          share('Brazil', [1, 50, 0.035, 0.0909]),
          share('BDT', [1, 30, 0.021, 0.0909]),
        ],
      },
      perItem: [
        {
          itemId: ITEM.opening,
          byRegion: regions({ ARB: [1, 90, 1, 0.1818] }),
          byRto: rtos({ none: [1, 90, 1, 0.7273] }),
          byDelegation: [share('Egypt', [1, 90, 1, 0.0909])],
        },
        {
          itemId: ITEM.rtoReports,
          byRegion: regions({
            ARB: [1, 60, 0.0594, 0.1818],
            EUR: [1, 250, 0.2475, 0.0909],
            ASP: [1, 150, 0.1485, 0.1818],
            AMS: [1, 50, 0.0495, 0.0909],
            AFR: [2, 500, 0.495, 0.1818],
          }),
          byRto: rtos({
            ATU: [1, 300, 0.297, 0.0909],
            CEPT: [1, 250, 0.2475, 0.0909],
            none: [4, 460, 0.4554, 0.7273],
          }),
          byDelegation: [
            share('ATU', [1, 300, 0.297, 0.0909]),
            share('CEPT', [1, 250, 0.2475, 0.0909]),
            share('Kenya', [1, 200, 0.198, 0.0909]),
            share('China', [1, 150, 0.1485, 0.0909]),
            share('Egypt', [1, 60, 0.0594, 0.0909]),
            share('Brazil', [1, 50, 0.0495, 0.0909]),
          ],
        },
        {
          itemId: ITEM.resolution31,
          byRegion: regions({ ARB: [1, 180, 0.6, 0.1818], ASP: [1, 120, 0.4, 0.1818] }),
          byRto: rtos({ LAS: [1, 180, 0.6, 0.0909], none: [1, 120, 0.4, 0.7273] }),
          byDelegation: [share('Arab Group', [1, 180, 0.6, 0.0909]), share('Japan', [1, 120, 0.4, 0.0909])],
        },
        { itemId: ITEM.aob, byRegion: regions({}), byRto: rtos({}), byDelegation: [] },
      ],
    },
  };
}

const NO_CONSENSUS: ProposalConsensus = { checks: [], statuses: [], revisions: [], links: [] };

/**
 * IRM-1/3(Rev.1) agreed paragraph by paragraph: LAS's statement linked to paragraph 2; Egypt
 * objected to paragraph 2 and withdrew, Japan's objection stood at the end of the window; asked
 * again, the chair closed it early with no objection; paragraph 1 agreed ad referendum by Kenya;
 * Rev.1 published.
 */
function resolutionConsensus(): ProposalConsensus {
  return {
    checks: [
      {
        checkId: asId('k_1'),
        procedure: 'room',
        paragraphs: [2],
        askedBy: PEOPLE.chair,
        askedAt: at('14:50:00'),
        endsAt: at('14:50:20'),
        objections: [
          {
            delegation: 'Egypt',
            by: PEOPLE.egypt,
            reason: '',
            at: at('14:50:05'),
            withdrawnAt: at('14:50:12'),
            withdrawnBy: PEOPLE.egypt,
          },
          {
            delegation: 'Japan',
            by: PEOPLE.japan,
            reason: 'Keep “[regional]” in brackets',
            at: at('14:50:09'),
            withdrawnAt: null,
            withdrawnBy: null,
          },
        ],
        result: {
          outcome: 'objected',
          closedAt: at('14:50:20'),
          appliedAt: at('14:50:20'),
          appliedLate: false,
          closedBy: null,
          early: false,
          objectedBy: ['Japan'],
        },
      },
      {
        checkId: asId<CheckId>('k_2'),
        procedure: 'room',
        paragraphs: [2],
        askedBy: PEOPLE.chair,
        askedAt: at('14:55:00'),
        endsAt: at('14:55:20'),
        objections: [],
        result: {
          outcome: 'agreed',
          closedAt: at('14:55:10'),
          appliedAt: at('14:55:10'),
          appliedLate: false,
          closedBy: PEOPLE.chair,
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
        by: PEOPLE.bdt,
        at: at('14:52:00'),
        checkId: null,
      },
      {
        paragraph: 2,
        paragraphId: 'b2',
        status: 'agreed',
        delegations: [],
        by: PEOPLE.chair,
        at: at('14:55:10'),
        checkId: asId<CheckId>('k_2'),
      },
    ],
    revisions: [
      {
        number: 1,
        symbol: 'IRM-1/3(Rev.1)/Rev.1',
        versionId: 'v_rev1_x_1',
        publishedAt: at('14:57:00'),
        publishedBy: PEOPLE.bdt,
        paragraphs: 2,
        counts: { open: 0, 'ad-referendum': 1, agreed: 1 },
      },
    ],
    links: [
      {
        linkId: asId('l_1'),
        paragraph: 2,
        paragraphId: 'b2',
        delegation: 'Arab Group',
        speaker: PEOPLE.las,
        note: 'proposed to add “regional”',
        at: at('14:35:00'),
        by: PEOPLE.bdt,
        requestId: asId('r_9'),
        interventionId: asId<InterventionId>('v_9'),
      },
    ],
  };
}

/** A silence procedure on the draft report whose deadline passed while the server was down. */
function silenceProcedure(): ProposalConsensus['checks'][number] {
  return {
    checkId: asId('k_3'),
    procedure: 'silence',
    paragraphs: [1, 2, 3],
    askedBy: PEOPLE.chair,
    askedAt: at('13:30:00'),
    endsAt: at('14:30:00'),
    objections: [],
    result: {
      outcome: 'agreed',
      closedAt: at('14:30:00'),
      appliedAt: at('14:45:00'),
      appliedLate: true,
      closedBy: null,
      early: false,
      objectedBy: [],
    },
  };
}

/** A time on 14 July 2025 in Geneva (summer time), as the record writes it. */
export const at = (clock: string): ZonedTime =>
  `2025-07-14T${clock.length === 5 ? `${clock}:00` : clock}+02:00`;

const person = (
  id: string,
  name: string,
  delegation: string,
  role: RecordPerson['role'],
  category: RecordPerson['category'],
  region: Region,
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

/** Who speaks and attends in the fixture (ids of the demo where the demo has them). */
const PEOPLE = {
  chair: person('p_chair', 'Chair-designate', 'Azerbaijan', 'chair', 'member-state', 'CIS'),
  atu: person('p_sp_atu', 'Aminata Diallo', 'ATU', 'spokesperson', 'rto', 'AFR', 'ATU'),
  cept: person('p_sp_cept', 'Henrik Larsen', 'CEPT', 'spokesperson', 'rto', 'EUR', 'CEPT'),
  las: person('p_sp_las', 'ليلى حداد', 'Arab Group', 'spokesperson', 'rto', 'ARB', 'LAS'),
  kenya: person('p_kenya', 'Amina Wanjiru', 'Kenya', 'delegate', 'member-state', 'AFR'),
  brazil: person('p_brazil', 'Ana Souza', 'Brazil', 'delegate', 'member-state', 'AMS'),
  egypt: person('p_egypt', 'عمر الفاروق', 'Egypt', 'delegate', 'member-state', 'ARB'),
  china: person('p_china', '王小明', 'China', 'delegate', 'member-state', 'ASP'),
  japan: person('p_japan', 'Yuki Tanaka', 'Japan', 'delegate', 'member-state', 'ASP'),
  bdt: person('p_bdt', 'BDT secretariat', 'BDT', 'secretariat', 'bdt', 'none'),
  observer: person('p_youth', 'Youth representative', 'Youth representative', 'observer', 'observer', 'none'),
  viceCitel: person('p_vc_citel', 'VC CITEL', 'Mexico', 'vice-chair', 'member-state', 'AMS', 'CITEL'),
} as const;

const seconds = (from: string, to: string) => (Date.parse(at(to)) - Date.parse(at(from))) / 1000;

/** An intervention in one part. */
function speech(
  id: string,
  speaker: RecordPerson,
  kind: RecordIntervention['kind'],
  from: string,
  to: string,
  limitSeconds: number,
): RecordIntervention {
  const durationSeconds = seconds(from, to);
  return {
    interventionId: asId<InterventionId>(id),
    speaker,
    delegation: speaker.delegation,
    region: speaker.region,
    onBehalfOf: null,
    kind,
    startedAt: at(from),
    endedAt: at(to),
    durationSeconds,
    limitSeconds,
    overrunSeconds: Math.max(0, durationSeconds - limitSeconds),
    parts: [{ startedAt: at(from), endedAt: at(to), seconds: durationSeconds }],
    suspended: false,
    endedWhileSuspended: false,
    offline: false,
  };
}

/**
 * Kenya, suspended by Brazil's point of order at 13:26:10.4 and resuming at 13:27:00.2: 1 min 10 s +
 * 2 min 10 s. Each time is written rounded to the second, so the first part's end reads 13:26:11:
 * only the parts' own seconds add up to the 200 s spoken.
 */
function suspendedSpeech(): RecordIntervention {
  return {
    ...speech('v_5', PEOPLE.kenya, 'speak', '13:25:00', '13:29:10', 180),
    durationSeconds: 200,
    overrunSeconds: 20,
    parts: [
      { startedAt: at('13:25:00'), endedAt: at('13:26:11'), seconds: 70 },
      { startedAt: at('13:27:00'), endedAt: at('13:29:10'), seconds: 130 },
    ],
    suspended: true,
  };
}

function row(who: RecordPerson, sessions: [string, string | null][]) {
  const asOf = '15:02:30';
  return {
    person: who,
    removed: false,
    removedAt: null,
    sessions: sessions.map(([joined, left]) => ({ joinedAt: at(joined), leftAt: left ? at(left) : null })),
    totalSeconds: sessions.reduce((sum, [joined, left]) => sum + seconds(joined, left ?? asOf), 0),
  };
}

/** [interventions, seconds, speaking share, participant share]. */
type ShareValues = [number, number, number, number];

const share = <K extends string>(
  key: K,
  [interventions, secs, speakingShare, participantShare]: ShareValues,
) => ({
  key,
  interventions,
  seconds: secs,
  speakingShare,
  participantShare,
});

/** Every region in the model's order; those not given spoke nothing (participant shares as the meeting's). */
function regions(given: Partial<Record<Region, ShareValues>>): SpeakingShare<Region>[] {
  const present: Record<Region, number> = {
    ARB: 0.1818,
    EUR: 0.0909,
    ASP: 0.1818,
    AMS: 0.0909,
    AFR: 0.1818,
    CIS: 0.0909,
    none: 0.1818,
  };
  return REGIONS.map((r) => share(r, given[r] ?? [0, 0, 0, present[r]]));
}

/** Every RTO in the model's order, then `none`. */
function rtos(given: Partial<Record<RtoCode | 'none', ShareValues>>): SpeakingShare<RtoCode | 'none'>[] {
  const present = (key: RtoCode | 'none') =>
    key === 'none' ? 0.7273 : key === 'ATU' || key === 'CEPT' || key === 'LAS' ? 0.0909 : 0;
  return [...RTO_CODES, 'none' as const].map((key) => share(key, given[key] ?? [0, 0, 0, present(key)]));
}
