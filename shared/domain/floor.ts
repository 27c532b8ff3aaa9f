import type { IdFactories, RequestId } from '../ids';
import type { DomainError } from './errors';
import { refuse } from './errors';
import type { MeetingEvent } from './events';
import type {
  CurrentSpeaker,
  FloorRequest,
  Intervention,
  InterventionPart,
  Meeting,
  SuspendedSpeaker,
} from './model';
import { statusWords } from './words';

/**
 * The rules of who has the floor: giving it, interrupting a speaker (suspension), resuming them and
 * ending interventions. Each function answers events (or a refusal); `decide` picks which applies.
 */

interface Clock {
  now: number;
  ids: IdFactories;
}

/** How the presiding officer gives the floor (the options of `floor.give` and `floor.next`). */
export interface GiveOptions {
  /** Give it even though the participant is not connected. */
  confirmOffline?: boolean;
  /** A right of reply interrupts the current speaker instead of ending their intervention. */
  suspend?: boolean;
}

type Events = { ok: true; events: MeetingEvent[] } | { ok: false; error: DomainError };

const ok = (...events: MeetingEvent[]): Events => ({ ok: true, events });
const no = (error: DomainError): Events => ({ ok: false, error });

/** The refusal for giving the floor to someone not connected, unless the chair confirmed it. */
function offlineRefusal(meeting: Meeting, participantId: string, confirm: boolean | undefined) {
  const participant = meeting.participants.find((p) => p.id === participantId);
  if (!participant || participant.online || confirm) return null;
  return refuse(
    'offline',
    `${participant.delegation} (${participant.name}) is not connected: confirm to give them the floor anyway, or choose someone else`,
  );
}

const isOffline = (meeting: Meeting, participantId: string): boolean =>
  meeting.participants.find((p) => p.id === participantId)?.online === false;

/**
 * Gives the floor to a waiting request. A point of order always interrupts the current speaker (they
 * are suspended and resume afterwards); a right of reply does when `suspend` says so; otherwise the
 * current intervention ends.
 */
export function giveFloor(meeting: Meeting, request: FloorRequest, options: GiveOptions, ctx: Clock): Events {
  if (meeting.status !== 'open') return no(refuse('conflict', statusWords(meeting.status)));
  const offline = offlineRefusal(meeting, request.participantId, options.confirmOffline);
  if (offline) return no(offline);
  const interrupts =
    request.kind === 'point_of_order' || (request.kind === 'reply' && options.suspend === true);
  const before = interrupts ? suspendCurrent(meeting, ctx) : endCurrent(meeting, ctx);
  return ok(...before, {
    type: 'floor.given',
    requestId: request.id,
    participantId: request.participantId,
    kind: request.kind,
    startedAt: ctx.now,
    limitSeconds: request.limitSeconds ?? meeting.floor.limitSeconds,
    ...(isOffline(meeting, request.participantId) ? { offline: true } : {}),
  });
}

/** The next speaker: the most recently suspended one resumes before anyone in the list. */
export function nextSpeaker(meeting: Meeting, options: GiveOptions, ctx: Clock): Events {
  const suspended = meeting.floor.suspended.at(-1);
  if (!suspended) {
    const request = meeting.floor.queue[0];
    if (!request)
      return no(refuse('conflict', 'the list of speakers is empty: nobody is waiting for the floor'));
    return giveFloor(meeting, request, options, ctx);
  }
  if (meeting.status !== 'open') return no(refuse('conflict', statusWords(meeting.status)));
  const offline = offlineRefusal(meeting, suspended.participantId, options.confirmOffline);
  if (offline) return no(offline);
  return ok(...endCurrent(meeting, ctx), resume(meeting, suspended, ctx));
}

/**
 * The current intervention ends (the presiding officer ends it, or the speaker yields); the most
 * recently suspended speaker resumes if they are connected, else they wait for the chair.
 */
export function endFloor(meeting: Meeting, ctx: Clock): MeetingEvent[] {
  const suspended = meeting.floor.suspended.at(-1);
  const resumes = suspended && !isOffline(meeting, suspended.participantId);
  return [...endCurrent(meeting, ctx), ...(resumes ? [resume(meeting, suspended, ctx)] : [])];
}

/** The presiding officer ends the most recently suspended intervention instead of resuming it. */
export function endSuspended(meeting: Meeting, ctx: Clock): Events {
  const suspended = meeting.floor.suspended.at(-1);
  if (!suspended) return no(refuse('conflict', 'no interrupted speaker is waiting to resume'));
  return ok(endWhileSuspended(meeting, suspended, ctx));
}

/** Ends the current intervention, if any, and logs it. */
export function endCurrent(meeting: Meeting, ctx: Clock): MeetingEvent[] {
  const current = meeting.floor.current;
  if (!current) return [];
  return [
    {
      type: 'floor.ended',
      intervention: interventionOf(meeting, current, partsUntil(current, ctx.now), ctx),
    },
  ];
}

/**
 * Ends every intervention of the item: the current one and the suspended ones (last suspended
 * first). For leaving the item or closing the meeting, after which nobody resumes.
 */
export function endAll(meeting: Meeting, ctx: Clock): MeetingEvent[] {
  const suspended = [...meeting.floor.suspended].reverse();
  return [...endCurrent(meeting, ctx), ...suspended.map((s) => endWhileSuspended(meeting, s, ctx))];
}

function suspendCurrent(meeting: Meeting, ctx: Clock): MeetingEvent[] {
  const current = meeting.floor.current;
  if (!current) return [];
  const spoken = Math.round((ctx.now - current.startedAt) / 1000);
  const speaker: SuspendedSpeaker = {
    ...current,
    remainingSeconds: Math.max(0, current.limitSeconds - spoken),
    suspendedAt: ctx.now,
  };
  return [{ type: 'floor.suspended', speaker }];
}

/** The suspended speaker has the floor again, with the time they had left as the limit of this part. */
function resume(meeting: Meeting, s: SuspendedSpeaker, ctx: Clock): MeetingEvent {
  const current: CurrentSpeaker = {
    requestId: s.requestId,
    participantId: s.participantId,
    kind: s.kind,
    startedAt: ctx.now,
    limitSeconds: s.remainingSeconds,
    resumed: true,
    ...(s.offline || isOffline(meeting, s.participantId) ? { offline: true } : {}),
    earlier: { parts: spokenParts(s), limitUsedSeconds: limitUsed(s) },
  };
  return { type: 'floor.resumed', requestId: s.requestId, current };
}

function endWhileSuspended(meeting: Meeting, s: SuspendedSpeaker, ctx: Clock): MeetingEvent {
  const intervention = interventionOf(meeting, s, spokenParts(s), ctx);
  return { type: 'floor.endedWhileSuspended', requestId: s.requestId, intervention };
}

/** The parts a suspended speaker has spoken, up to the interruption. */
const spokenParts = (s: SuspendedSpeaker): InterventionPart[] => [
  ...(s.earlier?.parts ?? []),
  { startedAt: s.startedAt, endedAt: s.suspendedAt },
];

/** How much of their limit a suspended speaker has used. */
const limitUsed = (s: SuspendedSpeaker): number =>
  (s.earlier?.limitUsedSeconds ?? 0) + (s.limitSeconds - s.remainingSeconds);

/** The parts of the current intervention if it ends at `now`. */
const partsUntil = (current: CurrentSpeaker, now: number): InterventionPart[] => [
  ...(current.earlier?.parts ?? []),
  { startedAt: current.startedAt, endedAt: now },
];

/** Seconds spoken over all the parts. */
const secondsOf = (parts: readonly InterventionPart[]): number =>
  Math.max(0, Math.round(parts.reduce((ms, p) => ms + (p.endedAt - p.startedAt), 0) / 1000));

/**
 * Each part's seconds, rounded so that they add up to the intervention's `durationSeconds`: each
 * part is the rounded running total at its end less that at its start (rounding each part on its
 * own could say "12 s + 12 s" of a 23 s intervention).
 */
export function partSeconds(parts: readonly InterventionPart[]): number[] {
  let spokenMs = 0;
  return parts.map((p) => {
    const before = Math.round(spokenMs / 1000);
    spokenMs += Math.max(0, p.endedAt - p.startedAt);
    return Math.round(spokenMs / 1000) - before;
  });
}

/** The log entry of an intervention made of `parts`; `speaker` says whose and its limit. */
function interventionOf(
  meeting: Meeting,
  speaker: CurrentSpeaker | SuspendedSpeaker,
  parts: InterventionPart[],
  ctx: Clock,
): Intervention {
  const participant = meeting.participants.find((p) => p.id === speaker.participantId);
  const durationSeconds = secondsOf(parts);
  const endedWhileSuspended = 'suspendedAt' in speaker;
  // The whole intervention's limit: what the earlier parts used plus this part's limit.
  const limitSeconds = (speaker.earlier?.limitUsedSeconds ?? 0) + speaker.limitSeconds;
  return {
    id: ctx.ids.intervention(),
    requestId: speaker.requestId as RequestId,
    participantId: speaker.participantId,
    delegation: participant?.delegation ?? '',
    region: participant?.region ?? 'none',
    rto: participant?.rto ?? null,
    itemId: meeting.currentItemId,
    kind: speaker.kind,
    startedAt: parts[0]?.startedAt ?? ctx.now,
    endedAt: parts.at(-1)?.endedAt ?? ctx.now,
    parts,
    durationSeconds,
    limitSeconds,
    overrunSeconds: Math.max(0, durationSeconds - limitSeconds),
    ...(speaker.offline ? { offline: true } : {}),
    ...(endedWhileSuspended ? { endedWhileSuspended: true } : {}),
  };
}
