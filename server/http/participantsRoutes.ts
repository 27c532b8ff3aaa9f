import type { Request, Response, Router } from 'express';
import {
  type ParticipantRecord,
  reissueLink,
  removeParticipant,
  updateParticipant,
  updateParticipantSchema,
} from '../../shared';
import type { Invites } from '../auth/invites';
import { parseBody } from './body';
import { callerMay, type FindMeeting, participantIn, participantParam } from './meetingAccess';
import type { HttpReadBudget } from './readBudget';
import { submitAs } from './submit';

interface ParticipantsDeps {
  invites: Invites;
  reads: HttpReadBudget;
  meetingOf: FindMeeting;
}

const MANAGERS_ONLY = 'only the secretariat or the administrator manages participants';
const READERS_ONLY =
  'only the chair, the vice-chairs, the secretariat or the administrator read the participants';

/**
 * The participants table of the secretariat (and, to read, of the chair and vice-chairs): with
 * their e-mail addresses, which nothing else the server sends carries; changes, removals, links.
 */
export function participantsRoutes(api: Router, { invites, reads, meetingOf }: ParticipantsDeps): void {
  api.get('/meetings/:id/participants', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { meetingId, room } = found;
    if (!callerMay(room.state, req.caller!, 'participant.read', res, READERS_ONLY)) return;
    const { participants, formerParticipants } = room.state;
    const table: { participants: ParticipantRecord[]; formerParticipants: ParticipantRecord[] } = {
      participants,
      formerParticipants,
    };
    // A table of two thousand is a few hundred kilobytes: it counts against the read budget.
    reads.send(res, req.caller!, meetingId, table);
  });

  api.patch('/meetings/:id/participants/:participantId', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { room } = found;
    if (!callerMay(room.state, req.caller!, 'participant.manage', res, MANAGERS_ONLY)) return;
    const participantId = participantParam(req, res);
    if (!participantId) return;
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
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { room } = found;
    if (!callerMay(room.state, req.caller!, 'participant.manage', res, MANAGERS_ONLY)) return;
    const participantId = participantParam(req, res);
    if (!participantId) return;
    const stored = await submitAs(room, req.caller!, res, (meeting, as, ctx) =>
      removeParticipant(meeting, as, participantId, ctx),
    );
    if (stored) res.json({ removed: participantId });
  });

  // The current link, to copy or show as a QR code: the same token until the link is reissued.
  api.get('/meetings/:id/participants/:participantId/invite', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { meetingId, room } = found;
    if (!callerMay(room.state, req.caller!, 'participant.manage', res, MANAGERS_ONLY)) return;
    const participantId = participantParam(req, res);
    if (!participantId) return;
    const participant = participantIn(room.state, participantId, res);
    if (participant) res.json(await invites.for(meetingId, participant));
  });

  api.post('/meetings/:id/participants/:participantId/reissue', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true });
    if (!found) return;
    const { meetingId, room } = found;
    if (!callerMay(room.state, req.caller!, 'participant.manage', res, MANAGERS_ONLY)) return;
    const participantId = participantParam(req, res);
    if (!participantId) return;
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
