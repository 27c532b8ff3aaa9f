import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../client/src/collab/comments';
import { writerName } from '../../shared/collab/limits';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { closeOrRoundTrip, openEditor, waitUntil } from '../support/collab';
import { startTestServer } from '../support/server';
import { delay } from '../support/wait';
import { authorship, FORGERIES, startForgedAuthorship } from './attacks/forgedAuthorship';

describe('abuse: authorship inside the document', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("refuses every rewrite or erasure of another's comment, reply, bracket log or authors entry (4400); nothing changes", async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startForgedAuthorship({
      url: server.url,
      adminToken: server.adminToken,
      durationMs: 0,
    });
    await Promise.all([
      waitUntil(() => attack.tried.length > FORGERIES.length, 'every forgery tried', 30_000),
      delay(2000), // a pause: the bystander is measured for at least this long under attack
    ]);
    const report = await bystander.stop();
    const outcome = await attack.stop();
    console.info(`forged authorship: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(attack.tally.get(4400), outcome).toBe(attack.tried.length);

    const reader = openEditor(server.url, attack.room.proposalId, attack.room.chairToken);
    try {
      await reader.synced;
      await waitUntil(() => authorship(reader.doc).length > 10, 'the document');
      expect(authorship(reader.doc)).toBe(attack.honest);

      // Writing in one's own name still works, for the offender as for anyone.
      const own = openEditor(server.url, attack.room.proposalId, attack.room.offender.token);
      await own.synced;
      await waitUntil(() => authorship(own.doc) === attack.honest, 'the offender has the document');
      addComment(own.doc, {
        from: 1,
        to: 3,
        quote: 'Th',
        text: 'My own comment.',
        author: {
          id: attack.room.offender.participantId,
          name: writerName({ name: 'Offender', delegation: 'Atlantis' }),
        },
      });
      await waitUntil(() => reader.doc.getArray('comments').length === 2, 'the own comment arrives');
      // Null: the server answered a round trip after the own comment instead of closing.
      const closed = await closeOrRoundTrip(own.provider.ws, own.closed);
      expect(closed).toBeNull();
      own.destroy();
    } finally {
      reader.destroy();
    }
  }, 60_000);
});
