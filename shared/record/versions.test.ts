import { describe, expect, it } from 'vitest';
import type { MeetingEvent, StoredEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import { ITEM, P, toV1 } from '../domain/fixtures';
import type { Meeting } from '../domain/model';
import { removeParticipant } from '../domain/secretariat';
// Recorded with the code before event versioning (see shared/domain/upgrade.test.ts).
import recorded from '../domain/testdata/irm1-v1-log.json';
import { readStoredEvent } from '../domain/upgrade';
import { asId, type ProposalId } from '../ids';
import { buildRecord } from './fold';
import { TestLog } from './testLog';

/** The version-4 form: a text had no kind (every one was a proposal). */
function toV4(event: MeetingEvent): unknown {
  if (event.type !== 'proposal.created') return event;
  const { kind: _kind, ...proposal } = event.proposal;
  return { ...event, proposal };
}

/** The version-3 form: participants without contacts and token versions, items without documents. */
function toV3(event: MeetingEvent): unknown {
  const v4 = toV4(event) as MeetingEvent;
  switch (v4.type) {
    case 'participant.added': {
      const { email: _e, lang: _l, tokenVersion: _t, invitedAt: _i, ...participant } = v4.participant;
      return { ...v4, participant };
    }
    case 'agenda.itemAdded': {
      const { documents: _d, ...item } = v4.item;
      return { ...v4, item };
    }
    default:
      return v4;
  }
}

/** The log as code of `version` stored it: that version's form, with `v` (none for version 1). */
function storedAs(log: readonly StoredEvent[], version: 1 | 3 | 4): StoredEvent[] {
  return log.map(({ seq, at, event }) => {
    const old = version === 4 ? toV4(event) : version === 3 ? toV3(event) : toV3(toV1(event) as MeetingEvent);
    return { seq, at, ...(version === 1 ? {} : { v: version }), event: old as MeetingEvent };
  });
}

/** A session version 1 could have logged: items opened, left and concluded, a speech extended, an item removed. */
function v1Session(): TestLog {
  const log = new TestLog({ openItem: ITEM.opening, offline: [P.kenya] });
  log.advance(30).online(P.kenya);
  log.queue(P.kenya);
  log.giveTo(P.france);
  log.advance(170).must(P.chair, { type: 'floor.extend', seconds: 60 });
  log.advance(60).must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports }); // Kenya's request parked
  log.must(P.chair, {
    type: 'proposal.create',
    symbol: 'ACP/2/1',
    title: 'APT common proposal',
    submittedBy: 'APT',
    itemId: ITEM.aob,
  });
  log.giveTo(P.spokesApt);
  log.advance(120).must(P.chair, { type: 'floor.close' });
  log.must(P.chair, { type: 'proposal.setStatus', proposalId: asId<ProposalId>('x_1'), status: 'withdrawn' });
  log.advance(10).must(P.chair, { type: 'agenda.open', itemId: ITEM.opening }); // its list back
  log.advance(60).must(P.chair, { type: 'agenda.conclude', itemId: ITEM.opening, outcome: 'Adopted.' });
  log.must(P.chair, { type: 'agenda.remove', itemId: ITEM.aob });
  log.must(P.chair, { type: 'agenda.defer', itemId: ITEM.resolution31 });
  log.advance(30).offline(P.kenya);
  return log;
}

describe('the record of a log written by older code', () => {
  it('a version-1 log (no `v`, consequences left to evolve) gives the record of its current form', () => {
    const current = v1Session().stored();
    const v1 = storedAs(current, 1);
    expect(v1.every((e) => e.v === undefined)).toBe(true);
    expect(v1.find((e) => e.event.type === 'agenda.itemOpened')?.event).not.toHaveProperty('left');
    const record = buildRecord(current);
    expect(buildRecord(v1)).toStrictEqual(record);
    expect(JSON.stringify(buildRecord(v1))).toBe(JSON.stringify(record));
    // The log is not a trivial one: what the upgrade works out is in the record.
    expect(record.items[0]).toMatchObject({
      status: 'concluded',
      sessions: [{ ended: 'left' }, { ended: 'concluded' }],
      interventions: [{ delegation: 'France', limitSeconds: 240, durationSeconds: 230 }],
    });
    expect(record.outsideAgenda).toEqual([]);
    expect(record.items.map((i) => i.itemId)).toEqual([ITEM.opening, ITEM.rtoReports, ITEM.resolution31]);
  });

  it.each([3, 4] as const)('a version-%i log gives the record of its current form', (version) => {
    const log = v1Session();
    // What version 3 added: suspended speakers (several parts); version 4: removed participants.
    log.must(P.chair, { type: 'agenda.open', itemId: ITEM.rtoReports });
    log.must(P.chair, { type: 'floor.reopen' }); // its list was parked closed
    log.giveTo(P.france);
    log.advance(20).giveTo(P.egypt, 'point_of_order');
    log.advance(10).must(P.chair, { type: 'floor.end' });
    log.advance(40).must(P.chair, { type: 'floor.end' });
    if (version === 4)
      log.accept(
        removeParticipant(log.meeting, { id: P.secretariat, role: 'secretariat' }, P.japan, log.ctx),
      );
    const current = log.stored();
    const record = buildRecord(current);
    expect(buildRecord(storedAs(current, version))).toStrictEqual(record);
    expect(record.items[1]?.interventions).toMatchObject([
      { delegation: 'APT', onBehalfOf: 'APT' },
      { delegation: 'France', suspended: true, durationSeconds: 60 },
      { delegation: 'Egypt', kind: 'point_of_order' },
    ]);
  });

  it('the log recorded by version-1 code gives the record of that log upgraded', () => {
    const v1Log = recorded.log as unknown as StoredEvent[];
    let meeting: Meeting | null = null;
    const upgraded = v1Log.map((stored) => {
      const read = readStoredEvent(stored, meeting);
      if (!read.ok) throw new Error(`seq ${stored.seq}: ${read.reason}`);
      meeting = evolve(meeting, read.stored.event);
      return read.stored;
    });
    const record = buildRecord(v1Log);
    expect(buildRecord(upgraded)).toStrictEqual(record);
    // Items 2 and 4 were removed; France's speech (extended) and Japan's are under item 1.
    expect(record.items.map((i) => i.number)).toEqual(['1', '3']);
    expect(record.items[0]?.interventions).toMatchObject([
      { delegation: 'France', durationSeconds: 230, limitSeconds: 240, parts: [{}] },
      { delegation: 'Japan', durationSeconds: 90, parts: [{}] },
    ]);
    expect(record.items[0]?.sessions.map((s) => s.ended)).toEqual(['left', 'concluded']);
    expect(record.meeting.lastSeq).toBe(v1Log.length);
  });
});
