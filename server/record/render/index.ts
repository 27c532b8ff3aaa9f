import type { Language, MeetingRecord } from '../../../shared';

/** The record's exports (docs/protocol.md, "The meeting record"): `GET /api/meetings/:id/<name>?lang=`. */
export const RECORD_EXPORTS = [
  'record.docx',
  'record.md',
  'interventions.csv',
  'attendance.csv',
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

/** Renders one export of the record with its headings in `lang`. */
export async function renderExport(
  name: RecordExport,
  record: MeetingRecord,
  lang: Language,
): Promise<RenderedExport> {
  throw new Error(`${name} of ${record.meeting.id} in ${lang}: the renderers are being built`);
}
