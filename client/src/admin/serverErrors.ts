import { ApiError } from './http';

/**
 * The server refuses a body with one message per bad field, `"<path>: <message>"`, joined by "; "
 * (`"videoUrl: not an http(s) address; title: Too big"`; server/http/routes.ts `issueText`).
 * The forms show each next to its field; what names no field of the form is shown with the status.
 */
export interface ServerProblems {
  /** By field path (`videoUrl`, `documents.0.url`). */
  fields: Record<string, string>;
  /** Messages that name no field the form has. */
  general: string[];
}

/**
 * Splits a refusal's message by field. `known` are the paths the form shows; a message whose path
 * starts with one (the issue of a nested value) is put there.
 */
export function serverProblems(message: string, known: readonly string[]): ServerProblems {
  const out: ServerProblems = { fields: {}, general: [] };
  for (const part of message.split('; ')) {
    const match = /^([\w.]+|\(body\)): (.+)$/s.exec(part);
    const path = match?.[1];
    const field = path ? known.find((k) => path === k || path.startsWith(`${k}.`)) : undefined;
    if (match && field)
      out.fields[field] = out.fields[field] ? `${out.fields[field]}; ${match[2]}` : match[2]!;
    else out.general.push(part);
  }
  return out;
}

/** The kind of failure a person is told about, besides the server's own words. */
export type FailureKind = 'network' | 'signedOut' | 'forbidden' | 'archived' | 'notFound' | 'other';

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 0) return 'network';
  if (error.status === 401) return 'signedOut';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 409 && /archived/.test(error.message)) return 'archived';
  return 'other';
}

/** The server's message of a refusal (English, as the API words it), or the error's own. */
export const serverMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
