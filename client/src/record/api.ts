import type { Language, MeetingRecord, Proposal } from '../../../shared';
import { apiFetch, apiRequest } from '../admin/http';
import { fileNameOf } from '../admin/participants/download';
import type { CsvSeparator } from '../admin/participants/invitationsFile';

/**
 * The files the server exports from a meeting's record (`GET /api/meetings/:id/<file>?lang=`), in
 * the order the view offers them: the record for a report (Word, Markdown), the tables for a
 * spreadsheet (CSV, Excel), and the raw event log for an audit.
 */
export const RECORD_FILES = [
  'record.docx',
  'record.md',
  'interventions.csv',
  'attendance.csv',
  'checks.csv',
  'record.xlsx',
  'events.jsonl',
] as const;
export type RecordFile = (typeof RECORD_FILES)[number];

/** The files whose cells a separator divides (`?delimiter=`); the server refuses it on the others. */
export const isCsvFile = (file: RecordFile): boolean =>
  file === 'interventions.csv' || file === 'attendance.csv' || file === 'checks.csv';

/** A downloaded file, named as the server's `Content-Disposition` names it. */
interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * The record's HTTP calls for one meeting, with the participant's bearer token. Each answers its
 * value or throws the `ApiError` of admin/http.ts (status 0 when the server could not be reached).
 */
export interface RecordApi {
  /** `GET /api/meetings/:id/record`: the record as of its last event. */
  load(signal?: AbortSignal): Promise<MeetingRecord>;
  /** One export, with its headings in `lang`; a CSV one with its cells divided by `separator` (default comma). */
  download(file: RecordFile, lang: Language, separator?: CsvSeparator): Promise<DownloadedFile>;
  /** `POST /api/meetings/:id/summary`: a new draft of the chair's summary (a text of kind `chair-summary`). */
  draftSummary(lang: Language): Promise<Proposal>;
}

/**
 * The record's API of meeting `meetingId`, through the workspace's `apiFetch` (same errors, same
 * token handling).
 *
 * @example
 * const api = recordApi('m_irm1', room.token);
 * const { blob, fileName } = await api.download('record.docx', 'fr');
 */
export function recordApi(meetingId: string, token: string): RecordApi {
  const base = `/meetings/${encodeURIComponent(meetingId)}`;
  return {
    load: (signal) => apiRequest<MeetingRecord>(token, `${base}/record`, signal ? { signal } : {}),
    download: async (file, lang, separator = 'comma') => {
      const delimiter = isCsvFile(file) ? `&delimiter=${separator}` : '';
      const res = await apiFetch(token, `${base}/${file}?lang=${encodeURIComponent(lang)}${delimiter}`);
      return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition'), file) };
    },
    draftSummary: async (lang) => {
      const answer = await apiRequest<{ proposal: Proposal }>(token, `${base}/summary`, {
        method: 'POST',
        body: { lang },
      });
      return answer.proposal;
    },
  };
}
