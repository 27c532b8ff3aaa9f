import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Participant } from '../../shared';
import { colorFor } from '../../shared/collab/caretColor';

/**
 * What every awareness state's `user` field says: set by the server from the token's participant, so
 * a client cannot show itself under another name or delegation (`participantId` lets clients match
 * the state with the meeting's participant list).
 */
export interface AwarenessUser {
  name: string;
  delegation: string;
  participantId: string;
  color: string;
}

/** One client's entry in an awareness update (y-protocols/awareness wire format). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the client's state. */
  state: Record<string, unknown> | null;
}

/** Larger states are dropped: awareness goes to everyone on the document, on every change. */
export const MAX_STATE_CHARS = 16 * 1024;
/** Entries read per message; a stock client sends its own, plus other tabs' through BroadcastChannel. */
const MAX_ENTRIES = 64;

export const userOf = (participant: Participant): AwarenessUser => ({
  name: participant.name,
  delegation: participant.delegation,
  participantId: participant.id,
  color: colorFor(participant.id),
});

/**
 * Decodes an awareness update: varUint count, then per client varUint clientID, varUint clock and a
 * varString of JSON. Entries that are not objects (or null), or are too large, come back with
 * `state: undefined` so the caller skips them. Throws on a malformed update.
 */
export function decodeAwarenessUpdate(
  update: Uint8Array,
): Array<Omit<AwarenessEntry, 'state'> & { state: AwarenessEntry['state'] | undefined }> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries = [];
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    let state: AwarenessEntry['state'] | undefined;
    if (raw.length <= MAX_STATE_CHARS) {
      const parsed: unknown = JSON.parse(raw);
      if (parsed === null) state = null;
      else if (typeof parsed === 'object' && !Array.isArray(parsed))
        state = parsed as Record<string, unknown>;
    }
    entries.push({ clientId, clock, state });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The state with `user` replaced by the connection's own; every other field (cursor...) is kept. */
export const sanitizeState = (
  state: Record<string, unknown>,
  user: AwarenessUser,
): Record<string, unknown> => ({
  ...state,
  user,
});
