/**
 * Calls of the secretariat's HTTP API (docs/protocol.md, "The secretariat's API") with the
 * workspace's bearer token: the administrator's, or a secretariat member's or chair's join token.
 */

/** A refusal of the API: its HTTP status, the protocol's error code and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole JSON body (an import's refusal carries its rows and errors). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON body, or a string sent with `contentType`. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

/** The JSON answer of `path` (under /api), or an `ApiError`; a network failure is an ApiError with status 0. */
export async function apiRequest<T>(token: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(token, path, options);
  return (await res.json()) as T;
}

/** The raw answer (a CSV download), or an `ApiError`. */
export async function apiFetch(token: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' && options.contentType) {
      headers['content-type'] = options.contentType;
      body = options.body;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (res.ok) return res;
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(
    res.status,
    json?.error?.code ?? 'internal',
    json?.error?.message ?? res.statusText,
    json,
  );
}
