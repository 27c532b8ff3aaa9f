import type { Request, Response } from 'express';
import {
  type Action,
  type Actor,
  ADMIN,
  can,
  type Meeting,
  type MeetingId,
  meetingIdSchema,
  type Participant,
  type ParticipantId,
  participantIdSchema,
} from '../../shared';
import type { MeetingRoom } from '../meeting/room';
import type { MeetingService } from '../meeting/service';
import type { Caller } from './auth';
import { sendError } from './errors';
import { idParam } from './params';

/** The meeting a `/meetings/:id/...` route names, and its room. */
export interface MeetingAccess {
  meetingId: MeetingId;
  room: MeetingRoom;
}

/** An action a route asks the permission table for, and the words of its `403 forbidden` if not. */
export interface Permission {
  action: Action;
  refusal: string;
}

/**
 * Finds the meeting a `/meetings/:id/...` route names, for a caller of that meeting (or the
 * administrator) who may do `may` there now; undefined once the refusal is sent (a malformed or
 * unknown id, a foreign token, an action the caller may not do). `fresh` brings the room up to the
 * store first: for a request naming something (a participant, an agenda item) that another process
 * may have stored a moment ago.
 */
export const meetingFinder =
  (service: MeetingService) =>
  async (
    req: Request,
    res: Response,
    { fresh = false, may }: { fresh?: boolean; may?: Permission } = {},
  ): Promise<MeetingAccess | undefined> => {
    const meetingId = idParam(meetingIdSchema, req.params.id);
    if (!meetingId) return void sendError(res, 'not_found', 'no such meeting');
    if (foreign(req.caller!, meetingId))
      return void sendError(res, 'forbidden', 'this token belongs to another meeting');
    // The meeting may be another process's, created a moment ago.
    const room = fresh ? await service.refresh(meetingId) : await service.ensureRoom(meetingId);
    if (!room) return void sendError(res, 'not_found', 'no such meeting');
    if (may && !callerMay(room.state, req.caller!, may, res)) return undefined;
    return { meetingId, room };
  };

/** What `meetingFinder` answers: the meeting, or undefined once the refusal is sent. */
export type FindMeeting = ReturnType<typeof meetingFinder>;

/**
 * The caller as an actor of the permission table: the administrator, or the participant record a
 * token of this meeting names (its role from the meeting, never from the token); null otherwise
 * (a view token, another meeting's token, a participant no longer there).
 */
export function actorOf(meeting: Meeting, caller: Caller): Actor | null {
  if (caller.kind === 'admin') return ADMIN;
  if (caller.claims.meetingId !== meeting.id || caller.claims.view) return null;
  return meeting.participants.find((p) => p.id === caller.claims.participantId) ?? null;
}

/**
 * Whether the caller may do `action` in the meeting now, by the permission table; if not, answers
 * `403 forbidden` with `refusal`. Asked before the body is read, so a caller who may not do it learns
 * nothing of what it takes; the decision asks again, with the finer rules.
 */
function callerMay(
  meeting: Meeting,
  caller: Caller,
  { action, refusal }: Permission,
  res: Response,
): boolean {
  const actor = actorOf(meeting, caller);
  if (actor && can(meeting, actor, action)) return true;
  sendError(res, 'forbidden', refusal);
  return false;
}

/** A participant token of another meeting: refused before telling whether this one exists. */
const foreign = (caller: Caller, meetingId: MeetingId) =>
  caller.kind === 'participant' && caller.claims.meetingId !== meetingId;

/** The `:participantId` of a route, or undefined (answered 404) when it is malformed. */
export function participantParam(req: Request, res: Response): ParticipantId | undefined {
  const id = idParam(participantIdSchema, req.params.participantId);
  if (!id) sendError(res, 'not_found', NO_SUCH_PARTICIPANT);
  return id;
}

/** A participant of the meeting now, or undefined (answered 404). */
export function participantIn(meeting: Meeting, id: ParticipantId, res: Response): Participant | undefined {
  const participant = meeting.participants.find((p) => p.id === id);
  if (!participant) sendError(res, 'not_found', NO_SUCH_PARTICIPANT);
  return participant;
}

const NO_SUCH_PARTICIPANT = 'no such participant in this meeting (they may have been removed)';
