import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared';
import { api, applied, connect, type TestClient } from '../support/client';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';
import { delay, waitFor } from '../support/wait';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A point of order over a real server: the speaker is suspended, resumes with the time they had
 * left when the point of order ends, and the log shows both parts of their intervention.
 */
describe('a point of order suspends the speaker, who resumes afterwards', () => {
  let server: Server;
  let meetingId: string;
  let chairInvite: Invitee;
  let people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
  const clients: TestClient[] = [];
  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    ({
      meetingId,
      chair: chairInvite,
      people,
    } = (await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE)) as {
      meetingId: string;
      chair: Invitee;
      people: Record<keyof typeof STANDARD_PEOPLE, Invitee>;
    });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('suspends, resumes with the remaining time, and logs two parts', async () => {
    const chair = await join(chairInvite.token);
    const france = await join(people.france.token);
    const egypt = await join(people.egypt.token);
    await applied(chair, { type: 'meeting.open' });
    await applied(chair, { type: 'agenda.add', title: 'Outcomes of the RPMs', plannedMinutes: 30 });
    await applied(chair, { type: 'agenda.open', itemId: chair.meeting().agenda[0]!.id });
    const franceId = france.snapshot.you.participantId;
    const egyptId = egypt.snapshot.you.participantId;
    await waitFor(
      () =>
        chair
          .meeting()
          .participants.filter((p) => p.id === franceId || p.id === egyptId)
          .every((p) => p.online),
      'the two delegates online',
    );

    await applied(france, { type: 'floor.request', kind: 'speak' });
    await applied(chair, { type: 'floor.next' });
    const speech = chair.meeting().floor.current!;
    expect(speech.participantId).toBe(franceId);
    await delay(1100); // France speaks for a moment

    await applied(egypt, { type: 'floor.request', kind: 'point_of_order' });
    const order = chair.meeting().floor.queue.find((r) => r.participantId === egyptId)!;
    await applied(chair, { type: 'floor.give', requestId: order.id });
    await france.waitForSeq(chair.seq());
    const seenByFrance = france.meeting().floor;
    expect(seenByFrance.current?.participantId).toBe(egyptId);
    expect(seenByFrance.suspended).toHaveLength(1);
    const suspended = seenByFrance.suspended[0]!;
    expect(suspended).toMatchObject({ requestId: speech.requestId, participantId: franceId });
    expect(suspended.remainingSeconds).toBeLessThan(speech.limitSeconds);
    expect(suspended.remainingSeconds).toBeGreaterThanOrEqual(speech.limitSeconds - 3);

    await delay(1100); // the point of order is heard; France's clock is stopped meanwhile
    await applied(chair, { type: 'floor.end' });
    await france.waitForSeq(chair.seq());
    const resumed = france.meeting().floor.current!;
    expect(resumed).toMatchObject({
      requestId: speech.requestId,
      participantId: franceId,
      resumed: true,
      limitSeconds: suspended.remainingSeconds,
    });
    expect(resumed.startedAt).toBeGreaterThan(suspended.suspendedAt);
    expect(france.meeting().floor.suspended).toEqual([]);

    await delay(1100);
    await applied(france, { type: 'floor.end' }); // France yields
    const { body } = await api<{ meeting: Meeting }>(
      server.url,
      'GET',
      `/api/meetings/${meetingId}`,
      chairInvite.token,
    );
    const log = body.meeting.interventions;
    expect(log.map((v) => [v.participantId, v.parts.length])).toEqual([
      [egyptId, 1],
      [franceId, 2],
    ]);
    const franceLog = log[1]!;
    const [first, second] = franceLog.parts;
    expect(first!.endedAt).toBe(suspended.suspendedAt);
    expect(second!.startedAt).toBe(resumed.startedAt);
    expect(franceLog.limitSeconds).toBe(speech.limitSeconds);
    const spokenMs = franceLog.parts.reduce((ms, p) => ms + p.endedAt - p.startedAt, 0);
    expect(franceLog.durationSeconds).toBe(Math.round(spokenMs / 1000));
    // The point of order's time is not counted as France's.
    expect(spokenMs).toBeLessThan(franceLog.endedAt - franceLog.startedAt - 1000);
  });

  it('asks before giving the floor to someone not connected', async () => {
    const chair = clients[0]!;
    // The observer never connected; the chair queues them (as for a request by another channel).
    const observer = chair.meeting().participants.find((p) => p.delegation === 'Youth representative')!;
    expect(observer.online).toBe(false);
    const observerId = observer.id;
    await applied(chair, { type: 'floor.request', kind: 'speak', participantId: observerId });
    const request = chair.meeting().floor.queue.find((r) => r.participantId === observerId)!;
    const refused = await chair.send({ type: 'floor.give', requestId: request.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'offline' } });
    if (!refused.ok) expect(refused.error.message).toContain('Youth representative');
    await applied(chair, { type: 'floor.give', requestId: request.id, confirmOffline: true });
    expect(chair.meeting().floor.current).toMatchObject({ participantId: observerId, offline: true });
  });
});
