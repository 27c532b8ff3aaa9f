import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { firstParagraph, openEditor, waitUntil } from '../support/collab';
import { delay } from '../support/wait';
import { startDeleteSetBomb, TEXT_LENGTH } from './attacks/deleteSetBomb';
import { startServerProcess } from './serverProcess';

describe('abuse: a delete set whose cost depends on the live document', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(() => server.stop());

  it('refuses 60k backward single-character deletions of a long text at once; the bystander never waits', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startDeleteSetBomb({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 3000,
    });
    await delay(3000); // the attack's duration: the bystander is measured while it runs
    const report = await bystander.stop();
    const outcome = await attack.stop();
    console.info(`delete-set bomb: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(attack.tally.get(4400), outcome).toBeGreaterThanOrEqual(1);

    // Nothing of the text was deleted.
    const reader = openEditor(server.url, attack.proposalId, attack.readerToken);
    try {
      await waitUntil(() => {
        try {
          return firstParagraph(reader.doc).length >= TEXT_LENGTH;
        } catch {
          return false;
        }
      }, 'the whole text');
    } finally {
      reader.destroy();
    }
  }, 60_000);
});
