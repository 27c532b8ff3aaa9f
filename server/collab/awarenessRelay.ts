import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { assertNever } from '../../shared/domain/errors';
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  sanitizeState,
} from './awareness';
import type { Connection } from './connection';
import { type AwarenessOrigin, awarenessOriginOf, CLOSED, fromConnection, REMOTE } from './doc/origins';
import { awarenessMessage } from './protocol';

/**
 * The awareness (carets, who is here) of one document, as the server relays it:
 * - `user` in every state is set from the connection's participant, so nobody can show another
 *   participant's name or delegation; other fields (cursor...) are kept;
 * - a connection speaks for one client id only, the first it announces; an id that another
 *   participant's connection owns is refused (the same participant's newer connection takes over);
 * - the server numbers each client's states itself, so a client that reconnects with an old clock
 *   is shown at once instead of after its next renewal;
 * - the projector shows nobody; a connection's state goes when the connection closes.
 */
export class AwarenessRelay {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each client id. */
  private readonly owners = new Map<number, Connection>();

  /**
   * @param send called with each awareness message to relay and where it came from (a connection's
   *   own change is not echoed to it).
   * @param publish called with every change this process made from its own connections (sanitised
   *   states and closes; not expiries, which every process applies itself, nor remote changes), for
   *   the other processes.
   */
  constructor(
    doc: Y.Doc,
    private readonly send: (message: Uint8Array, origin: AwarenessOrigin) => void,
    private readonly publish: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server speaks for nobody: it only relays the clients' states.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  get size(): number {
    return this.awareness.getStates().size;
  }

  /** Every current state, as one message (for a new connection, or the answer to a query). */
  statesMessage(): Uint8Array {
    const clients = [...this.awareness.getStates().keys()];
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /** Applies a connection's awareness update, sanitised. Throws if the update is malformed. */
  receive(conn: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update);
    const user = conn.user;
    if (!user) return;
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (entry.state === undefined || entry.clientId === this.awareness.clientID) continue;
      if (entry.state === null) {
        if (conn.awarenessId !== entry.clientId) continue;
      } else if (conn.awarenessId === null) {
        if (!this.claim(conn, entry.clientId)) continue;
      } else if (conn.awarenessId !== entry.clientId) continue;
      accepted.push({
        clientId: entry.clientId,
        clock: (this.awareness.meta.get(entry.clientId)?.clock ?? 0) + 1,
        state: entry.state && sanitizeState(entry.state, user),
      });
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        encodeAwarenessEntries(accepted),
        fromConnection(conn),
      );
    }
  }

  /**
   * Applies an awareness update published by another process (sanitised there). Entries for client
   * ids a connection of this process speaks for are skipped: the local connection is the newer one
   * (a client that moved here), and a late removal from its old process must not hide it.
   */
  receiveRemote(update: Uint8Array): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of decodeAwarenessUpdate(update)) {
      if (entry.state === undefined || entry.clientId === this.awareness.clientID) continue;
      if (this.owners.has(entry.clientId)) continue;
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state: entry.state });
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), REMOTE);
    }
  }

  /** Removes the state a closing connection spoke for. */
  release(conn: Connection): void {
    const id = conn.awarenessId;
    if (id !== null && this.owners.get(id) === conn) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], CLOSED);
    }
  }

  destroy(): void {
    this.owners.clear();
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  /** Gives `conn` an awareness client id, unless another participant's connection owns it. */
  private claim(conn: Connection, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner && owner !== conn) {
      if (owner.participantId !== conn.participantId) return false;
      owner.awarenessId = null; // the same participant, reconnected: the new connection takes over
    }
    this.owners.set(clientId, conn);
    conn.awarenessId = clientId;
    return true;
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of removed) {
      const owner = this.owners.get(id);
      this.owners.delete(id);
      if (owner?.awarenessId === id) owner.awarenessId = null;
    }
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const from = awarenessOriginOf(origin);
    this.send(awarenessMessage(update), from);
    if (madeHere(from)) this.publish(update);
  };
}

/** Whether an awareness change is this process's to tell the others (every process expires states itself). */
function madeHere(origin: AwarenessOrigin): boolean {
  switch (origin.kind) {
    case 'connection':
    case 'closed':
      return true;
    case 'remote':
    case 'expired':
      return false;
    default:
      return assertNever(origin);
  }
}
