import { firstParagraph, openEditor, waitUntil } from '../../support/collab';
import { type OffenderRoom, offenderRoom } from '../../support/offenderRoom';
import type { Attack, AttackContext, RunningAttack } from './types';

const COPY_CHARS = 900_000;
const COPIES = 3;
const READERS = 16;

export interface RunningVersionReadFlood extends RunningAttack {
  room: OffenderRoom;
  /** Bytes of one version answer (the whole text in base64, in JSON). */
  versionBytes: number;
  /** Answers: status → count. */
  reads: Map<number, number>;
}

const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * A delegate grows its proposal's text to about 2.7 MB, saves it as a version, then reads that version
 * (`GET /api/proposals/:id/versions/:versionId`: the whole text in base64, loaded from the store and
 * serialised on the main thread) from 16 requests in parallel, over and over.
 */
export async function startVersionReadFlood({
  url,
  adminToken,
}: AttackContext): Promise<RunningVersionReadFlood> {
  const room = await offenderRoom(url, adminToken);
  const token = room.offender.token;
  const editor = openEditor(url, room.proposalId, token);
  await editor.synced;
  await waitUntil(() => firstParagraph(editor.doc).length > 0, 'the text');
  for (let i = 0; i < COPIES; i++) {
    const text = firstParagraph(editor.doc);
    text.insert(text.length, String(i).repeat(COPY_CHARS));
    await new Promise((r) => setTimeout(r, 1200)); // the byte budget refills at 1 MiB a second
  }
  const reader = openEditor(url, room.proposalId, room.victim.token);
  await reader.synced;
  await waitUntil(() => firstParagraph(reader.doc).length >= COPIES * COPY_CHARS, 'the big text', 20_000);
  reader.destroy();
  editor.destroy();
  const versions = `${url}/api/proposals/${room.proposalId}/versions`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const saved = await fetch(versions, { method: 'POST', headers, body: JSON.stringify({ name: 'Big' }) });
  if (saved.status !== 201) throw new Error(`version save: ${saved.status}`);
  const { version } = (await saved.json()) as { version: { id: string } };
  const versionUrl = `${versions}/${version.id}`;
  const first = await fetch(versionUrl, { headers });
  const versionBytes = (await first.arrayBuffer()).byteLength;
  const reads = new Map<number, number>();
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const res = await fetch(versionUrl, { headers });
        await res.arrayBuffer();
        bump(reads, res.status);
      } catch {
        bump(reads, 0);
      }
    }
  };
  const loops = Promise.all(Array.from({ length: READERS }, loop));
  return {
    room,
    versionBytes,
    reads,
    stop: async () => {
      running = false;
      await loops;
      room.close();
      const statuses = [...reads].map(([s, n]) => `${s}×${n}`).join(', ');
      return `version ${Math.round(versionBytes / 1024)} KiB; reads ${statuses}`;
    },
  };
}

export const attack: Attack = {
  name: 'version-read-flood',
  summary: 'a delegate reads a 2.7 MB version of its text 16 requests at a time, over and over',
  start: startVersionReadFlood,
};
