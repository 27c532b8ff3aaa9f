import {
  extendedLimit,
  leavingCurrent,
  leavingIfCurrent,
  presidesWhenAdded,
  removalOf,
  restoresList,
} from './consequences';
import { assertNever } from './errors';
import {
  EVENT_VERSION,
  type EventOf,
  type MeetingEvent,
  type MeetingEventType,
  type StoredEvent,
} from './events';
import type { Meeting } from './model';

/**
 * The version-1 form of the events whose consequences version 2 states: v1 left them to `evolve`,
 * which worked them out from the state. Every other type is the same in both versions.
 */
type ChangedInV2 =
  | 'participant.added'
  | 'agenda.itemRemoved'
  | 'agenda.itemOpened'
  | 'agenda.itemConcluded'
  | 'agenda.itemDeferred'
  | 'floor.extended';

type WithoutConsequences<T extends ChangedInV2, K extends keyof EventOf<T>> = Omit<EventOf<T>, K>;

/** A version-1 event (stored without `v`). */
export type MeetingEventV1 =
  | Exclude<MeetingEvent, { type: ChangedInV2 }>
  | WithoutConsequences<'participant.added', 'presides'>
  | WithoutConsequences<'agenda.itemRemoved', 'dropsParkedList' | 'unlinkedProposalIds'>
  | WithoutConsequences<'agenda.itemOpened', 'left' | 'restoresList'>
  | WithoutConsequences<'agenda.itemConcluded', 'left'>
  | WithoutConsequences<'agenda.itemDeferred', 'left'>
  | WithoutConsequences<'floor.extended', 'limitSeconds'>;

/**
 * Turns a version-1 event into its version-2 form. The consequences v1 left to `evolve` depend on
 * the state, so the step asks the same rules `decide` uses (./consequences.ts) against the state the
 * event applies to: the result replays to exactly the state v1's `evolve` gave.
 */
export function upgradeV1(state: Meeting | null, event: MeetingEventV1): MeetingEvent {
  if (!state) return event as MeetingEvent; // `meeting.created`, the same in both versions
  switch (event.type) {
    case 'participant.added':
      return { ...event, presides: presidesWhenAdded(state, event.participant) };
    case 'agenda.itemRemoved':
      return { ...event, ...removalOf(state, event.itemId) };
    case 'agenda.itemOpened':
      return { ...event, left: leavingCurrent(state), restoresList: restoresList(state, event.itemId) };
    case 'agenda.itemConcluded':
    case 'agenda.itemDeferred':
      return { ...event, left: leavingIfCurrent(state, event.itemId) };
    case 'floor.extended':
      return { ...event, limitSeconds: extendedLimit(state, event.seconds) };
    default:
      return event;
  }
}

/** Every event type this code knows, so an unknown one is refused before `evolve` meets it. */
const KNOWN_TYPES: Record<MeetingEventType, true> = {
  'meeting.created': true,
  'meeting.opened': true,
  'meeting.suspended': true,
  'meeting.resumed': true,
  'meeting.closed': true,
  'meeting.optionsSet': true,
  'participant.added': true,
  'participant.online': true,
  'participant.offline': true,
  'agenda.itemAdded': true,
  'agenda.itemUpdated': true,
  'agenda.itemRemoved': true,
  'agenda.itemMoved': true,
  'agenda.itemOpened': true,
  'agenda.itemConcluded': true,
  'agenda.itemDeferred': true,
  'floor.requested': true,
  'floor.withdrawn': true,
  'floor.given': true,
  'floor.ended': true,
  'floor.moved': true,
  'floor.removed': true,
  'floor.closed': true,
  'floor.reopened': true,
  'floor.limitSet': true,
  'floor.extended': true,
  'presiding.handed': true,
  'presiding.resumed': true,
  'proposal.created': true,
  'proposal.updated': true,
  'proposal.statusSet': true,
  'proposal.locked': true,
  'proposal.unlocked': true,
};

/** Why a stored event cannot be read by this code. */
type UnreadableReason = 'newer_version' | 'unknown_type' | 'bad_version';

/** A stored event in the current form, or why this code cannot read it. */
export type ReadEvent =
  | { ok: true; stored: StoredEvent & { v: typeof EVENT_VERSION } }
  | { ok: false; reason: UnreadableReason; version: number; type: string };

/**
 * Reads a stored event of any version into the current form (`EVENT_VERSION`), given the state it
 * applies to. Refuses (never throws) an event written by newer code (a higher `v`, or a type this
 * code does not know), so a process in a rolling upgrade can refuse the meeting instead of applying
 * half of it.
 */
export function readStoredEvent(stored: StoredEvent, state: Meeting | null): ReadEvent {
  const version = stored.v ?? 1;
  const type = String((stored.event as { type?: unknown } | null)?.type);
  if (!Number.isSafeInteger(version) || version < 1)
    return { ok: false, reason: 'bad_version', version, type };
  if (version > EVENT_VERSION) return { ok: false, reason: 'newer_version', version, type };
  if (!Object.hasOwn(KNOWN_TYPES, type)) return { ok: false, reason: 'unknown_type', version, type };
  const event = version === 1 ? upgradeV1(state, stored.event as MeetingEventV1) : stored.event;
  return { ok: true, stored: { seq: stored.seq, at: stored.at, v: EVENT_VERSION, event } };
}

/** Words for a refusal, for logs: names the version and type that could not be read. */
export function describeUnreadable(result: Extract<ReadEvent, { ok: false }>): string {
  switch (result.reason) {
    case 'newer_version':
      return `event version ${result.version} is newer than this code reads (${EVENT_VERSION})`;
    case 'unknown_type':
      return `event type ${result.type} (version ${result.version}) is unknown to this code`;
    case 'bad_version':
      return `event version ${result.version} is not a version`;
    default:
      return assertNever(result.reason);
  }
}
