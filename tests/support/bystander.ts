import type { Ack } from '../../shared';
import { connect, type TestClient } from './client';
import { createProposal, type Editor, firstParagraph, openEditor } from './collab';
import { createMeetingWith } from './meeting';
import { delay, waitFor } from './wait';

/**
 * A bystander: an innocent meeting on the same server as an attack, whose clients keep working
 * throughout and measure how long they wait. Adversarial tests (tests/abuse/) and `npm run
 * bench:abuse` assert or print its latencies: an attack on one meeting must not make another wait.
 *
 * Three probes, each at a rate well inside every per-participant limit:
 * - `clock`: the chair's Socket.IO `clock` round trip (the event loop, every 250 ms);
 * - `command`: a delegate's floor.request / floor.withdraw, acknowledged only once stored (500 ms);
 * - `edit`: one character typed by editor A into a proposal, until editor B sees it (100 ms).
 * A probe still unanswered when the bystander stops counts with the time it has waited.
 */
export interface Bystander {
  meetingId: string;
  proposalId: string;
  /** Stops the probes (waiting up to `settleMs` for answers in flight) and returns what they saw. */
  stop: (settleMs?: number) => Promise<BystanderReport>;
}

/** Latencies of one probe, in milliseconds. */
export interface LatencyStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface BystanderReport {
  clock: LatencyStats;
  command: LatencyStats;
  edit: LatencyStats;
  /** Every probe together. */
  all: LatencyStats;
  /** What went wrong for the bystander (a refused command, a closed editor...): must stay empty. */
  errors: string[];
}

const PEOPLE = {
  a: { name: 'Bystander A', delegation: 'Chile', role: 'delegate', region: 'AMS' },
  b: { name: 'Bystander B', delegation: 'Ghana', role: 'delegate', region: 'AFR' },
};

export async function startBystander(url: string, adminToken: string): Promise<Bystander> {
  const created = await createMeetingWith(url, adminToken, PEOPLE);
  const chair = await connect(url, created.chair.token);
  const delegate = await connect(url, created.people.a!.token);
  for (const command of [
    { type: 'meeting.open' },
    { type: 'agenda.add', title: 'Bystander item' },
  ] as const) {
    const ack = await chair.send(command);
    if (!ack.ok) throw new Error(`bystander ${command.type}: ${ack.error.message}`);
    await chair.waitForSeq(ack.seq);
  }
  const opened = await chair.send({ type: 'agenda.open', itemId: chair.meeting().agenda[0]!.id });
  if (!opened.ok) throw new Error(`bystander agenda.open: ${opened.error.message}`);
  const proposalId = await createProposal(chair, {
    symbol: `BYST/${Date.now() % 100000}`,
    title: 'Bystander text',
    baseText: 'The bystander types here.',
  });
  const writer = openEditor(url, proposalId, created.people.a!.token);
  const reader = openEditor(url, proposalId, created.people.b!.token);
  await Promise.all([writer.synced, reader.synced]);
  await waitFor(() => textLength(reader) > 0 && textLength(writer) > 0, 'bystander texts');

  const samples = { clock: [] as number[], command: [] as number[], edit: [] as number[] };
  const errors: string[] = [];
  const inFlight = new Set<{ started: number; kind: keyof typeof samples }>();
  let running = true;
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, fn: () => void) => timers.push(setInterval(() => running && fn(), ms));

  const probe = <T>(kind: keyof typeof samples, work: () => Promise<T>, check: (r: T) => string | null) => {
    const entry = { started: performance.now(), kind };
    inFlight.add(entry);
    work().then(
      (result) => {
        inFlight.delete(entry);
        samples[kind].push(performance.now() - entry.started);
        const problem = check(result);
        if (problem) errors.push(`${kind}: ${problem}`);
      },
      (error: unknown) => {
        inFlight.delete(entry);
        samples[kind].push(performance.now() - entry.started);
        errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  every(250, () =>
    probe(
      'clock',
      () => chair.socket.timeout(30_000).emitWithAck('clock'),
      (t) => (typeof t === 'number' ? null : 'no server time'),
    ),
  );
  let requested = false;
  let commandBusy = false;
  every(500, () => {
    if (commandBusy) return;
    commandBusy = true;
    const command = requested
      ? ({ type: 'floor.withdraw' } as const)
      : ({ type: 'floor.request', kind: 'speak' } as const);
    probe(
      'command',
      () => delegate.send(command).finally(() => (commandBusy = false)),
      (ack: Ack) => {
        if (!ack.ok) return `${command.type} refused: ${ack.error.code} ${ack.error.message}`;
        requested = !requested;
        return null;
      },
    );
  });

  // Edits: A appends one character; B has seen edit i once its text is longer than base + i.
  const base = textLength(reader);
  const typed: number[] = [];
  const seen = { count: 0 };
  const onReaderUpdate = () => {
    const received = textLength(reader) - base;
    while (seen.count < Math.min(received, typed.length)) {
      samples.edit.push(performance.now() - typed[seen.count]!);
      seen.count++;
    }
  };
  reader.doc.on('update', onReaderUpdate);
  every(100, () => {
    if (!writer.provider.wsconnected) return;
    typed.push(performance.now());
    const text = firstParagraph(writer.doc);
    text.insert(text.length, 'x');
  });
  for (const [name, editor] of [
    ['writer', writer],
    ['reader', reader],
  ] as const) {
    void editor.closed.then(({ code, reason }) => {
      if (running) errors.push(`${name} editor closed by the server: ${code} ${reason}`);
    });
  }
  for (const [name, client] of [
    ['chair', chair],
    ['delegate', delegate],
  ] as const) {
    client.socket.on('disconnect', (reason) => {
      if (running) errors.push(`${name} socket disconnected: ${reason}`);
    });
  }

  return {
    meetingId: created.meetingId,
    proposalId,
    stop: async (settleMs = 5000) => {
      running = false;
      for (const t of timers) clearInterval(t);
      const until = performance.now() + settleMs;
      while ((inFlight.size > 0 || seen.count < typed.length) && performance.now() < until) {
        await delay(20);
      }
      const now = performance.now();
      for (const entry of inFlight) samples[entry.kind].push(now - entry.started);
      for (let i = seen.count; i < typed.length; i++) samples.edit.push(now - typed[i]!);
      if (inFlight.size > 0) errors.push(`${inFlight.size} probes unanswered after ${settleMs} ms`);
      if (seen.count < typed.length) errors.push(`${typed.length - seen.count} edits never seen`);
      reader.doc.off('update', onReaderUpdate);
      close(chair, delegate, writer, reader);
      return {
        clock: stats(samples.clock),
        command: stats(samples.command),
        edit: stats(samples.edit),
        all: stats([...samples.clock, ...samples.command, ...samples.edit]),
        errors,
      };
    },
  };
}

function close(...parts: Array<TestClient | Editor>): void {
  for (const part of parts) {
    if ('provider' in part) part.destroy();
    else part.close();
  }
}

const textLength = (editor: Editor): number => {
  try {
    return firstParagraph(editor.doc).length;
  } catch {
    return 0;
  }
};

/** p50, p99 and max of a list of milliseconds (nearest rank). */
export function stats(values: readonly number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    p50: round(rank(0.5)),
    p99: round(rank(0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One line for a test's failure message or the bench table. */
export const describeReport = (r: BystanderReport): string =>
  `all p99 ${r.all.p99} ms, max ${r.all.max} ms (clock ${r.clock.max}, command ${r.command.max}, edit ${r.edit.max}; ${r.all.count} probes)` +
  (r.errors.length ? `; errors: ${r.errors.slice(0, 5).join(' | ')}` : '');

/**
 * The bound every abuse test asserts for the bystander, as an order of magnitude (these machines are
 * shared and noisy): the target is "about half a second"; a stalled process shows seconds.
 */
export const BYSTANDER_MAX_MS = 1500;
export const BYSTANDER_P99_MS = 750;
