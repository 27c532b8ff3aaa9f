import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TokenService } from '../../server/auth/tokens';
import { RedisDocFanout, type RedisDocFanoutOptions } from '../../server/cluster/docFanout';
import { type CollabOptions, CollabServer, DEFAULT_COLLAB_OPTIONS } from '../../server/collab/server';
import { newId } from '../../server/ids';
import { LOCAL_BUS } from '../../server/meeting/bus';
import { MeetingService } from '../../server/meeting/service';
import { createLogger } from '../../server/observability/logger';
import { Metrics } from '../../server/observability/metrics';
import { RedisStore } from '../../server/store/redis';

/**
 * One "server process" of a scale-out deployment, reduced to what co-editing needs: its own HTTP
 * server on a free port, RedisStore, MeetingService (loaded from the store, as app.ts does),
 * RedisDocFanout and CollabServer. Several of them in one test process share one Redis.
 */
export interface CollabNode {
  url: string;
  httpServer: HttpServer;
  service: MeetingService;
  store: RedisStore;
  fanout: RedisDocFanout;
  collab: CollabServer;
  /**
   * A crash as the clients and the other nodes see it: every collab socket is destroyed at once (no
   * close frame) and the node stops publishing and reading. Nothing is flushed. `close` still frees it.
   */
  crash: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startCollabNode(
  redisUrl: string,
  options: {
    prefix: string;
    tokens: TokenService;
    collab?: Partial<CollabOptions>;
    fanout?: RedisDocFanoutOptions;
  },
): Promise<CollabNode> {
  const log = createLogger('silent');
  const metrics = new Metrics();
  const store = await RedisStore.connect(redisUrl, { prefix: options.prefix });
  const fanout = await RedisDocFanout.connect(redisUrl, { prefix: options.prefix, log, ...options.fanout });
  const httpServer = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const sockets = new Set<Duplex>();
  httpServer.on('upgrade', (_req, socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const service = await MeetingService.load(store, { newId, bus: LOCAL_BUS });
  const collab = new CollabServer(
    {
      httpServer,
      service,
      tokens: options.tokens,
      store,
      readEvents: (meetingId, afterSeq, limit) => store.readEvents(meetingId, afterSeq, limit),
      metrics,
      log,
      newId,
      fanout,
    },
    {
      unloadDelayMs: 300,
      validation: { ...DEFAULT_COLLAB_OPTIONS.validation, workers: 1 },
      ...options.collab,
    },
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    httpServer,
    service,
    store,
    fanout,
    collab,
    crash: async () => {
      for (const socket of sockets) socket.destroy();
      await fanout.close();
    },
    close: () => {
      closing ??= (async () => {
        await collab.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await service.drain();
        await fanout.close();
        await store.close();
      })();
      return closing;
    },
  };
}
