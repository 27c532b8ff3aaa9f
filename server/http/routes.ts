import express, { type Request, type Response, type Router } from 'express';
import {
  addParticipant,
  addParticipantSchema,
  can,
  createMeetingSchema,
  meetingIdSchema,
  type ParticipantId,
  withoutContacts,
} from '../../shared';
import type { Invites } from '../auth/invites';
import type { TokenService } from '../auth/tokens';
import type { MeetingService } from '../meeting/service';
import type { Logger } from '../observability/logger';
import { recordRoutes } from '../record/recordRoutes';
import type { RenderPool } from '../record/renderPool';
import type { Mailer } from '../secretariat/mailer';
import type { MeetingStore } from '../store/types';
import { authenticate } from './auth';
import { parseBody } from './body';
import { BulkGate } from './bulkGate';
import { sendError } from './errors';
import { importRoutes } from './importRoutes';
import { invitationRoutes } from './invitationRoutes';
import { actorOf, meetingFinder } from './meetingAccess';
import { meetingsRoutes } from './meetingsRoutes';
import { meRoutes } from './meRoutes';
import { idParam } from './params';
import { participantsRoutes } from './participantsRoutes';
import type { HttpReadBudget } from './readBudget';
import { submitAs } from './submit';

interface ApiDeps {
  service: MeetingService;
  tokens: TokenService;
  invites: Invites;
  /** Bytes of meeting reads per participant and per meeting (./readBudget.ts). */
  reads: HttpReadBudget;
  /** Sends invitations by e-mail; undefined when SMTP_URL is unset. */
  mailer: Mailer | undefined;
  /** The room's address (PUBLIC_URL, else the one it listens on). */
  roomUrl: () => string;
  log: Logger;
  /** The store's events of a meeting, page by page: the record's fold and the raw log read them. */
  readEvents: MeetingStore['readEvents'];
  /** The worker thread the record's exports are rendered in; the app closes it. */
  renders: RenderPool;
}

/**
 * The JSON API under /api: create and read meetings, add participants, links; and the secretariat's
 * API (docs/protocol.md, "The secretariat's API"), one file per subject.
 */
export function apiRouter({
  service,
  tokens,
  invites,
  reads,
  mailer,
  roomUrl,
  log,
  readEvents,
  renders,
}: ApiDeps): Router {
  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.use(authenticate(tokens, service));
  const meetingOf = meetingFinder(service);

  api.post('/meetings', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator creates meetings');
    const body = parseBody(createMeetingSchema, req.body, res);
    if (!body) return;
    const { meeting, chair } = await service.createMeeting(body);
    res.status(201).json({ meeting: withoutContacts(meeting), chair: await invites.for(meeting.id, chair) });
  });

  api.post('/meetings/:id/participants', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res);
    if (!found) return;
    const { meetingId, room } = found;
    const actor = actorOf(room.state, req.caller!);
    if (!actor || !can(room.state, actor, 'participant.add'))
      return sendError(res, 'forbidden', 'only the chair, the secretariat or the administrator');
    const body = parseBody(addParticipantSchema, req.body, res);
    if (!body) return;
    // The appointments (a chair, a vice-chair), the quota and the e-mail address are the decision's.
    let added: ParticipantId | undefined;
    const stored = await submitAs(room, req.caller!, res, (meeting, as, ctx) => {
      const decision = addParticipant(meeting, body, ctx, as);
      if (decision.ok)
        for (const event of decision.events)
          if (event.type === 'participant.added') added = event.participant.id;
      return decision;
    });
    if (!stored) return;
    const participant = room.state.participants.find((p) => p.id === added);
    if (!participant) return sendError(res, 'conflict', 'the participant was removed meanwhile');
    const invite = await invites.for(meetingId, participant);
    res.status(201).json({ participant, token: invite.token, joinUrl: invite.joinUrl });
  });

  api.get('/meetings/:id/projector', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res);
    if (!found) return;
    const { meetingId, room } = found;
    const actor = actorOf(room.state, req.caller!);
    if (!actor || !can(room.state, actor, 'meeting.projectorLink'))
      return sendError(res, 'forbidden', 'only the presiding officer, the secretariat or the administrator');
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

  meRoutes(api, { service, mail: mailer !== undefined });
  meetingsRoutes(api, { service, invites, meetingOf });
  participantsRoutes(api, { invites, reads, meetingOf });
  // Registration lists and lists of join links share one gate: both are work in proportion to a list.
  const gate = new BulkGate();
  importRoutes(api, { meetingOf, gate });
  invitationRoutes(api, { invites, meetingOf, mailer, roomUrl, log, gate });
  recordRoutes(api, { meetingOf, reads, gate, readEvents, renders, log });

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
    // E-mail addresses are for GET …/participants (participant.read), never for the room.
    reads.send(res, caller, meetingId, { seq: room.seq, meeting: withoutContacts(room.state) });
  });

  return api;
}
