import { z } from 'zod';

/**
 * Invisible characters refused in what people read as someone's name or a title (docs/protocol.md,
 * "Names and titles"). Each of these can make a name look like another one, hide text or reorder
 * what is displayed around it (a bidi override in a delegation turns "ecnarF" into "France"):
 *
 * - Cc: C0 and C1 controls (and DEL);
 * - Cf: format characters: bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   bidi marks (U+200E, U+200F, U+061C), zero-width space, joiners and non-joiner (U+200B–U+200D),
 *   word joiner and invisible operators (U+2060–U+2064), BOM (U+FEFF), soft hyphen, tags (U+E0001,
 *   U+E0020–U+E007F), interlinear annotations…;
 * - Zl, Zp: line and paragraph separators (U+2028, U+2029);
 * - Cs: lone surrogates (JSON can carry them, they are no text);
 * - Hangul fillers (U+115F, U+1160, U+3164, U+FFA0): letters that render as nothing, used for
 *   names that look blank;
 * - noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane): no text, and
 *   XML cannot hold them, so a title carrying one would break every Word file it is written into.
 *
 * ZWNJ (U+200C) and ZWJ (U+200D) shape some scripts (Persian, Indic conjuncts, emoji sequences), but a
 * name or title reads the same without them, while they let two different strings look identical:
 * refused, as the issue asks. The Arabic letter mark and LRM/RLM are not needed either: the client
 * isolates every name and title (`dir="auto"`), so neighbouring text cannot reorder it.
 */
const INVISIBLE_IN_NAMES =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}\u115F\u1160\u3164\uFFA0]/u;

/**
 * In long texts (an item's description, an outcome) line breaks and tabs are text, and the three
 * bidi marks (LRM U+200E, RLM U+200F, ALM U+061C) place punctuation in prose that mixes Arabic or
 * Hebrew with Latin; they cannot reorder characters the way overrides and isolates do.
 */
const ALLOWED_IN_LONG_TEXT = new Set(['\t', '\n', '\r', '\u200E', '\u200F', '\u061C']);

/** More combining marks than this in a row only stack up over other lines ("zalgo" text). */
const MAX_COMBINING_RUN = 8;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');

const NAMES: Record<string, string> = {
  '\u200B': 'zero width space',
  '\u200C': 'zero width non-joiner',
  '\u200D': 'zero width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u061C': 'Arabic letter mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'zero width no-break space (BOM)',
  '\u00AD': 'soft hyphen',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator',
};

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const describe = (ch: string) => {
  const name =
    NAMES[ch] ??
    (/\p{Cc}/u.test(ch)
      ? 'control character'
      : /\p{Noncharacter_Code_Point}/u.test(ch)
        ? 'noncharacter'
        : 'invisible character');
  return `${codePoint(ch)} ${name}`;
};

/** Why `text` may not be a name or title, or null when it may. */
export function invisibleInName(text: string): string | null {
  const found = INVISIBLE_IN_NAMES.exec(text)?.[0];
  if (found) return `contains ${describe(found)}, not allowed in names and titles`;
  if (COMBINING_RUN.test(text)) return `more than ${MAX_COMBINING_RUN} combining marks in a row`;
  return null;
}

/** Why `text` may not be a long text (description, outcome), or null when it may. */
export function invisibleInLongText(text: string): string | null {
  for (const ch of text.match(new RegExp(INVISIBLE_IN_NAMES, 'gu')) ?? []) {
    if (!ALLOWED_IN_LONG_TEXT.has(ch)) return `contains ${describe(ch)}, not allowed in texts`;
  }
  if (COMBINING_RUN.test(text)) return `more than ${MAX_COMBINING_RUN} combining marks in a row`;
  return null;
}

const refineWith =
  (check: (text: string) => string | null) =>
  (text: string, ctx: z.RefinementCtx): void => {
    const problem = check(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };

/**
 * A name or title shown to everyone: trimmed, 1–`max` characters, no invisible or control
 * characters. Every schema with a participant name, delegation, meeting, item or proposal title,
 * symbol or version name uses it, so the rule is the same on every transport.
 */
export const nameText = (max: number) =>
  z.string().trim().min(1).max(max).superRefine(refineWith(invisibleInName));

/** A multi-line text shown to everyone (description, outcome): as `nameText`, but tabs, line breaks
 * and bidi marks are allowed. */
export const longVisibleText = (max: number) =>
  z.string().max(max).superRefine(refineWith(invisibleInLongText));
