import { itemSpentSeconds, overPlan } from '../domain/agendaClock';
import { partSeconds } from '../domain/floor';
import {
  CATEGORIES,
  type Intervention,
  type InterventionPart,
  type Participant,
  type Proposal,
  REGIONS,
  RTO_CODES,
  type RtoCode,
} from '../domain/model';
import type { ItemId, ParticipantId } from '../ids';
import { consensusIndex } from './consensusOf';
import type { RecordFacts, Span } from './fold';
import type {
  AttendanceCount,
  AttendanceRow,
  MeetingRecord,
  RecordIntervention,
  RecordItem,
  RecordPerson,
  RecordProposal,
  SpeakingShare,
  SpeakingShares,
} from './model';
import { zonedTime } from './zonedTime';

/** Shares to 4 decimals: enough for a percentage with two, and the same digits everywhere. */
const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;

/** Seconds of a span of ms, up to `asOf` while it runs, rounded as the agenda's clock rounds. */
const spanMs = (span: Span, asOf: number): number => Math.max(0, (span.to ?? asOf) - span.from);

/** Each part with its seconds, which add up to the intervention's. */
const zipSeconds = (parts: readonly InterventionPart[]) => {
  const seconds = partSeconds(parts);
  return parts.map((part, i) => ({ part, seconds: seconds[i]! }));
};

/** Orders strings the same on every process (no locale: a record is byte for byte the same). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The record of the facts folded so far (see `RecordFold`). Linear in the log's size. */
export function recordOf(facts: RecordFacts): MeetingRecord {
  const { meeting } = facts;
  const asOf = facts.lastAt;
  const zone = meeting.timezone;
  const at = (ms: number) => zonedTime(ms, zone);
  const atOrNull = (ms: number | null) => (ms === null ? null : at(ms));

  const people = new Map<ParticipantId, Participant>();
  for (const p of meeting.formerParticipants) people.set(p.id, p);
  for (const p of meeting.participants) people.set(p.id, p);
  const person = (id: ParticipantId, fallback: Intervention | null): RecordPerson => {
    const p = people.get(id);
    if (p)
      return {
        participantId: p.id,
        name: p.name,
        delegation: p.delegation,
        role: p.role,
        category: p.category,
        region: p.region,
        rto: p.rto,
      };
    // Not in the log's lists (cannot happen with a log `decide` wrote): named by what was logged.
    return {
      participantId: id,
      name: fallback?.delegation ?? id,
      delegation: fallback?.delegation ?? '',
      role: 'delegate',
      category: 'member-state',
      region: fallback?.region ?? 'none',
      rto: fallback?.rto ?? null,
    };
  };

  const intervention = (i: Intervention): RecordIntervention => ({
    interventionId: i.id,
    speaker: person(i.participantId, i),
    delegation: i.delegation,
    region: i.region,
    onBehalfOf: facts.onBehalfOf.get(i.id) ?? null,
    kind: i.kind,
    startedAt: at(i.startedAt),
    endedAt: at(i.endedAt),
    durationSeconds: i.durationSeconds,
    limitSeconds: i.limitSeconds,
    overrunSeconds: i.overrunSeconds,
    parts: zipSeconds(i.parts).map(({ part, seconds }) => ({
      startedAt: at(part.startedAt),
      endedAt: at(part.endedAt),
      seconds,
    })),
    suspended: i.parts.length > 1 || !!i.endedWhileSuspended,
    endedWhileSuspended: !!i.endedWhileSuspended,
    offline: !!i.offline,
  });

  // In the order they started: a suspended speaker's intervention is logged after the point of
  // order that interrupted it, but was made before, even in the same millisecond (one batch).
  const givenOrder = (i: Intervention) => facts.givenOrder.get(i.requestId) ?? -1;
  const started = [...meeting.interventions].sort(
    (a, b) => a.startedAt - b.startedAt || givenOrder(a) - givenOrder(b),
  );
  const agendaIds = new Set<string>(meeting.agenda.map((item) => item.id));
  const perItem = new Map<ItemId, Intervention[]>();
  const outside: Intervention[] = [];
  for (const i of started) {
    if (i.itemId !== null && agendaIds.has(i.itemId)) {
      const list = perItem.get(i.itemId);
      if (list) list.push(i);
      else perItem.set(i.itemId, [i]);
    } else outside.push(i);
  }

  const consensus = consensusIndex(facts.consensus, meeting, {
    at,
    person: (id, delegation) =>
      people.has(id) ? person(id, null) : { ...person(id, null), name: delegation || id, delegation },
  });
  const proposal = (p: Proposal): RecordProposal => ({
    proposalId: p.id,
    symbol: p.symbol,
    title: p.title,
    submittedBy: p.submittedBy,
    status: p.status,
    locked: p.locked,
    createdAt: at(p.createdAt),
    history: (facts.proposalMarks.get(p.id) ?? []).map((m) => ({ ...m, at: at(m.at) })),
    consensus: consensus.of(p.id),
  });

  const proposalsOf = new Map<ItemId, Proposal[]>();
  const unlinked: Proposal[] = [];
  for (const p of meeting.proposals) {
    if (p.kind !== 'proposal') continue;
    // A proposal whose item was removed is linked to none (the removal unlinks it).
    if (p.itemId === null || !agendaIds.has(p.itemId)) {
      if (consensus.has(p.id)) unlinked.push(p);
      continue;
    }
    const list = proposalsOf.get(p.itemId);
    if (list) list.push(p);
    else proposalsOf.set(p.itemId, [p]);
  }

  const items: RecordItem[] = meeting.agenda.map((item) => {
    const spentSeconds = itemSpentSeconds(item, asOf);
    const spoken = perItem.get(item.id) ?? [];
    const spans = facts.itemSpans.get(item.id) ?? [];
    return {
      itemId: item.id,
      number: item.number,
      title: item.title,
      status: item.status,
      plannedMinutes: item.plannedMinutes,
      spentSeconds,
      // No planned minutes is no plan (as the agenda shows it), not a plan of nothing.
      overPlan: overPlan(item.plannedMinutes, spentSeconds),
      outcome: item.outcome,
      sessions: spans.map((s) => ({ openedAt: at(s.from), endedAt: atOrNull(s.to), ended: s.ended })),
      openedAt: spans.length > 0 ? at(spans[0]!.from) : null,
      concludedAt: atOrNull(facts.concludedAt.get(item.id) ?? null),
      deferredAt: (facts.deferredAt.get(item.id) ?? []).map(at),
      documents: item.documents,
      interventions: spoken.map(intervention),
      pointsOfOrder: spoken.filter((i) => i.kind === 'point_of_order').length,
      replies: spoken.filter((i) => i.kind === 'reply').length,
      proposals: (proposalsOf.get(item.id) ?? []).map(proposal),
    };
  });

  const rows: AttendanceRow[] = facts.added.map((id) => {
    const spans = facts.presence.get(id) ?? [];
    const removedAt = facts.removedAt.get(id) ?? null;
    return {
      person: person(id, null),
      removed: removedAt !== null,
      removedAt: atOrNull(removedAt),
      sessions: spans.map((s) => ({ joinedAt: at(s.from), leftAt: atOrNull(s.to) })),
      totalSeconds: Math.round(spans.reduce((sum, s) => sum + spanMs(s, asOf), 0) / 1000),
    };
  });
  // A participant removed without ever connecting was a registration mistake, not a participant.
  const counted = rows.filter((r) => !r.removed || r.sessions.length > 0);
  const attended = counted.filter((r) => r.sessions.length > 0);
  // The floor's fairness is among those who speak for someone: whoever presides and the
  // secretariat run the meeting, and would dilute every region's share.
  const speaksFor = (r: AttendanceRow) => r.person.role !== 'chair' && r.person.role !== 'secretariat';
  const attendedSpeakers = attended.filter(speaksFor);
  const present = attendedSpeakers.length > 0 ? attendedSpeakers : counted.filter(speaksFor);

  const countBy = <K extends string>(
    keys: readonly K[],
    keyOf: (p: RecordPerson) => K,
  ): AttendanceCount<K>[] => {
    const counts = new Map<K, AttendanceCount<K>>(
      keys.map((key) => [key, { key, registered: 0, attended: 0 }]),
    );
    for (const r of counted) {
      const count = counts.get(keyOf(r.person));
      if (!count) continue;
      count.registered++;
      if (r.sessions.length > 0) count.attended++;
    }
    return [...counts.values()];
  };
  const rtoOf = (p: RecordPerson): RtoCode | 'none' => p.rto ?? 'none';

  // Counted once: each split below looks its keys up instead of walking the people again.
  const presentBy = (keyOf: (p: RecordPerson) => string) => {
    const counts = new Map<string, number>();
    for (const r of present) counts.set(keyOf(r.person), (counts.get(keyOf(r.person)) ?? 0) + 1);
    return (key: string) => share(counts.get(key) ?? 0, present.length);
  };
  const presentShare = {
    region: presentBy((p) => p.region),
    rto: presentBy(rtoOf),
    delegation: presentBy((p) => p.delegation),
  };
  const onBehalf = (i: Intervention): RtoCode | 'none' => facts.onBehalfOf.get(i.id) ?? 'none';

  const shares = (spoken: Intervention[]): SpeakingShares => {
    const total = spoken.reduce((sum, i) => sum + i.durationSeconds, 0);
    const split = <K extends string>(
      keys: readonly K[],
      keyOf: (i: Intervention) => K,
      participantShare: (key: string) => number,
    ): SpeakingShare<K>[] => {
      const sums = new Map<string, { interventions: number; seconds: number }>();
      for (const i of spoken) {
        const sum = sums.get(keyOf(i)) ?? { interventions: 0, seconds: 0 };
        sum.interventions++;
        sum.seconds += i.durationSeconds;
        sums.set(keyOf(i), sum);
      }
      return keys.map((key) => {
        const { interventions, seconds } = sums.get(key) ?? { interventions: 0, seconds: 0 };
        return {
          key,
          interventions,
          seconds,
          speakingShare: share(seconds, total),
          participantShare: participantShare(key),
        };
      });
    };
    const delegations = [...new Set(spoken.map((i) => i.delegation))];
    return {
      byRegion: split(REGIONS, (i) => i.region, presentShare.region),
      byRto: split([...RTO_CODES, 'none'] as const, onBehalf, presentShare.rto),
      byDelegation: split(delegations, (i) => i.delegation, presentShare.delegation).sort(
        (a, b) => b.seconds - a.seconds || byCodeUnits(a.key, b.key),
      ),
    };
  };

  const chair = meeting.participants.find((p) => p.role === 'chair');
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      timezone: zone,
      status: meeting.status,
      archived: meeting.archived,
      startsAt: atOrNull(meeting.startsAt),
      endsAt: atOrNull(meeting.endsAt),
      openedAt: atOrNull(facts.openedAt),
      closedAt: meeting.status === 'closed' ? atOrNull(facts.closedAt) : null,
      suspensions: facts.suspensions.map((s) => ({ from: at(s.from), to: atOrNull(s.to) })),
      asOf: at(asOf),
      lastSeq: facts.lastSeq,
      chair: chair ? person(chair.id, null) : null,
    },
    items,
    outsideAgenda: outside.map(intervention),
    unlinkedProposals: unlinked.map(proposal),
    attendance: {
      participants: rows,
      byRegion: countBy(REGIONS, (p) => p.region),
      byRto: countBy([...RTO_CODES, 'none'] as const, rtoOf),
      byCategory: countBy(CATEGORIES, (p) => p.category),
      totals: { registered: counted.length, attended: attended.length },
    },
    speakingTime: {
      totalSeconds: started.reduce((sum, i) => sum + i.durationSeconds, 0),
      meeting: shares(started),
      perItem: items.map((item) => ({ itemId: item.itemId, ...shares(perItem.get(item.itemId) ?? []) })),
    },
  };
}
