import path from 'node:path';
import { StoreHealth } from '../cluster/health';
import { LOCAL_FANOUT } from '../collab/fanout';
import { LOCAL_BUS } from '../meeting/bus';
import { LocalPresence } from '../meeting/presence';
import { SqliteStore } from '../store/sqlite';
import type { Deployment } from './types';

/** How often a process alone reconciles the stored online flags (the same as the service's default). */
const PRESENCE_SWEEP_MS = 5000;

/**
 * A process alone with its SQLite file in `dataDir`: nobody to tell of appends, no documents to
 * share, its own connections are all the presence there is, and the store is always reachable.
 */
export function openEmbeddedDeployment(dataDir: string): Deployment {
  const store = SqliteStore.open(path.join(dataDir, 'irm.sqlite'));
  // Follows no connection: it stays `ok`.
  const health = new StoreHealth();
  return {
    store,
    bus: LOCAL_BUS,
    fanout: LOCAL_FANOUT,
    presence: new LocalPresence(),
    presenceSweepMs: PRESENCE_SWEEP_MS,
    health,
    socketIoAdapter: undefined,
    async close() {
      health.close();
      await store.close();
    },
  };
}
