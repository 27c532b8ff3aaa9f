import type { Request, Response, Router } from 'express';
import {
  cloneMeetingSchema,
  type ItemId,
  idSchema,
  type Meeting,
  type MeetingSummary,
  meetingIdSchema,
  setDocuments,
  setDocumentsSchema,
  updateMeeting,
  updateMeetingSchema,
  withoutContacts,
} from '../../shared';
import type { Invites } from '../auth/invites';
import type { MeetingService } from '../meeting/service';
import { parseBody } from './body';
import { sendError } from './errors';
import type { FindMeeting, Permission } from './meetingAccess';
import { idParam } from './params';
import { submitAs } from './submit';

interface MeetingsDeps {
  service: MeetingService;
  invites: Invites;
  meetingOf: FindMeeting;
}

const itemIdSchema = idSchema<ItemId>();
const CONFIGURE: Permission = {
  action: 'meeting.configure',
  refusal: 'only the secretariat or the administrator changes the meeting and its documents',
};

/** The meetings themselves: the administrator's list and clones, the secretariat's settings and documents. */
export function meetingsRoutes(api: Router, { service, invites, meetingOf }: MeetingsDeps): void {
  api.get('/meetings', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator lists every meeting');
    // From the store: a meeting another process created a moment ago is listed too.
    const meetings = (await service.allRooms())
      .map((room) => summaryOf(room.state))
      .sort((a, b) => (b.startsAt ?? b.createdAt) - (a.startsAt ?? a.createdAt));
    res.json({ meetings });
  });

  api.patch('/meetings/:id', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { may: CONFIGURE });
    if (!found) return;
    const { room } = found;
    const body = parseBody(updateMeetingSchema, req.body, res);
    if (!body) return;
    const stored = await submitAs(room, req.caller!, res, (meeting, as, ctx) =>
      updateMeeting(meeting, as, body, ctx),
    );
    if (!stored) return;
    res.json({ meeting: withoutContacts(room.state) });
  });

  api.post('/meetings/:id/clone', async (req: Request, res: Response) => {
    if (req.caller?.kind !== 'admin')
      return sendError(res, 'forbidden', 'only the administrator clones meetings');
    const sourceId = idParam(meetingIdSchema, req.params.id);
    if (!sourceId) return sendError(res, 'not_found', 'no such meeting');
    const body = parseBody(cloneMeetingSchema, req.body, res);
    if (!body) return;
    const cloned = await service.cloneMeeting(sourceId, body);
    if (!cloned) return sendError(res, 'not_found', 'no such meeting');
    if ('refused' in cloned) return sendError(res, 'invalid', `endsAt: ${cloned.refused}`);
    const { meeting, chair } = cloned;
    res.status(201).json({
      meeting: withoutContacts(meeting),
      chair: chair ? await invites.for(meeting.id, chair) : null,
    });
  });

  api.put('/meetings/:id/agenda/:itemId/documents', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: CONFIGURE });
    if (!found) return;
    const { room } = found;
    const itemId = idParam(itemIdSchema, req.params.itemId);
    if (!itemId) return sendError(res, 'not_found', 'no such agenda item');
    const body = parseBody(setDocumentsSchema, req.body, res);
    if (!body) return;
    const stored = await submitAs(room, req.caller!, res, (meeting, as) =>
      setDocuments(meeting, as, itemId, body.documents),
    );
    if (!stored) return;
    const item = room.state.agenda.find((i) => i.id === itemId);
    if (!item) return sendError(res, 'not_found', 'the agenda item was removed meanwhile');
    res.json({ item });
  });
}

/** A line of the administrator's list of meetings. */
function summaryOf(meeting: Meeting): MeetingSummary {
  return {
    id: meeting.id,
    title: meeting.title,
    status: meeting.status,
    archived: meeting.archived,
    timezone: meeting.timezone,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    createdAt: meeting.createdAt,
    participants: meeting.participants.length,
    online: meeting.participants.filter((p) => p.online).length,
  };
}
