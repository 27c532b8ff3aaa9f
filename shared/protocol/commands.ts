import { z } from 'zod';
import { PARAGRAPH_STATUSES, ROOM_CHECK_SECONDS } from '../domain/consensusModel';
import { FLOOR_KINDS, PROPOSAL_STATUSES, RTO_CODES, type RtoCode } from '../domain/model';
import type { CheckId, ItemId, LinkId, ParticipantId, ProposalId, RequestId } from '../ids';
import { ID_MAX_LENGTH, idSchema } from './idSchemas';
import { longVisibleText, nameText } from './text';

/** Upper bounds that keep every command small; the server also caps the raw message size. */
export const LIMITS = {
  idLength: ID_MAX_LENGTH,
  shortText: 200,
  longText: 4000,
  /** Fits in one Socket.IO message (16 KiB) with room for the rest of the command. */
  baseText: 12_000,
  maxSpeakingSeconds: 3600,
  maxPlannedMinutes: 600,
  /** Requests one `floor.restore` may put back: a cleared list of a large meeting fits in one. */
  restoredRequests: 600,
} as const;

const commandId = z.string().min(1).max(LIMITS.idLength);
// References to ids of one kind: validated here, so the domain gets them branded.
const itemId = idSchema<ItemId>();
const requestId = idSchema<RequestId>();
const participantId = idSchema<ParticipantId>();
const proposalId = idSchema<ProposalId>();
const checkId = idSchema<CheckId>();
const linkId = idSchema<LinkId>();
/** A paragraph's `pid` (docs/collab.md, "Paragraphs"). */
const paragraphIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a paragraph id is 1 to 64 letters, digits, _ or -');
// Names, titles and texts everyone sees: no invisible or bidi control characters (./text.ts).
const shortText = nameText(LIMITS.shortText);
const longText = longVisibleText(LIMITS.longText);
const symbol = nameText(60);
const itemNumber = nameText(20);
const seconds = z.number().int().min(10).max(LIMITS.maxSpeakingSeconds);
const index = z.number().int().min(0).max(10_000);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: commandId, type: z.literal(type), ...shape });

/**
 * Every command a client may send, validated at the edge. Each carries a client-chosen `id`
 * (idempotency key: the same id gets the same ack and is applied once).
 * @example { id: 'c-17', type: 'floor.request', kind: 'point_of_order' }
 */
export const commandSchema = z.discriminatedUnion('type', [
  cmd('meeting.open', {}),
  cmd('meeting.suspend', {}),
  cmd('meeting.resume', {}),
  cmd('meeting.close', {}),
  cmd('meeting.setOptions', {
    rtoSpokespersonsFirst: z.boolean().optional(),
    newDelegationsFirst: z.boolean().optional(),
  }),
  cmd('agenda.add', {
    number: itemNumber.optional(),
    title: shortText,
    description: longText.optional(),
    plannedMinutes: z.number().int().min(0).max(LIMITS.maxPlannedMinutes).optional(),
    toIndex: index.optional(),
  }),
  cmd('agenda.update', {
    itemId: itemId,
    number: itemNumber.optional(),
    title: shortText.optional(),
    description: longText.optional(),
    plannedMinutes: z.number().int().min(0).max(LIMITS.maxPlannedMinutes).optional(),
  }),
  cmd('agenda.remove', { itemId: itemId }),
  /** Undoes `agenda.remove` of this item within `UNDO_WINDOW_SECONDS`: back at its place, with its list. */
  cmd('agenda.restore', { itemId: itemId }),
  cmd('agenda.move', { itemId: itemId, toIndex: index }),
  cmd('agenda.open', { itemId: itemId }),
  cmd('agenda.conclude', { itemId: itemId, outcome: longText.optional() }),
  cmd('agenda.defer', { itemId: itemId }),
  cmd('floor.request', {
    kind: z.enum(FLOOR_KINDS),
    /** Presiding officer or secretariat queueing someone else (e.g. an observer, an RTO round). */
    participantId: participantId.optional(),
  }),
  cmd('floor.withdraw', { requestId: requestId.optional() }),
  /**
   * `confirmOffline`: give the floor even if the participant is not connected (else refused
   * `offline`). `suspend`: a right of reply interrupts the current speaker instead of ending their
   * intervention (a point of order always does).
   */
  cmd('floor.give', {
    requestId: requestId,
    confirmOffline: z.boolean().optional(),
    suspend: z.boolean().optional(),
  }),
  /** The first in the list, or the suspended speaker, who resumes before anyone in the list. */
  cmd('floor.next', { confirmOffline: z.boolean().optional(), suspend: z.boolean().optional() }),
  cmd('floor.end', {}),
  /** Ends the most recently suspended intervention instead of letting it resume. */
  cmd('floor.endSuspended', {}),
  cmd('floor.move', { requestId: requestId, toIndex: index }),
  cmd('floor.remove', { requestId: requestId }),
  /** Removes every waiting request. */
  cmd('floor.clear', {}),
  /** Undoes `floor.remove`/`floor.clear` of these requests within `UNDO_WINDOW_SECONDS`. */
  cmd('floor.restore', {
    requestIds: z
      .array(requestId)
      .min(1)
      .max(LIMITS.restoredRequests)
      .refine((list) => new Set(list).size === list.length, 'each request once'),
  }),
  cmd('floor.close', {}),
  cmd('floor.reopen', {}),
  cmd('floor.setLimit', { seconds, requestId: requestId.optional() }),
  /** Queues the named RTOs' spokespersons, in this order, for the current item. */
  cmd('floor.rtoRound', {
    rtos: z
      .array(z.enum(RTO_CODES as [RtoCode, ...RtoCode[]]))
      .min(1)
      .max(RTO_CODES.length)
      .refine((list) => new Set(list).size === list.length, 'each RTO once'),
  }),
  cmd('floor.extend', { seconds: z.number().int().min(5).max(LIMITS.maxSpeakingSeconds) }),
  cmd('presiding.handTo', { participantId: participantId }),
  cmd('presiding.resume', {}),
  cmd('proposal.create', {
    symbol,
    title: shortText,
    submittedBy: shortText,
    itemId: itemId.optional(),
    /** The text the proposal starts from (e.g. the resolution in force); kept as version 0. */
    baseText: z.string().max(LIMITS.baseText).optional(),
  }),
  cmd('proposal.update', {
    proposalId: proposalId,
    symbol: symbol.optional(),
    title: shortText.optional(),
    submittedBy: shortText.optional(),
    itemId: itemId.nullable().optional(),
  }),
  cmd('proposal.setStatus', { proposalId: proposalId, status: z.enum(PROPOSAL_STATUSES) }),
  cmd('proposal.lock', { proposalId: proposalId }),
  cmd('proposal.unlock', { proposalId: proposalId }),
  /** Freezes the text as `symbol/Rev.N` with its paragraph statuses. */
  cmd('proposal.publishRevision', { proposalId: proposalId }),
  /**
   * "Is there any objection?" on these paragraphs (default: every paragraph not agreed yet): a
   * window of `seconds` in the room (default 30), or, with `until` (ms since the epoch, 1 hour to
   * 90 days away), a silence procedure.
   */
  cmd('consensus.ask', {
    proposalId: proposalId,
    paragraphIds: z
      .array(paragraphIdSchema)
      .min(1)
      .max(500)
      .refine((list) => new Set(list).size === list.length, 'each paragraph once')
      .optional(),
    seconds: z.number().int().min(ROOM_CHECK_SECONDS.min).max(ROOM_CHECK_SECONDS.max).optional(),
    until: z.number().int().min(0).max(8.64e15).optional(),
  }).refine((c) => c.seconds === undefined || c.until === undefined, {
    message: 'either seconds (in the room) or until (a silence procedure), not both',
  }),
  cmd('consensus.object', { checkId: checkId, reason: longVisibleText(1000).optional() }),
  cmd('consensus.withdrawObjection', { checkId: checkId }),
  /** Ends the check now (before its window is over): the outcome applies at once. */
  cmd('consensus.close', { checkId: checkId }),
  cmd('paragraph.setStatus', {
    proposalId: proposalId,
    paragraphId: paragraphIdSchema,
    status: z.enum(PARAGRAPH_STATUSES),
    /** For `ad-referendum`: the delegation(s) that asked for it (at least one). */
    delegations: z.array(shortText).max(20).optional(),
  }),
  /** Links the intervention under way (the current speaker's) to the paragraph it concerns. */
  cmd('paragraph.linkIntervention', {
    proposalId: proposalId,
    paragraphId: paragraphIdSchema,
    note: longVisibleText(500).optional(),
  }),
  cmd('paragraph.unlinkIntervention', { linkId: linkId }),
  /** What the projector shows: a proposal's text following a paragraph, or (null) the floor. */
  cmd('screen.show', {
    proposalId: proposalId.nullable(),
    paragraphId: paragraphIdSchema.nullable().optional(),
  }),
]);

/** A validated command. */
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
/** The command of one type, e.g. `CommandOf<'floor.give'>`. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** A command as sent, before validation: ids are plain strings on the wire, the schema brands them. */
export type WireCommand = z.input<typeof commandSchema>;

/** A command before the client gives it an id: `{ type: 'floor.next' }`. */
export type CommandInput = WireCommand extends infer C
  ? C extends WireCommand
    ? Omit<C, 'id'>
    : never
  : never;

/** All command types, in protocol order (also the rows of the permission table). */
export const COMMAND_TYPES = commandSchema.options.map((o) => o.shape.type.value) as CommandType[];

/** Payload of the `resync` message. */
export const resyncSchema = z.strictObject({ sinceSeq: z.number().int().min(0) });
