import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids';
import type { CommandInput } from '../protocol/commands';
import type { Decision } from './decide';
import type { MeetingEvent } from './events';
import { ITEM, P, Room, replayAll, T0 } from './fixtures';
import type { FloorKind } from './model';

const types = (events: MeetingEvent[]) => events.map((e) => e.type);
const code = (d: Decision) => (d.ok ? 'ok' : d.error.code);

/** France speaks (180 s limit) from T0 for `seconds`, then `who` is given the floor with `give`. */
function interrupted(kind: FloorKind, give: Partial<{ suspend: boolean }> = {}, seconds = 50) {
  const room = new Room({ openItem: ITEM.rtoReports });
  const start = room.ctx.now;
  const france = room.giveTo(P.france);
  room.ctx.advance(seconds);
  const requestId = room.queue(P.kenya, kind);
  const events = room.must(P.chair, { type: 'floor.give', requestId, ...give });
  return { room, start, france, requestId, events };
}

describe('who is interrupted when the floor is given', () => {
  it.each<[string, FloorKind, { suspend?: boolean }, 'suspended' | 'ended']>([
    ['a point of order suspends the speaker', 'point_of_order', {}, 'suspended'],
    ['a point of order suspends even with suspend: false', 'point_of_order', { suspend: false }, 'suspended'],
    ['a right of reply with suspend suspends', 'reply', { suspend: true }, 'suspended'],
    ['a right of reply without suspend ends the speech', 'reply', {}, 'ended'],
    ['a request to speak ends the speech', 'speak', { suspend: true }, 'ended'],
  ])('%s', (_name, kind, give, outcome) => {
    const { room, france, events } = interrupted(kind, give);
    expect(types(events)).toEqual([
      outcome === 'suspended' ? 'floor.suspended' : 'floor.ended',
      'floor.given',
    ]);
    expect(room.meeting.floor.current?.participantId).toBe(P.kenya);
    if (outcome === 'suspended') {
      expect(room.meeting.floor.suspended).toMatchObject([
        { requestId: france, participantId: P.france, remainingSeconds: 130, suspendedAt: T0 + 50_000 },
      ]);
      expect(room.meeting.interventions).toEqual([]);
    } else {
      expect(room.meeting.floor.suspended).toEqual([]);
      expect(room.meeting.interventions).toMatchObject([{ requestId: france, durationSeconds: 50 }]);
    }
  });

  it('floor.next to a point of order suspends too, and a reply only with suspend', () => {
    for (const [kind, suspend, expected] of [
      ['point_of_order', undefined, 'floor.suspended'],
      ['reply', true, 'floor.suspended'],
      ['reply', undefined, 'floor.ended'],
    ] as const) {
      const room = new Room({ openItem: true });
      room.giveTo(P.france);
      room.queue(P.kenya, kind);
      const next: CommandInput = suspend ? { type: 'floor.next', suspend } : { type: 'floor.next' };
      expect(types(room.must(P.chair, next))[0]).toBe(expected);
    }
  });
});

describe('a suspended speaker resumes', () => {
  it.each<[string, CommandInput['type'], ParticipantId]>([
    ['when the point of order is ended by the chair', 'floor.end', P.chair],
    ['when the delegate raising it yields', 'floor.end', P.kenya],
    ['on floor.next, before anyone in the list', 'floor.next', P.chair],
  ])('%s, with the time they had left; the log shows two parts', (_name, type, actor) => {
    const { room, start, france } = interrupted('point_of_order');
    room.queue(P.brazil);
    room.ctx.advance(20);
    const events = room.must(actor, { type } as CommandInput);
    expect(types(events)).toEqual(['floor.ended', 'floor.resumed']);
    expect(room.meeting.floor.current).toMatchObject({
      requestId: france,
      participantId: P.france,
      startedAt: start + 70_000,
      limitSeconds: 130,
      resumed: true,
    });
    expect(room.meeting.floor.suspended).toEqual([]);
    expect(room.queuedParticipants()).toEqual([P.brazil]);
    room.ctx.advance(100);
    room.must(P.chair, { type: 'floor.end' });
    const [, speech] = room.meeting.interventions;
    expect(speech).toMatchObject({
      requestId: france,
      startedAt: start,
      endedAt: start + 170_000,
      parts: [
        { startedAt: start, endedAt: start + 50_000 },
        { startedAt: start + 70_000, endedAt: start + 170_000 },
      ],
      durationSeconds: 150,
      limitSeconds: 180,
      overrunSeconds: 0,
    });
    expect(replayAll(room.events)).toEqual(room.meeting);
  });

  it('a speaker who had run over resumes at zero, and the log counts the whole overrun', () => {
    const { room, start } = interrupted('point_of_order', {}, 190);
    expect(room.meeting.floor.suspended[0]?.remainingSeconds).toBe(0);
    room.ctx.advance(10);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.floor.current?.limitSeconds).toBe(0);
    room.ctx.advance(5);
    room.must(P.chair, { type: 'floor.extend', seconds: 30 });
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.interventions[1]).toMatchObject({
      startedAt: start,
      durationSeconds: 195,
      limitSeconds: 210,
      overrunSeconds: 0,
    });
  });

  it('a point of order during a point of order: both are suspended and resume last-in first-out', () => {
    const { room, france } = interrupted('point_of_order');
    const kenya = room.meeting.floor.current!.requestId;
    room.ctx.advance(10);
    const japan = room.queue(P.japan, 'point_of_order');
    expect(types(room.must(P.chair, { type: 'floor.give', requestId: japan }))).toEqual([
      'floor.suspended',
      'floor.given',
    ]);
    expect(room.meeting.floor.suspended.map((s) => s.requestId)).toEqual([france, kenya]);
    room.ctx.advance(5);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.floor.current?.requestId).toBe(kenya);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.floor.current?.requestId).toBe(france);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.floor.current).toBeNull();
    expect(room.meeting.interventions.map((v) => [v.requestId, v.parts.length])).toEqual([
      [japan, 1],
      [kenya, 2],
      [france, 2],
    ]);
  });

  it('floor.endSuspended ends the suspended intervention instead, logged as ended while suspended', () => {
    const { room, start, france } = interrupted('point_of_order');
    room.ctx.advance(20);
    const events = room.must(P.chair, { type: 'floor.endSuspended' });
    expect(types(events)).toEqual(['floor.endedWhileSuspended']);
    expect(room.meeting.floor.suspended).toEqual([]);
    expect(room.meeting.floor.current?.participantId).toBe(P.kenya);
    expect(room.meeting.interventions).toMatchObject([
      {
        requestId: france,
        endedWhileSuspended: true,
        parts: [{ startedAt: start, endedAt: start + 50_000 }],
        durationSeconds: 50,
      },
    ]);
    // Nobody resumes afterwards.
    expect(types(room.must(P.chair, { type: 'floor.end' }))).toEqual(['floor.ended']);
    expect(code(room.run(P.chair, { type: 'floor.endSuspended' }))).toBe('conflict');
  });

  it('leaving the item ends the suspended interventions too; suspending the meeting keeps them waiting', () => {
    const held = interrupted('point_of_order').room;
    held.must(P.chair, { type: 'meeting.suspend' });
    expect(held.meeting.floor.suspended).toHaveLength(1);
    held.must(P.chair, { type: 'meeting.resume' });
    expect(types(held.must(P.chair, { type: 'floor.next' }))).toEqual(['floor.resumed']);

    const left = interrupted('point_of_order').room;
    const events = left.must(P.chair, { type: 'agenda.open', itemId: ITEM.resolution31 });
    expect(types(events)).toEqual(['floor.ended', 'floor.endedWhileSuspended', 'agenda.itemOpened']);
    expect(left.meeting.floor.suspended).toEqual([]);
  });

  it('a suspended speaker cannot ask for the floor (they have it, suspended)', () => {
    const { room } = interrupted('point_of_order');
    expect(room.run(P.france, { type: 'floor.request', kind: 'speak' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'you have the floor already' },
    });
  });
});

describe('giving the floor to someone offline', () => {
  it.each<[string, CommandInput, 'offline' | 'ok']>([
    ['give is refused', { type: 'floor.give', requestId: 'r_1' }, 'offline'],
    [
      'give with confirmOffline goes ahead',
      { type: 'floor.give', requestId: 'r_1', confirmOffline: true },
      'ok',
    ],
    ['next is refused', { type: 'floor.next' }, 'offline'],
    ['next with confirmOffline goes ahead', { type: 'floor.next', confirmOffline: true }, 'ok'],
  ])('%s', (_name, input, expected) => {
    const room = new Room({ openItem: true, offline: [P.kenya] });
    expect(room.queue(P.kenya)).toBe('r_1');
    const decision = room.run(P.chair, input);
    expect(code(decision)).toBe(expected);
    if (!decision.ok) {
      // Plain English that names the delegation, never a command.
      expect(decision.error.message).toContain('Kenya');
      expect(decision.error.message).not.toMatch(/floor\./);
      return;
    }
    expect(room.meeting.floor.current).toMatchObject({ participantId: P.kenya, offline: true });
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.interventions[0]).toMatchObject({ participantId: P.kenya, offline: true });
  });

  it('an online speaker is not marked offline', () => {
    const room = new Room({ openItem: true });
    room.giveTo(P.kenya);
    room.must(P.chair, { type: 'floor.end' });
    expect(room.meeting.interventions[0]).not.toHaveProperty('offline');
  });

  it('a suspended speaker who went offline waits for the chair instead of resuming', () => {
    const { room } = interrupted('point_of_order');
    room.events.push({ type: 'participant.offline', participantId: P.france });
    room.meeting = replayAll(room.events);
    expect(types(room.must(P.chair, { type: 'floor.end' }))).toEqual(['floor.ended']);
    expect(room.meeting.floor.suspended).toHaveLength(1);
    expect(code(room.run(P.chair, { type: 'floor.next' }))).toBe('offline');
    room.must(P.chair, { type: 'floor.next', confirmOffline: true });
    expect(room.meeting.floor.current).toMatchObject({
      participantId: P.france,
      resumed: true,
      offline: true,
    });
  });
});

describe('withdrawing a request', () => {
  it('withdraws the named request, or by default the latest one made', () => {
    const room = new Room({ openItem: true });
    const speak = room.queue(P.kenya, 'speak');
    room.ctx.advance(5);
    const order = room.queue(P.kenya, 'point_of_order');
    room.queue(P.brazil);
    // The point of order stands first in the list but was made last: the default withdraws it.
    expect(room.meeting.floor.queue[0]?.id).toBe(order);
    const [byDefault] = room.must(P.kenya, { type: 'floor.withdraw' });
    expect(byDefault).toEqual({ type: 'floor.withdrawn', requestId: order });

    const again = room.queue(P.kenya, 'point_of_order');
    const [named] = room.must(P.kenya, { type: 'floor.withdraw', requestId: speak });
    expect(named).toEqual({ type: 'floor.withdrawn', requestId: speak });
    expect(room.meeting.floor.queue.map((r) => r.id)).toContain(again);
    expect(room.run(P.brazil, { type: 'floor.withdraw', requestId: again })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
