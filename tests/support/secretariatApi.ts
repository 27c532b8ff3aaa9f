import type { Meeting, Participant } from '../../shared';

/** An HTTP answer as the secretariat's tests read it: status, JSON (or text) body, headers. */
export interface Answer<T> {
  status: number;
  body: T;
  text: string;
  /** The body as sent (`text` has lost a BOM the body starts with). */
  bytes: Uint8Array;
  headers: Headers;
}

/** The methods the secretariat's API answers. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A join link as the API answers it: the chair's of a new meeting, `GET …/invite`. */
export interface Invite {
  participantId: string;
  token: string;
  joinUrl: string;
}

/** A refusal as the API answers it: `{error: {code, message}}`. */
export interface Refusal {
  error: { code: string; message: string };
}

/** `GET …/participants`: the table with e-mail addresses, and those removed from it. */
export interface ParticipantsTable {
  participants: Participant[];
  formerParticipants: Participant[];
}

/**
 * Calls the HTTP API as a browser would (docs/protocol.md, "The secretariat's API"): any method, a
 * JSON body, or a text body with its own content type (`{csv}` for an import).
 */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: Method,
  route: string,
  token: string | undefined,
  body?: unknown,
  { contentType }: { contentType?: string } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: res.status, body: json as T, text, bytes, headers: res.headers };
}

/** POSTs a set-up step; throws unless it answers 201 (created). */
async function postCreated<T>(
  url: string,
  route: string,
  token: string,
  body: Record<string, unknown>,
): Promise<T> {
  const res = await call<T>(url, 'POST', route, token, body);
  if (res.status !== 201)
    throw new Error(`POST ${route} ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A meeting as `POST /api/meetings` answers it: the meeting (no e-mail addresses) and its chair's link. */
export interface Created {
  meeting: Meeting;
  chair: Invite;
}

/** Creates a meeting as the administrator; throws unless it is created. */
export const createAs = (url: string, adminToken: string, body: Record<string, unknown>): Promise<Created> =>
  postCreated(url, '/api/meetings', adminToken, body);

/** A participant as `POST …/participants` answers it: their record and their link. */
export interface Added {
  participant: { id: string; name: string; email: string | null; tokenVersion: number };
  token: string;
  joinUrl: string;
}

/** Adds a participant as the administrator; throws unless it is created. */
export const addAs = (
  url: string,
  token: string,
  meetingId: string,
  body: Record<string, unknown>,
): Promise<Added> => postCreated(url, `/api/meetings/${meetingId}/participants`, token, body);
