import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../abuse/serverProcess';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { createMeetingWith } from '../support/meeting';
import { addAs } from '../support/secretariatApi';
import { delay } from '../support/wait';

/** Registrations in the offender's meeting: a log of that many events, each export over all of it. */
const ROWS = 1500;
const FLOOD_MS = 5000;

function registrationList(): string {
  const lines = ['name;delegation;role;category;region;email;lang'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`Delegate ${i};Delegation ${i};delegate;Member State;Africa;d${i}@example.org;fr`);
  return `${lines.join('\r\n')}\r\n`;
}

const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Three officers of a meeting with a long log download its record and its log over and over, nine
 * requests at a time: each answer is work over the whole log. The exports pass the bulk gate (a
 * budget per caller and meeting, one at a time per caller and per process) and the log is sent in
 * pages that take turns, so a bystander meeting on the same process keeps its latency.
 */
describe('abuse: downloading the record and the log in a loop', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('answers 200 or 429, never stalls the process; the bystander does not wait', async () => {
    const created = await createMeetingWith(server.url, server.adminToken, {
      sec: { name: 'Offender', delegation: 'Atlantis', role: 'secretariat', region: 'EUR' },
    });
    const second = await addAs(server.url, server.adminToken, created.meetingId, {
      name: 'Offender 2',
      delegation: 'Atlantis',
      role: 'secretariat',
    });
    const imported = await fetch(`${server.url}/api/meetings/${created.meetingId}/participants/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.people.sec!.token}`, 'content-type': 'text/csv' },
      body: registrationList(),
    });
    expect(imported.status).toBe(200);

    const bystander = await startBystander(server.url, server.adminToken);
    const routes = ['/events.jsonl', '/record.docx', '/record.xlsx', '/record'];
    const statuses = new Map<number, number>();
    let bytes = 0;
    let running = true;
    const hammer = async (token: string, rest: string) => {
      while (running) {
        const res = await fetch(`${server.url}/api/meetings/${created.meetingId}${rest}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        bytes += (await res.arrayBuffer()).byteLength;
        bump(statuses, res.status);
      }
    };
    const callers = [created.chair.token, created.people.sec!.token, second.token];
    const loops = callers.flatMap((token) => routes.map((rest) => hammer(token, rest)));
    await delay(FLOOD_MS);
    running = false;
    await Promise.all(loops);
    const report = await bystander.stop();
    const outcome = `${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; ${Math.round(bytes / 1024)} KiB`;
    console.info(`record flood: ${outcome}; bystander ${describeReport(report)}`);
    expect([...statuses.keys()].sort(), outcome).toEqual([200, 429]);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
  }, 90_000);
});
