/** Snapshots kept per meeting, by every store; older ones are deleted when a newer one is saved. */
export const SNAPSHOTS_KEPT = 3;
