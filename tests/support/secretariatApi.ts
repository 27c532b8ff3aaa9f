import { api } from './client';

/** An HTTP answer as the secretariat's tests read it: status, JSON (or text) body, headers. */
export interface Answer<T> {
  status: number;
  body: T;
  text: string;
  /** The body as sent (`text` has lost a BOM the body starts with). */
  bytes: Uint8Array;
  headers: Headers;
}

/**
 * Calls the HTTP API as a browser would (docs/protocol.md, "The secretariat's API"): any method, a
 * JSON body, or a text body with its own content type (`{csv}` for an import).
 */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
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

/** A participant as `POST …/participants` answers it: their record and their link. */
export interface Added {
  participant: { id: string; name: string; email: string | null; tokenVersion: number };
  token: string;
  joinUrl: string;
}

/** Adds a participant as the administrator; throws unless it is created. */
export async function addAs(
  url: string,
  token: string,
  meetingId: string,
  body: Record<string, unknown>,
): Promise<Added> {
  const res = await api<Added>(url, 'POST', `/api/meetings/${meetingId}/participants`, token, body);
  if (res.status !== 201)
    throw new Error(`add ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
