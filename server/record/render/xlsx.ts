import ExcelJS from 'exceljs';
import type { MeetingRecord, SpeakingShare, SpeakingShares } from '../../../shared';
import { pointsBetween } from './format';
import { attendanceRows, type Cell, checkRows, interventionRows, wordsFor } from './rows';
import { CHECK_COLUMNS } from './words/consensusTypes';
import {
  ATTENDANCE_COLUMNS,
  INTERVENTION_COLUMNS,
  ITEM_COLUMNS,
  type ItemColumn,
  type RecordWords,
  SPEAKING_COLUMNS,
  type SpeakingColumn,
  type SpeakingSplit,
} from './words/types';
import { xmlSafe } from './xmlText';
import { withEntryTimes } from './zipTimes';

/** Rows looked at to size the columns: enough to see the shape of the data. */
const ROWS_SAMPLED = 200;
/** Excel keeps at most this many characters in a cell. */
const CELL_LIMIT = 32_767;

/**
 * A cell's value as the workbook stores it. Text is always a string cell (exceljs writes a formula
 * only from a `{ formula }` object, never from a string), so a name typed as `=HYPERLINK(…)` stays
 * text; characters XML cannot hold are dropped and overlong text cut to Excel's limit.
 */
const value = (cell: Cell): ExcelJS.CellValue =>
  typeof cell === 'string' ? xmlSafe(cell).slice(0, CELL_LIMIT) : cell;

interface SheetSpec {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Number formats by column index, e.g. percentages. */
  formats?: Record<number, string>;
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rtl: boolean): void {
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }],
  });
  sheet.addRow(spec.headers).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(row.map(value));
  const sample = spec.rows.slice(0, ROWS_SAMPLED);
  spec.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    let longest = header.length;
    for (const row of sample) longest = Math.max(longest, String(row[i] ?? '').length);
    column.width = Math.min(50, Math.max(8, longest + 2));
    const format = spec.formats?.[i];
    if (format) column.numFmt = format;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.headers.length } };
}

function itemRows(record: MeetingRecord, words: RecordWords): Cell[][] {
  return record.items.map((item) => {
    const row: Record<ItemColumn, Cell> = {
      number: item.number,
      title: item.title,
      status: words.itemStatus[item.status],
      plannedMinutes: item.plannedMinutes,
      spentSeconds: item.spentSeconds,
      overPlan: item.overPlan,
      openedAt: item.openedAt,
      concludedAt: item.concludedAt,
      // Every deferral, a pending item's too, as the Parts column lists intervals: space-separated.
      deferredAt: item.deferredAt.length > 0 ? item.deferredAt.join(' ') : null,
      interventions: item.interventions.length,
      pointsOfOrder: item.pointsOfOrder,
      replies: item.replies,
      outcome: item.outcome,
    };
    return ITEM_COLUMNS.map((column) => row[column]);
  });
}

function speakingRows(record: MeetingRecord, words: RecordWords): Cell[][] {
  const s = words.spreadsheet;
  const rows: Cell[][] = [];
  const add = (scope: string, itemTitle: string | null, shares: SpeakingShares) => {
    const split = <K extends string>(
      kind: SpeakingSplit,
      list: SpeakingShare<K>[],
      label: (key: K) => string,
    ) => {
      for (const share of list) {
        const row: Record<SpeakingColumn, Cell> = {
          scope,
          itemTitle,
          split: s.splits[kind],
          key: label(share.key),
          interventions: share.interventions,
          seconds: share.seconds,
          speakingShare: share.speakingShare,
          participantShare: share.participantShare,
          difference: pointsBetween(share.speakingShare, share.participantShare),
        };
        rows.push(SPEAKING_COLUMNS.map((column) => row[column]));
      }
    };
    split('region', shares.byRegion, (key) => words.regions[key]);
    split('rto', shares.byRto, (key) => (key === 'none' ? words.speaking.notOnBehalf : key));
    split('delegation', shares.byDelegation, (key) => key);
  };
  add(s.meeting, null, record.speakingTime.meeting);
  const items = new Map(record.items.map((item) => [item.itemId, item]));
  for (const perItem of record.speakingTime.perItem) {
    const item = items.get(perItem.itemId);
    if (item) add(item.number, item.title, perItem);
  }
  return rows;
}

/**
 * The record as an Excel workbook: sheets Items, Interventions, Attendance, Speaking time and Calls
 * for objections (names in `words`' language), each with a bold, frozen, filterable header row. Durations are numbers
 * (seconds; planned time in minutes), shares numbers shown as percentages and their difference in
 * percentage points, yes/no real booleans; times ZonedTime strings, which sort and read the same
 * anywhere (several in a cell, such as an item's deferrals, space-separated). Unlike the CSV
 * files, enumerated values are in `words`' language: a workbook is read by people. Created and
 * modified are the record's `asOf`, and the zip's entry times too, so the same record gives the
 * same bytes.
 */
export async function recordWorkbook(record: MeetingRecord, words: RecordWords): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const asOf = new Date(Date.parse(record.meeting.asOf));
  workbook.creator = 'IRM Room';
  workbook.lastModifiedBy = 'IRM Room';
  workbook.created = asOf;
  workbook.modified = asOf;
  workbook.title = xmlSafe(words.title(record.meeting.title));
  const rtl = words.dir === 'rtl';
  const { sheets, itemHeaders, speakingHeaders } = words.spreadsheet;
  const write = wordsFor(words);
  addSheet(
    workbook,
    { name: sheets.items, headers: ITEM_COLUMNS.map((c) => itemHeaders[c]), rows: itemRows(record, words) },
    rtl,
  );
  addSheet(
    workbook,
    {
      name: sheets.interventions,
      headers: INTERVENTION_COLUMNS.map((c) => words.interventionHeaders[c]),
      rows: interventionRows(record, write),
    },
    rtl,
  );
  addSheet(
    workbook,
    {
      name: sheets.attendance,
      headers: ATTENDANCE_COLUMNS.map((c) => words.attendanceHeaders[c]),
      rows: attendanceRows(record, write),
    },
    rtl,
  );
  addSheet(
    workbook,
    {
      name: sheets.speakingTime,
      headers: SPEAKING_COLUMNS.map((c) => speakingHeaders[c]),
      rows: speakingRows(record, words),
      formats: {
        [SPEAKING_COLUMNS.indexOf('speakingShare')]: '0.0%',
        [SPEAKING_COLUMNS.indexOf('participantShare')]: '0.0%',
        // Points, signed, with no % sign: the header names the unit.
        [SPEAKING_COLUMNS.indexOf('difference')]: '+0.0;-0.0;0.0',
      },
    },
    rtl,
  );
  addSheet(
    workbook,
    {
      name: words.consensus.sheet,
      headers: CHECK_COLUMNS.map((c) => words.consensus.checkHeaders[c]),
      rows: checkRows(record, write),
    },
    rtl,
  );
  const packed = Buffer.from(await workbook.xlsx.writeBuffer());
  return withEntryTimes(packed, record.meeting.asOf);
}
