import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useRoomPort } from '../room/RoomContext';
import {
  type CollabStatus,
  type DocConnection,
  type DocConnector,
  websocketConnector,
} from './docConnection';

const ConnectorContext = createContext<DocConnector>(websocketConnector);

/** Lets tests (or another transport) open proposal texts their own way. */
export function CollabProvider({ connect, children }: { connect: DocConnector; children: ReactNode }) {
  return <ConnectorContext.Provider value={connect}>{children}</ConnectorContext.Provider>;
}

/**
 * The live connection to a proposal's text for as long as the component is mounted, opened with the
 * room's participant token; closed (and its Y.Doc destroyed) on unmount or when the proposal changes.
 */
export function useDocConnection(proposalId: string): DocConnection | null {
  const connect = useContext(ConnectorContext);
  const room = useRoomPort();
  const [connection, setConnection] = useState<DocConnection | null>(null);
  useEffect(() => {
    const opened = connect(proposalId, room.token ?? '');
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [connect, proposalId, room.token]);
  return connection;
}

const noop = () => () => undefined;

/** The connection's status, re-rendering when it changes. */
export function useCollabStatus(connection: DocConnection | null): CollabStatus {
  return useSyncExternalStore(connection?.onStatus ?? noop, () => connection?.status() ?? 'connecting');
}

/**
 * A number that changes whenever the Y.Doc changes (local or remote): components that derive what
 * they show from the document (comments, the bracket log, comparisons) re-render with it.
 */
export function useDocVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    doc.on('update', bump);
    return () => doc.off('update', bump);
  }, [doc]);
  return version;
}

/** Someone in the text now, from the awareness `user` field (set by the server, docs/collab.md). */
export interface AwarenessPeer {
  clientId: number;
  name: string;
  delegation: string;
  color: string;
  self: boolean;
}

/** Everyone with the text open, oneself first. */
export function useAwarenessPeers(awareness: Awareness): AwarenessPeer[] {
  const [people, setPeople] = useState<AwarenessPeer[]>([]);
  useEffect(() => {
    const read = () => {
      const list: AwarenessPeer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: Partial<Record<'name' | 'delegation' | 'color', unknown>> }).user;
        if (!user || typeof user.name !== 'string') continue;
        list.push({
          clientId,
          name: user.name,
          delegation: typeof user.delegation === 'string' ? user.delegation : '',
          color: typeof user.color === 'string' ? user.color : '#666666',
          self: clientId === awareness.clientID,
        });
      }
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
      setPeople(list);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return people;
}
