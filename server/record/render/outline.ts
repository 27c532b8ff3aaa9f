import type {
  ItemId,
  MeetingRecord,
  RecordIntervention,
  RecordItem,
  RecordProposal,
  SpeakingShare,
  SpeakingShares,
  ZonedTime,
} from '../../../shared';
import { assertNever } from '../../../shared';
import { consensusBlocks } from './consensusOutline';
import {
  clock,
  displayRange,
  displayTime,
  linesOf,
  oneLine,
  percent,
  points,
  pointsBetween,
  tableRange,
  tableTime,
} from './format';
import type { RecordWords } from './words/types';

/** A label and its value, which may run over several lines. */
export interface Field {
  label: string;
  lines: string[];
}

/** A table's column: its header, and whether it holds figures (set flush to the end). */
export interface Column {
  header: string;
  numeric: boolean;
}

/**
 * A piece of the record as a document, in plain text: headings (level 1 for the record's sections,
 * 2 for an item, 3 for a part of one, 4 for a part of that: a text's calls for objections), paragraphs, label–value lists and tables. The Markdown and
 * Word renderers turn the same outline into their format, each escaping the text its own way, so
 * both files say the same thing.
 */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'table'; columns: Column[]; rows: string[][] };

/** The record as a document: its title, where it comes from, and its blocks in order. */
export interface Outline {
  title: string;
  provenance: string;
  blocks: Block[];
}

const text = (header: string): Column => ({ header, numeric: false });
const figure = (header: string): Column => ({ header, numeric: true });
const heading = (level: 1 | 2 | 3 | 4, content: string): Block => ({ type: 'heading', level, text: content });
const itemHeading = (item: RecordItem) => `${oneLine(item.number)} ${oneLine(item.title)}`;

/** The record of a meeting as a document in `words`' language (see `Block`). Linear in the record's size. */
export function recordOutline(record: MeetingRecord, words: RecordWords): Outline {
  const { meeting } = record;
  const blocks: Block[] = [
    ...meetingBlocks(record, words),
    ...itemBlocks(record, words),
    ...unlinkedBlocks(record, words),
    ...attendanceBlocks(record, words),
    ...speakingBlocks(record, words),
  ];
  if (record.outsideAgenda.length > 0)
    blocks.push(
      heading(1, words.sections.outsideAgenda),
      interventionsTable(record.outsideAgenda, meeting.openedAt, words),
    );
  return {
    title: words.title(oneLine(meeting.title)),
    provenance: words.provenance(displayTime(meeting.asOf), meeting.lastSeq),
    blocks,
  };
}

function meetingBlocks(record: MeetingRecord, words: RecordWords): Block[] {
  const { meeting } = record;
  const at = (time: ZonedTime | null) => (time ? displayTime(time) : words.notYet);
  const planned =
    meeting.startsAt && meeting.endsAt
      ? displayRange(meeting.startsAt, meeting.endsAt, words.range, words.notYet)
      : at(meeting.startsAt);
  const fields: Field[] = [
    { label: words.meeting.timezone, lines: [meeting.timezone] },
    { label: words.meeting.status, lines: [words.meetingStatus[meeting.status]] },
    { label: words.meeting.planned, lines: [planned] },
    { label: words.meeting.opened, lines: [at(meeting.openedAt)] },
    { label: words.meeting.closed, lines: [at(meeting.closedAt)] },
  ];
  if (meeting.suspensions.length > 0)
    fields.push({
      label: words.meeting.suspensions,
      lines: meeting.suspensions.map((s) => displayRange(s.from, s.to, words.range, words.stillSuspended)),
    });
  const chair = meeting.chair;
  fields.push({
    label: words.meeting.chair,
    lines: [chair ? `${oneLine(chair.name)} (${oneLine(chair.delegation)})` : words.notYet],
  });
  return [heading(1, words.sections.meeting), { type: 'fields', fields }];
}

function itemBlocks(record: MeetingRecord, words: RecordWords): Block[] {
  const blocks: Block[] = [heading(1, words.sections.items)];
  for (const item of record.items) {
    // Times in the item's tables are short when on the day of its opening, shown in its fields.
    const reference = item.openedAt ?? record.meeting.openedAt;
    blocks.push(
      heading(2, itemHeading(item)),
      { type: 'fields', fields: itemFields(item, words) },
      heading(3, words.item.interventions),
      item.interventions.length > 0
        ? interventionsTable(item.interventions, reference, words)
        : { type: 'paragraph', text: words.noInterventions },
    );
    if (item.proposals.length > 0) {
      blocks.push(heading(3, words.item.proposals), proposalsTable(item.proposals, reference, words));
      const interventionNumbers = new Map(
        item.interventions.map((v, i) => [v.interventionId as string, i + 1]),
      );
      for (const proposal of item.proposals)
        blocks.push(...consensusBlocks(proposal, 3, { reference, interventionNumbers }, words));
    }
  }
  if (record.items.length === 0) blocks.push({ type: 'paragraph', text: words.noItems });
  return blocks;
}

/** Texts under no agenda item that were agreed paragraph by paragraph: a section, when there are any. */
function unlinkedBlocks(record: MeetingRecord, words: RecordWords): Block[] {
  if (record.unlinkedProposals.length === 0) return [];
  const reference = record.meeting.openedAt;
  const blocks: Block[] = [
    heading(1, words.consensus.unlinked),
    proposalsTable(record.unlinkedProposals, reference, words),
  ];
  for (const proposal of record.unlinkedProposals)
    blocks.push(...consensusBlocks(proposal, 2, { reference, interventionNumbers: new Map() }, words));
  return blocks;
}

function itemFields(item: RecordItem, words: RecordWords): Field[] {
  const at = (time: ZonedTime | null) => (time ? displayTime(time) : words.notYet);
  const time = words.plannedVsSpent(item.plannedMinutes, clock(item.spentSeconds));
  const fields: Field[] = [
    { label: words.item.status, lines: [words.itemStatus[item.status]] },
    { label: words.item.opened, lines: [at(item.openedAt)] },
    { label: words.item.concluded, lines: [at(item.concludedAt)] },
  ];
  // A deferral while the item was pending ends no stretch of consideration: only this field tells it.
  if (item.deferredAt.length > 0) fields.push({ label: words.item.deferred, lines: item.deferredAt.map(at) });
  fields.push({
    label: words.item.time,
    lines: [item.overPlan ? `${time}${words.listSeparator}${words.overPlan}` : time],
  });
  // One stretch ended by conclusion says no more than opened and concluded; anything else is told.
  const [only] = item.sessions;
  if (item.sessions.length > 1 || (only && only.ended !== 'concluded'))
    fields.push({
      label: words.item.sessions,
      lines: item.sessions.map((session) => {
        const stretch = displayRange(session.openedAt, session.endedAt, words.range, words.stillOpen);
        return session.ended ? `${stretch}${words.listSeparator}${words.sessionEnd[session.ended]}` : stretch;
      }),
    });
  const outcome = linesOf(item.outcome);
  fields.push({ label: words.item.outcome, lines: outcome.length > 0 ? outcome : [words.noOutcome] });
  fields.push({
    label: words.item.documents,
    lines:
      item.documents.length > 0
        ? item.documents.map((d) => {
            const languages = d.languages.length > 0 ? ` (${d.languages.join(', ').toUpperCase()})` : '';
            return `${oneLine(d.symbol)} ${oneLine(d.title)}${languages} ${oneLine(d.url)}`;
          })
        : [words.noDocuments],
  });
  fields.push(
    { label: words.item.pointsOfOrder, lines: [String(item.pointsOfOrder)] },
    { label: words.item.replies, lines: [String(item.replies)] },
  );
  return fields;
}

function interventionsTable(
  interventions: readonly RecordIntervention[],
  reference: ZonedTime | null,
  words: RecordWords,
): Block {
  const c = words.interventionColumns;
  const sep = words.listSeparator;
  const at = (time: ZonedTime) => tableTime(time, reference);
  return {
    type: 'table',
    columns: [
      figure(c.order),
      text(c.delegation),
      text(c.person),
      text(c.onBehalfOf),
      text(c.kind),
      text(c.start),
      figure(c.duration),
      figure(c.overrun),
      text(c.parts),
    ],
    rows: interventions.map((v, i) => {
      const kind = v.offline ? `${words.kinds[v.kind]}${sep}${words.offline}` : words.kinds[v.kind];
      let parts = '';
      if (v.suspended) {
        // Each part's own seconds, which add up to the duration: the difference of its rounded
        // times could say 0:12 + 0:12 of a 0:23 intervention.
        parts = v.parts
          .map((part) => {
            const stretch = tableRange(part.startedAt, part.endedAt, reference, words.range, '');
            return `${stretch} (${clock(part.seconds)})`;
          })
          .join(sep);
        if (v.endedWhileSuspended) parts = `${parts}${sep}${words.endedWhileSuspended}`;
      }
      return [
        String(i + 1),
        oneLine(v.delegation),
        oneLine(v.speaker.name),
        v.onBehalfOf ?? '',
        kind,
        at(v.startedAt),
        clock(v.durationSeconds),
        v.overrunSeconds > 0 ? clock(v.overrunSeconds) : '',
        parts,
      ];
    }),
  };
}

function proposalsTable(
  proposals: readonly RecordProposal[],
  reference: ZonedTime | null,
  words: RecordWords,
): Block {
  const c = words.proposalColumns;
  const change = (entry: RecordProposal['history'][number]): string => {
    switch (entry.change) {
      case 'status':
        return words.proposalStatus[entry.status];
      case 'locked':
        return words.lockedChange;
      case 'unlocked':
        return words.unlockedChange;
      default:
        return assertNever(entry);
    }
  };
  return {
    type: 'table',
    columns: [
      text(c.symbol),
      text(c.title),
      text(c.submittedBy),
      text(c.status),
      text(c.locked),
      text(c.history),
    ],
    rows: proposals.map((p) => [
      oneLine(p.symbol),
      oneLine(p.title),
      oneLine(p.submittedBy),
      words.proposalStatus[p.status],
      p.locked ? words.yes : words.no,
      p.history
        .map((entry) => `${tableTime(entry.at, reference)} ${change(entry)}`)
        .join(words.listSeparator),
    ]),
  };
}

function attendanceBlocks(record: MeetingRecord, words: RecordWords): Block[] {
  const { attendance, meeting } = record;
  const a = words.attendance;
  const counts = (
    keyHeader: string,
    rows: { label: string; registered: number; attended: number }[],
  ): Block => ({
    type: 'table',
    columns: [text(keyHeader), figure(a.registered), figure(a.attended)],
    rows: rows.map((row) => [row.label, String(row.registered), String(row.attended)]),
  });
  const pc = words.participantColumns;
  const reference = meeting.openedAt ?? meeting.startsAt;
  const sep = words.listSeparator;
  return [
    heading(1, words.sections.attendance),
    { type: 'paragraph', text: a.totals(attendance.totals.registered, attendance.totals.attended) },
    heading(2, a.byRegion),
    counts(
      pc.region,
      attendance.byRegion.map((c) => ({ ...c, label: words.regions[c.key] })),
    ),
    heading(2, a.byRto),
    counts(
      pc.rto,
      attendance.byRto.map((c) => ({ ...c, label: c.key === 'none' ? words.noRto : c.key })),
    ),
    heading(2, a.byCategory),
    counts(
      pc.category,
      attendance.byCategory.map((c) => ({ ...c, label: words.categories[c.key] })),
    ),
    heading(2, a.participants),
    {
      type: 'table',
      columns: [
        text(pc.name),
        text(pc.delegation),
        text(pc.role),
        text(pc.category),
        text(pc.region),
        text(pc.rto),
        text(pc.sessions),
        figure(pc.total),
      ],
      rows: attendance.participants.map(({ person, removed, sessions, totalSeconds }) => [
        removed ? `${oneLine(person.name)} (${words.removed})` : oneLine(person.name),
        oneLine(person.delegation),
        words.roles[person.role],
        words.categories[person.category],
        words.regions[person.region],
        person.rto ?? '',
        sessions.length > 0
          ? sessions
              .map((s) => tableRange(s.joinedAt, s.leftAt, reference, words.range, words.stillConnected))
              .join(sep)
          : words.neverConnected,
        clock(totalSeconds),
      ]),
    },
  ];
}

function speakingBlocks(record: MeetingRecord, words: RecordWords): Block[] {
  const { speakingTime } = record;
  const items = new Map<ItemId, RecordItem>(record.items.map((item) => [item.itemId, item]));
  const blocks: Block[] = [
    heading(1, words.sections.speakingTime),
    {
      type: 'paragraph',
      text: `${words.speaking.total}${words.labelEnd}${clock(speakingTime.totalSeconds)}`,
    },
    heading(2, words.speaking.wholeMeeting),
    ...sharesBlocks(speakingTime.meeting, words),
  ];
  for (const perItem of speakingTime.perItem) {
    const item = items.get(perItem.itemId);
    if (!item) continue; // the record lists the same items in both places; nothing to show otherwise
    blocks.push(heading(2, itemHeading(item)));
    const spoke = perItem.byRegion.some((share) => share.interventions > 0);
    if (spoke) blocks.push(...sharesBlocks(perItem, words));
    else blocks.push({ type: 'paragraph', text: words.noInterventions });
  }
  return blocks;
}

function sharesBlocks(shares: SpeakingShares, words: RecordWords): Block[] {
  const s = words.speaking;
  const pc = words.participantColumns;
  const table = <K extends string>(
    keyHeader: string,
    rows: SpeakingShare<K>[],
    label: (key: K) => string,
  ): Block => ({
    type: 'table',
    columns: [
      text(keyHeader),
      figure(s.interventions),
      figure(s.time),
      figure(s.speakingShare),
      figure(s.participantShare),
      figure(s.difference),
    ],
    rows: rows.map((row) => [
      label(row.key),
      String(row.interventions),
      clock(row.seconds),
      percent(row.speakingShare, words.locale),
      percent(row.participantShare, words.locale),
      points(pointsBetween(row.speakingShare, row.participantShare), words.locale),
    ]),
  });
  return [
    heading(3, s.byRegion),
    table(pc.region, shares.byRegion, (key) => words.regions[key]),
    heading(3, s.byRto),
    table(pc.rto, shares.byRto, (key) => (key === 'none' ? s.notOnBehalf : key)),
    heading(3, s.byDelegation),
    shares.byDelegation.length > 0
      ? table(pc.delegation, shares.byDelegation, oneLine)
      : { type: 'paragraph', text: words.noInterventions },
  ];
}
