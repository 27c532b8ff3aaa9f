import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Invites } from './auth/invites';
import { loadOrCreateSecret } from './auth/secrets';
import { TokenService } from './auth/tokens';
import { collabRouter } from './collab/routes';
import { CollabServer } from './collab/server';
import type { Config } from './config';
import { CheckDeadlines } from './consensus/deadlines';
import { openDeployment } from './deploy';
import { mountClient } from './http/client';
import { sendError } from './http/errors';
import { metricsAuth } from './http/metricsAuth';
import { homePage } from './http/pages';
import { HttpReadBudget } from './http/readBudget';
import { apiRouter } from './http/routes';
import { unreadableRequest } from './http/unreadableRequest';
import { newId } from './ids';
import { MeetingService } from './meeting/service';
import { MeetingUnreadable } from './meeting/unreadable';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { RealtimeGateway } from './realtime/socket';
import type { TextFactsSource } from './realtime/textFactsSource';
import { RenderPool } from './record/renderPool';
import { Mailer } from './secretariat/mailer';

/** A running IRM Room server: HTTP + Socket.IO on one port, over one store. */
export interface RunningServer {
  url: string;
  port: number;
  service: MeetingService;
  tokens: TokenService;
  invites: Invites;
  adminToken: string;
  log: Logger;
  /** Stops taking connections, writes what is queued, closes the store. */
  close: () => Promise<void>;
}

/** What a server runs with besides its configuration. */
export interface ServerRuntime {
  /**
   * The clock the meetings run on (decisions, check deadlines, what clients are told the time is),
   * ms since the epoch; default Date.now. Tests move it (server/main.ts, IRM_TEST_CLOCK_OFFSET_MS).
   */
  now?: () => number;
}

export async function startServer(config: Config, runtime: ServerRuntime = {}): Promise<RunningServer> {
  const now = runtime.now ?? Date.now;
  const log = createLogger(config.logLevel);
  const adminToken = loadOrCreateSecret(config.dataDir, 'admin-token', config.adminToken);
  const secret = loadOrCreateSecret(config.dataDir, 'token-secret', config.secret);
  const tokens = new TokenService(secret, adminToken, config.tokenDays * 86_400);
  // Alone on a SQLite file, or one of several processes over Redis: chosen once, in server/deploy/.
  const deployment = await openDeployment(config, log);
  const { store, health } = deployment;
  const metrics = new Metrics();
  // Clients get the store's health as `status`, the load balancer from /healthz (503 while unavailable).
  health.onChange((state) => {
    metrics.storeAvailable.set(state === 'ok' ? 1 : 0);
    if (state === 'ok') log.info('store reachable again');
    else log.warn('store unreachable: commands are answered unavailable');
  });
  metrics.storeAvailable.set(health.state === 'ok' ? 1 : 0);

  const service = await MeetingService.load(store, {
    newId,
    now,
    bus: deployment.bus,
    presence: deployment.presence,
    presenceSweepMs: deployment.presenceSweepMs,
    onConflict: () => metrics.appendConflicts.inc(),
    onAppend: (n) => {
      metrics.appendBatch.observe(n);
      health.succeeded();
    },
    onError: (error) => {
      log.error({ err: error }, 'meeting room error');
      health.failed(error);
    },
    onInternalError: (error, context) =>
      log.error({ err: error, ...context }, 'command failed: internal error'),
  });

  // Checks whose deadline passed while no process ran end now; then each at its deadline.
  const deadlines = new CheckDeadlines(service, { now, log });
  deadlines.start();

  const app = express();
  app.disable('x-powered-by');
  const httpServer: HttpServer = createServer(app);
  // Late-bound: the gateway is built before the collab server whose documents it reads.
  let textFacts: TextFactsSource = (_proposalId, step) => step(undefined);
  // Both follow the service's stored events: the Socket.IO rooms get them, and the collab server
  // reacts to locks, the meeting closing and new proposals' base texts.
  const realtime = new RealtimeGateway(httpServer, service, tokens, metrics, log, {
    allowedOrigins: config.allowedOrigins,
    storeHealth: health,
    adapter: deployment.socketIoAdapter,
    textFacts: (proposalId, step) => textFacts(proposalId, step),
    now,
    ...(config.realtime ? { limits: config.realtime } : {}),
  });
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
      fanout: deployment.fanout,
    },
    {
      ...config.collab,
      allowedOrigins: [...config.allowedOrigins, ...(config.collab?.allowedOrigins ?? [])],
    },
  );
  textFacts = (proposalId, step) => collab.withTextFacts(proposalId, step);

  let publicUrl = config.publicUrl ?? '';
  const invites = new Invites(tokens, () => publicUrl);

  app.get('/healthz', (_req, res) => {
    const store = health.state;
    res
      .status(store === 'ok' ? 200 : 503)
      .json({ ok: store === 'ok', store, meetings: service.meetingIds().length });
  });
  // Metrics name meetings' load and timings: for the operator's Prometheus, not for the public.
  app.get('/metrics', metricsAuth(adminToken, config.metricsToken), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const reads = new HttpReadBudget(config.httpReads);
  app.use(
    '/api',
    collabRouter({
      reads,
      collab,
      service,
      tokens,
      ...(config.versionLimits ? { versionLimits: config.versionLimits } : {}),
    }),
  );
  // One pool of SMTP connections for the process, or none: invitations then go by CSV only.
  const mailer = config.smtpUrl ? Mailer.fromUrl(config.smtpUrl, senderOf(config)) : undefined;
  const readEvents: typeof store.readEvents = (meetingId, afterSeq, limit) =>
    store.readEvents(meetingId, afterSeq, limit);
  // The record's exports are rendered in a worker thread, started with the first export.
  const renders = new RenderPool(config.recordExports);
  app.use(
    '/api',
    apiRouter({
      service,
      tokens,
      invites,
      reads,
      mailer,
      roomUrl: () => publicUrl,
      log,
      readEvents,
      renders,
    }),
  );
  app.get('/', homePage);
  await mountClient(app, httpServer, config.client);
  app.use((_req: Request, res: Response) => sendError(res, 'not_found', 'no such route'));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // Cut short while being sent (a download): nothing more can be said on this response.
    if (res.headersSent) return next(error);
    // A body that cannot be read (not JSON, too large, an encoding or charset not read, not inflating):
    // the client's doing, answered before authentication on every route.
    const unreadable = unreadableRequest(error);
    if (unreadable) return sendError(res, unreadable.code, unreadable.message);
    if (error instanceof MeetingUnreadable)
      return sendError(res, 'unavailable', 'this server cannot read this meeting; try again');
    log.error({ err: error }, 'http error');
    sendError(res, 'internal', 'internal error');
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  publicUrl ||= url;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // No deadline fires into a service that is closing.
      deadlines.close();
      // First: the HTTP server's close waits for upgraded sockets, and documents need the store.
      await collab.close();
      // Before the HTTP server: an export in progress is answered 503 instead of holding up its close.
      await renders.close();
      await realtime.close(); // also closes the HTTP server
      await service.close();
      reads.close();
      mailer?.close();
      await deployment.close();
    })();
    return closing;
  };
  return { url, port, service, tokens, invites, adminToken, log, close };
}

/** The invitations' sender: SMTP_FROM, else a no-reply address at the public host. */
function senderOf(config: Config): string {
  if (config.smtpFrom) return config.smtpFrom;
  const host = config.publicUrl ? new URL(config.publicUrl).hostname : os.hostname();
  return `IRM Room <no-reply@${host}>`;
}
