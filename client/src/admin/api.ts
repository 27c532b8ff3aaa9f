import type {
  AgendaDocument,
  AgendaItem,
  CloneMeetingBody,
  CreateMeetingBody,
  ItemId,
  Meeting,
  MeetingSummary,
  ParticipantId,
  Role,
  UpdateMeetingBody,
} from '../../../shared';
import { apiRequest } from './http';

/**
 * The workspace's calls of the secretariat's HTTP API (docs/protocol.md), one typed function per
 * route. Every call takes the bearer token: the administrator's, or the participant's own join
 * token at /manage. Refusals are `ApiError`s (./http.ts).
 */

/** What the participant's token may do in its meeting now (from the permission table). */
export interface Abilities {
  /** meeting.configure: the settings and documents. */
  configure: boolean;
  /** participant.read: the participants table. */
  read: boolean;
  /** participant.manage: change, import, invite participants. */
  manage: boolean;
  /** meeting.archive. */
  archive: boolean;
}

/**
 * Answer of `GET /api/me`: who the token signs in, and whether e-mail can be sent (SMTP is set).
 * @example { caller: 'participant', meetingId: 'm_1', participantId: 'p_7', role: 'secretariat',
 *            view: false, mail: true, may: { configure: true, read: true, manage: true, archive: false } }
 */
export type Me =
  | { caller: 'admin'; mail: boolean }
  | {
      caller: 'participant';
      meetingId: string;
      participantId: ParticipantId;
      role: Role;
      view: boolean;
      mail: boolean;
      may: Abilities;
    };

/** A new meeting's (or clone's) chair: their join link, shown to the administrator once. */
export interface ChairLink {
  participantId: ParticipantId;
  token: string;
  joinUrl: string;
}

export const getMe = (token: string) => apiRequest<Me>(token, '/me');

export const listMeetings = (token: string) =>
  apiRequest<{ meetings: MeetingSummary[] }>(token, '/meetings').then((a) => a.meetings);

export const getMeeting = (token: string, meetingId: string) =>
  apiRequest<{ seq: number; meeting: Meeting }>(token, `/meetings/${encodeURIComponent(meetingId)}`).then(
    (a) => a.meeting,
  );

export const createMeeting = (token: string, body: CreateMeetingBody) =>
  apiRequest<{ meeting: Meeting; chair: ChairLink }>(token, '/meetings', { method: 'POST', body });

export const updateMeeting = (token: string, meetingId: string, body: UpdateMeetingBody) =>
  apiRequest<{ meeting: Meeting }>(token, `/meetings/${encodeURIComponent(meetingId)}`, {
    method: 'PATCH',
    body,
  }).then((a) => a.meeting);

export const cloneMeeting = (token: string, meetingId: string, body: CloneMeetingBody) =>
  apiRequest<{ meeting: Meeting; chair: ChairLink | null }>(
    token,
    `/meetings/${encodeURIComponent(meetingId)}/clone`,
    { method: 'POST', body },
  );

export const setDocuments = (token: string, meetingId: string, itemId: ItemId, documents: AgendaDocument[]) =>
  apiRequest<{ item: AgendaItem }>(
    token,
    `/meetings/${encodeURIComponent(meetingId)}/agenda/${encodeURIComponent(itemId)}/documents`,
    { method: 'PUT', body: { documents } },
  ).then((a) => a.item);
