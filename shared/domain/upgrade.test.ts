import { describe, expect, it } from 'vitest';
import { EMPTY_CONSENSUS } from './consensusModel';
import { EVENT_VERSION, type MeetingEvent, type StoredEvent } from './events';
import { evolve } from './evolve';
import { askedCheck, consensusRoom, ITEM, P, Room, replayStored } from './fixtures';
import type { Meeting } from './model';
// Recorded with the code before event versioning (commit abd4f49): the events as v1 stored them
// (no `v`) and the state v1's evolve built from them.
import recorded from './testdata/irm1-v1-log.json';
import { readStoredEvent } from './upgrade';

const v1Log = recorded.log as unknown as StoredEvent[];
const v1State = recorded.state as unknown as Meeting;

/** Each event of the log as this code reads it. */
function readAll(log: readonly StoredEvent[]): StoredEvent[] {
  let meeting: Meeting | null = null;
  return log.map((stored) => {
    const read = readStoredEvent(stored, meeting);
    if (!read.ok) throw new Error(`seq ${stored.seq}: ${read.reason}`);
    meeting = evolve(meeting, read.stored.event);
    return read.stored;
  });
}

/**
 * The state without what version 3 added to it (suspended speakers, the parts of interventions, the
 * undo records), to compare with the state v1 built; `v3Additions` checks those separately.
 */
function withoutV3Additions(meeting: Meeting): unknown {
  const {
    recentlyRemoved: _r,
    floor,
    interventions,
    // Version 4: settings, former participants, contacts and token versions, documents.
    startsAt: _sa,
    endsAt: _ea,
    videoUrl: _vu,
    archived: _ar,
    formerParticipants: _fp,
    participants,
    agenda,
    // Version 5: every text has a kind.
    proposals,
    // Version 6: paragraph consensus (empty in an older log, see `expectV3Additions`).
    consensus: _c,
    ...rest
  } = meeting;
  const { suspended: _s, ...v1Floor } = floor;
  return {
    ...rest,
    proposals: proposals.map(({ kind: _k, ...proposal }) => proposal),
    participants: participants.map(({ email: _e, lang: _l, tokenVersion: _t, invitedAt: _i, ...p }) => p),
    agenda: agenda.map(({ documents: _d, ...item }) => item),
    floor: v1Floor,
    interventions: interventions.map(({ parts: _p, ...v }) => v),
  };
}

/** What version 3 adds to a meeting replayed from an older log: one part per intervention, no suspension. */
function expectV3Additions(meeting: Meeting): void {
  expect(meeting.floor.suspended).toEqual([]);
  expect(meeting.interventions.length).toBeGreaterThan(0);
  for (const v of meeting.interventions)
    expect(v.parts).toEqual([{ startedAt: v.startedAt, endedAt: v.endedAt }]);
  // Version 5: every text before it was a proposal.
  expect(meeting.proposals.length).toBeGreaterThan(0);
  for (const p of meeting.proposals) expect(p.kind).toBe('proposal');
  // Version 6: nothing was agreed paragraph by paragraph before it.
  expect(meeting.consensus).toEqual(EMPTY_CONSENSUS);
}

const eventAt = (log: readonly StoredEvent[], seq: number): MeetingEvent => log[seq - 1]!.event;

describe('reading stored events', () => {
  it('a recorded v1 log (events without a version) still loads, to the state v1 built', () => {
    expect(v1Log.every((e) => e.v === undefined)).toBe(true);
    const replayed = replayStored(v1Log);
    expect(withoutV3Additions(replayed)).toEqual(v1State);
    expectV3Additions(replayed);
    // The removals it records (for undo) carry the time the events were stored with.
    const removals = v1Log.filter((e) => e.event.type === 'agenda.itemRemoved');
    expect(replayed.recentlyRemoved.items.map((r) => r.removedAt)).toEqual(removals.map((e) => e.at));
  });

  it('upgrades v1 events to the current version, stating the consequences v1 left to evolve', () => {
    const read = readAll(v1Log);
    expect(read.every((e) => e.v === EVENT_VERSION)).toBe(true);
    expect(read.map((e) => e.seq)).toEqual(v1Log.map((e) => e.seq));
    const types = v1Log.map((e) => e.event.type);
    const nth = (type: string, n: number) => {
      let seen = 0;
      const index = types.findIndex((t) => t === type && ++seen === n);
      return eventAt(read, index + 1);
    };
    expect(nth('participant.added', 1)).toMatchObject({ presides: true });
    expect(nth('participant.added', 2)).toMatchObject({ presides: false });
    expect(nth('agenda.itemOpened', 1)).toMatchObject({ left: null, restoresList: false });
    // Item 2 opened while item 1 had two waiting: item 1's list is parked.
    expect(nth('agenda.itemOpened', 2)).toMatchObject({
      left: { itemId: ITEM.opening, parksList: true },
      restoresList: false,
    });
    // Back to item 1: its list is restored, item 2's (closed) list parked.
    expect(nth('agenda.itemOpened', 3)).toMatchObject({
      itemId: ITEM.opening,
      left: { itemId: ITEM.rtoReports, parksList: true },
      restoresList: true,
    });
    expect(nth('floor.extended', 1)).toMatchObject({ seconds: 60, limitSeconds: 240 });
    expect(nth('agenda.itemConcluded', 1)).toMatchObject({ left: { itemId: ITEM.opening, parksList: true } });
    expect(nth('agenda.itemRemoved', 1)).toMatchObject({
      itemId: ITEM.rtoReports,
      dropsParkedList: true,
      unlinkedProposalIds: [],
    });
    expect(nth('agenda.itemRemoved', 2)).toMatchObject({
      itemId: ITEM.aob,
      dropsParkedList: true,
      unlinkedProposalIds: ['x_1'],
    });
    // Read again (now current), the upgraded log gives the same state: upgrading is done once.
    expect(replayStored(read)).toEqual(replayStored(v1Log));
    expect(withoutV3Additions(replayStored(read))).toEqual(v1State);
  });

  it('the v2 events decide writes replay to the same state as their v1 forms did', () => {
    const room = new Room({ openItem: ITEM.opening });
    room.queue(P.kenya);
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    room.must(P.chair, { type: 'agenda.remove', itemId: ITEM.opening });
    const log = room.events.map((event, i) => ({ seq: i + 1, at: i, v: EVENT_VERSION, event }));
    expect(replayStored(log)).toEqual(room.meeting);
    expect(room.meeting.parkedLists).toEqual({});
  });

  it('version 6 adds event types only: a log written by versions 5 then 6 replays as written', () => {
    const room = consensusRoom();
    const upgradedAt = room.events.length;
    const checkId = askedCheck(
      room.must(P.chair, { type: 'consensus.ask', proposalId: room.proposalId, paragraphIds: ['b1'] }),
    );
    room.must(P.kenya, { type: 'consensus.object', checkId });
    room.must(P.chair, { type: 'consensus.close', checkId });
    room.must(P.secretariat, { type: 'proposal.publishRevision', proposalId: room.proposalId });
    expect(EVENT_VERSION).toBe(6);
    const log = room.events.map((event, i) => ({ seq: i + 1, at: i, v: i < upgradedAt ? 5 : 6, event }));
    expect(readAll(log).map((e) => e.event)).toEqual(room.events);
    expect(replayStored(log)).toEqual(room.meeting);
  });

  it('refuses an event of a newer version, naming it, rather than applying it', () => {
    const stored: StoredEvent = { seq: 7, at: 1, v: EVENT_VERSION + 1, event: { type: 'floor.closed' } };
    expect(readStoredEvent(stored, v1State)).toEqual({
      ok: false,
      reason: 'newer_version',
      version: EVENT_VERSION + 1,
      type: 'floor.closed',
    });
  });

  it('refuses an event type this code does not know, whatever its version', () => {
    for (const v of [undefined, 1, EVENT_VERSION]) {
      const stored = { seq: 7, at: 1, v, event: { type: 'floor.vanished' } } as unknown as StoredEvent;
      expect(readStoredEvent(stored, v1State)).toMatchObject({ ok: false, reason: 'unknown_type' });
    }
  });

  it('refuses a version that is not a positive integer', () => {
    for (const v of [0, 1.5, -1]) {
      const stored: StoredEvent = { seq: 1, at: 1, v, event: { type: 'floor.closed' } };
      expect(readStoredEvent(stored, v1State)).toMatchObject({ ok: false, reason: 'bad_version' });
    }
  });
});
