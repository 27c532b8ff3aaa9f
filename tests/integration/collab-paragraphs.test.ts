import fs from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocVersionMeta } from '../../server/store/types';
import type { Command, CommandInput, MeetingId, ParticipantId, ProposalId, TextFacts } from '../../shared';
import { paragraphFacts } from '../../shared/collab/paragraphs';
import { DOC_FIELDS, plainText } from '../../shared/collab/schema';
import { api, connect, type TestClient } from '../support/client';
import {
  type CollabAlone,
  closeOrRoundTrip,
  createProposal,
  type Editor,
  metricValue,
  openEditor,
  paragraphText,
  serverRoundTrip,
  startCollabAlone,
  submitWithText,
  waitUntil,
} from '../support/collab';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer, tempDir } from '../support/server';
import { delay, waitFor } from '../support/wait';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const BASE = 'First paragraph\n\nSecond paragraph\n\nThird paragraph';
const FROZEN_CLOSE = { code: 4400, reason: 'invalid message' };

describe('collab: frozen paragraphs and revision versions (one server)', () => {
  let server: Server;
  let meetingId: string;
  let chairId: string;
  let people: Record<string, Invitee>;
  let chair: TestClient;
  const editors: Editor[] = [];
  const edit = (proposalId: string, who: string) => {
    const editor = openEditor(server.url, proposalId, people[who]!.token);
    editors.push(editor);
    return editor;
  };
  /** A command from the chair that reads the text, decided on the facts of `doc` (a synced copy). */
  let n = 0;
  const asChair = async (command: CommandInput, doc: Y.Doc, proposalId: string) => {
    const facts = paragraphFacts(doc, proposalId as ProposalId);
    const full = { ...command, id: `p${++n}` } as unknown as Command;
    const ack = await submitWithText(server.service, meetingId, chairId, full, facts);
    if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.message}`);
  };
  const opened = async (proposalId: string, ...who: string[]) => {
    const list = who.map((w) => edit(proposalId, w));
    await Promise.all(list.map((e) => e.synced));
    await waitUntil(() => list.every((e) => plainText(e.doc) !== ''), 'the base text');
    return list;
  };
  const type = (editor: Editor, pid: string, text: string) => paragraphText(editor.doc, pid).insert(0, text);

  beforeAll(async () => {
    server = await startTestServer({ collab: { unloadDelayMs: 300 } });
    const created = await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE);
    ({ meetingId, people } = created);
    chairId = created.chair.participantId;
    chair = await connect(server.url, created.chair.token);
  });

  afterEach(() => {
    for (const e of editors.splice(0)) e.destroy();
  });

  afterAll(async () => {
    chair.close();
    await server.stop();
  });

  it('refuses (4400) and does not store an edit to an agreed paragraph; others still apply; reopening lets it through', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/60', baseText: BASE });
    const [france, egypt] = await opened(id, 'france', 'egypt');
    await asChair(
      { type: 'paragraph.setStatus', proposalId: id, paragraphId: 'b2', status: 'agreed' },
      egypt!.doc,
      id,
    );

    type(france!, 'b3', 'Edited ');
    await waitUntil(() => plainText(egypt!.doc).includes('Edited Third'), 'the edit to paragraph 3');
    const invalidBefore = await metricValue(server, 'irm_collab_updates_total{result="invalid"}');
    type(france!, 'b2', 'Forged ');
    expect(await closeOrRoundTrip(france!.provider.ws, france!.closed)).toEqual(FROZEN_CLOSE);
    expect(await metricValue(server, 'irm_collab_updates_total{result="invalid"}')).toBe(invalidBefore + 1);
    // Not relayed, not stored: a client that opens the text now has paragraph 2 as agreed.
    await serverRoundTrip(egypt!.provider.ws);
    const [brazil] = await opened(id, 'brazil');
    expect(plainText(brazil!.doc)).toBe('First paragraph\n\nSecond paragraph\n\nEdited Third paragraph');
    // Egypt's connection was never in question, and its edits elsewhere go on.
    type(egypt!, 'b1', 'Also ');
    await waitUntil(() => plainText(brazil!.doc).startsWith('Also First'), 'the edit to paragraph 1');

    await asChair(
      { type: 'paragraph.setStatus', proposalId: id, paragraphId: 'b2', status: 'open' },
      egypt!.doc,
      id,
    );
    // France reconnects with a fresh copy (its old one holds the refused edit, docs/collab.md).
    const [again] = await opened(id, 'france');
    type(again!, 'b2', 'Reopened ');
    expect(await closeOrRoundTrip(again!.provider.ws, again!.closed)).toBeNull();
    await waitUntil(
      () => plainText(brazil!.doc).includes('Reopened Second'),
      'the edit to the reopened paragraph',
    );
  });

  it('freezes the paragraphs under an open check, and only those', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/61', baseText: BASE });
    if (chair.meeting().status !== 'open') {
      const ack = await chair.send({ type: 'meeting.open' });
      if (!ack.ok) throw new Error(ack.error.message);
    }
    const [france, egypt] = await opened(id, 'france', 'egypt');
    await asChair(
      { type: 'consensus.ask', proposalId: id, paragraphIds: ['b1'], seconds: 60 },
      egypt!.doc,
      id,
    );
    type(egypt!, 'b2', 'Fine ');
    expect(await closeOrRoundTrip(egypt!.provider.ws, egypt!.closed)).toBeNull();
    type(france!, 'b1', 'During the check ');
    expect(await closeOrRoundTrip(france!.provider.ws, france!.closed)).toEqual(FROZEN_CLOSE);
    const check = server.service.room(meetingId as MeetingId)!.state.consensus.checks.at(-1)!;
    const closed = await server.service.submitCommand(meetingId as MeetingId, chairId as ParticipantId, {
      id: 'close-check',
      type: 'consensus.close',
      checkId: check.id,
    });
    expect(closed.ok).toBe(true);
  });

  it('refuses (4400) an agreed paragraph moved as an identical copy, and an attribute set on its text', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/63', baseText: BASE });
    const [france, egypt, brazil] = await opened(id, 'france', 'egypt', 'brazil');
    await asChair(
      { type: 'paragraph.setStatus', proposalId: id, paragraphId: 'b2', status: 'agreed' },
      egypt!.doc,
      id,
    );
    const agreedItem = () => paragraphText(brazil!.doc, 'b2').parent!._item!.id;
    const item = agreedItem();

    // Deleted and inserted again at the end, looking the same: the same text, but new Yjs items.
    const fragment = france!.doc.getXmlFragment(DOC_FIELDS.text);
    france!.doc.transact(() => {
      const copy = (fragment.get(1) as Y.XmlElement).clone();
      fragment.delete(1, 1);
      fragment.push([copy]);
    });
    expect(await closeOrRoundTrip(france!.provider.ws, france!.closed)).toEqual(FROZEN_CLOSE);
    // An attribute on the agreed text, which no serialization of its content shows.
    paragraphText(egypt!.doc, 'b2').setAttribute('lang', 'fr');
    expect(await closeOrRoundTrip(egypt!.provider.ws, egypt!.closed)).toEqual(FROZEN_CLOSE);

    await serverRoundTrip(brazil!.provider.ws);
    const [fresh] = await opened(id, 'brazil');
    expect(plainText(fresh!.doc)).toBe(BASE);
    expect(paragraphText(fresh!.doc, 'b2').getAttributes()).toEqual({});
    expect(agreedItem()).toEqual(item);
    expect(paragraphText(fresh!.doc, 'b2').parent!._item!.id).toEqual(item);
  });

  it('saves a revision published elsewhere as the version Rev.N (by the publisher, at its time), listed over HTTP', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/62', baseText: BASE });
    const [egypt] = await opened(id, 'egypt');
    type(egypt!, 'b1', 'Revised ');
    await serverRoundTrip(egypt!.provider.ws);
    await asChair({ type: 'proposal.publishRevision', proposalId: id }, egypt!.doc, id);
    const revision = server.service.room(meetingId as MeetingId)!.state.consensus.revisions[
      id as ProposalId
    ]![0]!;
    const list = async () =>
      (
        await api<{ versions: DocVersionMeta[] }>(
          server.url,
          'GET',
          `/api/proposals/${id}/versions`,
          people.france!.token,
        )
      ).body.versions;
    // Submitted without the text's turn (as another process's event arrives): saved by the
    // handler of the stored event, after the ack, so waited for, not assumed.
    await waitFor(async () => (await list()).length === 2, 'the revision version');
    expect(await list()).toEqual([
      expect.objectContaining({ name: 'Base text', createdBy: null }),
      { id: revision.versionId, name: 'Rev.1', createdBy: chairId, createdAt: revision.publishedAt },
    ]);
    const got = await api<{ state: string }>(
      server.url,
      'GET',
      `/api/proposals/${id}/versions/${revision.versionId}`,
      people.france!.token,
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(got.body.state, 'base64')));
    expect(plainText(doc)).toBe('Revised First paragraph\n\nSecond paragraph\n\nThird paragraph');
  });
});

describe('CollabServer.withTextFacts: a command that reads the text, in one turn of its document', () => {
  let node: CollabAlone;
  let dataDir: string;
  let meetingId: MeetingId;
  let chairId: ParticipantId;
  const documents = async () =>
    (await node.metrics.registry.getSingleMetric('irm_collab_documents')!.get()).values[0]?.value ?? 0;
  /** The facts alone, as a step that only returns them. */
  const factsOf = (id: ProposalId) => node.collab.withTextFacts(id, async (facts) => facts);

  beforeAll(async () => {
    dataDir = await tempDir();
    node = await startCollabAlone(dataDir, { unloadDelayMs: 200 });
    const { meeting, chair } = await node.service.createMeeting({ title: 'Facts IRM' });
    meetingId = meeting.id;
    chairId = chair.id;
  });

  afterAll(async () => {
    await node.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const create = async (symbol: string, baseText: string) => {
    const ack = await node.service.submitCommand(meetingId, chairId, {
      id: `create-${symbol}`,
      type: 'proposal.create',
      symbol,
      title: symbol,
      submittedBy: 'Chair',
      baseText,
    });
    if (!ack.ok) throw new Error(ack.error.message);
    return node.service.room(meetingId)!.state.proposals.find((p) => p.symbol === symbol)!.id;
  };
  const openAsChair = async (id: ProposalId) => {
    const token = await node.tokens.sign({ meetingId, participantId: chairId, role: 'chair' });
    const editor = openEditor(node.url, id, token);
    await editor.synced;
    await waitUntil(() => plainText(editor.doc) !== '', 'the text');
    return editor;
  };
  /**
   * Sends an edit and gives it time to reach the server, where it queues behind the turn running:
   * part of what the test does (without the turn, the edit would be applied meanwhile), not a wait
   * for something to have happened.
   */
  const editDuringTurn = async (editor: Editor, pid: string, text: string) => {
    paragraphText(editor.doc, pid).insert(0, text);
    await waitUntil(() => editor.provider.ws?.bufferedAmount === 0, 'the edit sent');
    await delay(300);
  };
  let n = 0;
  const submit = (command: CommandInput, facts: TextFacts | undefined) =>
    node.service.submitCommand(meetingId, chairId, { ...command, id: `turn-${++n}` } as Command, facts);

  it('reads a stored text (loading it, then unloading it), a live one as edited, and nothing for an unknown proposal', async () => {
    const id = await create('IRM/DT/70', '# Heading\n\nInvites [Member States] to act\n\nNotes the report');
    // Seeded, then unloaded once nobody uses it.
    await waitFor(async () => (await documents()) === 0, 'the seeded document unloaded');
    const expected: TextFacts = {
      proposalId: id,
      paragraphs: [
        { id: 'b2', number: 1, openBrackets: 1, excerpt: 'Invites Member States to act' },
        { id: 'b3', number: 2, openBrackets: 0, excerpt: 'Notes the report' },
      ],
    };
    expect(await factsOf(id)).toEqual(expected);
    // Loaded for the facts only: unloaded again after the delay.
    await waitFor(async () => (await documents()) === 0, 'the document unloaded after the facts');

    const editor = await openAsChair(id);
    try {
      paragraphText(editor.doc, 'b3').insert(0, 'Also ');
      await serverRoundTrip(editor.provider.ws);
      expect((await factsOf(id))?.paragraphs[1]).toEqual({
        id: 'b3',
        number: 2,
        openBrackets: 0,
        excerpt: 'Also Notes the report',
      });
    } finally {
      editor.destroy();
    }
    expect(await factsOf('pr_unknown' as ProposalId)).toBeUndefined();
  });

  it('judges an edit that arrives while a paragraph is being agreed against the agreed paragraph (4400)', async () => {
    const id = await create('IRM/DT/71', 'Welcomes the report\n\nNotes the plan');
    const editor = await openAsChair(id);
    try {
      let read: TextFacts | undefined;
      const ack = await node.collab.withTextFacts(id, async (facts) => {
        read = facts;
        // Typed after the facts were read, before the paragraph is agreed on them.
        await editDuringTurn(editor, 'b2', 'Forged ');
        return submit(
          { type: 'paragraph.setStatus', proposalId: id, paragraphId: 'b2', status: 'agreed' },
          facts,
        );
      });
      expect(ack.ok).toBe(true);
      expect(read?.paragraphs[1]?.excerpt).toBe('Notes the plan');
      expect(await closeOrRoundTrip(editor.provider.ws, editor.closed)).toEqual(FROZEN_CLOSE);
      // Agreed with the text that was read, and the text is still that.
      expect((await factsOf(id))?.paragraphs[1]?.excerpt).toBe('Notes the plan');
    } finally {
      editor.destroy();
    }
  });

  it('saves a revision published in the turn in that turn, with exactly the text whose facts were read', async () => {
    const id = await create('IRM/DT/72', 'Welcomes the report\n\nNotes the plan');
    const editor = await openAsChair(id);
    try {
      const ack = await node.collab.withTextFacts(id, async (facts) => {
        await editDuringTurn(editor, 'b1', 'Later ');
        return submit({ type: 'proposal.publishRevision', proposalId: id }, facts);
      });
      expect(ack.ok).toBe(true);
      const [revision] = node.service.room(meetingId)!.state.consensus.revisions[id]!;
      // Saved before the answer: no waiting for it.
      const versions = await node.collab.listVersions(id);
      expect(versions.map((v) => v.id)).toContain(revision!.versionId);
      const state = await node.collab.loadVersion(id, revision!.versionId);
      const saved = new Y.Doc();
      Y.applyUpdate(saved, state!);
      expect(plainText(saved)).toBe('Welcomes the report\n\nNotes the plan');
      // The edit waited for the turn, then went in (nothing is frozen by a revision).
      expect(await closeOrRoundTrip(editor.provider.ws, editor.closed)).toBeNull();
      expect((await factsOf(id))?.paragraphs[0]?.excerpt).toBe('Later Welcomes the report');
    } finally {
      editor.destroy();
    }
  });
});
