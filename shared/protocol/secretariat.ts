import { z } from 'zod';
import {
  type AgendaDocument,
  CATEGORIES,
  LANGUAGES,
  type MeetingStatus,
  type Participant,
  REGIONS,
  ROLES,
  RTO_CODES,
  type RtoCode,
} from '../domain/model';
import type { ParticipantId } from '../ids';
import { LIMITS } from './commands';
import { nameText } from './text';

/**
 * Bodies and answers of the secretariat's HTTP API (docs/protocol.md, "The secretariat's API"):
 * meeting settings, participants, documents, imports and invitations. Every body is validated here;
 * the domain (shared/domain/secretariat.ts) decides what it does.
 */

const shortText = nameText(LIMITS.shortText);
const rto = z.enum(RTO_CODES as [RtoCode, ...RtoCode[]]);

/** The most documents an agenda item lists. */
export const DOCUMENTS_PER_ITEM = 30;

/** An e-mail address as people type it: trimmed; compared without regard to case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'not an e-mail address' }));

/** An http(s) address: nothing a browser would run (no `javascript:`, no `data:`). */
const webUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'not an http(s) address');

// Meetings take place in this century: anything else is a typing error (or an attempt).
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * A moment: milliseconds since the epoch, or an ISO 8601 date and time with its offset
 * (`2026-03-10T12:00:00Z`, `2026-03-10T14:00:00+02:00`), which is easier to type in a `curl`.
 */
const instantSchema = z
  .union([z.number().int(), z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso))])
  .refine((ms) => ms >= EARLIEST && ms <= LATEST, 'a date between the years 2000 and 2100');

const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => isTimeZone(tz), 'unknown IANA time zone')
  // Stored as the zone database spells it ("utc" → "UTC", "europe/zurich" → "Europe/Zurich").
  .transform((tz) => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone);

const ENDS_BEFORE_START = 'the meeting cannot end before it starts';
/** Both dates given: the end is not before the start. */
const endsAfterStart = (body: { startsAt?: number | null; endsAt?: number | null }) =>
  body.startsAt == null || body.endsAt == null || body.endsAt >= body.startsAt;

const speakingSeconds = z.number().int().min(10).max(LIMITS.maxSpeakingSeconds);

/** Body of `POST /api/meetings`. */
export const createMeetingSchema = z
  .strictObject({
    title: shortText,
    timezone: timeZoneSchema.optional(),
    defaultSpeakingSeconds: speakingSeconds.optional(),
    chairName: shortText.optional(),
    chairDelegation: shortText.optional(),
    startsAt: instantSchema.nullable().optional(),
    endsAt: instantSchema.nullable().optional(),
    videoUrl: webUrlSchema.nullable().optional(),
  })
  .refine(endsAfterStart, { message: ENDS_BEFORE_START, path: ['endsAt'] });
export type CreateMeetingBody = z.infer<typeof createMeetingSchema>;

/**
 * Body of `PATCH /api/meetings/:id`: any of the settings; `archived` archives (true) or brings
 * back (false) the meeting, and only the administrator may change it.
 */
export const updateMeetingSchema = z
  .strictObject({
    title: shortText.optional(),
    timezone: timeZoneSchema.optional(),
    startsAt: instantSchema.nullable().optional(),
    endsAt: instantSchema.nullable().optional(),
    videoUrl: webUrlSchema.nullable().optional(),
    defaultSpeakingSeconds: speakingSeconds.optional(),
    options: z
      .strictObject({
        rtoSpokespersonsFirst: z.boolean().optional(),
        newDelegationsFirst: z.boolean().optional(),
      })
      .optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateMeetingBody = z.infer<typeof updateMeetingSchema>;

/** Body of `POST /api/meetings/:id/clone`: the new meeting's title and, optionally, its dates. */
export const cloneMeetingSchema = z
  .strictObject({
    title: shortText,
    startsAt: instantSchema.nullable().optional(),
    endsAt: instantSchema.nullable().optional(),
  })
  .refine(endsAfterStart, { message: ENDS_BEFORE_START, path: ['endsAt'] });
export type CloneMeetingBody = z.infer<typeof cloneMeetingSchema>;

const agendaDocumentSchema = z.strictObject({
  symbol: nameText(60),
  title: shortText,
  url: webUrlSchema,
  languages: z
    .array(z.enum(LANGUAGES))
    .max(LANGUAGES.length)
    .refine((list) => new Set(list).size === list.length, 'each language once'),
}) satisfies z.ZodType<AgendaDocument>;

/** Body of `PUT /api/meetings/:id/agenda/:itemId/documents`: the item's documents, in order. */
export const setDocumentsSchema = z.strictObject({
  documents: z.array(agendaDocumentSchema).max(DOCUMENTS_PER_ITEM),
});

/** Body of `POST /api/meetings/:id/participants`. */
export const addParticipantSchema = z.strictObject({
  name: shortText,
  delegation: shortText,
  role: z.enum(ROLES),
  category: z.enum(CATEGORIES).optional(),
  region: z.enum(REGIONS).optional(),
  rto: rto.optional(),
  email: emailSchema.nullable().optional(),
  lang: z.enum(LANGUAGES).nullable().optional(),
});
export type AddParticipantBody = z.infer<typeof addParticipantSchema>;

/** Body of `PATCH /api/meetings/:id/participants/:participantId`: the fields to change. */
export const updateParticipantSchema = z
  .strictObject({
    name: shortText.optional(),
    delegation: shortText.optional(),
    role: z.enum(ROLES).optional(),
    category: z.enum(CATEGORIES).optional(),
    region: z.enum(REGIONS).optional(),
    rto: rto.nullable().optional(),
    email: emailSchema.nullable().optional(),
    lang: z.enum(LANGUAGES).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateParticipantBody = z.infer<typeof updateParticipantSchema>;

/** Body of `POST /api/meetings/:id/invitations`: to these participants, or (absent) to everyone with an e-mail. */
export const sendInvitationsSchema = z.strictObject({
  participantIds: z.array(z.string().min(1).max(LIMITS.idLength)).min(1).max(5000).optional(),
});

/** One line of `GET /api/meetings`. */
export interface MeetingSummary {
  id: string;
  title: string;
  status: MeetingStatus;
  archived: boolean;
  timezone: string;
  startsAt: number | null;
  endsAt: number | null;
  createdAt: number;
  /** How many participants the meeting has, and how many are connected now. */
  participants: number;
  online: number;
}

/** One participant of `GET /api/meetings/:id/participants`: with the e-mail address. */
export type ParticipantRecord = Participant;

/** A row of a registration list that an import creates (the participant it will be). */
interface ImportCreated {
  line: number;
  participant: Participant;
}

/** A row that matches a participant already there: what it changes. */
export interface ImportUpdated {
  line: number;
  participantId: ParticipantId;
  /** How the row was matched: by e-mail, else by name and delegation. */
  matchedBy: 'email' | 'name';
  changes: Partial<Participant>;
}

/** A row that cannot be imported, by its line in the file (the header is line 1). */
export interface ImportError {
  line: number;
  message: string;
}

/**
 * Answer of `POST /api/meetings/:id/participants/import` (and its `?dryRun=1` preview). Rows that
 * change nothing are counted in `unchanged`.
 */
export interface ImportResult {
  created: ImportCreated[];
  updated: ImportUpdated[];
  unchanged: number;
  errors: ImportError[];
}

/** Answer of `POST /api/meetings/:id/invitations`. */
export interface InvitationsResult {
  sent: ParticipantId[];
  failed: { participantId: ParticipantId; message: string }[];
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
