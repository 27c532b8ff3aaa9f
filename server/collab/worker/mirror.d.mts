import type * as Y from 'yjs';
import type { CollabLimits } from '../../../shared/collab/limits';
import type { Writer } from '../validate';

/** Why the worker refused an update: `invalid` (no stock client sends it) or `limit` (a quota). */
export declare class Refusal extends Error {
  readonly kind: 'invalid' | 'limit';
}

/** The worker's copy of one live document (mirror.mjs). */
export declare class Mirror {
  constructor(state: Uint8Array, limits: CollabLimits);
  readonly doc: Y.Doc;
  /** True once the copy may differ from the main thread's document: the worker drops it. */
  readonly broken: boolean;
  /** Tries `update` as `writer`'s: the milliseconds it took, or throws a {@link Refusal}. */
  judge(update: Uint8Array, writer: Writer): number;
  /** Applies an update the main thread applied without asking. */
  track(update: Uint8Array): void;
  destroy(): void;
}
