import { parse } from 'csv-parse/sync';
import {
  addParticipantSchema,
  type ImportError,
  PARTICIPANT_QUOTA,
  type RegistrationRow,
} from '../../shared';

/**
 * A minimal reader of registration lists, so that the import route can be built and tested; the
 * full one (readable values such as "Member State", every check of the contract) is helper
 * "mail"'s and replaces this file at merge.
 */

const COLUMNS = ['name', 'delegation', 'role', 'category', 'region', 'rto', 'email', 'lang'] as const;

/** Reads a registration list: each row validated, or an error on its line (the header is line 1). */
export function readRegistrationCsv(input: string | Uint8Array): {
  rows: RegistrationRow[];
  errors: ImportError[];
} {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true });
  } catch (error) {
    return {
      rows: [],
      errors: [{ line: 1, message: `not a readable CSV file: ${(error as Error).message}` }],
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], errors: [{ line: 1, message: 'the file is empty' }] };
  const index = new Map(head.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = ['name', 'delegation', 'role'].filter((c) => !index.has(c));
  if (missing.length > 0)
    return { rows: [], errors: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  const rows: RegistrationRow[] = [];
  const errors: ImportError[] = [];
  if (body.length > PARTICIPANT_QUOTA.perMeeting)
    return { rows, errors: [{ line: 1, message: `at most ${PARTICIPANT_QUOTA.perMeeting} rows` }] };
  for (const [i, record] of body.entries()) {
    const line = i + 2; // (a cell over several lines shifts this: the full reader counts them)
    if (record.every((cell) => cell.trim() === '')) continue;
    const cells: Record<string, string> = {};
    for (const column of COLUMNS) {
      const value = record[index.get(column) ?? -1]?.trim();
      if (value) cells[column] = column === 'region' || column === 'rto' ? value.toUpperCase() : value;
    }
    const parsed = addParticipantSchema.safeParse(cells);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else
      errors.push({
        line,
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
  }
  return { rows, errors };
}
