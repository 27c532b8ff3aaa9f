import type { ItemId } from '../ids';
import { assertNever } from './errors';
import type { MeetingEvent } from './events';
import type { AgendaItem, Floor, Meeting } from './model';

/**
 * Applies one event to the meeting and returns the next state; the input is never mutated, so the
 * server can drop a batch of states that failed to store, and React can compare by reference.
 * The first event of every log is `meeting.created`, applied to `null`.
 */
export function evolve(meeting: Meeting | null, event: MeetingEvent): Meeting {
  if (event.type === 'meeting.created') {
    return {
      id: event.meetingId,
      title: event.title,
      timezone: event.timezone,
      status: 'scheduled',
      createdAt: event.at,
      currentItemId: null,
      presidingParticipantId: null,
      options: { rtoSpokespersonsFirst: false, newDelegationsFirst: false },
      participants: [],
      agenda: [],
      floor: { current: null, queue: [], closed: false, limitSeconds: event.defaultSpeakingSeconds },
      parkedLists: {},
      interventions: [],
      proposals: [],
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
    case 'participant.added':
      return {
        ...m,
        participants: [...m.participants, { ...event.participant, online: false }],
        presidingParticipantId:
          m.presidingParticipantId ?? (event.participant.role === 'chair' ? event.participant.id : null),
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
    case 'agenda.itemRemoved': {
      const { [event.itemId]: _dropped, ...parkedLists } = m.parkedLists;
      return {
        ...m,
        agenda: m.agenda.filter((i) => i.id !== event.itemId),
        parkedLists,
        proposals: m.proposals.map((p) => (p.itemId === event.itemId ? { ...p, itemId: null } : p)),
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
      const left = leaveCurrentItem(m, event.at, 'pending');
      const parked = left.parkedLists[event.itemId];
      const { [event.itemId]: _restored, ...parkedLists } = left.parkedLists;
      const opened = updateItem(left, event.itemId, (i) => ({ ...i, status: 'open' }));
      return startItemClock(
        {
          ...opened,
          currentItemId: event.itemId,
          parkedLists,
          floor: { ...opened.floor, queue: parked?.queue ?? [], closed: parked?.closed ?? false },
        },
        event.at,
      );
    }
    case 'agenda.itemConcluded':
    case 'agenda.itemDeferred': {
      const status = event.type === 'agenda.itemConcluded' ? 'concluded' : 'deferred';
      const outcome = event.type === 'agenda.itemConcluded' ? event.outcome : undefined;
      const left = m.currentItemId === event.itemId ? leaveCurrentItem(m, event.at, status) : m;
      return updateItem(left, event.itemId, (i) => ({ ...i, status, outcome: outcome ?? i.outcome }));
    }
    case 'floor.requested': {
      const queue = [...m.floor.queue];
      queue.splice(event.index, 0, event.request);
      return withFloor(m, { queue });
    }
    case 'floor.withdrawn':
    case 'floor.removed':
      return withFloor(m, { queue: m.floor.queue.filter((r) => r.id !== event.requestId) });
    case 'floor.given':
      return withFloor(m, {
        queue: m.floor.queue.filter((r) => r.id !== event.requestId),
        current: {
          requestId: event.requestId,
          participantId: event.participantId,
          kind: event.kind,
          startedAt: event.startedAt,
          limitSeconds: event.limitSeconds,
        },
      });
    case 'floor.ended':
      return { ...withFloor(m, { current: null }), interventions: [...m.interventions, event.intervention] };
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
        ? withFloor(m, {
            current: { ...m.floor.current, limitSeconds: m.floor.current.limitSeconds + event.seconds },
          })
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

const updateProposal = (m: Meeting, proposalId: string, changes: Partial<Meeting['proposals'][number]>) => ({
  ...m,
  proposals: m.proposals.map((p) => (p.id === proposalId ? { ...p, ...changes } : p)),
});

/** The current item's clock runs only while the meeting is open. */
function startItemClock(m: Meeting, at: number): Meeting {
  if (!m.currentItemId || m.status !== 'open') return m;
  return updateItem(m, m.currentItemId, (i) => (i.openSince === null ? { ...i, openSince: at } : i));
}

function stopItemClock(m: Meeting, at: number): Meeting {
  if (!m.currentItemId) return m;
  return updateItem(m, m.currentItemId, (i) =>
    i.openSince === null
      ? i
      : {
          ...i,
          openSince: null,
          spentSeconds: i.spentSeconds + Math.max(0, Math.round((at - i.openSince) / 1000)),
        },
  );
}

/** Stops the clock of the current item, parks its waiting list and leaves no item current. */
function leaveCurrentItem(m: Meeting, at: number, status: AgendaItem['status']): Meeting {
  const itemId = m.currentItemId;
  if (!itemId) return m;
  const stopped = updateItem(stopItemClock(m, at), itemId, (i) => ({ ...i, status }));
  const parkedLists =
    m.floor.queue.length > 0 || m.floor.closed
      ? { ...m.parkedLists, [itemId]: { queue: m.floor.queue, closed: m.floor.closed } }
      : m.parkedLists;
  return {
    ...stopped,
    currentItemId: null,
    parkedLists,
    floor: { ...stopped.floor, queue: [], closed: false },
  };
}

/** Rebuilds a meeting from its log. */
export const replay = (events: readonly MeetingEvent[], from: Meeting | null = null): Meeting | null =>
  events.reduce<Meeting | null>(evolve, from);
