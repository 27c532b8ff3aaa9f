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
import type { Intervention, Meeting } from './model';

/**
 * The version-2 form of the events version 3 extends: a logged intervention without its `parts`
 * (one part, from `startedAt` to `endedAt`, before speakers could be suspended), removals without
 * their time `at` (the stored event's time). Every other type is the same in both versions.
 */
export type MeetingEventV2 =
  | Exclude<MeetingEventV3, { type: 'floor.ended' | 'floor.removed' | 'agenda.itemRemoved' }>
  | { type: 'floor.ended'; intervention: Omit<Intervention, 'parts'> }
  | Omit<EventOf<'floor.removed'>, 'at'>
  | Omit<EventOf<'agenda.itemRemoved'>, 'at'>;

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

type EventV2Of<T extends MeetingEventV2['type']> = Extract<MeetingEventV2, { type: T }>;
type WithoutConsequences<T extends ChangedInV2, K extends keyof EventV2Of<T>> = Omit<EventV2Of<T>, K>;

/** A version-1 event (stored without `v`). */
export type MeetingEventV1 =
  | Exclude<MeetingEventV2, { type: ChangedInV2 }>
  | WithoutConsequences<'participant.added', 'presides'>
  | WithoutConsequences<'agenda.itemRemoved', 'dropsParkedList' | 'unlinkedProposalIds'>
  | WithoutConsequences<'agenda.itemOpened', 'left' | 'restoresList'>
  | WithoutConsequences<'agenda.itemConcluded', 'left'>
  | WithoutConsequences<'agenda.itemDeferred', 'left'>
  | WithoutConsequences<'floor.extended', 'limitSeconds'>;

/** The version-4 form of the events version 5 extends: a proposal without its kind. */
type MeetingEventV4 =
  | Exclude<MeetingEvent, { type: 'proposal.created' }>
  | (Omit<EventOf<'proposal.created'>, 'proposal'> & {
      proposal: Omit<EventOf<'proposal.created'>['proposal'], 'kind'>;
    });

// Version 6 adds event types only (paragraph consensus: docs/protocol.md): a version-5 event is
// read as it is, and an older process refuses the new ones by their version.

/** Turns a version-4 event into its version-5 form: every text before version 5 was a proposal. */
function upgradeV4(event: MeetingEventV4): MeetingEvent {
  if (event.type !== 'proposal.created') return event;
  return { ...event, proposal: { kind: 'proposal', ...event.proposal } };
}

/**
 * The version-3 form of the events version 4 extends: a participant without e-mail, language,
 * token version and invitation time, an agenda item without documents. Version 4 also adds event
 * types (settings, participants changed, removed, reissued, invited, documents), which an older
 * process refuses by their version.
 */
export type MeetingEventV3 =
  | Exclude<MeetingEventV4, { type: 'participant.added' | 'agenda.itemAdded' }>
  | (Omit<EventOf<'participant.added'>, 'participant'> & {
      participant: Omit<EventOf<'participant.added'>['participant'], AddedInV4>;
    })
  | (Omit<EventOf<'agenda.itemAdded'>, 'item'> & {
      item: Omit<EventOf<'agenda.itemAdded'>['item'], 'documents'>;
    });
type AddedInV4 = 'email' | 'lang' | 'tokenVersion' | 'invitedAt';

/** Turns a version-3 event into its version-4 form: nothing known of the new fields. */
function upgradeV3(event: MeetingEventV3): MeetingEventV4 {
  switch (event.type) {
    case 'participant.added':
      return {
        ...event,
        participant: { email: null, lang: null, tokenVersion: 0, invitedAt: null, ...event.participant },
      };
    case 'agenda.itemAdded':
      return { ...event, item: { documents: [], ...event.item } };
    default:
      return event;
  }
}

/**
 * Turns a version-2 event into its version-3 form: `at` is the time the event was stored with.
 * An event already in the version-3 form comes back as it is.
 */
export function upgradeV2(event: MeetingEventV2, at: number): MeetingEventV3 {
  switch (event.type) {
    case 'floor.ended': {
      const { intervention } = event;
      if ('parts' in intervention) return event as MeetingEventV3;
      const parts = [{ startedAt: intervention.startedAt, endedAt: intervention.endedAt }];
      return { ...event, intervention: { ...intervention, parts } };
    }
    case 'floor.removed':
    case 'agenda.itemRemoved':
      return 'at' in event ? (event as MeetingEventV3) : ({ ...event, at } as MeetingEventV3);
    default:
      return event;
  }
}

/**
 * Turns a version-1 event into its version-2 form. The consequences v1 left to `evolve` depend on
 * the state, so the step asks the same rules `decide` uses (./consequences.ts) against the state the
 * event applies to: the result replays to exactly the state v1's `evolve` gave.
 */
export function upgradeV1(state: Meeting | null, event: MeetingEventV1): MeetingEventV2 {
  if (!state) return event as MeetingEventV2; // `meeting.created`, the same in both versions
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
  'meeting.updated': true,
  'meeting.archived': true,
  'meeting.unarchived': true,
  'participant.added': true,
  'participant.updated': true,
  'participant.removed': true,
  'participant.reissued': true,
  'participant.invited': true,
  'participant.online': true,
  'participant.offline': true,
  'agenda.itemAdded': true,
  'agenda.itemUpdated': true,
  'agenda.itemRemoved': true,
  'agenda.itemRestored': true,
  'agenda.itemMoved': true,
  'agenda.documentsSet': true,
  'agenda.itemOpened': true,
  'agenda.itemConcluded': true,
  'agenda.itemDeferred': true,
  'floor.requested': true,
  'floor.withdrawn': true,
  'floor.given': true,
  'floor.ended': true,
  'floor.suspended': true,
  'floor.resumed': true,
  'floor.endedWhileSuspended': true,
  'floor.moved': true,
  'floor.removed': true,
  'floor.cleared': true,
  'floor.restored': true,
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
  'proposal.revisionPublished': true,
  'paragraph.statusSet': true,
  'paragraph.interventionLinked': true,
  'paragraph.interventionUnlinked': true,
  'consensus.asked': true,
  'consensus.objected': true,
  'consensus.objectionWithdrawn': true,
  'consensus.closed': true,
  'screen.shown': true,
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
  const v2 = version === 1 ? upgradeV1(state, stored.event as MeetingEventV1) : stored.event;
  const v3 = version <= 2 ? upgradeV2(v2 as MeetingEventV2, stored.at) : stored.event;
  const v4 = version <= 3 ? upgradeV3(v3 as MeetingEventV3) : stored.event;
  const event = version <= 4 ? upgradeV4(v4 as MeetingEventV4) : stored.event;
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
