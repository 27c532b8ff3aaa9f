import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type MeetingId,
  type ParticipantId,
  type ProposalId,
  proposalIdSchema,
  type Revision,
  type StoredEvent,
  type TextFacts,
} from '../../shared';
import { writerName } from '../../shared/collab/limits';
import { can } from '../../shared/domain/permissions';
import type { TokenService } from '../auth/tokens';
import { ParticipantLimits, participantKey } from '../limits/participants';
import { RefusalLog, remoteOf } from '../limits/refusals';
import type { MeetingService } from '../meeting/service';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { originAllowed } from '../realtime/origin';
import { Revocations, type RevokedReason } from '../realtime/revocations';
import type { DocStore, DocVersionMeta, MeetingStore } from '../store/types';
import { findProposal, identify, readOnlyReason } from './access';
import { Connection, type ConnectionBudgets, type ConnectionLimits } from './connection';
import { DocFolder } from './doc/folder';
import { sortedFrozenIds } from './doc/frozenSet';
import { participantWriter } from './doc/judge';
import { revisionVersion, saveRevisions } from './doc/serverVersions';
import { DocRegistry } from './docRegistry';
import type { DocFanout } from './fanout';
import { CLOSE } from './protocol';
import { TextSteps } from './textStep';
import { UpdateValidator, type ValidatorOptions, type Writer } from './validate';

/** Limits and timings of the collab server (docs/collab.md); every field has a default. */
export interface CollabOptions extends ConnectionLimits {
  /** Origins allowed besides the server's own (as for Socket.IO). */
  allowedOrigins: readonly string[];
  /** Largest WebSocket message, in bytes; larger ones close the connection with 1009. */
  maxMessageBytes: number;
  /** A document without connections is unloaded after this long. */
  unloadDelayMs: number;
  /** The update log is folded into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Keep-alive: a connection that does not answer a ping within this long is dropped. */
  pingIntervalMs: number;
  /**
   * Co-editing connections per participant (token; the projector's view token is one per meeting)
   * on this process, over all documents: a newer one closes the oldest with 4409.
   */
  maxConnectionsPerParticipant: number;
  /** Upgrades per participant (after authentication); beyond, 429. */
  upgrades: { burst: number; perSecond: number };
  /**
   * Update validation (docs/collab.md, "Update validation"); `retryTimeoutMs` is the second chance an
   * update gets on a fresh worker when the first attempt timed out or its worker died.
   */
  validation: ValidatorOptions & { retryTimeoutMs: number };
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  allowedOrigins: [],
  maxMessageBytes: 1024 * 1024,
  rate: { burst: 200, perSecond: 100 },
  bytes: { burst: 4 * 1024 * 1024, perSecond: 1024 * 1024 },
  // Four full-size texts at once (a participant opening several), then one a second.
  answers: { burst: 16 * 1024 * 1024, perSecond: 4 * 1024 * 1024 },
  maxBufferedBytes: 8 * 1024 * 1024,
  unloadDelayMs: 10_000,
  compactEvery: 200,
  pingIntervalMs: 30_000,
  maxConnectionsPerParticipant: 8,
  upgrades: { burst: 30, perSecond: 2 },
  // Each worker holds a copy of the live documents it judges (at most COLLAB_LIMITS.maxDocBytes
  // encoded each): 512 MB leaves room for dozens of full-size texts (docs/collab.md, "Memory").
  validation: { workers: 2, timeoutMs: 1000, retryTimeoutMs: 5000, maxOldGenerationSizeMb: 512 },
};

export interface CollabDeps {
  httpServer: HttpServer;
  service: MeetingService;
  tokens: TokenService;
  store: DocStore;
  /** The meeting log, to find a proposal's base text again after a crash (see DocRegistry). */
  readEvents: MeetingStore['readEvents'];
  metrics: Metrics;
  log: Logger;
  newId: (prefix: string) => string;
  /**
   * Other server processes serving the same proposals over the same (shared) store: updates and
   * awareness go through it, compaction takes its lease (server/collab/fanout.ts). LOCAL_FANOUT when
   * this process is alone. The caller closes it after `close()`.
   */
  fanout: DocFanout;
}

const PATH_PREFIX = '/collab/';
/** A replaced or revoked connection that has not completed its close this long after is cut. */
const REPLACED_GRACE_MS = 2000;

/**
 * Co-editing of proposal texts: one Yjs document per proposal, served over the y-websocket protocol
 * at `/collab/<proposalId>?token=…` on the app's HTTP server (docs/collab.md). Authenticates at the
 * upgrade, keeps read-only connections from changing anything, sanitises awareness, validates every
 * update off the main thread, and stores each change before relaying it.
 */
export class CollabServer {
  private readonly options: CollabOptions;
  private readonly wss: WebSocketServer;
  private readonly registry: DocRegistry;
  /** Commands that read a text, each in one turn of its document's queue. */
  private readonly steps: TextSteps;
  private readonly validator: UpdateValidator;
  private readonly folder = new DocFolder();
  private readonly pinger: NodeJS.Timeout;
  /** Proposals known to have no base text, so the log is scanned once at most. */
  private readonly noBaseText = new Set<string>();
  private closing: Promise<void> | undefined;
  /** Connections and budgets per participant, across documents (server/limits/participants.ts). */
  private readonly participants: ParticipantLimits<Connection, 'messages' | 'bytes' | 'answers'>;
  private readonly refusals: RefusalLog;
  private readonly unfollowMeetings: () => void;

  constructor(
    private readonly deps: CollabDeps,
    options: Partial<CollabOptions> = {},
  ) {
    const d = DEFAULT_COLLAB_OPTIONS;
    this.options = {
      ...d,
      ...options,
      rate: { ...d.rate, ...options.rate },
      bytes: { ...d.bytes, ...options.bytes },
      answers: { ...d.answers, ...options.answers },
      upgrades: { ...d.upgrades, ...options.upgrades },
      validation: { ...d.validation, ...options.validation },
    };
    const { metrics, log } = deps;
    this.participants = new ParticipantLimits({
      maxConnections: this.options.maxConnectionsPerParticipant,
      handshakes: this.options.upgrades,
      budgets: { messages: this.options.rate, bytes: this.options.bytes, answers: this.options.answers },
    });
    this.refusals = new RefusalLog(log, metrics);
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.options.maxMessageBytes });
    this.validator = new UpdateValidator(this.options.validation, (reason) =>
      log.warn({ reason }, 'update validation worker replaced'),
    );
    this.registry = new DocRegistry({
      store: deps.store,
      validator: this.validator,
      folder: this.folder,
      metrics,
      log,
      compactEvery: this.options.compactEvery,
      unloadDelayMs: this.options.unloadDelayMs,
      baseTextOf: (docId) => this.baseTextOf(docId),
      serverVersionsOf: (docId) => this.revisionVersionsOf(docId),
      writerOf: (conn) => this.writerOf(conn),
      retryTimeoutMs: this.options.validation.retryTimeoutMs,
      fanout: deps.fanout,
    });
    this.steps = new TextSteps(this.registry, log);
    this.unfollowMeetings = deps.service.onEventsStored((meetingId, events) =>
      this.handleMeetingEvents(meetingId, events),
    );
    deps.httpServer.on('upgrade', this.onUpgrade);
    this.pinger = setInterval(() => this.ping(), this.options.pingIntervalMs);
    this.pinger.unref();
  }

  /**
   * Reacts to stored meeting events (each batch `service.onEventsStored` gives, on every process):
   * closes this process's connections of a participant whose link was reissued or who was removed,
   * seeds new proposals' base texts, saves published revisions' texts (unless the command's own
   * turn here does: ./textStep.ts), and recomputes read-only access of open connections when a
   * proposal is locked or unlocked or the meeting closes or is archived. (Frozen paragraphs need nothing here: each update is judged against the meeting as it
   * is then, and judged again if more froze meanwhile: doc/judge.ts.) Never throws: it runs inside
   * the meeting's writer.
   */
  handleMeetingEvents(meetingId: MeetingId, events: readonly StoredEvent[]): void {
    if (this.closing) return;
    try {
      const revocations = Revocations.in(meetingId, events);
      if (!revocations.empty) this.revoke(revocations);
      let recompute = false;
      for (const { event } of events) {
        switch (event.type) {
          case 'proposal.created':
            if (event.baseText) this.seed(event.proposal.id, event.baseText);
            else this.noBaseText.add(event.proposal.id);
            break;
          case 'proposal.revisionPublished':
            // Published by a command in a turn of the document here: that turn saves it.
            if (!this.steps.claim(event.proposalId, event.revision))
              this.saveRevision(event.proposalId, event.revision);
            break;
          case 'proposal.locked':
          case 'proposal.unlocked':
          case 'meeting.closed':
          case 'meeting.archived':
          case 'meeting.unarchived':
            recompute = true;
            break;
        }
      }
      if (recompute) this.recomputeAccess(meetingId);
    } catch (error) {
      this.deps.log.error({ err: error, meetingId }, 'collab could not handle meeting events');
    }
  }

  /** Versions of a proposal's text, oldest first. */
  listVersions(proposalId: ProposalId): Promise<DocVersionMeta[]> {
    return this.deps.store.listVersions(proposalId);
  }

  /** Saves the proposal's current text (as stored) as a named version. */
  async saveVersion(proposalId: ProposalId, name: string, createdBy: ParticipantId): Promise<DocVersionMeta> {
    const meta: DocVersionMeta = { id: this.deps.newId('v'), name, createdBy, createdAt: Date.now() };
    await this.registry.use(proposalId, (live) => live.saveVersion(meta));
    return meta;
  }

  loadVersion(proposalId: ProposalId, versionId: string): Promise<Uint8Array | null> {
    return this.deps.store.loadVersion(proposalId, versionId);
  }

  /**
   * Runs `step` (the gateway deciding and storing a command that `needsTextFacts`) with what the
   * proposal's text says of its paragraphs (`paragraphFacts`), in one turn of the document's queue
   * (./textStep.ts): no client update of the document is judged or applied between the reading and
   * the command's events being stored, so the next one is judged against the paragraphs it froze;
   * a revision it published is saved as its version in the same turn. The document is read as
   * stored; one not in memory is loaded for it and unloaded again like any document nobody is
   * connected to (after `unloadDelayMs`), so a burst of commands loads it once. `step` gets
   * undefined (and runs outside the queue) when the proposal is unknown, the server is closing, the
   * document cannot be loaded, or the turn does not come within 5 s: `decide` then refuses the
   * command as unavailable.
   */
  withTextFacts<T>(proposalId: ProposalId, step: (facts: TextFacts | undefined) => Promise<T>): Promise<T> {
    if (this.closing || !findProposal(this.deps.service, proposalId)) return step(undefined);
    return this.steps.run(proposalId, step);
  }

  /**
   * Stops taking connections, stores what is queued, compacts every document and closes its
   * connections (1001), then stops the validation workers. Call it before the HTTP server closes
   * (which waits for upgraded sockets) and before the store closes.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.unfollowMeetings();
      this.deps.httpServer.off('upgrade', this.onUpgrade);
      clearInterval(this.pinger);
      this.participants.close();
      await this.registry.closeAll();
      for (const ws of this.wss.clients) ws.terminate();
      await new Promise<void>((resolve) => this.wss.close(() => resolve()));
      await this.validator.close();
      await this.folder.close();
    })();
    return this.closing;
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Other upgrades (Socket.IO at /socket.io, Vite's HMR) belong to other listeners.
    if (!url.pathname.startsWith(PATH_PREFIX)) return;
    socket.on('error', () => {}); // a client that vanishes mid-handshake must not crash the process
    this.admit(req, socket, head, url).catch((error) => {
      this.deps.log.error({ err: error }, 'collab upgrade failed');
      refuse(socket, 503, 'Service Unavailable');
    });
  };

  /** Refuses an upgrade with an HTTP status, and logs why (never the token: it is in the URL). */
  private refuseUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    status: RefusalStatus,
    reason: string,
    details: Record<string, unknown> = {},
  ): void {
    this.refusals.refused('collab', reason, {
      remote: remoteOf(req.socket),
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
      ...details,
    });
    refuse(socket, status, STATUS_TEXT[status]);
  }

  /**
   * Checks origin, token, proposal and the participant's upgrade budget, answering 403/401/404/429
   * before the WebSocket opens.
   */
  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    if (this.closing) return this.refuseUpgrade(req, socket, 503, 'shutting_down');
    const proposalId = proposalIdInPath(url.pathname);
    if (!proposalId) return this.refuseUpgrade(req, socket, 404, 'bad_path');
    if (!originAllowed(req, this.options.allowedOrigins))
      return this.refuseUpgrade(req, socket, 403, 'origin');
    const claims = await this.deps.tokens.verify(url.searchParams.get('token') ?? undefined);
    if (!claims) return this.refuseUpgrade(req, socket, 401, 'bad_token');
    const lookUp = () => {
      const found = findProposal(this.deps.service, proposalId);
      const meeting = found ? this.deps.service.room(found.meetingId)?.state : undefined;
      return { found, meeting, identity: meeting ? identify(meeting, claims) : null };
    };
    let { found, meeting, identity } = lookUp();
    if (!found || !identity) {
      // Created (the proposal, the meeting or the participant) on another process a moment ago?
      await this.deps.service.refresh(claims.meetingId).catch(() => undefined);
      ({ found, meeting, identity } = lookUp());
    }
    const who = { meetingId: claims.meetingId, participantId: claims.view ? 'view' : claims.participantId };
    if (!found) return this.refuseUpgrade(req, socket, 404, 'unknown_proposal', { ...who, proposalId });
    if (!meeting || !identity) {
      const reason = found.meetingId === claims.meetingId ? 'unknown_participant' : 'other_meeting';
      return this.refuseUpgrade(req, socket, 401, reason, { ...who, proposalId });
    }
    const key = participantKey(found.meetingId, identity.kind === 'view' ? null : identity.participant.id);
    if (!this.participants.admitHandshake(key)) {
      return this.refuseUpgrade(req, socket, 429, 'rate_limited', { ...who, proposalId });
    }
    if (this.closing || socket.destroyed) return refuse(socket, 503, 'Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const budgets: ConnectionBudgets = this.participants.entry(key).budgets;
      const remote = remoteOf(req.socket);
      const conn = new Connection(
        ws,
        found.meetingId,
        proposalId,
        identity,
        readOnlyReason(meeting, identity, proposalId),
        this.options,
        budgets,
        (how) => this.closedByServer(how, { remote, ...who, proposalId }),
      );
      const { evicted } = this.participants.add(key, conn);
      for (const old of evicted) {
        old.rejected = true; // what it still has queued is skipped
        old.close(CLOSE.replaced);
        // A client that does not read never completes the closing handshake (ws waits 30 s).
        setTimeout(() => old.ws.terminate(), REPLACED_GRACE_MS).unref();
      }
      conn.ws.once('close', () => this.participants.remove(key, conn));
      this.open(conn);
    });
  }

  /** Counts and logs a close the server decided for a limit (not shutdown or store failures). */
  private closedByServer(how: { code: number; reason: string }, details: Record<string, unknown>): void {
    const name = LIMIT_CLOSES.get(how.code);
    if (name) this.refusals.closed('collab', name, { ...details, code: how.code });
  }

  private open(conn: Connection): void {
    const { metrics, log } = this.deps;
    if (this.closing) return conn.close(CLOSE.goingAway); // upgraded while shutdown began
    const live = this.registry.open(conn.proposalId);
    metrics.collabConnections.inc();
    live.attach(conn);
    conn.ws.on('message', (data, isBinary) => {
      try {
        if (conn.rejected) return;
        const bytes = toBytes(data);
        if (!isBinary) {
          conn.rejected = true;
          return conn.close(CLOSE.invalid);
        }
        if (!conn.admit(bytes.byteLength)) {
          metrics.collabUpdates.inc({ result: 'rate_limited' });
          conn.rejected = true;
          return conn.close(CLOSE.rateLimited);
        }
        live.receive(conn, bytes);
      } catch (error) {
        log.error({ err: error, doc: conn.proposalId }, 'collab message handling failed');
      }
    });
    conn.ws.on('pong', () => {
      conn.alive = true;
    });
    conn.ws.on('error', (error) => log.debug({ err: error, doc: conn.proposalId }, 'collab socket error'));
    conn.ws.once('close', () => {
      metrics.collabConnections.dec();
      live.detach(conn);
    });
  }

  /**
   * Saves the text of a revision published elsewhere (another process, or a command submitted
   * without the text's turn) as its version (doc/serverVersions.ts). The publishing process saved
   * it already in the command's turn, as a rule: then this finds it saved and does nothing. If that
   * failed, this saves the text as this process has it (the fanout may lag by a moment); a process
   * that stopped first saves it when the document is next loaded (`revisionVersionsOf`).
   */
  private saveRevision(proposalId: ProposalId, revision: Revision): void {
    this.registry
      .use(proposalId, (live) => saveRevisions(live, [revision], this.deps.log))
      .catch((error) =>
        this.deps.log.error(
          { err: error, doc: proposalId, versionId: revision.versionId },
          'revision not saved',
        ),
      );
  }

  /** The versions of a proposal's published revisions, as the meeting lists them. */
  private revisionVersionsOf(proposalId: ProposalId) {
    const found = findProposal(this.deps.service, proposalId);
    const meeting = found ? this.deps.service.room(found.meetingId)?.state : undefined;
    return (meeting?.consensus.revisions[proposalId] ?? []).map(revisionVersion);
  }

  private seed(proposalId: ProposalId, baseText: string): void {
    this.registry
      .use(proposalId, (live) => live.seedBaseText(baseText), { recover: false })
      .catch((error) => this.deps.log.error({ err: error, doc: proposalId }, 'seeding the base text failed'));
  }

  /**
   * Closes the connections whose token the batch revoked. Their awareness (caret, name) goes at
   * once, not when the client completes the close, and nothing more is taken from them.
   */
  private revoke(revocations: Revocations): void {
    for (const live of this.registry.all()) {
      for (const conn of [...live.conns]) {
        if (conn.identity.kind !== 'participant') continue; // the projector's view token stays good
        // The version the token carries: `identify` admitted it only while it was the current one.
        const { id, tokenVersion } = conn.identity.participant;
        const reason = revocations.reasonFor({ meetingId: conn.meetingId, participantId: id, tokenVersion });
        if (!reason) continue;
        conn.rejected = true;
        conn.close(REVOKED_CLOSES[reason]);
        live.detach(conn);
        setTimeout(() => conn.ws.terminate(), REPLACED_GRACE_MS).unref();
      }
    }
  }

  private recomputeAccess(meetingId: MeetingId): void {
    const meeting = this.deps.service.room(meetingId)?.state;
    if (!meeting) return;
    for (const live of this.registry.all()) {
      for (const conn of live.conns) {
        if (conn.meetingId === meetingId)
          conn.readOnly = readOnlyReason(meeting, conn.identity, conn.proposalId);
      }
    }
  }

  /**
   * Who writes on a connection, as the document's rules see it: its participant as the meeting
   * knows them now; the presiding officer and the secretariat may remove others' comments; nobody
   * may change the paragraphs the meeting has frozen now (agreed, or under a check).
   */
  private writerOf(conn: Connection): Writer | null {
    const writer = participantWriter(conn);
    if (!writer || conn.identity.kind !== 'participant') return writer;
    const meeting = this.deps.service.room(conn.meetingId)?.state;
    const current = meeting?.participants.find((p) => p.id === writer.participantId);
    if (!meeting || !current) return writer;
    return {
      ...writer,
      name: current.name,
      delegation: current.delegation,
      displayName: writerName(current),
      moderates: can(meeting, current, 'comment.moderate'),
      // Sorted (the worker keeps the frozen blocks it read for as long as the set is the same), and
      // computed once per meeting change, not per update.
      frozen: sortedFrozenIds(meeting, conn.proposalId),
    };
  }

  /** Finds the base text in the proposal's `proposal.created` event (crash recovery; rare). */
  private async baseTextOf(proposalId: ProposalId): Promise<string | undefined> {
    if (this.noBaseText.has(proposalId)) return undefined;
    const found = findProposal(this.deps.service, proposalId);
    if (!found) return undefined;
    for (let after = 0; ; ) {
      const events = await this.deps.readEvents(found.meetingId, after, 1000);
      if (events.length === 0) break;
      for (const { event } of events) {
        if (event.type === 'proposal.created' && event.proposal.id === proposalId) {
          if (event.baseText) return event.baseText;
          this.noBaseText.add(proposalId);
          return undefined;
        }
      }
      after = events.at(-1)!.seq;
    }
    this.noBaseText.add(proposalId);
    return undefined;
  }

  private ping(): void {
    for (const live of this.registry.all()) {
      for (const conn of live.conns) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }
}

type RefusalStatus = 401 | 403 | 404 | 429 | 503;
const STATUS_TEXT: Record<RefusalStatus, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** How a connection whose token was revoked is closed (its Socket.IO twin: DISCONNECT_REASONS). */
const REVOKED_CLOSES: Record<RevokedReason, { code: number; reason: string }> = {
  link_replaced: CLOSE.linkReplaced,
  removed: CLOSE.removed,
};

/**
 * Close codes the server decided for a limit, a misbehaving client or a revoked token, by the name
 * `irm_disconnects_total` uses.
 */
const LIMIT_CLOSES = new Map<number, string>([
  [CLOSE.invalid.code, 'invalid'],
  [CLOSE.replaced.code, 'replaced'],
  [CLOSE.linkReplaced.code, 'link_replaced'],
  [CLOSE.removed.code, 'removed'],
  [CLOSE.rateLimited.code, 'rate_limited'],
  [CLOSE.slowConsumer.code, 'slow_consumer'],
]);

/** Answers an upgrade request with a plain HTTP error and closes the socket: no WebSocket opens. */
/** The proposal id a collab URL names (`/collab/<id>`), parsed and branded; undefined when malformed. */
function proposalIdInPath(pathname: string): ProposalId | undefined {
  let raw: string;
  try {
    raw = decodeURIComponent(pathname.slice(PATH_PREFIX.length));
  } catch {
    return undefined;
  }
  const parsed = proposalIdSchema.safeParse(raw);
  return parsed.success && !raw.includes('/') ? parsed.data : undefined;
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  const body = `${status} ${text}`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A copy of the message: ws hands out views of its read buffers, which queued messages would pin. */
function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data);
}
