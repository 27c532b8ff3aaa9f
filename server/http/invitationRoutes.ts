import type { Request, Response, Router } from 'express';
import {
  type Actor,
  ARCHIVED_WORDS,
  asId,
  handlingRefusal,
  type InvitationsResult,
  type Meeting,
  type MeetingId,
  markInvited,
  type Participant,
  type ParticipantId,
  sendInvitationsSchema,
} from '../../shared';
import type { Invites } from '../auth/invites';
import type { Logger } from '../observability/logger';
import { composeInvitation } from '../secretariat/invitationMessage';
import { invitationsCsv } from '../secretariat/invitationsCsv';
import type { Mailer, OutgoingMail } from '../secretariat/mailer';
import { attachment } from './attachment';
import { parseBody } from './body';
import { BULK_REFUSALS, type BulkGate, bulkKey } from './bulkGate';
import { sendError } from './errors';
import { invitationsCsvQuery } from './invitationsQuery';
import { actorOf, type FindMeeting, type Permission } from './meetingAccess';

interface InvitationDeps {
  invites: Invites;
  meetingOf: FindMeeting;
  /** Undefined when SMTP_URL is unset: invitations go by the CSV download only. */
  mailer: Mailer | undefined;
  /** How much bulk work a caller, a meeting and the process take on (./bulkGate.ts). */
  gate: BulkGate;
  /** The room's address (PUBLIC_URL), named in the message so the genuine site can be recognised. */
  roomUrl: () => string;
  log: Logger;
}

const MANAGE: Permission = {
  action: 'participant.manage',
  refusal: 'only the secretariat or the administrator sends invitations',
};
const NO_ADDRESS = 'no e-mail address: add one to the participant, or send the link another way';
const NOT_THERE = 'not a participant of this meeting (they may have been removed)';

/**
 * Invitations: every participant's join link (or those of the participants named) as CSV for a mail
 * merge, or sent by e-mail in each participant's language (when SMTP_URL is set). What was sent is
 * recorded in the meeting's log.
 */
export function invitationRoutes(
  api: Router,
  { invites, meetingOf, mailer, roomUrl, log, gate }: InvitationDeps,
): void {
  /** Meetings whose invitations are going out from this process now: one send at a time each. */
  const sending = new Set<MeetingId>();

  api.get('/meetings/:id/invitations.csv', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: MANAGE });
    if (!found) return;
    const query = invitationsCsvQuery(req, res);
    if (!query) return;
    const { meetingId, room } = found;
    const caller = req.caller!;
    const actor = actorOf(room.state, caller);
    if (!actor) return sendError(res, 'forbidden', MANAGE.refusal);
    const { title } = room.state;
    // Only the links the caller may hand out: a chair's or vice-chair's is for whoever appoints them.
    // Of the ids named, those of no one here (removed since the list was shown) are left out.
    const named = query.participantIds;
    const participants = room.state.participants.filter(
      (p) => (!named || named.has(p.id)) && !handlingRefusal(room.state, actor, p),
    );
    // Each link is a signature, and a list of thousands is a second of work: gated per caller.
    const key = bulkKey(caller, meetingId);
    const refusal = gate.admit(key, participants.length * COST_PER_LINK);
    if (refusal) return sendError(res, 'rate_limited', BULK_REFUSALS[refusal]);
    const rows = await gate.run(key, async () => {
      const list = [];
      for (const p of participants) {
        const { joinUrl } = await invites.for(meetingId, p);
        list.push({
          name: p.name,
          delegation: p.delegation,
          email: p.email,
          role: p.role,
          lang: p.lang,
          joinUrl,
        });
      }
      return list;
    });
    // Every link signs someone in: the file is not for caches.
    res
      .set('cache-control', 'no-store')
      .set('content-disposition', attachment(`${title}-invitations.csv`))
      .type('text/csv; charset=utf-8')
      .send(invitationsCsv(rows, { delimiter: query.delimiter }));
  });

  api.post('/meetings/:id/invitations', async (req: Request, res: Response) => {
    const found = await meetingOf(req, res, { fresh: true, may: MANAGE });
    if (!found) return;
    const { meetingId, room } = found;
    const caller = req.caller!;
    if (!mailer)
      return sendError(
        res,
        'unavailable',
        'this server sends no e-mail (SMTP_URL is not set): download the invitations as CSV instead',
      );
    const body = parseBody(sendInvitationsSchema, req.body, res);
    if (!body) return;
    if (room.state.archived) return sendError(res, 'conflict', ARCHIVED_WORDS);
    if (sending.has(meetingId))
      return sendError(res, 'conflict', "this meeting's invitations are being sent: wait for that to finish");
    sending.add(meetingId);
    try {
      const meeting = room.state;
      const actor = actorOf(meeting, caller);
      if (!actor) return sendError(res, 'forbidden', MANAGE.refusal);
      const { addressed, failed } = addresseesOf(meeting, actor, body.participantIds, Date.now());
      const messages: OutgoingMail[] = [];
      for (const { participant, email } of addressed) {
        const { joinUrl } = await invites.for(meetingId, participant);
        const composed = composeInvitation({ meeting, participant, joinUrl, roomUrl: roomUrl() });
        messages.push({ ...composed, id: participant.id, to: email });
      }
      const outcome = await mailer.send(messages);
      const byId = new Map<string, ParticipantId>(addressed.map(({ participant: p }) => [p.id, p.id]));
      const sent = outcome.sent.flatMap((id) => byId.get(id) ?? []);
      for (const f of outcome.failed)
        failed.push({ participantId: byId.get(f.id) ?? asId<ParticipantId>(f.id), message: f.message });
      if (sent.length > 0) {
        const recorded = await room.submit({
          decide: (m, ctx) => {
            const as = actorOf(m, caller);
            return as
              ? markInvited(m, as, sent, ctx)
              : { ok: false, error: { code: 'forbidden', message: MANAGE.refusal } };
          },
        });
        // The messages are gone either way: the answer says so, and sending again would repeat them.
        if (!recorded.ok)
          log.warn(
            { meetingId, sent: sent.length, error: recorded.error },
            'invitations sent but not recorded',
          );
      }
      const result: InvitationsResult = { sent, failed };
      res.json(result);
    } finally {
      sending.delete(meetingId);
    }
  });
}

/** A participant to write to, and where. */
interface Addressee {
  participant: Participant;
  email: string;
}

/**
 * Who gets a message: the participants named (or, with none named, everyone with an e-mail
 * address), and, as failed, those named who have no address or are not in the meeting.
 */
function addresseesOf(
  meeting: Meeting,
  actor: Actor,
  participantIds: string[] | undefined,
  now: number,
): { addressed: Addressee[]; failed: InvitationsResult['failed'] } {
  const addressed: Addressee[] = [];
  const failed: InvitationsResult['failed'] = [];
  /** Why this participant gets no message now, or null. */
  const notNow = (participant: Participant): string | null => {
    const refusal = handlingRefusal(meeting, actor, participant);
    if (refusal) return refusal.message;
    if (!participant.email) return NO_ADDRESS;
    // The same person is not written to again within minutes (a double click, a loop).
    if (participant.invitedAt !== null && now - participant.invitedAt < RESEND_AFTER_MS)
      return `an invitation went to them less than ${RESEND_AFTER_MS / 60_000} minutes ago: send it again later`;
    return null;
  };
  if (!participantIds) {
    for (const participant of meeting.participants) {
      if (!participant.email || handlingRefusal(meeting, actor, participant)) continue; // not theirs to send
      const reason = notNow(participant);
      if (reason) failed.push({ participantId: participant.id, message: reason });
      else addressed.push({ participant, email: participant.email });
    }
    return { addressed, failed };
  }
  const byId = new Map<string, Participant>(meeting.participants.map((p) => [p.id, p]));
  for (const id of new Set(participantIds)) {
    const participant = byId.get(id);
    const reason = participant ? notNow(participant) : NOT_THERE;
    if (!participant || reason)
      failed.push({ participantId: asId<ParticipantId>(id), message: reason ?? NOT_THERE });
    else addressed.push({ participant, email: participant.email! });
  }
  return { addressed, failed };
}

/** How long before the same participant can be sent an invitation again. */
const RESEND_AFTER_MS = 10 * 60_000;
/** What signing one join link costs, counted against the bulk budget like a row of a registration list. */
const COST_PER_LINK = 500;
