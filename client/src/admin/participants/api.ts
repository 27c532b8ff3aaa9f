import type {
  AddParticipantBody,
  ImportResult,
  InvitationsResult,
  Meeting,
  ParticipantRecord,
  Role,
  UpdateParticipantBody,
} from '../../../../shared';
import { apiFetch, apiRequest } from '../http';
import type { CsvSeparator } from './invitationsFile';

/**
 * The calls of the participants tab (docs/protocol.md, "The secretariat's API"), each with a
 * deadline: a hung answer must not hold the one refresh in flight for ever.
 */

const DEADLINE_MS = 20_000;

/** Who holds the workspace's token (`GET /api/me`). */
export type Me =
  | { caller: 'admin'; mail: boolean }
  | { caller: 'participant'; meetingId: string; participantId: string; role: Role; mail: boolean };

/** A join link as the server hands it out (`…/invite`, `…/reissue`, `POST …/participants`). */
export interface JoinLink {
  token: string;
  joinUrl: string;
}

const withDeadline = (signal?: AbortSignal): AbortSignal =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(DEADLINE_MS)]) : AbortSignal.timeout(DEADLINE_MS);

export function participantsApi(token: string, meetingId: string) {
  const base = `/meetings/${encodeURIComponent(meetingId)}`;
  const one = (participantId: string) => `${base}/participants/${encodeURIComponent(participantId)}`;
  return {
    me: () => apiRequest<Me>(token, '/me', { signal: withDeadline() }),
    /** The meeting without contacts: its time zone for times on screen, and the permission table's state. */
    meeting: () =>
      apiRequest<{ meeting: Meeting }>(token, base, { signal: withDeadline() }).then((r) => r.meeting),
    list: (signal?: AbortSignal) =>
      apiRequest<{ participants: ParticipantRecord[]; formerParticipants: ParticipantRecord[] }>(
        token,
        `${base}/participants`,
        { signal: withDeadline(signal) },
      ),
    add: (body: AddParticipantBody) =>
      apiRequest<{ participant: ParticipantRecord } & JoinLink>(token, `${base}/participants`, {
        method: 'POST',
        body,
        signal: withDeadline(),
      }),
    update: (participantId: string, body: UpdateParticipantBody) =>
      apiRequest<{ participant: ParticipantRecord }>(token, one(participantId), {
        method: 'PATCH',
        body,
        signal: withDeadline(),
      }),
    remove: (participantId: string) =>
      apiRequest<{ removed: string }>(token, one(participantId), {
        method: 'DELETE',
        signal: withDeadline(),
      }),
    invite: (participantId: string) =>
      apiRequest<JoinLink>(token, `${one(participantId)}/invite`, { signal: withDeadline() }),
    reissue: (participantId: string) =>
      apiRequest<{ participant: ParticipantRecord } & JoinLink>(token, `${one(participantId)}/reissue`, {
        method: 'POST',
        signal: withDeadline(),
      }),
    /** The preview (`dryRun`) or the import itself of a registration list's text. */
    importCsv: (csv: string, dryRun: boolean) =>
      apiRequest<ImportResult>(token, `${base}/participants/import${dryRun ? '?dryRun=1' : ''}`, {
        method: 'POST',
        body: csv,
        contentType: 'text/csv',
        signal: withDeadline(),
      }),
    /** Everyone's join links as CSV, or (`participantIds`) those of these participants. */
    invitationsCsv: (options: { participantIds?: string[] | undefined; separator: CsvSeparator }) => {
      const query = [
        // Ids are letters, digits and "_": the commas between them stay as they are, to keep the address short.
        ...(options.participantIds
          ? [`participantIds=${options.participantIds.map(encodeURIComponent).join(',')}`]
          : []),
        `delimiter=${options.separator}`,
      ].join('&');
      return apiFetch(token, `${base}/invitations.csv?${query}`, { signal: withDeadline() });
    },
    /** Sends invitations by e-mail; sending to hundreds takes a while, so no short deadline here. */
    sendInvitations: (participantIds?: string[]) =>
      apiRequest<InvitationsResult>(token, `${base}/invitations`, {
        method: 'POST',
        body: participantIds ? { participantIds } : {},
      }),
  };
}

export type ParticipantsApi = ReturnType<typeof participantsApi>;
