import type { Response } from 'express';
import type { Actor, DecideContext, Decision, DomainError, Meeting } from '../../shared';
import type { MeetingRoom } from '../meeting/room';
import type { Caller } from './auth';
import { sendError } from './errors';
import { actorOf } from './meetingAccess';

/** A decision of shared/domain/secretariat.ts, taken as `actor` against the meeting of the moment. */
export type DecideAs = (meeting: Meeting, actor: Actor, ctx: DecideContext) => Decision;

/** Sends a domain refusal with its own code and words. */
export const sendRefusal = (res: Response, error: DomainError): void =>
  sendError(res, error.code, error.message);

/**
 * Submits `decide` to the meeting's single writer as the caller and waits until its events are
 * durable; true once stored, false once the refusal is sent. The caller's actor is looked up inside
 * the decision, against the state it runs on, so a role changed or a participant removed a moment
 * earlier (by a request in the same batch, or on another process) counts.
 */
export async function submitAs(
  room: MeetingRoom,
  caller: Caller,
  res: Response,
  decide: DecideAs,
): Promise<boolean> {
  const ack = await room.submit({
    decide: (meeting, ctx) => {
      const actor = actorOf(meeting, caller);
      if (!actor) return { ok: false, error: { code: 'forbidden', message: NOT_A_MANAGER } };
      return decide(meeting, actor, ctx);
    },
  });
  if (ack.ok) return true;
  sendRefusal(res, ack.error);
  return false;
}

const NOT_A_MANAGER = 'this token names nobody in this meeting who may do this';
