import { assertNever, type Language, type MeetingRecord } from '../../../shared';
import { attendanceCsv, type CsvDelimiter, checksCsv, interventionsCsv } from './csv';
import { recordDocx } from './docx';
import { exportFileName } from './fileName';
import { recordMarkdown } from './markdown';
import { recordOutline } from './outline';
import { RECORD_WORDS } from './words';
import { recordWorkbook } from './xlsx';

/** The record's exports (docs/protocol.md, "The meeting record"): `GET /api/meetings/:id/<name>?lang=`. */
export const RECORD_EXPORTS = [
  'record.docx',
  'record.md',
  'interventions.csv',
  'attendance.csv',
  'checks.csv',
  'record.xlsx',
] as const;
export type RecordExport = (typeof RECORD_EXPORTS)[number];

/** An export, ready to send. */
export interface RenderedExport {
  body: Buffer;
  /** With its charset where it is text, e.g. `text/csv; charset=utf-8`. */
  contentType: string;
  /** For Content-Disposition, e.g. `IRM-1 record.docx` (the route makes it safe for the header). */
  fileName: string;
}

/** How an export is written beyond its language; each option applies to some exports only. */
export interface ExportOptions {
  /** Between the cells of the CSV files (default `,`); the others ignore it. */
  delimiter?: CsvDelimiter;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Renders one export of the record with its headings in `lang`. Every export is a pure function of
 * the record, the language and `options` (the Office files included: their dates are the record's
 * `asOf`), and takes time linear in the record's size.
 *
 * @example
 * const { body, contentType, fileName } = await renderExport('record.docx', record, 'fr');
 * // fileName: "IRM-1 for WTDC-25 compte rendu.docx"
 */
export async function renderExport(
  name: RecordExport,
  record: MeetingRecord,
  lang: Language,
  { delimiter = ',' }: ExportOptions = {},
): Promise<RenderedExport> {
  const words = RECORD_WORDS[lang];
  const file = (what: string, extension: string) => exportFileName(record.meeting.title, what, extension);
  switch (name) {
    case 'record.md':
      return {
        body: Buffer.from(recordMarkdown(recordOutline(record, words), words.labelEnd), 'utf8'),
        contentType: 'text/markdown; charset=utf-8',
        fileName: file(words.fileSuffix.record, 'md'),
      };
    case 'record.docx':
      return {
        body: await recordDocx(recordOutline(record, words), {
          labelEnd: words.labelEnd,
          dir: words.dir,
          language: words.documentLanguage,
          asOf: record.meeting.asOf,
        }),
        contentType: DOCX,
        fileName: file(words.fileSuffix.record, 'docx'),
      };
    case 'interventions.csv':
      return {
        body: Buffer.from(interventionsCsv(record, words, delimiter), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        fileName: file(words.fileSuffix.interventions, 'csv'),
      };
    case 'attendance.csv':
      return {
        body: Buffer.from(attendanceCsv(record, words, delimiter), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        fileName: file(words.fileSuffix.attendance, 'csv'),
      };
    case 'checks.csv':
      return {
        body: Buffer.from(checksCsv(record, words, delimiter), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        fileName: file(words.consensus.fileSuffix, 'csv'),
      };
    case 'record.xlsx':
      return {
        body: await recordWorkbook(record, words),
        contentType: XLSX,
        fileName: file(words.fileSuffix.record, 'xlsx'),
      };
    default:
      return assertNever(name);
  }
}
