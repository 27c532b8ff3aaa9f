import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '../../client/src/collab/comments';
import { COLLAB_LIMITS, writerName } from '../../shared/collab/limits';
import { DOC_FIELDS } from '../../shared/collab/schema';
import { BYSTANDER_MAX_MS, BYSTANDER_P99_MS, describeReport, startBystander } from '../support/bystander';
import { closeOrRoundTrip, firstParagraph, openEditor, waitUntil } from '../support/collab';
import { offenderRoom } from '../support/offenderRoom';
import { startTestServer } from '../support/server';
import { COPY_CHARS, startTextQuota } from './attacks/textQuota';

const OFFENDER = { name: 'Offender', delegation: 'Atlantis' };

describe('abuse: quotas inside the text', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('bounds the document size: pasting 900 KB copies is refused (4413) once the text would pass 4 MiB', async () => {
    const bystander = await startBystander(server.url, server.adminToken);
    const attack = await startTextQuota({ url: server.url, adminToken: server.adminToken, durationMs: 0 });
    await waitUntil(() => attack.tally.get(4413) >= 2, 'two refusals', 30_000);
    const report = await bystander.stop();
    const outcome = await attack.stop();
    console.info(`text quota: ${outcome}; bystander ${describeReport(report)}`);
    expect(report.errors, describeReport(report)).toEqual([]);
    expect(report.all.max, describeReport(report)).toBeLessThan(BYSTANDER_MAX_MS);
    expect(report.all.p99, describeReport(report)).toBeLessThan(BYSTANDER_P99_MS);
    expect(attack.tally.get(4400)).toBe(0);

    const reader = openEditor(server.url, attack.room.proposalId, attack.room.victim.token);
    try {
      await reader.synced;
      await waitUntil(() => firstParagraph(reader.doc).length > COPY_CHARS, 'the stored text');
      expect(Y.encodeStateAsUpdate(reader.doc).length).toBeLessThanOrEqual(COLLAB_LIMITS.maxDocBytes);
      expect(firstParagraph(reader.doc).length).toBeGreaterThanOrEqual(3 * COPY_CHARS);
    } finally {
      reader.destroy();
    }
  }, 60_000);

  it('refuses comments over the quotas (4413): text length, per participant, replies per comment', async () => {
    const room = await offenderRoom(server.url, server.adminToken);
    const author = { id: room.offender.participantId, name: writerName(OFFENDER) };
    const comment = (doc: Y.Doc, text = 'A comment.') =>
      addComment(doc, { from: 1, to: 3, quote: 'Th', text, author });
    const refused = async (write: (doc: Y.Doc) => void) => {
      const editor = openEditor(server.url, room.proposalId, room.offender.token);
      try {
        await editor.synced;
        await waitUntil(() => editor.doc.getXmlFragment(DOC_FIELDS.text).length > 0, 'the text');
        write(editor.doc);
        // The close the write got, or null once the server answered a round trip after it.
        return await closeOrRoundTrip(editor.provider.ws, editor.closed);
      } finally {
        editor.destroy();
      }
    };
    // Straight to the server: the client code truncates and counts (client/src/collab/comments.ts).
    let n = 0;
    const raw = (doc: Y.Doc, text = 'A comment.') => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({
        id: `raw${++n}`,
        from: null,
        to: null,
        quote: 'Th',
        authorId: author.id,
        authorName: author.name,
        text,
        createdAt: 1,
        resolved: false,
      }))
        map.set(key, value);
      map.set('replies', new Y.Array());
      doc.getArray<Y.Map<unknown>>(DOC_FIELDS.comments).push([map]);
    };
    const long = (doc: Y.Doc) => raw(doc, 'x'.repeat(COLLAB_LIMITS.commentChars + 1));
    expect(await refused(long)).toMatchObject({ code: 4413 });
    expect(
      await refused((doc) =>
        doc.transact(() => {
          for (let i = 0; i <= COLLAB_LIMITS.commentsPerParticipant; i++) raw(doc);
        }),
      ),
    ).toMatchObject({ code: 4413 });
    expect(
      await refused((doc) => {
        const id = comment(doc);
        const map = doc
          .getArray<Y.Map<unknown>>(DOC_FIELDS.comments)
          .toArray()
          .find((m) => m.get('id') === id)!;
        const replies = map.get('replies') as Y.Array<unknown>;
        replies.push(
          Array.from({ length: COLLAB_LIMITS.repliesPerComment + 1 }, (_, i) => ({
            id: `r${i}`,
            authorId: author.id,
            authorName: author.name,
            text: 'me too',
            createdAt: 1,
          })),
        );
      }),
    ).toMatchObject({ code: 4413 });
    // Within the quotas: accepted, and the connection stays.
    expect(await refused((doc) => comment(doc))).toBeNull();
    room.close();
  }, 60_000);
});
