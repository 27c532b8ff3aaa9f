import express, { type Request, type Response, type Router } from 'express';
import { addParticipantSchema, createMeetingSchema } from '../../shared';
import type { Invites } from '../auth/invites';
import type { TokenService } from '../auth/tokens';
import type { MeetingService } from '../meeting/service';
import { authenticate } from './auth';
import { sendError } from './errors';

interface ApiDeps {
  service: MeetingService;
  tokens: TokenService;
  invites: Invites;
}

/** The JSON API under /api: create meetings, add participants, read a meeting. */
export function apiRouter({ service, tokens, invites }: ApiDeps): Router {
  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.use(authenticate(tokens));

  api.post('/meetings', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator creates meetings');
    const body = createMeetingSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 'invalid', body.error.issues.map(issueText).join('; '));
    const { meeting, chair } = await service.createMeeting(body.data);
    res.status(201).json({ meeting, chair: await invites.for(meeting.id, chair) });
  });

  api.post('/meetings/:id/participants', async (req: Request, res: Response) => {
    const meetingId = String(req.params.id);
    const caller = req.caller!;
    // The meeting may be another process's, created a moment ago.
    await service.ensureRoom(meetingId);
    const mayManage =
      caller.kind === 'admin' ||
      (caller.claims.meetingId === meetingId && managerRole(service, meetingId, caller.claims.participantId));
    if (!mayManage)
      return sendError(res, 'forbidden', 'only the chair, the secretariat or the administrator');
    const body = addParticipantSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 'invalid', body.error.issues.map(issueText).join('; '));
    const result = await service.addParticipant(meetingId, body.data);
    if ('error' in result) {
      const error = result.error.ok ? undefined : result.error.error;
      return sendError(res, error?.code ?? 'unavailable', error?.message ?? 'not stored');
    }
    const invite = await invites.for(meetingId, result);
    res.status(201).json({ participant: result, token: invite.token, joinUrl: invite.joinUrl });
  });

  api.get('/meetings/:id/projector', async (req: Request, res: Response) => {
    const meetingId = String(req.params.id);
    const caller = req.caller!;
    // The meeting may be another process's, created a moment ago.
    await service.ensureRoom(meetingId);
    const mayManage =
      caller.kind === 'admin' ||
      (caller.claims.meetingId === meetingId && managerRole(service, meetingId, caller.claims.participantId));
    if (!mayManage)
      return sendError(res, 'forbidden', 'only the chair, the secretariat or the administrator');
    if (!(await service.ensureRoom(meetingId))) return sendError(res, 'not_found', 'no such meeting');
    res.json({ url: await invites.projector(meetingId) });
  });

  api.get('/meetings/:id', async (req: Request, res: Response) => {
    const meetingId = String(req.params.id);
    const caller = req.caller!;
    if (caller.kind === 'participant' && caller.claims.meetingId !== meetingId) {
      return sendError(res, 'forbidden', 'this token belongs to another meeting');
    }
    const room = await service.refresh(meetingId);
    if (!room) return sendError(res, 'not_found', 'no such meeting');
    res.json({ seq: room.seq, meeting: room.state });
  });

  return api;
}

function managerRole(service: MeetingService, meetingId: string, participantId: string): boolean {
  const participant = service.room(meetingId)?.state.participants.find((p) => p.id === participantId);
  return participant?.role === 'chair' || participant?.role === 'secretariat';
}

const issueText = (issue: { path: PropertyKey[]; message: string }) =>
  `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`;
