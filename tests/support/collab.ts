import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TokenService } from '../../server/auth/tokens';
import { LOCAL_FANOUT } from '../../server/collab/fanout';
import { CollabServer, DEFAULT_COLLAB_OPTIONS } from '../../server/collab/server';
import { newId } from '../../server/ids';
import { LOCAL_BUS } from '../../server/meeting/bus';
import { MeetingService } from '../../server/meeting/service';
import { createLogger } from '../../server/observability/logger';
import { Metrics } from '../../server/observability/metrics';
import { SqliteStore } from '../../server/store/sqlite';
import type { Ack, Command, MeetingId, ParticipantId, TextFacts } from '../../shared';
import { PARAGRAPH_ATTRIBUTE } from '../../shared/collab/paragraphs';
import { DOC_FIELDS } from '../../shared/collab/schema';
import {
  readVersionNotice,
  VERSION_SAVED_MESSAGE,
  type VersionNotice,
} from '../../shared/collab/versionNotice';
import { decide } from '../../shared/domain/decide';
import type { TestClient } from './client';
import { waitFor } from './wait';

// Every provider registers a process 'exit' listener; ten editors in one test are expected.
process.setMaxListeners(Math.max(process.getMaxListeners(), 100));

const wsBase = (baseUrl: string) => baseUrl.replace(/^http/, 'ws');

/** A stock y-websocket client in Node (the `ws` package as its WebSocket), as the browser editor uses. */
export interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first sync with the server. */
  synced: Promise<void>;
  /** Resolves with the close code of the first connection the server closes. */
  closed: Promise<{ code: number; reason: string }>;
  destroy: () => void;
}

export function openEditor(
  baseUrl: string,
  proposalId: string,
  token: string,
  options: { doc?: Y.Doc } = {},
): Editor {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${wsBase(baseUrl)}/collab`, proposalId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, editors in one test process would sync through it
    // instead of through the server.
    disableBc: true,
    maxBackoffTime: 300,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The Y.XmlText of the document's first paragraph (the seeded base text lives there). */
export function firstParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(DOC_FIELDS.text).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** A raw WebSocket on a document, for messages no stock client sends. */
export interface RawCollab {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send: (bytes: Uint8Array) => void;
}

export function openRaw(baseUrl: string, proposalId: string, token: string): Promise<RawCollab> {
  const ws = new WebSocket(`${wsBase(baseUrl)}/collab/${proposalId}?token=${encodeURIComponent(token)}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (bytes) => ws.send(bytes) }));
    ws.once('error', reject);
  });
}

/**
 * Attempts a WebSocket upgrade and reports the HTTP status: 101 when the socket opened, else the
 * status of the refusal (the socket never opened).
 */
export function upgradeStatus(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; opened: boolean }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsBase(baseUrl)}${path}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101, opened: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, opened: false });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Polls until `check` is true (./wait.ts). */
export const waitUntil = (check: () => boolean, label: string, timeoutMs = 10_000): Promise<void> =>
  waitFor(check, label, { timeoutMs });

/**
 * A marker for "the server has handled everything sent before on this connection": sends a sync
 * step 1 and resolves on the server's step 2, which it answers in order, after the messages before
 * it (and after relaying what they caused to this connection). Works on a raw socket and on a
 * provider's (`editor.provider.ws`), which applies the answer as it would any step 2.
 */
export function serverRoundTrip(
  ws: WebSocket | globalThis.WebSocket | null,
  timeoutMs = 10_000,
): Promise<void> {
  if (!ws) throw new Error('serverRoundTrip: not connected');
  const socket = ws as WebSocket;
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`no sync step 2 within ${timeoutMs} ms`)), timeoutMs);
    // A provider's socket has binaryType 'arraybuffer'; a raw one gives Buffers.
    const onMessage = (data: Buffer | ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      // [0, 1, …]: a sync message (0) of type step 2 (1), the answer to a step 1.
      if (bytes[0] === 0 && bytes[1] === 1) done();
    };
    const onClose = (code: number) => done(new Error(`closed (${code}) before the sync step 2`));
    socket.on('message', onMessage);
    socket.on('close', onClose);
    socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  });
}

/**
 * How the server took everything sent so far on a connection: the close it answered with, or null
 * when it answered a later round trip (serverRoundTrip) instead, i.e. it handled all of it and kept
 * the connection. A check that something was NOT refused, without a timer that guesses how long a
 * refusal takes.
 */
export async function closeOrRoundTrip(
  ws: WebSocket | globalThis.WebSocket | null,
  closed: Promise<{ code: number; reason: string }>,
): Promise<{ code: number; reason: string } | null> {
  // A provider drops its socket once closed; a raw socket stays, closing or closed.
  if (!ws || ws.readyState >= 2) return closed;
  const roundTrip = serverRoundTrip(ws).then(
    () => null,
    (error: Error) => {
      // Closed before the answer: the close is what the server answered with.
      if (error.message.startsWith('closed')) return closed;
      throw error;
    },
  );
  return Promise.race([closed, roundTrip]);
}

/** The value of a line of a server's Prometheus text (`/metrics`, admin token), 0 when absent. */
export async function metricValue(
  server: { url: string; adminToken: string },
  line: string,
): Promise<number> {
  const text = await (
    await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).text();
  const found = text.split('\n').find((l) => l.startsWith(line));
  return found ? Number(found.split(' ').at(-1)) : 0;
}

/** Creates a proposal through the chair's Socket.IO connection and returns its id. */
export async function createProposal(
  chair: TestClient,
  fields: { symbol: string; title?: string; baseText?: string },
): Promise<string> {
  const ack = await chair.send({
    type: 'proposal.create',
    symbol: fields.symbol,
    title: fields.title ?? fields.symbol,
    submittedBy: 'Chair',
    ...(fields.baseText ? { baseText: fields.baseText } : {}),
  });
  if (!ack.ok) throw new Error(`proposal.create refused: ${ack.error.message}`);
  await chair.waitForSeq(ack.seq);
  return chair.meeting().proposals.find((p) => p.symbol === fields.symbol)!.id;
}

/** A y-websocket message: sync (0) with the given sync type and payload. */
export function syncMessage(syncType: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * A V1 Yjs update of `count` subdocument structs (~7 bytes each): decoding it creates one Y.Doc per
 * struct, so a megabyte of it takes about a second and hundreds of MB in Yjs 13.6.
 */
export function subdocBomb(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, count); // structs
  encoding.writeVarUint(e, 77); // client id
  encoding.writeVarUint(e, 0); // first clock
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, 9); // ContentDoc, no origins: parent info follows
    encoding.writeVarUint(e, 1); // parent is a root type, named:
    encoding.writeVarString(e, 'a');
    encoding.writeVarString(e, ''); // guid
    encoding.writeAny(e, {}); // options
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** A V1 update that declares 0xffffffff structs for one client and carries none (a few bytes). */
export function hugeCountUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 0xffffffff);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** A V1 update that declares 0xffffffff clients. */
export function hugeClientsUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0xffffffff);
  encoding.writeVarUint(e, 0xffffffff);
  return encoding.toUint8Array(e);
}

/** The version notices among the messages a raw socket received, decoded. */
export function versionNotices(raw: RawCollab): VersionNotice[] {
  const out: VersionNotice[] = [];
  for (const bytes of raw.received) {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== VERSION_SAVED_MESSAGE) continue;
    const notice = readVersionNotice(decoder);
    if (notice) out.push(notice);
  }
  return out;
}

/**
 * Submits a command that reads the text (`needsTextFacts`) as the gateway does: decided with the
 * given text facts. For tests that drive the meeting through the service.
 */
export function submitWithText(
  service: MeetingService,
  meetingId: string,
  actorId: string,
  command: Command,
  text: TextFacts,
): Promise<Ack> {
  const room = service.room(meetingId as MeetingId);
  if (!room) throw new Error(`submitWithText: no meeting ${meetingId}`);
  return room.submit({
    idempotencyKey: { participantId: actorId as ParticipantId, commandId: command.id },
    decide: (meeting, ctx) => decide(meeting, command, actorId as ParticipantId, { ...ctx, text }),
  });
}

/**
 * A co-editing server alone over SQLite in `dataDir`: its HTTP server on a free port, the
 * MeetingService and the CollabServer as app.ts builds them, without Socket.IO or the HTTP API. For
 * tests that call the CollabServer itself.
 */
export interface CollabAlone {
  url: string;
  httpServer: HttpServer;
  service: MeetingService;
  collab: CollabServer;
  metrics: Metrics;
  tokens: TokenService;
  close: () => Promise<void>;
}

export async function startCollabAlone(dataDir: string, options: { unloadDelayMs?: number } = {}) {
  const log = createLogger('silent');
  const metrics = new Metrics();
  const store = SqliteStore.open(path.join(dataDir, 'irm.sqlite'));
  const tokens = new TokenService('collab-alone-secret', 'collab-alone-admin', 3600);
  const httpServer = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const service = await MeetingService.load(store, { newId, bus: LOCAL_BUS });
  const collab = new CollabServer(
    {
      httpServer,
      service,
      tokens,
      store,
      readEvents: (meetingId, afterSeq, limit) => store.readEvents(meetingId, afterSeq, limit),
      metrics,
      log,
      newId,
      fanout: LOCAL_FANOUT,
    },
    {
      unloadDelayMs: options.unloadDelayMs ?? 300,
      validation: { ...DEFAULT_COLLAB_OPTIONS.validation, workers: 1 },
    },
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  const { port } = httpServer.address() as AddressInfo;
  const alone: CollabAlone = {
    url: `http://127.0.0.1:${port}`,
    httpServer,
    service,
    collab,
    metrics,
    tokens,
    close: async () => {
      await collab.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await service.close();
      await store.close();
    },
  };
  return alone;
}

/** The Y.XmlText of the top-level block whose pid is `pid` (a seeded paragraph holds one). */
export function paragraphText(doc: Y.Doc, pid: string): Y.XmlText {
  for (const block of doc.getXmlFragment(DOC_FIELDS.text).toArray()) {
    if (block instanceof Y.XmlElement && block.getAttribute(PARAGRAPH_ATTRIBUTE) === pid)
      return block.get(0) as Y.XmlText;
  }
  throw new Error(`no paragraph ${pid}`);
}
