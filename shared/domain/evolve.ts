import type { ItemId } from '../ids';
import { evolveConsensus } from './consensusEvolve';
import { EMPTY_CONSENSUS } from './consensusModel';
import { assertNever } from './errors';
import type { ItemLeft, MeetingEvent } from './events';
import {
  type AgendaItem,
  type Floor,
  type Meeting,
  type Participant,
  REMOVED_KEPT,
  UNDO_WINDOW_SECONDS,
} from './model';

/**
 * Applies one event to the meeting and returns the next state; the input is never mutated, so the
 * server can drop a batch of states that failed to store, and React can compare by reference.
 * The first event of every log is `meeting.created`, applied to `null`. It applies what the event
 * says and decides nothing: the consequences of a rule are in the event (see `decide`), so a change
 * of rules never changes how an old log replays. Events read from a store go through
 * `readStoredEvent` (./upgrade.ts) first.
 */
export function evolve(meeting: Meeting | null, event: MeetingEvent): Meeting {
  if (event.type === 'meeting.created') {
    return {
      id: event.meetingId,
      title: event.title,
      timezone: event.timezone,
      status: 'scheduled',
      createdAt: event.at,
      startsAt: null,
      endsAt: null,
      videoUrl: null,
      archived: false,
      currentItemId: null,
      presidingParticipantId: null,
      options: { rtoSpokespersonsFirst: false, newDelegationsFirst: false },
      participants: [],
      formerParticipants: [],
      agenda: [],
      floor: {
        current: null,
        suspended: [],
        queue: [],
        closed: false,
        limitSeconds: event.defaultSpeakingSeconds,
      },
      parkedLists: {},
      interventions: [],
      proposals: [],
      recentlyRemoved: { requests: [], items: [] },
      consensus: EMPTY_CONSENSUS,
    };
  }
  if (!meeting) throw new Error(`${event.type} before meeting.created`);
  const m = meeting;

  switch (event.type) {
    case 'meeting.opened':
    case 'meeting.resumed':
      return startItemClock({ ...m, status: 'open' }, event.at);
    case 'meeting.suspended':
      return stopItemClock({ ...m, status: 'suspended' }, event.at);
    case 'meeting.closed':
      return stopItemClock({ ...m, status: 'closed' }, event.at);
    case 'meeting.optionsSet':
      return { ...m, options: event.options };
    case 'meeting.updated': {
      const { defaultSpeakingSeconds, ...settings } = event.changes;
      const updated = { ...m, ...settings };
      return defaultSpeakingSeconds === undefined
        ? updated
        : withFloor(updated, { limitSeconds: defaultSpeakingSeconds });
    }
    case 'meeting.archived':
    case 'meeting.unarchived':
      return { ...m, archived: event.type === 'meeting.archived' };
    case 'participant.updated':
      return updateParticipant(m, event.participantId, (p) => ({ ...p, ...event.changes }));
    case 'participant.removed': {
      const gone = m.participants.find((p) => p.id === event.participantId);
      const withdrawn = new Set<string>(event.withdrawnRequestIds);
      const keep = (r: { id: string }) => !withdrawn.has(r.id);
      return {
        ...withFloor(m, { queue: m.floor.queue.filter(keep) }),
        participants: m.participants.filter((p) => p.id !== event.participantId),
        formerParticipants: gone
          ? [...m.formerParticipants, { ...gone, online: false }]
          : m.formerParticipants,
        parkedLists: Object.fromEntries(
          Object.entries(m.parkedLists).map(([itemId, list]) => [
            itemId,
            { ...list, queue: list.queue.filter(keep) },
          ]),
        ),
      };
    }
    case 'participant.reissued':
      return updateParticipant(m, event.participantId, (p) => ({ ...p, tokenVersion: event.tokenVersion }));
    case 'participant.invited': {
      const invited = new Set<string>(event.participantIds);
      return {
        ...m,
        participants: m.participants.map((p) => (invited.has(p.id) ? { ...p, invitedAt: event.at } : p)),
      };
    }
    case 'participant.added':
      return {
        ...m,
        participants: [...m.participants, { ...event.participant, online: false }],
        presidingParticipantId: event.presides ? event.participant.id : m.presidingParticipantId,
      };
    case 'participant.online':
    case 'participant.offline': {
      const online = event.type === 'participant.online';
      return {
        ...m,
        participants: m.participants.map((p) => (p.id === event.participantId ? { ...p, online } : p)),
      };
    }
    case 'agenda.itemAdded': {
      const agenda = [...m.agenda];
      agenda.splice(event.index, 0, { ...event.item, spentSeconds: 0, openSince: null });
      return { ...m, agenda };
    }
    case 'agenda.itemUpdated':
      return updateItem(m, event.itemId, (i) => ({ ...i, ...event.changes }));
    case 'agenda.documentsSet':
      return updateItem(m, event.itemId, (i) => ({ ...i, documents: event.documents }));
    case 'agenda.itemRemoved': {
      const unlinked = new Set<string>(event.unlinkedProposalIds);
      const index = m.agenda.findIndex((i) => i.id === event.itemId);
      const item = m.agenda[index];
      const removed = item && {
        item,
        index,
        parkedList: event.dropsParkedList ? (m.parkedLists[event.itemId] ?? null) : null,
        unlinkedProposalIds: event.unlinkedProposalIds,
        removedAt: event.at,
      };
      return {
        ...m,
        agenda: m.agenda.filter((i) => i.id !== event.itemId),
        parkedLists: event.dropsParkedList ? without(m.parkedLists, event.itemId) : m.parkedLists,
        proposals: m.proposals.map((p) => (unlinked.has(p.id) ? { ...p, itemId: null } : p)),
        recentlyRemoved: {
          ...m.recentlyRemoved,
          items: remember(m.recentlyRemoved.items, removed ? [removed] : [], event.at, REMOVED_KEPT.items),
        },
      };
    }
    case 'agenda.itemRestored': {
      const agenda = [...m.agenda];
      agenda.splice(event.index, 0, event.item);
      const relinked = new Set<string>(event.relinkedProposalIds);
      const items = m.recentlyRemoved.items;
      const record = items.findLastIndex((r) => r.item.id === event.item.id);
      return {
        ...m,
        agenda,
        parkedLists: event.parkedList
          ? { ...m.parkedLists, [event.item.id]: event.parkedList }
          : m.parkedLists,
        proposals: m.proposals.map((p) => (relinked.has(p.id) ? { ...p, itemId: event.item.id } : p)),
        recentlyRemoved: { ...m.recentlyRemoved, items: items.filter((_, i) => i !== record) },
      };
    }
    case 'agenda.itemMoved': {
      const item = m.agenda.find((i) => i.id === event.itemId);
      if (!item) return m;
      const agenda = m.agenda.filter((i) => i !== item);
      agenda.splice(event.toIndex, 0, item);
      return { ...m, agenda };
    }
    case 'agenda.itemOpened': {
      const left = leaveItem(m, event.left, event.at, 'pending');
      const parked = event.restoresList ? left.parkedLists[event.itemId] : undefined;
      const opened = updateItem(left, event.itemId, (i) => ({ ...i, status: 'open' }));
      return startItemClock(
        {
          ...opened,
          currentItemId: event.itemId,
          parkedLists: event.restoresList ? without(left.parkedLists, event.itemId) : left.parkedLists,
          floor: { ...opened.floor, queue: parked?.queue ?? [], closed: parked?.closed ?? false },
        },
        event.at,
      );
    }
    case 'agenda.itemConcluded':
    case 'agenda.itemDeferred': {
      const status = event.type === 'agenda.itemConcluded' ? 'concluded' : 'deferred';
      const outcome = event.type === 'agenda.itemConcluded' ? event.outcome : undefined;
      const left = leaveItem(m, event.left, event.at, status);
      return updateItem(left, event.itemId, (i) => ({ ...i, status, outcome: outcome ?? i.outcome }));
    }
    case 'floor.requested': {
      const queue = [...m.floor.queue];
      queue.splice(event.index, 0, event.request);
      return withFloor(m, { queue });
    }
    case 'floor.withdrawn':
      return withFloor(m, { queue: m.floor.queue.filter((r) => r.id !== event.requestId) });
    case 'floor.removed':
    case 'floor.cleared':
      return removeRequests(
        m,
        event.type === 'floor.removed' ? [event.requestId] : event.requestIds,
        event.at,
      );
    case 'floor.restored': {
      const queue = [...m.floor.queue];
      for (const { request, index } of event.restored) queue.splice(index, 0, request);
      const back = new Set<string>(event.restored.map((r) => r.request.id));
      const requests = m.recentlyRemoved.requests.filter((r) => !back.has(r.request.id));
      return { ...withFloor(m, { queue }), recentlyRemoved: { ...m.recentlyRemoved, requests } };
    }
    case 'floor.given':
      return withFloor(m, {
        queue: m.floor.queue.filter((r) => r.id !== event.requestId),
        current: {
          requestId: event.requestId,
          participantId: event.participantId,
          kind: event.kind,
          startedAt: event.startedAt,
          limitSeconds: event.limitSeconds,
          ...(event.offline ? { offline: true } : {}),
        },
      });
    case 'floor.ended':
      return { ...withFloor(m, { current: null }), interventions: [...m.interventions, event.intervention] };
    case 'floor.suspended':
      return withFloor(m, { current: null, suspended: [...m.floor.suspended, event.speaker] });
    case 'floor.resumed':
      return withFloor(m, {
        current: event.current,
        suspended: m.floor.suspended.filter((s) => s.requestId !== event.requestId),
      });
    case 'floor.endedWhileSuspended':
      return {
        ...withFloor(m, { suspended: m.floor.suspended.filter((s) => s.requestId !== event.requestId) }),
        interventions: [...m.interventions, event.intervention],
      };
    case 'floor.moved': {
      const request = m.floor.queue.find((r) => r.id === event.requestId);
      if (!request) return m;
      const queue = m.floor.queue.filter((r) => r !== request);
      queue.splice(event.toIndex, 0, request);
      return withFloor(m, { queue });
    }
    case 'floor.closed':
      return withFloor(m, { closed: true });
    case 'floor.reopened':
      return withFloor(m, { closed: false });
    case 'floor.limitSet':
      if (event.requestId === null) return withFloor(m, { limitSeconds: event.seconds });
      return withFloor(m, {
        queue: m.floor.queue.map((r) =>
          r.id === event.requestId ? { ...r, limitSeconds: event.seconds } : r,
        ),
      });
    case 'floor.extended':
      return m.floor.current
        ? withFloor(m, { current: { ...m.floor.current, limitSeconds: event.limitSeconds } })
        : m;
    case 'presiding.handed':
    case 'presiding.resumed':
      return { ...m, presidingParticipantId: event.participantId };
    case 'proposal.created':
      return { ...m, proposals: [...m.proposals, event.proposal] };
    case 'proposal.updated':
      return updateProposal(m, event.proposalId, { ...event.changes });
    case 'proposal.statusSet':
      return updateProposal(m, event.proposalId, { status: event.status });
    case 'proposal.locked':
      return updateProposal(m, event.proposalId, { locked: true });
    case 'proposal.unlocked':
      return updateProposal(m, event.proposalId, { locked: false });
    case 'proposal.revisionPublished':
    case 'paragraph.statusSet':
    case 'paragraph.interventionLinked':
    case 'paragraph.interventionUnlinked':
    case 'consensus.asked':
    case 'consensus.objected':
    case 'consensus.objectionWithdrawn':
    case 'consensus.closed':
    case 'screen.shown':
      return evolveConsensus(m, event);
    default:
      return assertNever(event);
  }
}

const withFloor = (m: Meeting, changes: Partial<Floor>): Meeting => ({
  ...m,
  floor: { ...m.floor, ...changes },
});

const updateItem = (m: Meeting, itemId: ItemId, change: (item: AgendaItem) => AgendaItem): Meeting => ({
  ...m,
  agenda: m.agenda.map((i) => (i.id === itemId ? change(i) : i)),
});

const updateParticipant = (
  m: Meeting,
  participantId: string,
  change: (participant: Participant) => Participant,
): Meeting => ({
  ...m,
  participants: m.participants.map((p) => (p.id === participantId ? change(p) : p)),
});

const updateProposal = (m: Meeting, proposalId: string, changes: Partial<Meeting['proposals'][number]>) => ({
  ...m,
  proposals: m.proposals.map((p) => (p.id === proposalId ? { ...p, ...changes } : p)),
});

/** The current item's clock runs only while the meeting is open. */
function startItemClock(m: Meeting, at: number): Meeting {
  if (!m.currentItemId || m.status !== 'open') return m;
  return updateItem(m, m.currentItemId, (i) => (i.openSince === null ? { ...i, openSince: at } : i));
}

function stopItemClock(m: Meeting, at: number, itemId = m.currentItemId): Meeting {
  if (!itemId) return m;
  return updateItem(m, itemId, (i) =>
    i.openSince === null
      ? i
      : {
          ...i,
          openSince: null,
          spentSeconds: i.spentSeconds + Math.max(0, Math.round((at - i.openSince) / 1000)),
        },
  );
}

/** Leaves the item as the event says: its clock stops, its list is parked if so, no item is current. */
function leaveItem(m: Meeting, left: ItemLeft | null, at: number, status: AgendaItem['status']): Meeting {
  if (!left) return m;
  const { itemId } = left;
  const stopped = updateItem(stopItemClock(m, at, itemId), itemId, (i) => ({ ...i, status }));
  const parkedLists = left.parksList
    ? { ...m.parkedLists, [itemId]: { queue: m.floor.queue, closed: m.floor.closed } }
    : m.parkedLists;
  return {
    ...stopped,
    currentItemId: null,
    parkedLists,
    floor: { ...stopped.floor, queue: [], closed: false },
  };
}

/** Takes the requests out of the list and keeps them, with their places, for undo. */
function removeRequests(m: Meeting, requestIds: readonly string[], at: number): Meeting {
  const ids = new Set(requestIds);
  const removed = m.floor.queue.flatMap((request, index) =>
    ids.has(request.id) ? [{ request, index, itemId: m.currentItemId, removedAt: at }] : [],
  );
  return {
    ...withFloor(m, { queue: m.floor.queue.filter((r) => !ids.has(r.id)) }),
    recentlyRemoved: {
      ...m.recentlyRemoved,
      requests: remember(m.recentlyRemoved.requests, removed, at, REMOVED_KEPT.requests),
    },
  };
}

/**
 * The undo records with `added` kept: records past the undo window at `at` are dropped, and at most
 * `kept` stay. This bounds the state; whether a restore is still allowed is for `decide` to say.
 */
function remember<T extends { removedAt: number }>(
  records: readonly T[],
  added: readonly T[],
  at: number,
  kept: number,
): T[] {
  const since = at - UNDO_WINDOW_SECONDS * 1000;
  return [...records.filter((r) => r.removedAt >= since), ...added].slice(-kept);
}

/** The record without `key`. */
function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
