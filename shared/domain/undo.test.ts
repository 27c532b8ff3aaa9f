import { describe, expect, it } from 'vitest';
import type { Decision } from './decide';
import { ITEM, P, Room, replayAll } from './fixtures';
import { UNDO_WINDOW_SECONDS } from './model';
import { kindsInOrder } from './queue';

const code = (d: Decision) => (d.ok ? 'ok' : d.error.code);

/** A list of five: a point of order, a reply and three requests to speak. */
function listOfFive() {
  const room = new Room({ openItem: ITEM.rtoReports });
  const ids = {
    order: room.queue(P.kenya, 'point_of_order'),
    reply: room.queue(P.egypt, 'reply'),
    france: room.queue(P.france),
    brazil: room.queue(P.brazil),
    japan: room.queue(P.japan),
  };
  return { room, ids, before: room.meeting.floor.queue };
}

describe('floor.clear and floor.restore', () => {
  it('clear removes every waiting request in one event; restore puts them all back in place', () => {
    const { room, ids, before } = listOfFive();
    const [cleared] = room.must(P.chair, { type: 'floor.clear' });
    expect(cleared).toEqual({ type: 'floor.cleared', requestIds: before.map((r) => r.id), at: room.ctx.now });
    expect(room.meeting.floor.queue).toEqual([]);
    expect(code(room.run(P.chair, { type: 'floor.clear' }))).toBe('conflict');
    room.ctx.advance(10);
    const [restored] = room.must(P.chair, { type: 'floor.restore', requestIds: Object.values(ids) });
    expect(restored?.type).toBe('floor.restored');
    expect(room.meeting.floor.queue).toEqual(before);
    expect(room.meeting.recentlyRemoved.requests).toEqual([]);
    expect(replayAll(room.events)).toEqual(room.meeting);
  });

  it('remove then restore puts the request back at its old index', () => {
    const { room, ids, before } = listOfFive();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.france });
    expect(room.meeting.floor.queue.map((r) => r.id)).not.toContain(ids.france);
    room.must(P.chair, { type: 'floor.restore', requestIds: [ids.france] });
    expect(room.meeting.floor.queue).toEqual(before);
  });

  it('restored requests keep the kinds in order when the list changed meanwhile', () => {
    const { room, ids } = listOfFive();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.france });
    // France stood third (index 2); two points of order arrive ahead of everything.
    room.queue(P.kazakhstan, 'point_of_order');
    room.queue(P.spokesApt, 'point_of_order');
    room.must(P.chair, { type: 'floor.restore', requestIds: [ids.france] });
    expect(kindsInOrder(room.meeting.floor.queue)).toBe(true);
    expect(room.meeting.floor.queue.findIndex((r) => r.id === ids.france)).toBe(4);
  });

  it('skips a participant who asked again meanwhile, and refuses when nothing is left to put back', () => {
    const { room, ids } = listOfFive();
    room.must(P.chair, { type: 'floor.clear' });
    room.queue(P.france);
    const [event] = room.must(P.chair, { type: 'floor.restore', requestIds: [ids.france, ids.brazil] });
    expect(event?.type === 'floor.restored' && event.restored.map((r) => r.request.id)).toEqual([ids.brazil]);
    room.queue(P.japan);
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.japan] }))).toBe('conflict');
  });

  it.each<[string, number, 'ok' | 'not_found']>([
    ['within the undo window', UNDO_WINDOW_SECONDS, 'ok'],
    ['after the undo window', UNDO_WINDOW_SECONDS + 1, 'not_found'],
  ])('restore %s → %s', (_name, seconds, expected) => {
    const { room, ids } = listOfFive();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.brazil });
    room.ctx.advance(seconds);
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.brazil] }))).toBe(expected);
  });

  it('refuses requests never removed, withdrawn by their owner, or twice', () => {
    const { room, ids } = listOfFive();
    room.must(P.brazil, { type: 'floor.withdraw' });
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.brazil] }))).toBe('not_found');
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.japan] }))).toBe('not_found');
    room.must(P.chair, { type: 'floor.remove', requestId: ids.japan });
    room.must(P.chair, { type: 'floor.restore', requestIds: [ids.japan] });
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.japan] }))).toBe('not_found');
  });

  it('refuses requests of another agenda item', () => {
    const { room, ids } = listOfFive();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.japan });
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
    expect(code(room.run(P.chair, { type: 'floor.restore', requestIds: [ids.japan] }))).toBe('conflict');
  });
});

describe('agenda.restore', () => {
  /** Item 4 with a parked list and a linked proposal, removed. */
  function removedItem() {
    const room = new Room({ openItem: ITEM.aob });
    room.queue(P.egypt);
    const [created] = room.must(P.chair, {
      type: 'proposal.create',
      symbol: 'AOB/1',
      title: 'A note',
      submittedBy: 'ATU',
      itemId: ITEM.aob,
    });
    const proposalId = created?.type === 'proposal.created' ? created.proposal.id : '';
    room.must(P.chair, { type: 'agenda.open', itemId: ITEM.opening });
    const before = room.meeting;
    room.must(P.chair, { type: 'agenda.remove', itemId: ITEM.aob });
    return { room, before, proposalId };
  }

  it('restores the item at its old index with its data, its parked list and its proposals', () => {
    const { room, before, proposalId } = removedItem();
    expect(room.meeting.agenda.map((i) => i.id)).not.toContain(ITEM.aob);
    expect(room.meeting.parkedLists).toEqual({});
    room.ctx.advance(30);
    const [event] = room.must(P.secretariat, { type: 'agenda.restore', itemId: ITEM.aob });
    expect(event).toMatchObject({ type: 'agenda.itemRestored', index: 3, relinkedProposalIds: [proposalId] });
    expect(room.meeting.agenda).toEqual(before.agenda);
    expect(room.meeting.parkedLists).toEqual(before.parkedLists);
    expect(room.meeting.proposals).toEqual(before.proposals);
    expect(room.meeting.recentlyRemoved.items).toEqual([]);
    expect(replayAll(room.events)).toEqual(room.meeting);
  });

  it('leaves a proposal linked elsewhere since the removal where it is', () => {
    const { room, proposalId } = removedItem();
    room.must(P.chair, { type: 'proposal.update', proposalId, itemId: ITEM.opening });
    const [event] = room.must(P.chair, { type: 'agenda.restore', itemId: ITEM.aob });
    expect(event).toMatchObject({ relinkedProposalIds: [] });
    expect(room.meeting.proposals[0]?.itemId).toBe(ITEM.opening);
  });

  it.each<[string, number, 'ok' | 'not_found']>([
    ['within the undo window', UNDO_WINDOW_SECONDS, 'ok'],
    ['after the undo window', UNDO_WINDOW_SECONDS + 1, 'not_found'],
  ])('restore %s → %s', (_name, seconds, expected) => {
    const { room } = removedItem();
    room.ctx.advance(seconds);
    expect(code(room.run(P.chair, { type: 'agenda.restore', itemId: ITEM.aob }))).toBe(expected);
  });

  it('refuses an item never removed, and a second restore', () => {
    const { room } = removedItem();
    expect(code(room.run(P.chair, { type: 'agenda.restore', itemId: ITEM.rtoReports }))).toBe('not_found');
    room.must(P.chair, { type: 'agenda.restore', itemId: ITEM.aob });
    expect(code(room.run(P.chair, { type: 'agenda.restore', itemId: ITEM.aob }))).toBe('not_found');
  });

  it('is for whoever may remove items: a delegate may not', () => {
    const { room } = removedItem();
    expect(code(room.run(P.kenya, { type: 'agenda.restore', itemId: ITEM.aob }))).toBe('forbidden');
  });
});

describe('the undo records stay bounded', () => {
  it('a removal drops the records past the undo window', () => {
    const { room, ids } = listOfFive();
    room.must(P.chair, { type: 'floor.remove', requestId: ids.france });
    room.ctx.advance(UNDO_WINDOW_SECONDS + 1);
    room.must(P.chair, { type: 'floor.remove', requestId: ids.brazil });
    expect(room.meeting.recentlyRemoved.requests.map((r) => r.request.id)).toEqual([ids.brazil]);
  });
});
