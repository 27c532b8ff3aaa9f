import type { ServerOptions } from 'socket.io';
import type { StoreHealth } from '../cluster/health';
import type { DocFanout } from '../collab/fanout';
import type { MeetingBus } from '../meeting/bus';
import type { PresenceRegistry } from '../meeting/presence';
import type { DocStore, MeetingStore } from '../store/types';

/**
 * The parts that differ between running alone (embedded SQLite) and running as one of several
 * processes over one Redis. Every kind of deployment returns all of them, with do-nothing parts where
 * there is nothing to share, so the rest of the server never asks which kind it runs on.
 */
export interface Deployment {
  /** The meeting logs (MeetingStore) and the proposal texts (DocStore). */
  readonly store: MeetingStore & DocStore;
  /** Tells the other processes of this one's appends and this one of theirs. */
  readonly bus: MeetingBus;
  /** Shares live documents (updates, awareness, the compaction lease) with the other processes. */
  readonly fanout: DocFanout;
  /** Who is connected, over every process. MeetingService closes it. */
  readonly presence: PresenceRegistry;
  /** How often the stored online flags are reconciled with `presence`, in ms. */
  readonly presenceSweepMs: number;
  /** Whether the store can be reached (clients' `status`, /healthz, the metrics). */
  readonly health: StoreHealth;
  /**
   * The Socket.IO adapter the processes share; undefined: Socket.IO's default in-memory adapter.
   * (Meeting events never go through it: see RealtimeOptions.adapter.)
   */
  readonly socketIoAdapter: ServerOptions['adapter'] | undefined;
  /** Closes everything above but `presence`; call it last, after the service has drained. */
  close(): Promise<void>;
}
