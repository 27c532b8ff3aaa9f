import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-websocket wire format (what the stock `y-websocket` provider speaks): every binary message
 * starts with a varUint type; sync messages then carry a varUint sync type and a varUint8Array.
 */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

// The close codes are shared with the browser client; re-exported under the name the collab server uses.
export { COLLAB_CLOSE as CLOSE } from '../../shared/protocol/collabClose';

/** One decoded client message; `invalid` when its framing could not be read. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }
  | { type: 'ignored'; messageType: number }
  | { type: 'invalid'; why: string };

/**
 * Reads a message's framing only (types and the embedded byte arrays); Yjs payloads are checked later
 * (state vectors here, since they are cheap; updates in the validation worker). Never throws.
 */
export function parseMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC.step1) {
          checkStateVector(payload);
          return { type: 'syncStep1', stateVector: payload };
        }
        if (syncType === SYNC.step2) return { type: 'syncStep2', update: payload };
        if (syncType === SYNC.update) return { type: 'update', update: payload };
        return { type: 'invalid', why: `unknown sync message ${syncType}` };
      }
      case MESSAGE.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE.queryAwareness:
        return { type: 'queryAwareness' };
      default:
        // Unknown types (and auth, which only the server sends) are skipped, as y-websocket does:
        // newer clients may speak extensions this server does not know.
        return { type: 'ignored', messageType };
    }
  } catch (error) {
    return { type: 'invalid', why: error instanceof Error ? error.message : 'unreadable' };
  }
}

/** A state vector is `count` × (client, clock) varUints; reading it fully proves it well-formed. */
function checkStateVector(sv: Uint8Array): void {
  const decoder = decoding.createDecoder(sv);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  }
}

/** An empty V1 update (no structs, empty delete set): what a client with nothing new sends. */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0;

/** Whether a V1 update carries any structs (its first varUint counts the clients that have some). */
export const hasStructs = (update: Uint8Array): boolean => update.length > 0 && update[0] !== 0;

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const syncStep1Message = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });

/** A sync step 2 carrying an update already encoded (the whole document, cached). */
export const syncStep2OfUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

export const updateMessage = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const awarenessMessage = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });
