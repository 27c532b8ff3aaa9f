import { stringify } from 'csv-stringify/sync';
import type { MeetingRecord } from '../../../shared';
import { attendanceRows, type Cell, checkRows, interventionRows, MACHINE_CODES } from './rows';
import { CHECK_COLUMNS } from './words/consensusTypes';
import { ATTENDANCE_COLUMNS, INTERVENTION_COLUMNS, type RecordWords } from './words/types';

/**
 * Between cells: `,` (the default), or `;` for Excel in French, Spanish or Russian settings, which
 * splits a file it opens on ";" (the decimal comma takes ","). A cell holding it is quoted either way.
 */
export type CsvDelimiter = ',' | ';';

/**
 * A CSV file as the secretariat's other exports write it (server/secretariat/invitationsCsv.ts):
 * UTF-8 with a BOM (so Excel reads accents and scripts right), CRLF line ends, a header row. Names
 * and titles come from whoever typed them, and a spreadsheet runs a cell starting with `=`, `+`,
 * `-` or `@` (or a tab or CR before one) as a formula: such cells get a leading `'`, which makes
 * them text (`escape_formulas`; OWASP, "CSV Injection"). Yes/no cells are `true`/`false`, empty
 * cells empty.
 */
function csv(headers: string[], rows: Cell[][], delimiter: CsvDelimiter): string {
  return stringify(rows, {
    bom: true,
    header: true,
    delimiter,
    columns: headers.map((header, i) => ({ key: String(i), header })),
    record_delimiter: '\r\n',
    quote_record_delimiter: true, // a cell with a line break is quoted, not split into two rows
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/**
 * `interventions.csv`: one row per intervention (see `interventionRows`), the header in `words`'
 * language. Kinds and regions are machine codes (`point_of_order`, `AFR`), times ZonedTime strings
 * and durations seconds, so a script reads every language's file the same way; cells separated by
 * `delimiter`.
 */
export const interventionsCsv = (
  record: MeetingRecord,
  words: RecordWords,
  delimiter: CsvDelimiter = ',',
): string =>
  csv(
    INTERVENTION_COLUMNS.map((column) => words.interventionHeaders[column]),
    interventionRows(record, MACHINE_CODES),
    delimiter,
  );

/**
 * `attendance.csv`: one row per connection, one for a participant who never connected (see
 * `attendanceRows`), the header in `words`' language; roles, categories and regions as machine codes;
 * cells separated by `delimiter`.
 */
export const attendanceCsv = (
  record: MeetingRecord,
  words: RecordWords,
  delimiter: CsvDelimiter = ',',
): string =>
  csv(
    ATTENDANCE_COLUMNS.map((column) => words.attendanceHeaders[column]),
    attendanceRows(record, MACHINE_CODES),
    delimiter,
  );

/**
 * `checks.csv`: one row per call for objections or silence procedure (see `checkRows`), the header
 * in `words`' language; procedures and outcomes as machine codes (`room`, `silence`; `agreed`,
 * `objected`, `open` while it runs); cells separated by `delimiter`.
 */
export const checksCsv = (record: MeetingRecord, words: RecordWords, delimiter: CsvDelimiter = ','): string =>
  csv(
    CHECK_COLUMNS.map((column) => words.consensus.checkHeaders[column]),
    checkRows(record, MACHINE_CODES),
    delimiter,
  );
