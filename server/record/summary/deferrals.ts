import type { RecordItem, ZonedTime } from '../../../shared';

/** A deferral the summary tells: when the item was deferred, and when it was taken up after it. */
interface Deferral {
  deferredAt: ZonedTime;
  takenUpAt: ZonedTime;
  /** Deferred before it was first taken up (it was pending then), not while under consideration. */
  beforeTakenUp: boolean;
}

const ms = Date.parse;

/**
 * The item's deferrals that were followed by its consideration (in order): deferred while it was
 * the current item, or while it was still pending, and then taken up. A deferral with nothing after
 * it is the item's fate, told by the fate sentence. Of several deferrals before the same session
 * (deferred again while pending), the last is told: it is the one the meeting acted on.
 */
export function deferrals(item: RecordItem): Deferral[] {
  // `deferredAt` lists every deferral in order (shared/record/fold.ts), pending or current.
  const moments = item.deferredAt;
  const told = new Map<ZonedTime, Deferral>();
  for (const deferredAt of moments) {
    const next = item.sessions.find((s) => ms(s.openedAt) >= ms(deferredAt));
    if (!next) continue;
    const before = item.sessions.some((s) => ms(s.openedAt) < ms(deferredAt));
    told.set(next.openedAt, { deferredAt, takenUpAt: next.openedAt, beforeTakenUp: !before });
  }
  return [...told.values()];
}
