import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocVersionMeta } from '../../server/store/types';
import type { ConsensusCheck, MeetingEvent, ProposalId, StoredEvent } from '../../shared';
import { plainText } from '../../shared/collab/schema';
import { api, applied, connect, type TestClient } from '../support/client';
import { createProposal, type Editor, openEditor, waitUntil } from '../support/collab';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Closed = Extract<MeetingEvent, { type: 'consensus.closed' }>;

/** A heading (not counted) and three paragraphs: b3 is paragraph 2, b4 (paragraph 3) has brackets. */
const TEXT = [
  '# Draft outcome of the session',
  'Welcomes the reports of the six Regional Preparatory Meetings,',
  'Notes with appreciation the preparations of the host country,',
  'Invites Member States to [consider] contributing to the regional initiatives.',
].join('\n\n');

const closedEvents = (events: readonly StoredEvent[], checkId: string): Closed[] =>
  events
    .map((s) => s.event)
    .filter((e): e is Closed => e.type === 'consensus.closed' && e.checkId === checkId);

/**
 * "Is there any objection?" over a real server and Socket.IO: the chair asks on a paragraph (the
 * server reads its facts from the live document), delegates object and withdraw, the chair closes
 * early; asked again, the window ends by itself and the paragraph is agreed, on every client.
 */
describe('a check in the room with several delegates', () => {
  let server: Server;
  let invites: { chair: Invitee; people: Record<keyof typeof STANDARD_PEOPLE, Invitee> };
  const clients: TestClient[] = [];
  const editors: Editor[] = [];
  const join = async (token: string) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const created = await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE);
    invites = created as typeof invites;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const e of editors) e.destroy();
    await server.stop();
  });

  it('objections, a withdrawal and an early close; then agreed when the window ends by itself', async () => {
    const chair = await join(invites.chair.token);
    const [brazil, france, egypt] = await Promise.all(
      [invites.people.brazil, invites.people.france, invites.people.egypt].map((p) => join(p.token)),
    );
    const everyone = [chair, brazil!, france!, egypt!];
    await applied(chair, { type: 'meeting.open' });
    const proposalId = (await createProposal(chair, { symbol: 'IRM/DT/20', baseText: TEXT })) as ProposalId;
    // The chair has the text open, as in the room: its document is seeded and stored.
    const editor = openEditor(server.url, proposalId, invites.chair.token);
    editors.push(editor);
    await waitUntil(() => plainText(editor.doc).includes('Invites'), 'the seeded text');

    // A paragraph with square brackets cannot be asked: the refusal names its number.
    const bracketed = await chair.send({ type: 'consensus.ask', proposalId, paragraphIds: ['b4'] });
    expect(bracketed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!bracketed.ok && bracketed.error.message).toMatch(
      /^paragraph 3 \(“Invites Member States.*1 open square bracket/,
    );
    // Nor may a delegate ask.
    const byDelegate = await brazil!.send({ type: 'consensus.ask', proposalId, paragraphIds: ['b3'] });
    expect(byDelegate).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // First round: paragraph 2, read from the document when the command arrived.
    const asked = await applied(chair, {
      type: 'consensus.ask',
      proposalId,
      paragraphIds: ['b3'],
      seconds: 120,
    });
    const first = chair.meeting().consensus.checks.at(-1)!;
    expect(first).toMatchObject({
      paragraphIds: ['b3'],
      paragraphNumbers: [2],
      procedure: 'room',
      result: null,
    });
    await Promise.all(everyone.map((c) => c.waitForSeq(asked)));
    for (const c of everyone) expect(c.meeting().consensus.checks.at(-1)?.id).toBe(first.id);

    await applied(brazil!, {
      type: 'consensus.object',
      checkId: first.id,
      reason: 'Brazil needs to consult its capital.',
    });
    await applied(france!, { type: 'consensus.object', checkId: first.id });
    const twice = await france!.send({ type: 'consensus.object', checkId: first.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await applied(france!, { type: 'consensus.withdrawObjection', checkId: first.id });
    const closedSeq = await applied(chair, { type: 'consensus.close', checkId: first.id });
    await Promise.all(everyone.map((c) => c.waitForSeq(closedSeq)));
    for (const c of everyone) {
      const [closed] = closedEvents(c.events, first.id);
      expect(closed).toMatchObject({
        outcome: 'objected',
        closedBy: chair.snapshot.you.participantId,
        early: true,
        paragraphIds: ['b3'],
        objections: [{ delegation: 'Brazil', reason: 'Brazil needs to consult its capital.' }],
      });
      expect(c.meeting().consensus.paragraphs[proposalId]?.b3).toBeUndefined(); // still open
    }

    // Second round: nobody objects and the window (the shortest there is) ends by itself.
    await applied(chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b3'], seconds: 5 });
    const second: ConsensusCheck = chair.meeting().consensus.checks.at(-1)!;
    expect(second.id).not.toBe(first.id);
    await waitFor(
      () => everyone.every((c) => closedEvents(c.events, second.id).length === 1),
      'the window to end on every client',
      { timeoutMs: 15_000 },
    );
    for (const c of everyone) {
      const [closed] = closedEvents(c.events, second.id);
      expect(closed).toMatchObject({ outcome: 'agreed', closedBy: null, early: false, objections: [] });
      expect(closed!.closedAt).toBe(second.endsAt);
      expect(c.meeting().consensus.paragraphs[proposalId]?.b3).toMatchObject({
        status: 'agreed',
        checkId: second.id,
      });
    }

    // After the window, an objection is refused and nothing is stored.
    const late = await egypt!.send({ type: 'consensus.object', checkId: second.id, reason: 'Too late?' });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'the time for objections has ended' },
    });
    const again = await chair.send({ type: 'consensus.ask', proposalId, paragraphIds: ['b3'] });
    expect(!again.ok && again.error.message).toMatch(/paragraph 2 .* is agreed already/);
    expect(closedEvents(chair.events, second.id)).toHaveLength(1);
  }, 40_000);

  it('publishes Rev.1 over Socket.IO: its version holds the text and is saved when the ack arrives', async () => {
    const chair = await join(invites.chair.token);
    const proposalId = await createProposal(chair, { symbol: 'IRM/DT/21', baseText: TEXT });
    // Nobody has the text open: the command's turn loads the document for its facts.
    await applied(chair, { type: 'proposal.publishRevision', proposalId: proposalId as ProposalId });
    const revision = chair.meeting().consensus.revisions[proposalId as ProposalId]?.[0];
    expect(revision?.symbol).toBe('IRM/DT/21/Rev.1');
    const path = `/api/proposals/${proposalId}/versions`;
    const listed = await api<{ versions: DocVersionMeta[] }>(server.url, 'GET', path, invites.chair.token);
    expect(listed.body.versions.map((v) => v.name)).toEqual(['Base text', 'Rev.1']);
    const got = await api<{ state: string }>(
      server.url,
      'GET',
      `${path}/${revision!.versionId}`,
      invites.chair.token,
    );
    const saved = new Y.Doc();
    Y.applyUpdate(saved, new Uint8Array(Buffer.from(got.body.state, 'base64')));
    expect(plainText(saved)).toBe(TEXT.replace('# ', '').replace(/[[\]]/g, ''));
  });

  it("reads no other meeting's text: a proposal of another meeting is not found", async () => {
    const chair = clients[0]!;
    const other = await createMeetingWith(server.url, server.adminToken, {});
    const otherChair = await join(other.chair.token);
    const elsewhere = await createProposal(otherChair, { symbol: 'OTHER/1', baseText: 'Elsewhere.' });
    const ack = await chair.send({
      type: 'consensus.ask',
      proposalId: elsewhere as never,
      paragraphIds: ['b1'],
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
