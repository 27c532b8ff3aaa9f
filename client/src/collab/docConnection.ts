import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  readVersionNotice,
  VERSION_SAVED_MESSAGE,
  type VersionNotice,
} from '../../../shared/collab/versionNotice';
import { COLLAB_CLOSE } from '../../../shared/protocol/collabClose';

/**
 * Where the live text connection stands. `replaced`: the server closed it because a newer window of
 * the same participant opened texts (COLLAB_CLOSE.replaced, docs/collab.md); it is not reopened
 * automatically. `overLimit`: refused for good because the last change went over a limit of the text
 * (COLLAB_CLOSE.overLimit).
 */
export type CollabStatus = 'connecting' | 'synced' | 'offline' | 'refused' | 'replaced' | 'overLimit';

/**
 * One open proposal text: the Y.Doc, the awareness (carets, who is here) and the connection status.
 * The editor only needs this much, so tests can give it an in-memory one.
 */
export interface DocConnection {
  doc: Y.Doc;
  /** Shaped like a provider, as CollaborationCaret expects. */
  provider: { awareness: Awareness };
  status(): CollabStatus;
  /** True once the server's copy has arrived: the editor must not show (or write) an empty text before. */
  everSynced(): boolean;
  onStatus(listener: () => void): () => void;
  /** Told of every version saved by anyone while the text is open (the server announces them). */
  onVersionSaved(listener: (version: VersionNotice) => void): () => void;
  destroy(): void;
}

/** A set of listeners; `emit` calls each one. */
function listenerSet<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add: (listener: (value: T) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit: (value: T) => {
      for (const l of listeners) l(value);
    },
    clear: () => listeners.clear(),
  };
}

/** Opens the text of a proposal with the participant's token. */
export type DocConnector = (proposalId: string, token: string) => DocConnection;

/**
 * The real connection: y-websocket to `/collab/<proposalId>?token=…` on this origin (docs/collab.md).
 * `disableBc`: y-websocket would otherwise also sync tabs of this browser directly over
 * BroadcastChannel, bypassing the server's read-only rule (another tab may be signed in as an
 * observer, or hold a locked text that this tab still thinks is open).
 */
export const websocketConnector: DocConnector = (proposalId, token) => {
  const doc = new Y.Doc();
  const url = `${location.origin.replace(/^http/, 'ws')}/collab`;
  const provider = new WebsocketProvider(url, proposalId, doc, { params: { token }, disableBc: true });
  const versionSaved = listenerSet<VersionNotice>();
  // The server's own message type (shared/collab/versionNotice.ts); one that does not parse is ignored.
  provider.messageHandlers[VERSION_SAVED_MESSAGE] = (_encoder, decoder) => {
    const notice = readVersionNotice(decoder);
    if (notice) versionSaved.emit(notice);
  };
  let status: CollabStatus = 'connecting';
  let synced = false;
  const listeners = new Set<() => void>();
  const set = (next: CollabStatus) => {
    if (next === status) return;
    status = next;
    for (const l of listeners) l();
  };
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) synced = true;
    set(isSynced ? 'synced' : synced ? 'offline' : 'connecting');
  });
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'disconnected') set(synced ? 'offline' : 'connecting');
  });
  // 44xx close codes are permanent (bad token, no such proposal, replaced by a newer window, a change
  // over a limit of the text, a revoked link; shared/protocol/collabClose.ts): y-websocket stops retrying.
  let lastCode: number | undefined;
  provider.on('connection-close', (event: { code: number } | null) => {
    lastCode = event?.code;
  });
  provider.on('closed', (event: { code: number } | null) => set(statusWhenClosed(event?.code ?? lastCode)));
  return {
    doc,
    provider,
    status: () => status,
    everSynced: () => synced,
    onStatus: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onVersionSaved: versionSaved.add,
    destroy: () => {
      listeners.clear();
      versionSaved.clear();
      provider.destroy();
      doc.destroy();
    },
  };
};

/**
 * What a connection the provider stopped retrying (a 44xx close, shared/protocol/collabClose.ts)
 * shows. A revoked token (the link reissued, the participant removed) is `refused` like a bad one:
 * the text turns read-only, and the room's own notice says why and what to do.
 */
export function statusWhenClosed(code: number | undefined): CollabStatus {
  switch (code) {
    case COLLAB_CLOSE.replaced.code:
      return 'replaced';
    case COLLAB_CLOSE.overLimit.code:
      return 'overLimit';
    case COLLAB_CLOSE.linkReplaced.code:
    case COLLAB_CLOSE.removed.code:
      return 'refused';
    default:
      return 'refused';
  }
}

/**
 * An in-memory connection over `doc` (tests, and previews of a text without a server);
 * `announceVersion` plays the server's notice of a saved version.
 */
export function localDocConnection(
  doc: Y.Doc = new Y.Doc(),
): DocConnection & { announceVersion(version: VersionNotice): void } {
  const versionSaved = listenerSet<VersionNotice>();
  return {
    doc,
    provider: { awareness: new Awareness(doc) },
    status: () => 'synced',
    everSynced: () => true,
    onStatus: () => () => undefined,
    onVersionSaved: versionSaved.add,
    announceVersion: versionSaved.emit,
    destroy: () => versionSaved.clear(),
  };
}
