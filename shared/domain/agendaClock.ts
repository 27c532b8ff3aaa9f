import type { AgendaItem } from './model';

/**
 * The time an item has been the current one while the meeting was open, up to `now` (ms since the
 * epoch): its clock so far plus the stretch under way, rounded as `evolve` rounds it when it stops.
 */
export const itemSpentSeconds = (item: Pick<AgendaItem, 'spentSeconds' | 'openSince'>, now: number): number =>
  item.spentSeconds + (item.openSince === null ? 0 : Math.max(0, Math.round((now - item.openSince) / 1000)));

/** Whether an item has run over its plan; an item without planned minutes never has. */
export const overPlan = (plannedMinutes: number, spentSeconds: number): boolean =>
  plannedMinutes > 0 && spentSeconds > plannedMinutes * 60;
