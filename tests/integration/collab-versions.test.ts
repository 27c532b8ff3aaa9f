import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocVersionMeta } from '../../server/store/types';
import { VERSION_SAVED_MESSAGE } from '../../shared/collab/versionNotice';
import { api, connect, type TestClient } from '../support/client';
import {
  createProposal,
  versionNotices as notices,
  openRaw,
  type RawCollab,
  serverRoundTrip,
  waitUntil,
} from '../support/collab';
import { createMeetingWith, type Invitee, STANDARD_PEOPLE } from '../support/meeting';
import { startTestServer } from '../support/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('collab: the versions list is live', () => {
  let server: Server;
  let people: Record<string, Invitee>;
  let chair: TestClient;
  const raws: RawCollab[] = [];

  beforeAll(async () => {
    server = await startTestServer({ collab: { unloadDelayMs: 300 } });
    const created = await createMeetingWith(server.url, server.adminToken, STANDARD_PEOPLE);
    people = created.people;
    chair = await connect(server.url, created.chair.token);
  });

  afterAll(async () => {
    for (const r of raws) r.ws.terminate();
    chair.close();
    await server.stop();
  });

  it('announces a saved version to every connection of the text, and to nobody on another text', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/40', baseText: 'First reading' });
    const other = await createProposal(chair, { symbol: 'IRM/DT/41', baseText: 'Another text' });
    const writer = await openRaw(server.url, id, people.france!.token);
    const reader = await openRaw(server.url, id, people.egypt!.token);
    const observer = await openRaw(server.url, id, people.observer!.token);
    const elsewhere = await openRaw(server.url, other, people.brazil!.token);
    raws.push(writer, reader, observer, elsewhere);

    const saved = await api<{ version: DocVersionMeta }>(
      server.url,
      'POST',
      `/api/proposals/${id}/versions`,
      people.france!.token,
      { name: 'After the first reading' },
    );
    expect(saved.status).toBe(201);
    for (const raw of [writer, reader, observer]) {
      await waitUntil(() => notices(raw).length === 1, 'the version notice');
      expect(notices(raw)).toEqual([saved.body.version]);
    }
    expect(notices(elsewhere)).toEqual([]);
  });

  it('ignores the notice type when a client sends it (only the server announces versions)', async () => {
    const id = await createProposal(chair, { symbol: 'IRM/DT/42', baseText: 'Text' });
    const forger = await openRaw(server.url, id, people.france!.token);
    const reader = await openRaw(server.url, id, people.egypt!.token);
    raws.push(forger, reader);
    const forged = new Uint8Array([VERSION_SAVED_MESSAGE, 2, 0x7b, 0x7d]);
    forger.send(forged);
    await serverRoundTrip(forger.ws);
    await serverRoundTrip(reader.ws);
    const list = await api<{ versions: DocVersionMeta[] }>(
      server.url,
      'GET',
      `/api/proposals/${id}/versions`,
      people.egypt!.token,
    );
    expect(list.body.versions.map((v) => v.name)).toEqual(['Base text']);
    expect(notices(reader)).toEqual([]);
    expect(forger.ws.readyState).toBe(forger.ws.OPEN);
  });
});
