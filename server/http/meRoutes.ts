import type { Request, Response, Router } from 'express';
import { can, VIEWER } from '../../shared';
import type { MeetingService } from '../meeting/service';
import { sendError } from './errors';
import { actorOf } from './meetingAccess';

interface MeDeps {
  service: MeetingService;
  /** Whether invitations can go by e-mail (SMTP_URL is set). */
  mail: boolean;
}

/**
 * `GET /api/me`: who the token signs in and what the workspace may offer them, from the one
 * permission table against the meeting now (the client shows only what the server would accept).
 */
export function meRoutes(api: Router, { service, mail }: MeDeps): void {
  api.get('/me', async (req: Request, res: Response) => {
    const caller = req.caller!;
    if (caller.kind === 'admin') return res.json({ caller: 'admin', mail });
    const { claims } = caller;
    const { meetingId } = claims;
    const room = await service.ensureRoom(meetingId);
    if (!room) return sendError(res, 'not_found', 'the meeting of this link no longer exists');
    const meeting = room.state;
    const actor = claims.view ? VIEWER : actorOf(meeting, caller);
    if (!actor)
      return sendError(res, 'unauthorized', 'this link was replaced or withdrawn: use your latest link');
    res.json({
      caller: 'participant',
      meetingId,
      participantId: actor.id,
      role: actor.role,
      view: claims.view === true,
      mail,
      may: {
        configure: can(meeting, actor, 'meeting.configure'),
        read: can(meeting, actor, 'participant.read'),
        manage: can(meeting, actor, 'participant.manage'),
        archive: can(meeting, actor, 'meeting.archive'),
      },
    });
  });
}
