import type { FieldTrouble } from './fields/FieldMessage';
import { ApiError } from './http';
import type { Problems } from './meetingForm';
import { serverProblems } from './serverErrors';

/**
 * What is wrong with a form's fields, as every form of the workspace shows it: its own findings
 * and the server's words, each next to its field, and the focus on the first to fix.
 */

/** What is wrong with each field: the form's own findings and the server's. */
export type Troubles<F extends string> = Partial<Record<F, FieldTrouble>>;

/** The form's problems as troubles to show, each with the values its sentence names (the zone). */
export function troublesOf<F extends string>(problems: Problems<F>, zone: string): Troubles<F> {
  const out: Troubles<F> = {};
  for (const [field, problem] of Object.entries(problems) as [F, Problems<F>[F]][]) {
    if (problem) out[field] = { problem, values: { zone } };
  }
  return out;
}

/** A body the server refused (`invalid`): its words on the fields they name, and the rest. */
export interface FieldRefusal<F extends string> {
  troubles: Troubles<F>;
  /** The messages that name no field of the form, joined ("" when there are none). */
  general: string;
}

/**
 * The server's refusal of a form's body, by field; null for any other failure. `prefix` is where
 * the form's fields stand in the body (`documents.2` for the third document of a list).
 */
export function fieldRefusal<F extends string>(
  error: unknown,
  fields: readonly F[],
  prefix = '',
): FieldRefusal<F> | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid') return null;
  const at = prefix ? `${prefix}.` : '';
  const words = serverProblems(
    error.message,
    fields.map((f) => `${at}${f}`),
  );
  const troubles: Troubles<F> = {};
  for (const [path, server] of Object.entries(words.fields))
    troubles[path.slice(at.length) as F] = { server };
  return { troubles, general: words.general.join('; ') };
}

/** Puts the focus on the first field, in the form's order, that has something to fix. */
export function focusFirstTrouble<F extends string>(
  order: readonly F[],
  troubles: Troubles<F>,
  elementId: (field: F) => string,
): void {
  const first = order.find((f) => troubles[f]);
  if (first) document.getElementById(elementId(first))?.focus();
}
