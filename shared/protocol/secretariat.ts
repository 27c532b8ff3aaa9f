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

/** A column of a registration list (server/secretariat/registrationCsv.ts). */
export type RegistrationField =
  | 'name'
  | 'delegation'
  | 'role'
  | 'category'
  | 'region'
  | 'rto'
  | 'email'
  | 'lang';

/** The cell separator of a registration list, as the reader found it on the header line. */
export type CsvSeparator = ',' | ';' | 'tab';

/**
 * Why a row, or the whole file, cannot be imported: a code and what its words need, so the client
 * says it in the secretariat's language (the error's `message` keeps the English words, for API
 * users). Where a code has them, `column` is the column as the file's header names it ("E-mail"),
 * `field` the column it is (`email`), and `value` the cell as written (its first 60 characters).
 *
 * The file as a whole (its one error, no row read):
 * - `too_large`: more than `maxMiB` MiB; `utf16`: UTF-16 text ("Unicode text" in Excel);
 *   `not_utf8`: a character in another encoding on this line;
 * - `csv_syntax`: a double quote never closed (`unclosed_quote`), in the middle of a cell
 *   (`stray_quote`), text after a closing quote (`text_after_quote`), or anything else the parser
 *   refuses (`unreadable`);
 * - `empty_file`; `missing_columns`: the header lacks these required columns; `duplicate_column`:
 *   it names this column twice; `too_many_rows`: `rows` rows for at most `max` participants.
 *
 * A row as read: `ragged_row` (not as many cells as the header), `empty` (name or delegation),
 * `too_long` (over `max` characters), `invisible_character` (`codePoint` such as "U+202E", refused in
 * names), `combining_marks` (too many in a row), `unknown_value` (not a role, category, region, RTO
 * or language the reader knows), `bad_value` (not of the column's form: an e-mail address),
 * `unreadable_row`.
 *
 * A row against the meeting (shared/domain/secretariat.ts `planImport`): `same_as_line` (an earlier
 * line names the same participant), `appointment` (the caller may not appoint or unappoint this
 * role), `handling` (nor handle this role's record), `not_manager`, `own_role` (a change of the
 * caller's own role), `presides` (the role of `name`, who presides, would change), `rto_needed` (a
 * spokesperson without an RTO), `email_taken` (by `name` of `delegation`), `quota` (`max`
 * participants reached), and `refused`: a refusal with no code of its own, said by `message` only.
 */
export type ImportReason =
  | { code: 'too_large'; maxMiB: number }
  | { code: 'utf16' }
  | { code: 'not_utf8' }
  | {
      code: 'csv_syntax';
      problem: 'unclosed_quote' | 'stray_quote' | 'text_after_quote' | 'unreadable';
      separator: CsvSeparator;
    }
  | { code: 'empty_file'; separator: CsvSeparator }
  | { code: 'missing_columns'; columns: ('name' | 'delegation')[]; separator: CsvSeparator }
  | { code: 'duplicate_column'; column: RegistrationField }
  | { code: 'too_many_rows'; rows: number; max: number }
  | { code: 'ragged_row'; cells: number; header: number; separator: CsvSeparator }
  | { code: 'empty'; field: RegistrationField; column: string }
  | { code: 'too_long'; field: RegistrationField; column: string; max: number }
  | { code: 'invisible_character'; field: RegistrationField; column: string; codePoint: string }
  | { code: 'combining_marks'; field: RegistrationField; column: string }
  | {
      code: 'unknown_value';
      field: 'role' | 'category' | 'region' | 'rto' | 'lang';
      column: string;
      value: string;
    }
  | { code: 'bad_value'; field: RegistrationField; column: string; value: string }
  | { code: 'unreadable_row' }
  | { code: 'same_as_line'; line: number }
  | { code: 'appointment'; role: 'chair' | 'vice-chair' | 'secretariat' }
  | { code: 'handling'; role: 'chair' | 'vice-chair' }
  | { code: 'not_manager' }
  | { code: 'own_role' }
  | { code: 'presides'; name: string }
  | { code: 'rto_needed' }
  | { code: 'email_taken'; name: string; delegation: string }
  | { code: 'quota'; max: number }
  | { code: 'refused' };

/** A row that cannot be imported, by its line in the file (the header is line 1). */
export interface ImportError {
  line: number;
  /** Why, in English. */
  message: string;
  /** Why, as a code for the client's words; this server gives one with every error. */
  reason?: ImportReason;
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
