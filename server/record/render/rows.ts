import type {
  AttendanceRow,
  Category,
  CheckProcedure,
  FloorKind,
  MeetingRecord,
  RecordIntervention,
  Region,
  Role,
  ZonedTime,
} from '../../../shared';
import { CHECK_COLUMNS, type CheckColumn } from './words/consensusTypes';
import {
  ATTENDANCE_COLUMNS,
  type AttendanceColumn,
  INTERVENTION_COLUMNS,
  type InterventionColumn,
  type RecordWords,
} from './words/types';

/** One cell of a data table: text, a number, a yes/no, or empty. */
export type Cell = string | number | boolean | null;

/** How the enumerated values of a row are written. */
export interface EnumWriter {
  kind(kind: FloorKind): string;
  role(role: Role): string;
  category(category: Category): string;
  region(region: Region): string;
  procedure(procedure: CheckProcedure): string;
  /** A check's outcome; `open` while it runs. */
  outcome(outcome: 'agreed' | 'objected' | 'open'): string;
}

/**
 * The machine codes (`point_of_order`, `member-state`, `AFR`...), for the CSV files: a script or a
 * pivot table reads the same value whatever the language of the headers.
 */
export const MACHINE_CODES: EnumWriter = {
  kind: (kind) => kind,
  role: (role) => role,
  category: (category) => category,
  region: (region) => region,
  procedure: (procedure) => procedure,
  outcome: (outcome) => outcome,
};

/** The words of `lang`, for the spreadsheet, which people read. */
export const wordsFor = (words: RecordWords): EnumWriter => ({
  kind: (kind) => words.kinds[kind],
  role: (role) => words.roles[role],
  category: (category) => words.categories[category],
  region: (region) => words.regions[region],
  procedure: (procedure) => words.consensus.procedure[procedure],
  outcome: (outcome) => words.consensus.outcomeWord[outcome],
});

const secondsBetween = (from: ZonedTime, to: ZonedTime) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function interventionRow(
  intervention: RecordIntervention,
  order: number,
  item: { number: string; title: string } | null,
  write: EnumWriter,
): Cell[] {
  const row: Record<InterventionColumn, Cell> = {
    itemNumber: item?.number ?? null,
    itemTitle: item?.title ?? null,
    order,
    delegation: intervention.delegation,
    person: intervention.speaker.name,
    region: write.region(intervention.region),
    onBehalfOf: intervention.onBehalfOf,
    kind: write.kind(intervention.kind),
    start: intervention.startedAt,
    end: intervention.endedAt,
    durationSeconds: intervention.durationSeconds,
    limitSeconds: intervention.limitSeconds,
    overrunSeconds: intervention.overrunSeconds,
    // ISO 8601 intervals, "start/end", one per part spoken.
    parts: intervention.parts.map((part) => `${part.startedAt}/${part.endedAt}`).join(' '),
    // Each part's seconds, in the same order, adding up to the duration (not its times' difference).
    partSeconds: intervention.parts.map((part) => part.seconds).join(' '),
    suspended: intervention.suspended,
    offline: intervention.offline,
  };
  return INTERVENTION_COLUMNS.map((column) => row[column]);
}

/**
 * One row per intervention in `INTERVENTION_COLUMNS` order: the items' in agenda order, each item's
 * in the order they started (numbered from 1), then those outside the agenda (no item).
 */
export function interventionRows(record: MeetingRecord, write: EnumWriter): Cell[][] {
  const rows: Cell[][] = [];
  for (const item of record.items)
    item.interventions.forEach((intervention, i) => {
      rows.push(interventionRow(intervention, i + 1, item, write));
    });
  record.outsideAgenda.forEach((intervention, i) => {
    rows.push(interventionRow(intervention, i + 1, null, write));
  });
  return rows;
}

function attendanceRow(
  participant: AttendanceRow,
  session: { joinedAt: ZonedTime; leftAt: ZonedTime | null } | null,
  asOf: ZonedTime,
  write: EnumWriter,
): Cell[] {
  const { person } = participant;
  const row: Record<AttendanceColumn, Cell> = {
    person: person.name,
    delegation: person.delegation,
    role: write.role(person.role),
    category: write.category(person.category),
    region: write.region(person.region),
    rto: person.rto,
    joined: session?.joinedAt ?? null,
    left: session?.leftAt ?? null,
    // A connection still open at the end of the record counts up to it, as its total does.
    seconds: session ? secondsBetween(session.joinedAt, session.leftAt ?? asOf) : 0,
    totalSeconds: participant.totalSeconds,
  };
  return ATTENDANCE_COLUMNS.map((column) => row[column]);
}

/**
 * One row per connection in `ATTENDANCE_COLUMNS` order, participants in the order they were
 * registered; one who never connected gets one row with empty times, so every participant is listed.
 */
export function attendanceRows(record: MeetingRecord, write: EnumWriter): Cell[][] {
  const rows: Cell[][] = [];
  for (const participant of record.attendance.participants) {
    if (participant.sessions.length === 0)
      rows.push(attendanceRow(participant, null, record.meeting.asOf, write));
    for (const session of participant.sessions)
      rows.push(attendanceRow(participant, session, record.meeting.asOf, write));
  }
  return rows;
}

/**
 * One row per check ("any objection?" in the room, or a silence procedure) in `CHECK_COLUMNS`
 * order: the texts of each item in agenda order, then those under no item, each text's checks in
 * the order asked (numbered from 1, as in the record's document). Paragraph numbers are
 * space-separated; delegations, which hold spaces, `; `-separated.
 */
export function checkRows(record: MeetingRecord, write: EnumWriter): Cell[][] {
  const rows: Cell[][] = [];
  const texts = [
    ...record.items.flatMap((item) => item.proposals.map((proposal) => ({ item, proposal }))),
    ...record.unlinkedProposals.map((proposal) => ({ item: null, proposal })),
  ];
  for (const { item, proposal } of texts)
    proposal.consensus.checks.forEach((check, i) => {
      const result = check.result;
      const row: Record<CheckColumn, Cell> = {
        itemNumber: item?.number ?? null,
        symbol: proposal.symbol,
        order: i + 1,
        procedure: write.procedure(check.procedure),
        paragraphs: check.paragraphs.join(' '),
        askedBy: check.askedBy.name,
        askedAt: check.askedAt,
        endsAt: check.endsAt,
        objections: check.objections.length,
        withdrawn: check.objections.filter((o) => o.withdrawnAt !== null).length,
        objectedBy: result ? result.objectedBy.join('; ') : null,
        outcome: write.outcome(result?.outcome ?? 'open'),
        closedAt: result?.closedAt ?? null,
        closedBy: result?.closedBy?.name ?? null,
        early: result ? result.early : null,
        appliedAt: result?.appliedAt ?? null,
      };
      rows.push(CHECK_COLUMNS.map((column) => row[column]));
    });
  return rows;
}
