import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Invites } from './auth/invites';
import { loadOrCreateSecret } from './auth/secrets';
import { TokenService } from './auth/tokens';
import { connectCluster } from './cluster';
import { StoreHealth } from './cluster/health';
import { collabRouter } from './collab/routes';
import { CollabServer } from './collab/server';
import type { Config } from './config';
import { mountClient } from './http/client';
import { sendError } from './http/errors';
import { metricsAuth } from './http/metricsAuth';
import { homePage } from './http/pages';
import { HttpReadBudget } from './http/readBudget';
import { apiRouter } from './http/routes';
import { newId } from './ids';
import type { MeetingBus } from './meeting/bus';
import type { EventSink } from './meeting/room';
import { MeetingService } from './meeting/service';
import { MeetingUnreadable } from './meeting/unreadable';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { RealtimeGateway } from './realtime/socket';
import { SqliteStore } from './store/sqlite';
import type { DocStore, MeetingStore } from './store/types';

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

/** Optional parts for running several processes over one shared store. */
export interface ServerDeps {
  /** Tells the other processes of this one's appends and this one of theirs (default: none, one process). */
  bus?: MeetingBus;
}

export async function startServer(config: Config, deps: ServerDeps = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const adminToken = loadOrCreateSecret(config.dataDir, 'admin-token', config.adminToken);
  const secret = loadOrCreateSecret(config.dataDir, 'token-secret', config.secret);
  const tokens = new TokenService(secret, adminToken, config.tokenDays * 86_400);
  // One store holds both the meeting logs (MeetingStore) and the proposal texts (DocStore): a SQLite
  // file by default; Redis, shared with the other processes, when REDIS_URL is set.
  const cluster = config.redisUrl
    ? await connectCluster(config.redisUrl, config.redisPrefix, log, {
        presenceHeartbeatMs: config.presenceHeartbeatMs,
      })
    : null;
  const store: MeetingStore & DocStore =
    cluster?.store ?? SqliteStore.open(path.join(config.dataDir, 'irm.sqlite'));
  const bus = deps.bus ?? cluster?.bus;
  const metrics = new Metrics();
  // Whether the store can be reached: SQLite always; Redis as its client and the store calls tell.
  // Clients get it as `status`, the load balancer from /healthz (503 while unavailable).
  const health = new StoreHealth();
  health.onChange((state) => {
    metrics.storeAvailable.set(state === 'ok' ? 1 : 0);
    if (state === 'ok') log.info('store reachable again');
    else log.warn('store unreachable: commands are answered unavailable');
  });
  if (cluster) health.follow(cluster.store.connection);
  metrics.storeAvailable.set(health.state === 'ok' ? 1 : 0);

  const app = express();
  app.disable('x-powered-by');
  const httpServer: HttpServer = createServer(app);
  const realtime = new RealtimeGateway(httpServer, tokens, metrics, log, {
    allowedOrigins: config.allowedOrigins,
    storeHealth: health,
    ...(config.realtime ? { limits: config.realtime } : {}),
    ...(cluster ? { adapter: cluster.adapter } : {}),
  });
  // Stored meeting events go to the Socket.IO rooms and to the collab server (which reacts to locks,
  // the meeting closing and new proposals' base texts). The collab server needs the loaded service,
  // so it joins the sink right after.
  let collab: CollabServer | undefined;
  const sink: EventSink = {
    publish(meetingId, events) {
      realtime.publish(meetingId, events);
      collab?.handleMeetingEvents(meetingId, events);
    },
    unreadable: (meetingId, problem) => realtime.unreadable(meetingId, problem),
  };
  const service = await MeetingService.load(store, sink, {
    newId,
    ...(bus ? { bus } : {}),
    ...(cluster ? { presence: cluster.presence, presenceSweepMs: config.presenceHeartbeatMs } : {}),
    onConflict: () => metrics.appendConflicts.inc(),
    onAppend: (n) => {
      metrics.appendBatch.observe(n);
      health.succeeded();
    },
    onError: (error) => {
      log.error({ err: error }, 'meeting room error');
      health.failed(error);
    },
  });
  realtime.attach(service);
  cluster?.bus.watch(store, () => service.meetingIds().map((id) => ({ id, seq: service.room(id)!.seq })));
  collab = new CollabServer(
    {
      httpServer,
      service,
      tokens,
      store,
      readEvents: (meetingId, afterSeq, limit) => store.readEvents(meetingId, afterSeq, limit),
      metrics,
      log,
      newId,
      ...(cluster ? { fanout: cluster.fanout } : {}),
    },
    {
      ...config.collab,
      allowedOrigins: [...config.allowedOrigins, ...(config.collab?.allowedOrigins ?? [])],
    },
  );
  const collabServer = collab;

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
      collab: collabServer,
      service,
      tokens,
      ...(config.versionLimits ? { versionLimits: config.versionLimits } : {}),
    }),
  );
  app.use('/api', apiRouter({ service, tokens, invites, reads }));
  app.get('/', homePage);
  await mountClient(app, httpServer, config.client);
  app.use((_req: Request, res: Response) => sendError(res, 'not_found', 'no such route'));
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      if (error.type === 'entity.parse.failed')
        return sendError(res, 'invalid', 'the body is not valid JSON');
      if (error.type === 'entity.too.large') return sendError(res, 'invalid', 'the body is too large');
      if (error instanceof MeetingUnreadable)
        return sendError(res, 'unavailable', 'this server cannot read this meeting; try again');
      log.error({ err: error }, 'http error');
      sendError(res, 'unavailable', 'internal error');
    },
  );

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
      // First: the HTTP server's close waits for upgraded sockets, and documents need the store.
      await collabServer.close();
      await realtime.close(); // also closes the HTTP server
      await service.close();
      health.close();
      reads.close();
      if (cluster) await cluster.close();
      else await store.close();
    })();
    return closing;
  };
  return { url, port, service, tokens, invites, adminToken, log, close };
}
