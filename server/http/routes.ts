import express, { type Request, type Response, type Router } from 'express';
import {
  type Actor,
  ADMIN,
  addParticipantAction,
  addParticipantSchema,
  can,
  createMeetingSchema,
  type Meeting,
  type MeetingId,
  meetingIdSchema,
} from '../../shared';
import type { Invites } from '../auth/invites';
import type { TokenService } from '../auth/tokens';
import type { MeetingRoom } from '../meeting/room';
import type { MeetingService } from '../meeting/service';
import { authenticate, type Caller } from './auth';
import { sendError } from './errors';
import { idParam } from './params';
import type { HttpReadBudget } from './readBudget';

interface ApiDeps {
  service: MeetingService;
  tokens: TokenService;
  invites: Invites;
  /** Bytes of meeting reads per participant and per meeting (./readBudget.ts). */
  reads: HttpReadBudget;
}

/** The JSON API under /api: create meetings, add participants, read a meeting. */
export function apiRouter({ service, tokens, invites, reads }: ApiDeps): Router {
  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.use(authenticate(tokens, service));

  /**
   * The meeting a `/meetings/:id/...` route names, for a caller of that meeting (or the
   * administrator); undefined once the refusal is sent (a malformed or unknown id, a foreign token).
   */
  async function meetingOf(
    req: Request,
    res: Response,
  ): Promise<{ meetingId: MeetingId; room: MeetingRoom } | undefined> {
    const meetingId = idParam(meetingIdSchema, req.params.id);
    if (!meetingId) return void sendError(res, 'not_found', 'no such meeting');
    if (foreign(req.caller!, meetingId))
      return void sendError(res, 'forbidden', 'this token belongs to another meeting');
    // The meeting may be another process's, created a moment ago.
    const room = await service.ensureRoom(meetingId);
    if (!room) return void sendError(res, 'not_found', 'no such meeting');
    return { meetingId, room };
  }

  api.post('/meetings', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator creates meetings');
    const body = createMeetingSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 'invalid', body.error.issues.map(issueText).join('; '));
    const { meeting, chair } = await service.createMeeting(body.data);
    res.status(201).json({ meeting, chair: await invites.for(meeting.id, chair) });
  });

  api.post('/meetings/:id/participants', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res);
    if (!found) return;
    const { meetingId, room } = found;
    const actor = actorOf(room.state, req.caller!);
    if (!actor || !can(room.state, actor, 'participant.add'))
      return sendError(res, 'forbidden', 'only the chair, the secretariat or the administrator');
    const body = addParticipantSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 'invalid', body.error.issues.map(issueText).join('; '));
    const appointment = addParticipantAction(body.data.role);
    if (appointment !== 'participant.add' && !can(room.state, actor, appointment))
      return sendError(res, 'forbidden', REFUSED[appointment]);
    const result = await service.addParticipant(meetingId, body.data);
    if ('error' in result) {
      const error = result.error.ok ? undefined : result.error.error;
      return sendError(res, error?.code ?? 'unavailable', error?.message ?? 'not stored');
    }
    const invite = await invites.for(meetingId, result);
    res.status(201).json({ participant: result, token: invite.token, joinUrl: invite.joinUrl });
  });

  api.get('/meetings/:id/projector', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res);
    if (!found) return;
    const { meetingId, room } = found;
    const actor = actorOf(room.state, req.caller!);
    if (!actor || !can(room.state, actor, 'meeting.projectorLink'))
      return sendError(res, 'forbidden', REFUSED['meeting.projectorLink']);
    res.json({ url: await invites.projector(meetingId) });
  });

  // Every participant's sign-in link, for the operator (and for tests, which must not read them out
  // of the human start-up banner): the administrator only, since each link signs someone in.
  api.get('/meetings/:id/links', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator reads every join link');
    const meetingId = idParam(meetingIdSchema, req.params.id);
    // The meeting may be another process's, created a moment ago.
    const room = meetingId && (await service.ensureRoom(meetingId));
    if (!meetingId || !room) return sendError(res, 'not_found', 'no such meeting');
    const links = [];
    for (const p of room.state.participants) {
      const { token, joinUrl } = await invites.for(meetingId, p);
      links.push({ participantId: p.id, role: p.role, delegation: p.delegation, token, joinUrl });
    }
    res.json({ links, projector: await invites.projector(meetingId) });
  });

  api.get('/meetings/:id', async (req: Request, res: Response) => {
    const meetingId = idParam(meetingIdSchema, req.params.id);
    if (!meetingId) return sendError(res, 'not_found', 'no such meeting');
    const caller = req.caller!;
    if (caller.kind === 'participant' && caller.claims.meetingId !== meetingId) {
      return sendError(res, 'forbidden', 'this token belongs to another meeting');
    }
    if (reads.refused(res, caller, meetingId)) return;
    const room = await service.refresh(meetingId);
    if (!room) return sendError(res, 'not_found', 'no such meeting');
    reads.send(res, caller, meetingId, { seq: room.seq, meeting: room.state });
  });

  return api;
}

/**
 * The caller as an actor of the permission table: the administrator, or the participant record a
 * token of this meeting names (its role from the meeting, never from the token); null otherwise.
 */
function actorOf(meeting: Meeting, caller: Caller): Actor | null {
  if (caller.kind === 'admin') return ADMIN;
  if (caller.claims.meetingId !== meeting.id || caller.claims.view) return null;
  return meeting.participants.find((p) => p.id === caller.claims.participantId) ?? null;
}

/** A participant token of another meeting: refused before telling whether this one exists. */
const foreign = (caller: Caller, meetingId: MeetingId) =>
  caller.kind === 'participant' && caller.claims.meetingId !== meetingId;

/** Refusals of the edge actions, in the table's words (shared/domain/permissions.ts). */
const REFUSED: Record<
  'participant.appointChair' | 'participant.appointViceChair' | 'meeting.projectorLink',
  string
> = {
  'participant.appointChair': 'only the administrator appoints a chair',
  'participant.appointViceChair': 'only the administrator or the chair appoints a vice-chair',
  'meeting.projectorLink': 'only the presiding officer, the secretariat or the administrator',
};

const issueText = (issue: { path: PropertyKey[]; message: string }) =>
  `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`;
