import type { Request, Response, Router } from 'express';
import {
  handlingRefusal,
  type ParticipantId,
  type ParticipantRecord,
  reissueLink,
  removeParticipant,
  updateParticipant,
  updateParticipantSchema,
} from '../../shared';
import type { Invites } from '../auth/invites';
import { parseBody } from './body';
import {
  actorOf,
  type FindMeeting,
  type MeetingAccess,
  type Permission,
  participantIn,
  participantParam,
} from './meetingAccess';
import type { HttpReadBudget } from './readBudget';
import { sendRefusal, submitAs } from './submit';

interface ParticipantsDeps {
  invites: Invites;
  reads: HttpReadBudget;
  meetingOf: FindMeeting;
}

const READ: Permission = {
  action: 'participant.read',
  refusal: 'only the chair, the vice-chairs, the secretariat or the administrator read the participants',
};
const MANAGE: Permission = {
  action: 'participant.manage',
  refusal: 'only the secretariat or the administrator manages participants',
};

/**
 * The participants table of the secretariat (and, to read, of the chair and vice-chairs): with
 * their e-mail addresses, which nothing else the server sends carries; changes, removals, links.
 */
export function participantsRoutes(api: Router, { invites, reads, meetingOf }: ParticipantsDeps): void {
  /**
   * The meeting and the `:participantId` a route names, for a caller who manages participants;
   * undefined once the refusal is sent.
   */
  const managed = async (
    req: Request,
    res: Response,
  ): Promise<(MeetingAccess & { participantId: ParticipantId }) | undefined> => {
    const found = await meetingOf(req, res, { fresh: true, may: MANAGE });
    if (!found) return undefined;
    const participantId = participantParam(req, res);
    return participantId ? { ...found, participantId } : undefined;
  };

  api.get('/meetings/:id/participants', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: READ });
    if (!found) return;
    const { meetingId, room } = found;
    const { participants, formerParticipants } = room.state;
    const table: { participants: ParticipantRecord[]; formerParticipants: ParticipantRecord[] } = {
      participants,
      formerParticipants,
    };
    // A table of two thousand is a few hundred kilobytes: it counts against the read budget.
    reads.send(res, req.caller!, meetingId, table);
  });

  api.patch('/meetings/:id/participants/:participantId', async (req: Request, res: Response) => {
    const target = await managed(req, res);
    if (!target) return;
    const { room, participantId } = target;
    const body = parseBody(updateParticipantSchema, req.body, res);
    if (!body) return;
    const stored = await submitAs(room, req.caller!, res, (meeting, as) =>
      updateParticipant(meeting, as, participantId, body),
    );
    if (!stored) return;
    const participant = participantIn(room.state, participantId, res);
    if (participant) res.json({ participant });
  });

  api.delete('/meetings/:id/participants/:participantId', async (req: Request, res: Response) => {
    const target = await managed(req, res);
    if (!target) return;
    const { room, participantId } = target;
    const stored = await submitAs(room, req.caller!, res, (meeting, as, ctx) =>
      removeParticipant(meeting, as, participantId, ctx),
    );
    if (stored) res.json({ removed: participantId });
  });

  // The current link, to copy or show as a QR code: the same token until the link is reissued.
  api.get('/meetings/:id/participants/:participantId/invite', async (req: Request, res: Response) => {
    const target = await managed(req, res);
    if (!target) return;
    const { meetingId, room, participantId } = target;
    const participant = participantIn(room.state, participantId, res);
    if (!participant) return;
    // A chair's or vice-chair's link signs in someone who can preside: for whoever appoints them.
    const actor = actorOf(room.state, req.caller!);
    const refusal = actor && handlingRefusal(room.state, actor, participant);
    if (!actor || refusal) return sendRefusal(res, refusal ?? { code: 'forbidden', message: MANAGE.refusal });
    res.json(await invites.for(meetingId, participant));
  });

  api.post('/meetings/:id/participants/:participantId/reissue', async (req: Request, res: Response) => {
    const target = await managed(req, res);
    if (!target) return;
    const { meetingId, room, participantId } = target;
    const stored = await submitAs(room, req.caller!, res, (meeting, as, ctx) =>
      reissueLink(meeting, as, participantId, ctx),
    );
    if (!stored) return;
    // Signed with the version just stored: every earlier link is refused from now on.
    const participant = participantIn(room.state, participantId, res);
    if (!participant) return;
    const { token, joinUrl } = await invites.for(meetingId, participant);
    res.json({ participant, token, joinUrl });
  });
}
