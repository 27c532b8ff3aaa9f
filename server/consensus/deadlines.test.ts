import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CommandInput,
  MeetingId,
  ParticipantId,
  ProposalId,
  StoredEvent,
  TextFacts,
} from '../../shared';
import { waitFor } from '../../tests/support/wait';
import { LOCAL_BUS } from '../meeting/bus';
import { MeetingService } from '../meeting/service';
import { createLogger } from '../observability/logger';
import { SqliteStore } from '../store/sqlite';
import { CheckDeadlines } from './deadlines';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const log = createLogger('silent');
const DAY = 24 * 3600_000;

/**
 * Two services over one SQLite file (two connections, as two processes), deliberately on no shared
 * bus: neither hears of the other's appends until the store refuses a stale one. A's chair asks a
 * check through `submitCommand` with the text's facts; the clock is the test's.
 */
async function twoWriters() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irm-deadlines-'));
  const file = path.join(dir, 'irm.sqlite');
  const clock = { t: Date.parse('2025-07-14T11:00:00Z') };
  const now = () => clock.t;
  let n = 0;
  const common = { bus: LOCAL_BUS, now, newId: (p: string) => `${p}_${++n}` };
  const storeA = SqliteStore.open(file);
  const a = await MeetingService.load(storeA, common);
  cleanups.push(async () => {
    await a.close();
    await storeA.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const { meeting, chair } = await a.createMeeting({ title: 'IRM-1', timezone: 'UTC' });
  const meetingId = meeting.id;
  const send = async (input: CommandInput, text?: TextFacts) => {
    const ack = await a.submitCommand(meetingId, chair.id, { id: `c${++n}`, ...input } as never, text);
    if (!ack.ok) throw new Error(`${input.type}: ${ack.error.message}`);
  };
  await send({ type: 'meeting.open' });
  await send({ type: 'proposal.create', symbol: 'IRM1/DT/1', title: 'Declaration', submittedBy: 'Chair' });
  const proposalId = a.room(meetingId)!.state.proposals[0]!.id as ProposalId;
  const facts: TextFacts = {
    proposalId,
    paragraphs: [
      { id: 'b1', number: 1, openBrackets: 0, excerpt: 'We, the ministers…' },
      { id: 'b2', number: 2, openBrackets: 0, excerpt: 'Recognizing…' },
    ],
  };
  const storeB = SqliteStore.open(file);
  const openB = async () => {
    const b = await MeetingService.load(storeB, common);
    cleanups.push(async () => {
      await b.close();
      await storeB.close();
    });
    return b;
  };
  const deadlines = (service: MeetingService) => {
    const d = new CheckDeadlines(service, { now, log });
    cleanups.push(() => d.close());
    return d;
  };
  return {
    a,
    openB,
    storeA,
    meetingId,
    chairId: chair.id as ParticipantId,
    proposalId,
    facts,
    send,
    clock,
    deadlines,
  };
}

const closedIn = (events: readonly StoredEvent[]) =>
  events.filter((s) => s.event.type === 'consensus.closed');

async function logOf(store: SqliteStore, meetingId: MeetingId): Promise<StoredEvent[]> {
  return store.readEvents(meetingId, 0, 10_000);
}

describe('check deadlines', () => {
  it('two writers both find the deadline due: the store lets one close it', async () => {
    const w = await twoWriters();
    await w.send(
      { type: 'consensus.ask', proposalId: w.proposalId, paragraphIds: ['b2'], seconds: 5 },
      w.facts,
    );
    const b = await w.openB();
    expect(b.room(w.meetingId)!.state.consensus.checks).toHaveLength(1);
    const seen = { a: [] as StoredEvent[], b: [] as StoredEvent[] };
    w.a.onEventsStored((_id, events) => seen.a.push(...events));
    b.onEventsStored((_id, events) => seen.b.push(...events));

    // Both were down at the deadline: each scans its meetings on start and fires at once.
    w.clock.t += 6000;
    w.deadlines(w.a).start();
    w.deadlines(b).start();
    await waitFor(() => closedIn(seen.a).length > 0 && closedIn(seen.b).length > 0, 'both to see the close');
    await Promise.all([w.a.drain(), b.drain()]);

    expect(closedIn(await logOf(w.storeA, w.meetingId))).toHaveLength(1);
    expect(closedIn(seen.a)).toHaveLength(1);
    expect(closedIn(seen.b)).toHaveLength(1);
    const [closed] = closedIn(seen.a);
    expect(closed!.event).toMatchObject({ outcome: 'agreed', closedBy: null, paragraphIds: ['b2'] });
    for (const service of [w.a, b])
      expect(service.room(w.meetingId)!.state.consensus.paragraphs[w.proposalId]?.b2?.status).toBe('agreed');
  });

  it('a deadline further than setTimeout can wait does not fire early; close() stops every timer', async () => {
    const w = await twoWriters();
    const deadlines = w.deadlines(w.a);
    deadlines.start();
    // Asked after start: armed from the stored events. Unclamped, a 60-day timer would fire at once.
    await w.send(
      { type: 'consensus.ask', proposalId: w.proposalId, paragraphIds: ['b1'], until: w.clock.t + 60 * DAY },
      w.facts,
    );
    await w.send(
      { type: 'consensus.ask', proposalId: w.proposalId, paragraphIds: ['b2'], seconds: 5 },
      w.facts,
    );
    const seq = w.a.room(w.meetingId)!.seq;
    await new Promise((r) => setTimeout(r, 100));
    expect(w.a.room(w.meetingId)!.seq).toBe(seq);

    // Due at once for a scheduler started now; closed before its timer runs, it stores nothing.
    deadlines.close();
    w.clock.t += 6000;
    const late = w.deadlines(w.a);
    late.start();
    late.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(w.a.room(w.meetingId)!.seq).toBe(seq);
  });
});
