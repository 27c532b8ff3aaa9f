import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../shared';
import { plainText } from '../../shared/collab/schema';
import { applied, connect, type TestClient } from '../support/client';
import { openEditor, waitUntil } from '../support/collab';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';

type Closed = Extract<MeetingEvent, { type: 'consensus.closed' }>;

const HOUR = 3600_000;

/**
 * A silence procedure whose deadline passes while no server runs: the demo meeting in a real
 * `server/main.ts` process over SQLite; a delegation objects from its join link (its only
 * connection) between sessions; the process stops; it is started again "after" the deadline (its
 * meetings' clock moved on with IRM_TEST_CLOCK_OFFSET_MS, the domain's shortest deadline being an
 * hour) and applies the outcome at once, before anyone connects.
 */
describe('a silence procedure across a restart', () => {
  const processes: ServerProcess[] = [];
  const clients: TestClient[] = [];
  let dataDir: string;
  const adminToken = randomBytes(32).toString('base64url');

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    const server = await spawnServer(dataDir, { IRM_ADMIN_TOKEN: adminToken, ...env });
    processes.push(server);
    return server;
  };
  const stop = async (server: ServerProcess) => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  };
  const join = async (server: ServerProcess, token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  it('applies the outcome on restart; the objection from a join link stands', async () => {
    dataDir = await tempDir('irm-silence-');
    const first = await start();
    const link = (delegation: string) => first.links.find((l) => l.delegation === delegation)!;
    const chairLink = first.links.find((l) => l.role === 'chair')!;
    const chair = await join(first, chairLink.token);
    const proposal = chair.meeting().proposals.find((p) => p.symbol === 'IRM1/DT/1')!;
    // The demo text, seeded when the demo was created, as an editor sees it.
    const editor = openEditor(first.url, proposal.id, chairLink.token);
    await waitUntil(() => plainText(editor.doc).includes('Recognizing'), 'the demo text');
    editor.destroy();

    // Two silence procedures with the same deadline, just over the hour the rules require.
    const until = Date.now() + HOUR + 60_000;
    await applied(chair, { type: 'consensus.ask', proposalId: proposal.id, paragraphIds: ['b2'], until });
    await applied(chair, { type: 'consensus.ask', proposalId: proposal.id, paragraphIds: ['b4'], until });
    const [quiet, objected] = chair.meeting().consensus.checks;
    expect([quiet?.paragraphNumbers, objected?.paragraphNumbers]).toEqual([[1], [3]]);
    expect(objected).toMatchObject({ procedure: 'silence', endsAt: until });
    // The session ends; silence procedures run on (only the room's checks end with it).
    await applied(chair, { type: 'meeting.open' });
    await applied(chair, { type: 'meeting.close' });
    chair.close();

    // Egypt opens its join link between sessions (its only connection) and objects.
    const egypt = await join(first, link('Egypt').token);
    expect(egypt.meeting().status).toBe('closed');
    await applied(egypt, {
      type: 'consensus.object',
      checkId: objected!.id,
      reason: 'Egypt cannot accept paragraph 3.',
    });
    egypt.close();
    await stop(first);

    // Started again two hours "later": the deadline passed while nothing ran.
    const second = await start({ IRM_TEST_CLOCK_OFFSET_MS: String(2 * HOUR) });
    const secretariat = await join(second, link('BDT').token);
    const checks = secretariat.meeting().consensus.checks;
    const result = (id: string) => checks.find((c) => c.id === id)?.result;
    expect(result(quiet!.id)).toMatchObject({
      outcome: 'agreed',
      closedBy: null,
      closedAt: until,
      objections: [],
    });
    expect(result(objected!.id)).toMatchObject({
      outcome: 'objected',
      closedBy: null,
      closedAt: until,
      objections: [{ delegation: 'Egypt', reason: 'Egypt cannot accept paragraph 3.' }],
    });
    // Applied when the process came back, not at the deadline (nobody ran then).
    expect(result(quiet!.id)!.appliedAt).toBeGreaterThan(until);
    expect(secretariat.meeting().consensus.paragraphs[proposal.id]).toMatchObject({
      b2: { status: 'agreed', checkId: quiet!.id },
    });
    expect(secretariat.meeting().consensus.paragraphs[proposal.id]?.b4).toBeUndefined();

    // Once each, in the log (the admin API's export of it).
    const log = await fetch(`${second.url}/api/meetings/${secretariat.meeting().id}/events.jsonl`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(log.status).toBe(200);
    const closed = (await log.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { event: MeetingEvent }).event)
      .filter((e): e is Closed => e.type === 'consensus.closed');
    expect(closed.map((e) => e.checkId).sort()).toEqual([quiet!.id, objected!.id].sort());

    // The deadline has passed: Egypt can no longer withdraw, nor France object.
    const egyptAgain = await join(second, link('Egypt').token);
    const withdraw = await egyptAgain.send({ type: 'consensus.withdrawObjection', checkId: objected!.id });
    expect(withdraw).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const france = await join(second, link('France').token);
    const late = await france.send({ type: 'consensus.object', checkId: quiet!.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await stop(second);
  }, 60_000);
});
