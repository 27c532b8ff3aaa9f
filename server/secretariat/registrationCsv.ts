import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  addParticipantSchema,
  CATEGORIES,
  type Category,
  type CsvSeparator,
  type ImportError,
  type ImportReason,
  invisibleInName,
  LANGUAGES,
  type Language,
  PARTICIPANT_QUOTA,
  REGIONS,
  type Region,
  type RegistrationField,
  type RegistrationRow,
  ROLES,
  type Role,
  RTO_CODES,
  type RtoCode,
} from '../../shared';

/**
 * Reads a registration list as spreadsheets write it (`POST /api/meetings/:id/participants/import`):
 * UTF-8 with or without BOM, `,` or `;` (Excel in French or Spanish settings) or tab between cells,
 * a header row naming the columns in any order and case. Values are taken as people type them
 * ("Member State", "Vice-Chair", "Africa", "Français") and each row is then validated with the same
 * schema as `POST …/participants`, so an imported participant is one the API would have accepted.
 */

/** The largest registration list read, in bytes (a few thousand rows; the route refuses more). */
export const REGISTRATION_CSV_MAX_BYTES = 1024 * 1024;

/** The columns of a registration list; the others are ignored. */
const FIELDS = [
  'name',
  'delegation',
  'role',
  'category',
  'region',
  'rto',
  'email',
  'lang',
] as const satisfies readonly RegistrationField[];
type Field = (typeof FIELDS)[number];
/** The columns whose values are looked up in a list (the others are text). */
type ListField = Extract<ImportReason, { code: 'unknown_value' }>['field'];
const REQUIRED = ['name', 'delegation'] as const satisfies readonly Field[];

/** What a header cell may say for each column, after `key()`. */
const HEADER_NAMES: Record<string, Field> = {
  ...Object.fromEntries(FIELDS.map((field) => [field, field])),
  'e mail': 'email', // "E-mail", "e_mail"…
  language: 'lang',
};

/** The result: the rows that can be imported and, by line, those that cannot (each with its reason). */
interface RegistrationCsv {
  rows: RegistrationRow[];
  errors: Required<ImportError>[];
}

/** Why something cannot be read: in English, and as a code for the client's words. */
interface Problem {
  message: string;
  reason: ImportReason;
}

/** A record as the parser gave it, with where it ends in the file (in bytes). */
interface RawRecord {
  cells: string[];
  end: number;
}

/**
 * Reads a registration list. Never throws for a bad file: a file that cannot be read at all gives
 * one error (on its header line or on the record that breaks it) and no rows; otherwise every row
 * is either in `rows` or has exactly one message in `errors`, with the line where it starts.
 */
export function readRegistrationCsv(input: string | Uint8Array): RegistrationCsv {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  const maxMiB = REGISTRATION_CSV_MAX_BYTES / 1024 / 1024;
  if (size > REGISTRATION_CSV_MAX_BYTES)
    return failed(1, `the file is larger than ${maxMiB} MiB: split the list`, { code: 'too_large', maxMiB });
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  if (isUtf16(bytes))
    return failed(
      1,
      'the file is UTF-16 text ("Unicode text" in Excel): in Excel save it as "CSV UTF-8", in LibreOffice ' +
        'choose the character set "Unicode (UTF-8)"',
      { code: 'utf16' },
    );
  const lines = new LineIndex(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  const notUtf8 = text.indexOf('\uFFFD');
  if (notUtf8 >= 0 && !isUtf8(bytes)) {
    const line = text.slice(0, notUtf8).split(/\r\n|\n|\r/).length;
    return failed(
      line,
      'the file is not UTF-8 text (this line has a character in another encoding): in Excel save it as ' +
        '"CSV UTF-8", in LibreOffice choose the character set "Unicode (UTF-8)"',
      { code: 'not_utf8' },
    );
  }
  const delimiter = detectDelimiter(text);
  const records: RawRecord[] = [];
  try {
    parse(bytes, {
      bom: true,
      delimiter,
      relax_quotes: false,
      relax_column_count: true, // a ragged row is that row's error, checked below, not the file's
      skip_empty_lines: true,
      trim: true,
      on_record: (cells, context) => {
        records.push({ cells, end: context.bytes });
        return null; // kept here with its position; the parser's own output is not needed
      },
    });
  } catch (error) {
    if (!isCsvError(error)) throw error;
    const start = records.at(-1)?.end ?? 0;
    const { message, reason } = csvProblem(error.code, delimiter);
    return failed(lines.lineAt(recordStart(bytes, start)), message, reason);
  }
  const located = records
    .map((record, index) => ({
      cells: record.cells,
      line: lines.lineAt(recordStart(bytes, index === 0 ? 0 : records[index - 1]!.end)),
    }))
    .filter((record) => record.cells.some((cell) => cell !== '')); // ";;;;" rows that Excel leaves
  const [header, ...body] = located;
  if (!header)
    return failed(1, `the file is empty: its first line names the columns, e.g. ${FIELDS.join(delimiter)}`, {
      code: 'empty_file',
      separator: separatorOf(delimiter),
    });
  const columns = readHeader(header.cells);
  if ('error' in columns) {
    const { message, reason } = columns.error(delimiter);
    return failed(header.line, message, reason);
  }
  if (body.length > PARTICIPANT_QUOTA.perMeeting) {
    const max = PARTICIPANT_QUOTA.perMeeting;
    return failed(
      body[max]!.line,
      `the file has ${body.length} rows: a meeting has at most ${max} participants`,
      { code: 'too_many_rows', rows: body.length, max },
    );
  }
  const result: RegistrationCsv = { rows: [], errors: [] };
  for (const { cells, line } of body) {
    const read = readRow(cells, filledWidth(header.cells), columns, delimiter);
    if ('error' in read) result.errors.push({ line, ...read.error });
    else result.rows.push({ line, ...read.row });
  }
  return result;
}

const failed = (line: number, message: string, reason: ImportReason): RegistrationCsv => ({
  rows: [],
  errors: [{ line, message, reason }],
});

/** The separator as a reason names it. */
const separatorOf = (delimiter: string): CsvSeparator =>
  delimiter === '\t' ? 'tab' : delimiter === ';' ? ';' : ',';

/** Where each column is, and how the file names it (for messages). */
type Columns = Map<Field, { index: number; label: string }>;

function readHeader(cells: string[]): Columns | { error: (delimiter: string) => Problem } {
  const columns: Columns = new Map();
  for (const [index, cell] of cells.entries()) {
    const field = Object.hasOwn(HEADER_NAMES, key(cell)) ? HEADER_NAMES[key(cell)] : undefined;
    if (!field) continue;
    if (columns.has(field))
      return {
        error: () => ({
          message: `the header has two "${field}" columns: keep one`,
          reason: { code: 'duplicate_column', column: field },
        }),
      };
    columns.set(field, { index, label: cell });
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length === 0) return columns;
  const named = missing.map((field) => `"${field}"`).join(' and ');
  return {
    error: (delimiter) => ({
      message:
        `the header has no ${named} column${missing.length > 1 ? 's' : ''}: the first line names the columns, ` +
        `e.g. ${FIELDS.join(delimiter)}`,
      reason: { code: 'missing_columns', columns: missing, separator: separatorOf(delimiter) },
    }),
  };
}

/** A readable value's canonical code, or why it is not one. */
type Reading<T> = { value: T } | { problem: string };

function readRow(
  cells: string[],
  width: number,
  columns: Columns,
  delimiter: string,
): { row: Omit<RegistrationRow, 'line'> } | { error: Problem } {
  // Trailing empty cells are harmless (spreadsheets add them); missing or extra data is not.
  const filled = filledWidth(cells);
  if (cells.length < width || filled > width) {
    const separator = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
    return {
      error: {
        message:
          `this row has ${cells.length} cells but the header has ${width}: check for a missing or extra ` +
          `${separator}, and put a cell that contains ${separator} in double quotes`,
        reason: { code: 'ragged_row', cells: cells.length, header: width, separator: separatorOf(delimiter) },
      },
    };
  }
  const cell = (field: Field) => {
    const at = columns.get(field);
    return at ? (cells[at.index] ?? '').trim() : ''; // `" "` in quotes is empty too
  };
  const label = (field: Field) => columns.get(field)?.label ?? field;
  const problems = new Map<Field, Problem>();
  const body: Record<string, unknown> = { name: cell('name'), delegation: cell('delegation') };
  const take = <T>(field: ListField, reading: Reading<T> | null) => {
    if (reading === null) return; // empty cell: absent, so an import never clears what is there
    if ('problem' in reading)
      problems.set(field, {
        message: `${label(field)}: "${shown(cell(field))}" ${reading.problem}`,
        reason: { code: 'unknown_value', field, column: label(field), value: shown(cell(field)) },
      });
    else body[field] = reading.value;
  };
  take('role', readOptional(cell('role'), readRole));
  take('category', readOptional(cell('category'), readCategory));
  take('region', readOptional(cell('region'), readRegion));
  take('rto', readOptional(cell('rto'), readRto));
  if (cell('email') !== '') body.email = cell('email'); // checked by the schema below
  take('lang', readOptional(cell('lang'), readLanguage));
  if (!('role' in body)) body.role = 'delegate'; // so the schema still checks the other columns
  const parsed = addParticipantSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((f) => f === issue.path[0]);
      if (field && !problems.has(field))
        problems.set(field, schemaProblem(issue, field, label(field), cell(field)));
    }
  }
  const first = FIELDS.find((field) => problems.has(field));
  if (first) return { error: problems.get(first)! };
  if (!parsed.success)
    return {
      error: {
        message: parsed.error.issues[0]?.message ?? 'this row cannot be read',
        reason: { code: 'unreadable_row' },
      },
    };
  // Without a role cell the row names no role: a new participant is a delegate, one already there keeps theirs.
  const { role, ...rest } = parsed.data;
  return { row: cell('role') === '' ? rest : { ...rest, role } };
}

/** How many cells a record has up to its last non-empty one. */
function filledWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === '') width--;
  return width;
}

function readOptional<T>(value: string, read: (value: string) => Reading<T>): Reading<T> | null {
  return value === '' ? null : read(value);
}

/** Case, spaces, hyphens and underscores do not matter: "Vice-Chair" = "vice chair" = "VICE_CHAIR". */
function key(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-‐–]+/gu, ' ')
    .trim();
}

const lookup =
  <T extends string>(table: Record<string, T>, problem: string) =>
  (value: string): Reading<T> => {
    const k = key(value);
    // Own keys only: "constructor" or "__proto__" in a cell is no value, not Object's own property.
    return Object.hasOwn(table, k) ? { value: table[k]! } : { problem };
  };

/** Each code, keyed as `key()` writes it. */
const codes = <T extends string>(list: readonly T[]): Record<string, T> =>
  Object.fromEntries(list.map((code) => [key(code), code]));

const readRole = lookup<Role>(
  { ...codes(ROLES), vicechair: 'vice-chair', 'rto spokesperson': 'spokesperson' },
  `is not a role (${orList(ROLES)})`,
);

const CATEGORY_NAMES: Record<Category, string> = {
  'member-state': 'Member State',
  'sector-member': 'Sector Member',
  associate: 'Associate',
  academia: 'Academia',
  rto: 'RTO',
  bdt: 'BDT',
  observer: 'Observer',
};
const readCategory = lookup<Category>(
  codes(CATEGORIES),
  `is not a category (${orList(CATEGORIES.map((c) => CATEGORY_NAMES[c]))})`,
);

const readRegion = lookup<Region>(
  {
    ...codes(REGIONS),
    'arab states': 'ARB',
    europe: 'EUR',
    'asia pacific': 'ASP',
    'asia and the pacific': 'ASP',
    'asia and pacific': 'ASP',
    americas: 'AMS',
    'the americas': 'AMS',
    africa: 'AFR',
    'commonwealth of independent states': 'CIS',
  },
  `is not a region: ${REGIONS.join(', ')}, or Arab States, Europe, Asia-Pacific, Americas, Africa, CIS`,
);

const readRto = lookup<RtoCode>(codes(RTO_CODES), `is not an RTO (${orList(RTO_CODES)})`);

const LANGUAGE_NAMES: Record<string, Language> = {
  ...codes(LANGUAGES),
  english: 'en',
  anglais: 'en',
  français: 'fr',
  francais: 'fr',
  french: 'fr',
  español: 'es',
  espanol: 'es',
  spanish: 'es',
  русский: 'ru',
  russian: 'ru',
  العربية: 'ar',
  arabic: 'ar',
  中文: 'zh',
  chinese: 'zh',
};
const readLanguage = (value: string): Reading<Language> => {
  const primary = key(value).split(' ')[0] ?? ''; // "fr-FR", "zh-Hans" → their language
  const found = LANGUAGE_NAMES[key(value)] ?? codes(LANGUAGES)[primary];
  return found
    ? { value: found }
    : {
        problem: `is not one of the six languages: ${LANGUAGES.join(', ')}, or English, Français, Español, Русский, العربية, 中文`,
      };
};

function orList(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** A cell quoted in a message: short enough to read in a list of errors. */
function shown(value: string): string {
  const chars = [...value];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : value;
}

/** One schema issue as the secretariat reads it, naming the column as the file does. */
function schemaProblem(issue: z.core.$ZodIssue, field: Field, label: string, value: string): Problem {
  const column = label;
  switch (issue.code) {
    case 'too_small':
      return {
        message: `${label} is empty: every row needs a name and a delegation`,
        reason: { code: 'empty', field, column },
      };
    case 'too_big':
      return {
        message: `${label} is longer than ${issue.maximum} characters`,
        reason: { code: 'too_long', field, column, max: Number(issue.maximum) },
      };
    case 'invalid_format':
      return {
        message: `${label}: "${shown(value)}" is ${issue.format === 'email' ? 'not an e-mail address' : issue.message}`,
        reason: { code: 'bad_value', field, column, value: shown(value) },
      };
    case 'custom': {
      // The name rules (shared/protocol/text.ts): an invisible character, or a pile of combining marks.
      if (field === 'name' || field === 'delegation') {
        const invisible = [...value].find((ch) => invisibleInName(ch) !== null);
        return {
          message: `${label}: ${issue.message}`,
          reason: invisible
            ? { code: 'invisible_character', field, column, codePoint: codePointOf(invisible) }
            : { code: 'combining_marks', field, column },
        };
      }
      return {
        message: `${label}: ${issue.message}`,
        reason: { code: 'bad_value', field, column, value: shown(value) },
      };
    }
    default:
      return {
        message: `${label}: ${issue.message}`,
        reason: { code: 'bad_value', field, column, value: shown(value) },
      };
  }
}

/** "U+202E", as the name rules' words write a character. */
const codePointOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a CSV syntax error means for someone who edits the file in a spreadsheet or a text editor. */
function csvProblem(code: string, delimiter: string): Problem {
  const separator = separatorOf(delimiter);
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        message: 'a cell opens a double quote (") that is never closed: close it, or remove it',
        reason: { code: 'csv_syntax', problem: 'unclosed_quote', separator },
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        message:
          'a double quote (") in the middle of a cell: put the whole cell in double quotes and write ' +
          'the quote twice (""), or remove it',
        reason: { code: 'csv_syntax', problem: 'stray_quote', separator },
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        message: `text after a cell's closing double quote ("): a quoted cell ends at its quote, before the next "${delimiter}"`,
        reason: { code: 'csv_syntax', problem: 'text_after_quote', separator },
      };
    default:
      return {
        message: `the file cannot be read as CSV here (${code}): save it again from the spreadsheet as CSV`,
        reason: { code: 'csv_syntax', problem: 'unreadable', separator },
      };
  }
}

/** csv-parse's errors (`CSV_QUOTE_NOT_CLOSED`, `INVALID_OPENING_QUOTE`…); anything else is a bug. */
function isCsvError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^(CSV_|INVALID_)/.test(error.code)
  );
}

/** A UTF-16 byte order mark (what Excel's "Unicode text" writes). */
const isUtf16 = (bytes: Uint8Array) =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cell separator, from the header line: `;` when it has more semicolons than commas (Excel
 * writes `;` where the decimal separator is a comma), a tab when it has more tabs, else `,`.
 * Separators inside double quotes do not count.
 */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.replace(/^\uFEFF/, '').replace(/^[\s]+/, '');
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Where a record starts: the parser reports where each record ends, and the next one starts at the
 * first byte after it that is not a blank line or leading blank (a skipped empty line is no record).
 */
function recordStart(bytes: Uint8Array, from: number): number {
  let at = from;
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0d || bytes[at] === 0x0a)
  )
    at++;
  return at;
}

/** Line numbers of byte offsets, counting `\r\n`, `\n` and a lone `\r` as one line break each. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** The 1-based line of `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
