import { describe, expect, it } from 'vitest';
import { EVENT_VERSION, type StoredEvent } from '../domain/events';
import { ITEM, P } from '../domain/fixtures';
import type { Actor } from '../domain/permissions';
import { removeParticipant, updateParticipant } from '../domain/secretariat';
import { draftChairSummary } from '../domain/summary';
import { asId, type InterventionId, type ItemId, type ProposalId, type RequestId } from '../ids';
import { buildRecord, RecordFold } from './fold';
import type { MeetingRecord } from './model';
import { TestLog } from './testLog';

/** 14 July 2025 in Geneva and Zurich (CEST), where the demo meeting is: T0 is 13:00:00. */
const cest = (hms: string) => `2025-07-14T${hms}+02:00`;

const secretariat: Actor = { id: P.secretariat, role: 'secretariat' };

/** France speaks from 13:00:00; Kenya's point of order at 13:00:50 suspends her. */
function franceInterrupted(): TestLog {
  const log = new TestLog({ openItem: ITEM.resolution31 });
  log.giveTo(P.france);
  log.advance(50);
  log.giveTo(P.kenya, 'point_of_order');
  return log.advance(20);
}

interface Case {
  name: string;
  /** The log, built by hand (decided commands, and events the server writes itself). */
  log: () => StoredEvent[];
  /** The parts of the record the case is about (`toMatchObject`: arrays are matched whole). */
  expected: object;
  /** What a partial match cannot say. */
  check?: (record: MeetingRecord) => void;
}

const interventions: Case[] = [
  {
    name: 'a speaker suspended by a point of order and resumed: two parts, listed before the point of order',
    log: () => {
      const log = franceInterrupted();
      log.must(P.chair, { type: 'floor.end' }); // the point of order ends at 13:01:10, France resumes
      log.advance(100);
      log.must(P.chair, { type: 'floor.end' });
      return log.stored();
    },
    expected: {
      items: [
        { itemId: ITEM.opening, interventions: [] },
        { itemId: ITEM.rtoReports, interventions: [] },
        {
          itemId: ITEM.resolution31,
          pointsOfOrder: 1,
          replies: 0,
          interventions: [
            {
              speaker: { participantId: P.france, name: 'Luc', delegation: 'France' },
              delegation: 'France',
              region: 'EUR',
              onBehalfOf: null,
              kind: 'speak',
              startedAt: cest('13:00:00'),
              endedAt: cest('13:02:50'),
              durationSeconds: 150,
              limitSeconds: 180,
              overrunSeconds: 0,
              parts: [
                { startedAt: cest('13:00:00'), endedAt: cest('13:00:50') },
                { startedAt: cest('13:01:10'), endedAt: cest('13:02:50') },
              ],
              suspended: true,
              endedWhileSuspended: false,
              offline: false,
            },
            {
              speaker: { participantId: P.kenya },
              kind: 'point_of_order',
              startedAt: cest('13:00:50'),
              endedAt: cest('13:01:10'),
              durationSeconds: 20,
              parts: [{ startedAt: cest('13:00:50'), endedAt: cest('13:01:10') }],
              suspended: false,
            },
          ],
        },
        { itemId: ITEM.aob, interventions: [] },
      ],
      outsideAgenda: [],
    },
  },
  {
    name: 'a speaker ended while suspended (the item concluded during the point of order)',
    log: () => {
      const log = franceInterrupted();
      log.must(P.chair, { type: 'agenda.conclude', itemId: ITEM.resolution31 });
      return log.stored();
    },
    expected: {
      items: [
        {},
        {},
        {
          status: 'concluded',
          interventions: [
            {
              speaker: { participantId: P.france },
              startedAt: cest('13:00:00'),
              endedAt: cest('13:00:50'),
              durationSeconds: 50,
              parts: [{ startedAt: cest('13:00:00'), endedAt: cest('13:00:50') }],
              suspended: true,
              endedWhileSuspended: true,
            },
            { speaker: { participantId: P.kenya }, kind: 'point_of_order', durationSeconds: 20 },
          ],
        },
        {},
      ],
    },
  },
  {
    name: 'a point of order given in the millisecond the speaker started: the speaker is still listed first',
    log: () => {
      const log = new TestLog({ openItem: ITEM.resolution31 });
      log.giveTo(P.france);
      log.giveTo(P.kenya, 'point_of_order');
      log.advance(20);
      log.must(P.chair, { type: 'floor.end' });
      log.advance(30);
      log.must(P.chair, { type: 'floor.end' });
      return log.stored();
    },
    expected: {
      items: [
        {},
        {},
        {
          interventions: [
            {
              speaker: { participantId: P.france },
              startedAt: cest('13:00:00'),
              durationSeconds: 30,
              suspended: true,
              parts: [
                { startedAt: cest('13:00:00'), endedAt: cest('13:00:00') },
                { startedAt: cest('13:00:20'), endedAt: cest('13:00:50') },
              ],
            },
            { speaker: { participantId: P.kenya }, startedAt: cest('13:00:00'), durationSeconds: 20 },
          ],
        },
        {},
      ],
    },
  },
  {
    name: 'a spokesperson speaks on behalf of their RTO; a vice-chair or a delegate of the region does not',
    log: () => {
      const log = new TestLog({ openItem: ITEM.rtoReports });
      log.giveTo(P.spokesAtu);
      log.advance(200); // 20 s over the 180 s limit
      log.giveTo(P.viceAtu);
      log.advance(40);
      log.giveTo(P.kenya);
      log.advance(30);
      log.must(P.chair, { type: 'floor.end' });
      return log.stored();
    },
    expected: {
      items: [
        {},
        {
          interventions: [
            {
              speaker: { participantId: P.spokesAtu, role: 'spokesperson', rto: 'ATU', category: 'rto' },
              delegation: 'ATU',
              region: 'AFR',
              onBehalfOf: 'ATU',
              durationSeconds: 200,
              overrunSeconds: 20,
            },
            {
              speaker: { participantId: P.viceAtu, role: 'vice-chair', rto: 'ATU' },
              delegation: 'Nigeria',
              onBehalfOf: null,
              durationSeconds: 40,
            },
            { speaker: { participantId: P.kenya, rto: null }, onBehalfOf: null, durationSeconds: 30 },
          ],
        },
        {},
        {},
      ],
      speakingTime: {
        totalSeconds: 270,
        meeting: {
          byRto: [
            { key: 'APT', seconds: 0 },
            { key: 'ATU', interventions: 1, seconds: 200 },
            { key: 'CEPT' },
            { key: 'CITEL' },
            { key: 'LAS' },
            { key: 'RCC' },
            { key: 'none', interventions: 2, seconds: 70 },
          ],
          byDelegation: [
            { key: 'ATU', seconds: 200 },
            { key: 'Nigeria', seconds: 40 },
            { key: 'Kenya', seconds: 30 },
          ],
        },
      },
    },
  },
  {
    name: 'a spokesperson who became a delegate speaks for no RTO from then on',
    log: () => {
      const log = new TestLog({ openItem: ITEM.rtoReports });
      log.giveTo(P.spokesAtu);
      log.advance(30);
      log.must(P.chair, { type: 'floor.end' });
      log.accept(updateParticipant(log.meeting, secretariat, P.spokesAtu, { role: 'delegate' }));
      log.giveTo(P.spokesAtu);
      log.advance(30);
      log.must(P.chair, { type: 'floor.end' });
      return log.stored();
    },
    expected: {
      items: [
        {},
        {
          interventions: [
            { onBehalfOf: 'ATU', speaker: { role: 'delegate' } },
            { onBehalfOf: null, speaker: { role: 'delegate' } },
          ],
        },
        {},
        {},
      ],
    },
  },
  {
    name: 'interventions outside the agenda: on an item since removed, and with no item current',
    log: () => {
      const log = new TestLog({ openItem: ITEM.opening });
      log.giveTo(P.kenya);
      log.advance(30);
      log.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports }); // ends Kenya's intervention
      log.must(P.chair, { type: 'agenda.remove', itemId: ITEM.opening });
      log.must(P.chair, { type: 'agenda.conclude', itemId: ITEM.rtoReports });
      // No item is current: only a hand-written log (or one of older code) has the floor given now.
      const requestId = asId<RequestId>('r_outside');
      log.push({
        type: 'floor.given',
        requestId,
        participantId: P.france,
        kind: 'speak',
        startedAt: log.ctx.now,
        limitSeconds: 180,
      });
      const startedAt = log.ctx.now;
      log.advance(45);
      const endedAt = log.ctx.now;
      log.push({
        type: 'floor.ended',
        intervention: {
          id: asId<InterventionId>('v_outside'),
          requestId,
          participantId: P.france,
          delegation: 'France',
          region: 'EUR',
          rto: null,
          itemId: null,
          kind: 'speak',
          startedAt,
          endedAt,
          parts: [{ startedAt, endedAt }],
          durationSeconds: 45,
          limitSeconds: 180,
          overrunSeconds: 0,
        },
      });
      return log.stored();
    },
    expected: {
      items: [{ itemId: ITEM.rtoReports }, { itemId: ITEM.resolution31 }, { itemId: ITEM.aob }],
      outsideAgenda: [
        { speaker: { participantId: P.kenya }, startedAt: cest('13:00:00'), durationSeconds: 30 },
        { interventionId: 'v_outside', startedAt: cest('13:00:30'), endedAt: cest('13:01:15') },
      ],
      speakingTime: {
        totalSeconds: 75,
        perItem: [
          { itemId: ITEM.rtoReports, byRegion: [{ key: 'ARB', seconds: 0 }, {}, {}, {}, {}, {}, {}] },
          { itemId: ITEM.resolution31 },
          { itemId: ITEM.aob },
        ],
      },
    },
    check: (record) => {
      expect(record.items.flatMap((i) => i.interventions)).toEqual([]);
      expect(record.speakingTime.meeting.byRegion.find((s) => s.key === 'EUR')?.seconds).toBe(45);
    },
  },
  {
    name: 'a removed item restored (undo) gets its interventions back',
    log: () => {
      const log = new TestLog({ openItem: ITEM.opening });
      log.giveTo(P.kenya);
      log.advance(30);
      log.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
      log.must(P.chair, { type: 'agenda.remove', itemId: ITEM.opening });
      log.advance(10);
      log.must(P.chair, { type: 'agenda.restore', itemId: ITEM.opening });
      return log.stored();
    },
    expected: {
      items: [
        { itemId: ITEM.opening, spentSeconds: 30, interventions: [{ speaker: { participantId: P.kenya } }] },
        {},
        {},
        {},
      ],
      outsideAgenda: [],
    },
  },
];

const agenda: Case[] = [
  {
    name: 'an item deferred, another opened meanwhile, then reopened and concluded over its plan',
    log: () => {
      const log = new TestLog({ open: true });
      log.advance(60);
      log.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
      log.advance(600);
      log.must(P.chair, { type: 'agenda.defer', itemId: ITEM.resolution31 });
      log.advance(30);
      log.must(P.chair, { type: 'agenda.open', itemId: ITEM.aob });
      log.advance(300);
      log.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 }); // AOB is left
      log.advance(5000);
      log.must(P.chair, {
        type: 'agenda.conclude',
        itemId: ITEM.resolution31,
        outcome: 'The meeting agreed to forward the draft revision to WTDC-25.',
      });
      return log.stored();
    },
    expected: {
      items: [
        {
          itemId: ITEM.opening,
          status: 'pending',
          sessions: [],
          openedAt: null,
          spentSeconds: 0,
          overPlan: false,
        },
        { itemId: ITEM.rtoReports, sessions: [] },
        {
          itemId: ITEM.resolution31,
          number: '3',
          title: 'Draft revision of Resolution 31',
          status: 'concluded',
          plannedMinutes: 90,
          outcome: 'The meeting agreed to forward the draft revision to WTDC-25.',
          sessions: [
            { openedAt: cest('13:01:00'), endedAt: cest('13:11:00'), ended: 'deferred' },
            { openedAt: cest('13:16:30'), endedAt: cest('14:39:50'), ended: 'concluded' },
          ],
          openedAt: cest('13:01:00'),
          concludedAt: cest('14:39:50'),
          spentSeconds: 5600,
          overPlan: true,
        },
        {
          itemId: ITEM.aob,
          status: 'pending',
          sessions: [{ openedAt: cest('13:11:30'), endedAt: cest('13:16:30'), ended: 'left' }],
          concludedAt: null,
          spentSeconds: 300,
          overPlan: false,
        },
      ],
    },
  },
  {
    name: 'the current item counts up to the last event; an item with no planned minutes is never over its plan',
    log: () => {
      const log = new TestLog({ openItem: ITEM.opening });
      log.must(P.chair, { type: 'agenda.add', title: 'Statements by observers' });
      log.advance(700);
      log.must(P.chair, { type: 'floor.close' });
      log.must(P.chair, { type: 'agenda.open', itemId: asId<ItemId>('i_5') }); // the opening is left
      log.advance(3600);
      log.must(P.chair, { type: 'floor.close' });
      return log.stored();
    },
    expected: {
      meeting: { asOf: cest('14:11:40') },
      items: [
        { itemId: ITEM.opening, spentSeconds: 700, overPlan: true, status: 'pending' },
        {},
        {},
        {},
        {
          itemId: 'i_5',
          plannedMinutes: 0,
          status: 'open',
          sessions: [{ openedAt: cest('13:11:40'), endedAt: null, ended: null }],
          spentSeconds: 3600,
          overPlan: false,
        },
      ],
    },
  },
  {
    name: 'proposals under an item with their status changes and locks; a chair’s summary is not listed',
    log: () => {
      const log = new TestLog({ openItem: ITEM.resolution31 });
      log.advance(10);
      log.must(P.chair, {
        type: 'proposal.create',
        symbol: 'AFCP/31/1',
        title: 'Proposed modifications to Resolution 31',
        submittedBy: 'ATU',
        itemId: ITEM.resolution31,
      });
      const x1 = asId<ProposalId>('x_1');
      log.must(P.chair, {
        type: 'proposal.create',
        symbol: 'ECP/2/1',
        title: 'Report of CEPT',
        submittedBy: 'CEPT',
        itemId: ITEM.rtoReports,
      });
      log.must(P.chair, {
        type: 'proposal.create',
        symbol: 'IAP/1',
        title: 'Unlinked',
        submittedBy: 'CITEL',
      });
      log.accept(
        draftChairSummary(
          log.meeting,
          { id: P.chair, role: 'chair' },
          { title: 'Chair’s summary of IRM-1', submittedBy: 'Chair', text: 'Draft' },
          log.ctx,
        ),
      );
      log.must(P.chair, {
        type: 'proposal.update',
        proposalId: asId<ProposalId>('x_4'),
        itemId: ITEM.resolution31,
      });
      log.advance(60);
      log.must(P.chair, { type: 'proposal.setStatus', proposalId: x1, status: 'under-consideration' });
      log.advance(60);
      log.must(P.chair, { type: 'proposal.lock', proposalId: x1 });
      log.advance(60);
      log.must(P.chair, { type: 'proposal.setStatus', proposalId: x1, status: 'agreed' });
      log.advance(10);
      log.must(P.chair, { type: 'proposal.unlock', proposalId: x1 });
      return log.stored();
    },
    expected: {
      items: [
        { proposals: [] },
        { proposals: [{ symbol: 'ECP/2/1', status: 'draft', history: [] }] },
        {
          proposals: [
            {
              proposalId: 'x_1',
              symbol: 'AFCP/31/1',
              title: 'Proposed modifications to Resolution 31',
              submittedBy: 'ATU',
              status: 'agreed',
              locked: false,
              createdAt: cest('13:00:10'),
              history: [
                { at: cest('13:01:10'), change: 'status', status: 'under-consideration' },
                { at: cest('13:02:10'), change: 'locked' },
                { at: cest('13:03:10'), change: 'status', status: 'agreed' },
                { at: cest('13:03:20'), change: 'unlocked' },
              ],
            },
          ],
        },
        { proposals: [] },
      ],
    },
  },
];

const meetingTimes: Case[] = [
  {
    name: 'the meeting suspended and resumed, suspended again and closed while suspended',
    log: () => {
      const log = new TestLog({ openItem: ITEM.opening });
      log.advance(100).must(P.chair, { type: 'meeting.suspend' });
      log.advance(300).must(P.chair, { type: 'meeting.resume' });
      log.advance(300).must(P.chair, { type: 'meeting.suspend' });
      log.advance(60).must(P.chair, { type: 'meeting.close' });
      return log.stored();
    },
    expected: {
      meeting: {
        id: 'm_irm1',
        title: 'IRM-1 for WTDC-25',
        timezone: 'Europe/Zurich',
        status: 'closed',
        openedAt: cest('13:00:00'),
        closedAt: cest('13:12:40'),
        suspensions: [
          { from: cest('13:01:40'), to: cest('13:06:40') },
          { from: cest('13:11:40'), to: cest('13:12:40') },
        ],
        asOf: cest('13:12:40'),
        chair: { participantId: P.chair, name: 'Chair-designate', role: 'chair' },
      },
      // The agenda's clock stops while the meeting is suspended.
      items: [{ spentSeconds: 400, overPlan: false }, {}, {}, {}],
    },
  },
  {
    name: 'a meeting still suspended at the last event, never closed',
    log: () => {
      const log = new TestLog({ openItem: ITEM.opening });
      log.advance(100).must(P.chair, { type: 'meeting.suspend' });
      log.advance(50).must(P.chair, { type: 'agenda.add', title: 'Date of the next meeting' });
      return log.stored();
    },
    expected: {
      meeting: {
        status: 'suspended',
        closedAt: null,
        suspensions: [{ from: cest('13:01:40'), to: null }],
        asOf: cest('13:02:30'),
      },
      items: [{ spentSeconds: 100 }, {}, {}, {}, { title: 'Date of the next meeting' }],
    },
  },
];

/** Offline at first, each connecting as the case says. */
const LATECOMERS = [P.kenya, P.kenya2, P.brazil, P.egypt, P.observer];

/**
 * Kenya drops and comes back; Otieno (Kenya) stays connected to the end; Brazil is removed while
 * connected; Egypt is removed without ever connecting; the observer never connects.
 */
function attendanceLog(): StoredEvent[] {
  const log = new TestLog({ openItem: true, offline: LATECOMERS });
  log.advance(60).online(P.kenya);
  log.advance(40).online(P.kenya2);
  log.advance(100).online(P.brazil);
  log.advance(160).offline(P.kenya); // 13:06:00
  log.advance(140).accept(removeParticipant(log.meeting, secretariat, P.brazil, log.ctx)); // 13:08:20
  log.advance(100).accept(removeParticipant(log.meeting, secretariat, P.egypt, log.ctx)); // 13:10:00
  log.advance(300).online(P.kenya); // 13:15:00
  log.online(P.kenya); // a repeated connection is the same session
  log.advance(300).offline(P.kenya); // 13:20:00
  log.advance(600).must(P.chair, { type: 'floor.close' }); // 13:30:00
  return log.stored();
}

const attendance: Case[] = [
  {
    name: 'who was connected when: dropped and back, still connected, removed while connected, never connected',
    log: attendanceLog,
    expected: {
      meeting: { asOf: cest('13:30:00') },
      attendance: {
        totals: { registered: 21, attended: 20 },
      },
    },
    check: (record) => {
      const rows = record.attendance.participants;
      expect(rows).toHaveLength(22); // everyone ever registered, removed ones too
      const row = (id: string) => rows.find((r) => r.person.participantId === id);
      expect(row(P.kenya)).toEqual({
        person: {
          participantId: P.kenya,
          name: 'Amina',
          delegation: 'Kenya',
          role: 'delegate',
          category: 'member-state',
          region: 'AFR',
          rto: null,
        },
        removed: false,
        removedAt: null,
        sessions: [
          { joinedAt: cest('13:01:00'), leftAt: cest('13:06:00') },
          { joinedAt: cest('13:15:00'), leftAt: cest('13:20:00') },
        ],
        totalSeconds: 600,
      });
      expect(row(P.kenya2)).toMatchObject({
        sessions: [{ joinedAt: cest('13:01:40'), leftAt: null }],
        totalSeconds: 1700,
      });
      expect(row(P.brazil)).toMatchObject({
        person: { name: 'Ana', delegation: 'Brazil' },
        removed: true,
        removedAt: cest('13:08:20'),
        sessions: [{ joinedAt: cest('13:03:20'), leftAt: cest('13:08:20') }],
        totalSeconds: 300,
      });
      expect(row(P.egypt)).toMatchObject({ removed: true, sessions: [], totalSeconds: 0 });
      expect(row(P.observer)).toMatchObject({ removed: false, sessions: [], totalSeconds: 0 });
      expect(row(P.chair)).toMatchObject({
        sessions: [{ joinedAt: cest('13:00:00'), leftAt: null }],
        totalSeconds: 1800,
      });
      // In the order they were added.
      expect(rows.map((r) => r.person.participantId).slice(0, 2)).toEqual([P.chair, P.viceApt]);
    },
  },
  {
    name: 'counts by region, RTO and category: every key, zeros included, a never-connected removal not counted',
    log: attendanceLog,
    expected: {
      attendance: {
        byRegion: [
          { key: 'ARB', registered: 2, attended: 2 },
          { key: 'EUR', registered: 3, attended: 3 },
          { key: 'ASP', registered: 3, attended: 3 },
          { key: 'AMS', registered: 3, attended: 3 },
          { key: 'AFR', registered: 4, attended: 4 },
          { key: 'CIS', registered: 4, attended: 4 },
          { key: 'none', registered: 2, attended: 1 },
        ],
        byRto: [
          { key: 'APT', registered: 2, attended: 2 },
          { key: 'ATU', registered: 2, attended: 2 },
          { key: 'CEPT', registered: 2, attended: 2 },
          { key: 'CITEL', registered: 2, attended: 2 },
          { key: 'LAS', registered: 2, attended: 2 },
          { key: 'RCC', registered: 2, attended: 2 },
          { key: 'none', registered: 9, attended: 8 },
        ],
        byCategory: [
          { key: 'member-state', registered: 13, attended: 13 },
          { key: 'sector-member', registered: 0, attended: 0 },
          { key: 'associate', registered: 0, attended: 0 },
          { key: 'academia', registered: 0, attended: 0 },
          { key: 'rto', registered: 6, attended: 6 },
          { key: 'bdt', registered: 1, attended: 1 },
          { key: 'observer', registered: 1, attended: 0 },
        ],
      },
    },
  },
  {
    name: 'a connection written after a removal opens no session (a removed participant cannot sign in)',
    log: () => {
      const log = new TestLog({ openItem: true, offline: [P.brazil] });
      log.advance(60).online(P.brazil);
      log.advance(60).accept(removeParticipant(log.meeting, secretariat, P.brazil, log.ctx));
      log.advance(60).online(P.brazil);
      log.advance(60).must(P.chair, { type: 'floor.close' });
      return log.stored();
    },
    expected: {},
    check: (record) => {
      expect(record.attendance.participants.find((r) => r.person.participantId === P.brazil)).toMatchObject({
        removed: true,
        sessions: [{ joinedAt: cest('13:01:00'), leftAt: cest('13:02:00') }],
        totalSeconds: 60,
      });
    },
  },
];

/** Two of 22 stay away: the shares of participants are of the 20 who attended. */
function sharesLog(): StoredEvent[] {
  const log = new TestLog({ openItem: ITEM.rtoReports, offline: [P.kenya2, P.egypt] });
  log.giveTo(P.kenya);
  log.advance(60);
  log.giveTo(P.france);
  log.advance(30);
  log.giveTo(P.spokesAtu);
  log.advance(30);
  log.must(P.chair, { type: 'floor.end' });
  return log.stored();
}

const shares: Case[] = [
  {
    name: 'speaking shares per region, RTO and delegation, against the shares of those who attended',
    log: sharesLog,
    expected: {
      speakingTime: {
        totalSeconds: 120,
        meeting: {
          byRegion: [
            { key: 'ARB', interventions: 0, seconds: 0, speakingShare: 0, participantShare: 0.1111 }, // 2 of 18: the chair and the secretariat do not count
            { key: 'EUR', interventions: 1, seconds: 30, speakingShare: 0.25, participantShare: 0.1667 },
            { key: 'ASP', seconds: 0, participantShare: 0.1667 },
            { key: 'AMS', seconds: 0, participantShare: 0.1667 },
            { key: 'AFR', interventions: 2, seconds: 90, speakingShare: 0.75, participantShare: 0.1667 },
            { key: 'CIS', seconds: 0, participantShare: 0.1667 },
            { key: 'none', seconds: 0, participantShare: 0.0556 },
          ],
          byRto: [
            { key: 'APT', seconds: 0, participantShare: 0.1111 },
            { key: 'ATU', interventions: 1, seconds: 30, speakingShare: 0.25, participantShare: 0.1111 },
            { key: 'CEPT', participantShare: 0.1111 },
            { key: 'CITEL', participantShare: 0.1111 },
            { key: 'LAS', participantShare: 0.1111 },
            { key: 'RCC', participantShare: 0.1111 },
            { key: 'none', interventions: 2, seconds: 90, speakingShare: 0.75, participantShare: 0.3333 },
          ],
          // Most time first, ties by name.
          byDelegation: [
            { key: 'Kenya', interventions: 1, seconds: 60, speakingShare: 0.5, participantShare: 0.0556 },
            { key: 'ATU', seconds: 30, speakingShare: 0.25, participantShare: 0.0556 },
            { key: 'France', seconds: 30, speakingShare: 0.25, participantShare: 0.0556 },
          ],
        },
        perItem: [
          { itemId: ITEM.opening, byDelegation: [] },
          { itemId: ITEM.rtoReports, byDelegation: [{ key: 'Kenya' }, { key: 'ATU' }, { key: 'France' }] },
          { itemId: ITEM.resolution31, byDelegation: [] },
          { itemId: ITEM.aob, byDelegation: [] },
        ],
      },
    },
    check: (record) => {
      const { meeting, perItem } = record.speakingTime;
      for (const split of [meeting.byRegion, meeting.byRto, meeting.byDelegation]) {
        expect(split.reduce((sum, s) => sum + s.speakingShare, 0)).toBeCloseTo(1, 3);
        expect(split.reduce((sum, s) => sum + s.seconds, 0)).toBe(120);
      }
      expect(meeting.byRegion.reduce((sum, s) => sum + s.participantShare, 0)).toBeCloseTo(1, 3);
      // An item nobody spoke on: every share 0, participants' shares as for the meeting.
      expect(perItem[0]?.byRegion.every((s) => s.seconds === 0 && s.speakingShare === 0)).toBe(true);
      expect(perItem[0]?.byRegion.map((s) => s.participantShare)).toEqual(
        meeting.byRegion.map((s) => s.participantShare),
      );
      expect(perItem[1]?.byRegion).toEqual(meeting.byRegion);
    },
  },
  {
    name: 'with only the chair and the secretariat connected, the shares are of those registered',
    log: () => {
      const log = new TestLog({ open: true, offline: Object.values(P) });
      log.online(P.chair).online(P.secretariat);
      log.advance(10).must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
      return log.stored();
    },
    expected: {
      attendance: { totals: { registered: 22, attended: 2 } },
      speakingTime: {
        meeting: { byRegion: [{ key: 'ARB', participantShare: 0.15 }, {}, {}, {}, {}, {}, {}] },
      },
    },
  },
  {
    name: 'before anyone connects, the shares of participants are of those registered',
    log: () => {
      const log = new TestLog({ open: true, offline: Object.values(P) });
      log.advance(10).must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
      return log.stored();
    },
    expected: {
      attendance: { totals: { registered: 22, attended: 0 } },
      speakingTime: {
        totalSeconds: 0,
        meeting: { byRegion: [{ key: 'ARB', participantShare: 0.15 }, {}, {}, {}, {}, {}, {}] }, // 3 of 20 (not the chair, not the secretariat)
      },
    },
  },
];

describe('the record of a hand-written log', () => {
  describe.each([
    ['interventions', interventions],
    ['agenda items', agenda],
    ['the meeting’s times', meetingTimes],
    ['attendance', attendance],
    ['speaking time', shares],
  ] as const)('%s', (_group, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const record = buildRecord(c.log());
      expect(record).toMatchObject(c.expected);
      c.check?.(record);
    });
  });
});

describe('folding a log', () => {
  const log = () => franceInterrupted().stored();

  it('skips an event already folded, and the record stays as it was', () => {
    const events = log();
    const fold = new RecordFold();
    for (const stored of events) expect(fold.apply(stored)).toEqual({ ok: true });
    const before = JSON.stringify(fold.record());
    expect(fold.apply(events[events.length - 1]!)).toEqual({ ok: true });
    expect(fold.apply(events[0]!)).toEqual({ ok: true });
    expect(JSON.stringify(fold.record())).toBe(before);
    expect(fold.lastSeq).toBe(events.length);
  });

  it('refuses an event that does not follow the last one folded, and takes it once the gap is filled', () => {
    const events = log();
    const fold = new RecordFold();
    for (const stored of events.slice(0, 10)) fold.apply(stored);
    expect(fold.apply(events[11]!)).toEqual({ ok: false, reason: 'event 12 follows 10: events are missing' });
    expect(fold.lastSeq).toBe(10);
    expect(fold.apply(events[10]!)).toEqual({ ok: true });
    expect(fold.apply(events[11]!)).toEqual({ ok: true });
  });

  it('refuses an event of a newer version, leaving the fold as it was', () => {
    const events = log();
    const fold = new RecordFold();
    for (const stored of events) fold.apply(stored);
    const before = fold.record();
    const newer: StoredEvent = { seq: events.length + 1, at: 1, v: 99, event: { type: 'floor.closed' } };
    expect(fold.apply(newer)).toEqual({
      ok: false,
      reason: `event version 99 is newer than this code reads (${EVENT_VERSION})`,
    });
    expect(fold.record()).toEqual(before);
    expect(fold.lastSeq).toBe(events.length);
  });

  it('has no record before the meeting’s first event, and refuses a log that does not start with it', () => {
    const fold = new RecordFold();
    expect(fold.record()).toBeNull();
    expect(fold.lastSeq).toBe(0);
    const [, second] = log();
    expect(fold.apply(second!)).toEqual({
      ok: false,
      reason: 'the log starts with participant.added, not meeting.created',
    });
    expect(() => buildRecord([])).toThrow('an empty log has no record');
    expect(() => buildRecord([second!])).toThrow('not meeting.created');
  });

  it('is as of the last event: its seq and time, not the clock since', () => {
    const events = log(); // the clock is at 13:01:10, the point of order was given at 13:00:50
    const record = buildRecord(events);
    expect(record.meeting.lastSeq).toBe(events.length);
    expect(record.meeting.asOf).toBe(cest('13:00:50'));
  });
});
