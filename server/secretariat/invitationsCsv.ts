import { stringify } from 'csv-stringify/sync';
import type { Language, Role } from '../../shared';

/** One line of `GET /api/meetings/:id/invitations.csv`: a participant and their personal link. */
export interface InvitationRow {
  name: string;
  delegation: string;
  email: string | null;
  role: Role;
  lang: Language | null;
  joinUrl: string;
}

const COLUMNS = [
  'name',
  'delegation',
  'email',
  'role',
  'lang',
  'joinUrl',
] as const satisfies readonly (keyof InvitationRow)[];

/** How the file is written. */
export interface InvitationsCsvOptions {
  /**
   * Between cells: `,` (the default), or `;` for Excel in French or Spanish settings, which splits
   * a file it opens on ";" (the decimal comma takes ","). A cell holding it is quoted either way.
   */
  delimiter?: ',' | ';';
}

/**
 * The invitations of a meeting as a CSV file for a mail merge: UTF-8 with a BOM (so Excel reads
 * accents and scripts right), CRLF line ends, a header row, one participant a line.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as a
 * formula, and names and delegations come from whoever registered: such cells get a leading `'`,
 * which makes them text (`escape_formulas`; OWASP, "CSV Injection").
 */
export function invitationsCsv(
  rows: InvitationRow[],
  { delimiter = ',' }: InvitationsCsvOptions = {},
): string {
  return stringify(
    rows.map((row) => COLUMNS.map((column) => row[column] ?? '')),
    {
      bom: true,
      header: true,
      delimiter,
      columns: [...COLUMNS],
      record_delimiter: '\r\n',
      quote_record_delimiter: true, // a cell with a line break is quoted, not split into two rows
      escape_formulas: true,
    },
  );
}
