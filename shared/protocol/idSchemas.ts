import { z } from 'zod';
import { asId, type MeetingId, type ParticipantId, type ProposalId } from '../ids';

/** Longest id accepted from the wire; the server's own ids are much shorter (server/ids.ts). */
export const ID_MAX_LENGTH = 64;

const idText = z.string().min(1).max(ID_MAX_LENGTH);

/**
 * A wire string that names an id of one kind: its shape checked here, at the edge, then branded, so
 * the code inside never casts. Whether such an id exists is for the caller to find out.
 */
export const idSchema = <T extends string>() => idText.transform((value) => asId<T>(value));

/** A meeting id from the wire (a route parameter, a token claim, a bus message, a collab path). */
export const meetingIdSchema = idSchema<MeetingId>();
/** A participant id from the wire (a token's subject). */
export const participantIdSchema = idSchema<ParticipantId>();
/** A proposal id from the wire (a route parameter, a collab path). */
export const proposalIdSchema = idSchema<ProposalId>();
