import {
  type Action,
  type Actor,
  type CurrentSpeaker,
  can,
  type Meeting,
  type Participant,
  presides,
  REGIONS,
  type Region,
  VIEWER,
} from '../../../shared';
import type { RoomState } from './roomClient';

/**
 * Who an id names, for display: a participant, or a former one (removed by the secretariat; the log
 * and the texts still name them).
 */
export const participantOf = (meeting: Meeting, id: string | null | undefined): Participant | undefined =>
  id
    ? (meeting.participants.find((p) => p.id === id) ?? meeting.formerParticipants.find((p) => p.id === id))
    : undefined;

/** The signed-in participant as the permission table's actor: their record, or the projector. */
export function me(state: RoomState): Actor | undefined {
  if (state.you?.role === 'viewer') return VIEWER;
  // Only a current participant acts: a removed one is no actor, even before their page is closed.
  const id = state.you?.participantId;
  return state.meeting?.participants.find((p) => p.id === id);
}

/**
 * Whether the signed-in participant may do `action` now, by the same table the server enforces
 * (`can` in shared/domain/permissions.ts); `owner` for actions on one's own things. Every control
 * asks this, so the client offers exactly what the server accepts.
 */
export function iCan(state: RoomState, action: Action, owner?: string | null): boolean {
  const actor = me(state);
  return !!actor && !!state.meeting && can(state.meeting, actor, action, owner);
}

/** Whether the signed-in participant holds the presiding officer's powers now. */
export function iPreside(state: RoomState): boolean {
  const me = state.meeting && participantOf(state.meeting, state.you?.participantId);
  return !!me && !!state.meeting && presides(state.meeting, me);
}

export const currentItem = (meeting: Meeting) => meeting.agenda.find((i) => i.id === meeting.currentItemId);

/** My open requests with their 1-based place in the list. */
export function myRequests(meeting: Meeting, participantId: string | null | undefined) {
  return meeting.floor.queue
    .map((request, index) => ({ request, position: index + 1 }))
    .filter(({ request }) => request.participantId === participantId);
}

/** Seconds left of the current intervention at server time `now`; negative when over-running. */
export const secondsLeft = (current: CurrentSpeaker, now: number): number =>
  Math.ceil((current.startedAt + current.limitSeconds * 1000 - now) / 1000);

export type StatsScope = 'item' | 'meeting';
export type StatsGroup = 'delegation' | 'region' | 'rto';

export interface StatsRow {
  key: string;
  seconds: number;
  interventions: number;
}

/**
 * Speaking time per delegation, region or RTO, for the current item or the whole meeting, with the
 * running intervention counted up to `now`: the chair's view of the balance across regions.
 */
export function speakingTime(
  meeting: Meeting,
  scope: StatsScope,
  group: StatsGroup,
  now: number,
): StatsRow[] {
  const rows = new Map<string, StatsRow>();
  const add = (key: string, seconds: number) => {
    const row = rows.get(key) ?? { key, seconds: 0, interventions: 0 };
    row.seconds += seconds;
    row.interventions += 1;
    rows.set(key, row);
  };
  const keyOf = (who: { delegation: string; region: Region; rto: string | null }) =>
    group === 'delegation' ? who.delegation : group === 'region' ? who.region : (who.rto ?? '—');
  for (const i of meeting.interventions) {
    if (scope === 'item' && i.itemId !== meeting.currentItemId) continue;
    add(keyOf(i), i.durationSeconds);
  }
  const current = meeting.floor.current;
  const speaker = current && participantOf(meeting, current.participantId);
  if (current && speaker) add(keyOf(speaker), Math.max(0, Math.round((now - current.startedAt) / 1000)));
  if (group === 'region')
    for (const r of REGIONS)
      if (r !== 'none' && !rows.has(r)) rows.set(r, { key: r, seconds: 0, interventions: 0 });
  return [...rows.values()].sort((a, b) => b.seconds - a.seconds || a.key.localeCompare(b.key));
}

/** Participants grouped by region, in the order of REGIONS; each group sorted by delegation. */
export function byRegion(meeting: Meeting): Array<{ region: Region; people: Participant[] }> {
  return REGIONS.map((region) => ({
    region,
    people: meeting.participants
      .filter((p) => p.region === region)
      .sort((a, b) => a.delegation.localeCompare(b.delegation) || a.name.localeCompare(b.name)),
  })).filter((g) => g.people.length > 0);
}

export const spokespersonOf = (meeting: Meeting, rto: string) =>
  meeting.participants.find((p) => p.role === 'spokesperson' && p.rto === rto);
