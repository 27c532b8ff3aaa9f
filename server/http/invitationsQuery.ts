import type { Request, Response } from 'express';
import { z } from 'zod';
import { ID_MAX_LENGTH, type ParticipantId, participantIdSchema } from '../../shared';
import { sendError } from './errors';

/** The most participants one `invitations.csv` names by id (as many as a meeting holds, and more). */
export const MAX_LISTED_IDS = 5000;

/**
 * The query of `GET /api/meetings/:id/invitations.csv`: `participantIds=p_1,p_2` for these only
 * (ids that name no one are ignored), and `delimiter=semicolon` for a spreadsheet that splits on
 * ";" (Excel in French or Spanish settings); any other parameter is refused, not ignored.
 *
 * @example `?participantIds=p_3f9a0c21d4e7b8,p_0a1b2c3d4e5f60&delimiter=semicolon`
 */
export const invitationsCsvQuerySchema = z.strictObject({
  participantIds: z
    .string()
    .max(MAX_LISTED_IDS * (ID_MAX_LENGTH + 1))
    .transform((list) => list.split(','))
    .pipe(z.array(participantIdSchema).min(1).max(MAX_LISTED_IDS))
    .optional(),
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});

/** What the query asks for: whom (all when undefined) and the separator of the cells. */
export interface InvitationsCsvQuery {
  participantIds: ReadonlySet<ParticipantId> | undefined;
  delimiter: ',' | ';';
}

/** The query parsed, or undefined once `400 invalid` is sent, naming each problem. */
export function invitationsCsvQuery(req: Request, res: Response): InvitationsCsvQuery | undefined {
  const parsed = invitationsCsvQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(query)'}: ${issue.message}`,
    );
    sendError(res, 'invalid', problems.join('; '));
    return undefined;
  }
  const { participantIds, delimiter } = parsed.data;
  return {
    participantIds: participantIds && new Set(participantIds),
    delimiter: delimiter === 'semicolon' ? ';' : ',',
  };
}
