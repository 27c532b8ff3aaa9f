import { stringify } from 'csv-stringify/sync';
import type { Language, Role } from '../../shared';

/**
 * A minimal writer of the invitations list for a mail merge, so that the route can be built and
 * tested; helper "mail"'s version replaces this file at merge.
 */

/** One participant's line: who, where to write, and the link that signs them in. */
export interface InvitationRow {
  name: string;
  delegation: string;
  email: string | null;
  role: Role;
  lang: Language | null;
  joinUrl: string;
}

/** A cell a spreadsheet would run as a formula starts with one of these: it gets a leading quote. */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** The list as CSV: UTF-8 with a BOM (so Excel reads it as such), CRLF, one header line. */
export function invitationsCsv(rows: InvitationRow[]): string {
  const records = rows.map((r) =>
    [r.name, r.delegation, r.email ?? '', r.role, r.lang ?? '', r.joinUrl].map(inert),
  );
  return `\uFEFF${stringify([['name', 'delegation', 'email', 'role', 'lang', 'joinUrl'], ...records], { record_delimiter: '\r\n' })}`;
}
