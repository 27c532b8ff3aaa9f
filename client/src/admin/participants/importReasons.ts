import type { TFunction } from 'i18next';
import {
  CATEGORIES,
  type CsvSeparator,
  type ImportReason,
  LANGUAGES,
  REGIONS,
  ROLES,
  RTO_CODES,
} from '../../../../shared';

/**
 * An import error's reason (shared/protocol/secretariat.ts `ImportReason`) in the interface's
 * language. What comes from the file (a cell, a column's name), a participant's name and the codes
 * to write are kept apart from the translated words, so the dialog shows each in its own `<bdi>`:
 * "Oceania" keeps its direction inside an Arabic sentence, and no invisible characters are added.
 */

/** A piece of the sentence: translated words, or a value to show direction-isolated. */
export type ReasonPart = { key: string; text: string } | { key: string; isolated: string };

/** Stand in for the isolated values while the sentence is translated: private-use characters no text holds. */
const FIRST_MARK = 0xe000;

/**
 * Translates a sentence with each isolated value replaced by a mark, then splits it back into its
 * words and the values, in the order the translation puts them.
 */
function withValues<K extends string>(
  values: Record<K, string>,
  sentence: (marks: Record<K, string>) => string,
): ReasonPart[] {
  const names = Object.keys(values) as K[];
  const marks = Object.fromEntries(
    names.map((name, i) => [name, String.fromCharCode(FIRST_MARK + i)]),
  ) as Record<K, string>;
  const parts: ReasonPart[] = [];
  let words = '';
  for (const ch of sentence(marks)) {
    const name = names[ch.charCodeAt(0) - FIRST_MARK];
    if (name === undefined) {
      words += ch;
      continue;
    }
    if (words) parts.push({ key: `w${parts.length}`, text: words });
    words = '';
    parts.push({ key: `v${parts.length}`, isolated: values[name] });
  }
  if (words) parts.push({ key: `w${parts.length}`, text: words });
  return parts;
}

const wordsOnly = (text: string): ReasonPart[] => [{ key: 'w0', text }];

/** The values a column takes, as the file writes them (codes: the same in every language). */
const ACCEPTED: Record<Extract<ImportReason, { code: 'unknown_value' }>['field'], readonly string[]> = {
  role: ROLES,
  category: CATEGORIES,
  region: REGIONS,
  rto: RTO_CODES,
  lang: LANGUAGES,
};

/** The required columns' example header, with the file's own separator. */
const EXAMPLE_COLUMNS = ['name', 'delegation', 'role', 'category', 'region', 'rto', 'email', 'lang'];
const example = (separator: CsvSeparator) => EXAMPLE_COLUMNS.join(separator === 'tab' ? '\t' : separator);

function separatorName(separator: CsvSeparator, t: TFunction): string {
  if (separator === 'tab') return t('importReasons.separator.tab');
  return separator === ';' ? t('importReasons.separator.semicolon') : t('importReasons.separator.comma');
}

/**
 * The words of a reason, or null when there is none this client knows (no reason, a code a newer
 * server added, `refused`): the dialog then shows the error's English message.
 */
export function reasonParts(reason: ImportReason | undefined, t: TFunction): ReasonPart[] | null {
  if (typeof reason?.code !== 'string') return null;
  switch (reason.code) {
    case 'too_large':
      return wordsOnly(t('importReasons.tooLarge', { max: reason.maxMiB }));
    case 'utf16':
      return wordsOnly(t('importReasons.utf16'));
    case 'not_utf8':
      return wordsOnly(t('importReasons.notUtf8'));
    case 'csv_syntax':
      switch (reason.problem) {
        case 'unclosed_quote':
          return wordsOnly(t('importReasons.unclosedQuote'));
        case 'stray_quote':
          return wordsOnly(t('importReasons.strayQuote'));
        case 'text_after_quote':
          return wordsOnly(
            t('importReasons.textAfterQuote', { separator: separatorName(reason.separator, t) }),
          );
        case 'unreadable':
          return wordsOnly(t('importReasons.unreadable'));
        default:
          return unknownReason(reason.problem);
      }
    case 'empty_file':
      return withValues({ example: example(reason.separator) }, (v) => t('importReasons.emptyFile', v));
    case 'missing_columns':
      return reason.columns.length === 1
        ? withValues({ column: reason.columns[0] ?? '', example: example(reason.separator) }, (v) =>
            t('importReasons.missingColumn', v),
          )
        : withValues({ name: 'name', delegation: 'delegation', example: example(reason.separator) }, (v) =>
            t('importReasons.missingNameAndDelegation', v),
          );
    case 'duplicate_column':
      return withValues({ column: reason.column }, (v) => t('importReasons.duplicateColumn', v));
    case 'too_many_rows':
      return wordsOnly(t('importReasons.tooManyRows', { rows: reason.rows, max: reason.max }));
    case 'ragged_row':
      return wordsOnly(
        t('importReasons.raggedRow', {
          cells: reason.cells,
          header: reason.header,
          separator: separatorName(reason.separator, t),
        }),
      );
    case 'empty':
      return withValues({ column: reason.column }, (v) => t('importReasons.empty', v));
    case 'too_long':
      return withValues({ column: reason.column }, (v) =>
        t('importReasons.tooLong', { ...v, max: reason.max }),
      );
    case 'invisible_character':
      return withValues({ column: reason.column, codePoint: reason.codePoint }, (v) =>
        t('importReasons.invisibleCharacter', v),
      );
    case 'combining_marks':
      return withValues({ column: reason.column }, (v) => t('importReasons.combiningMarks', v));
    case 'unknown_value': {
      const accepted = Object.hasOwn(ACCEPTED, reason.field) ? ACCEPTED[reason.field] : null;
      if (!accepted) return null; // a column this client does not know
      return withValues({ column: reason.column, value: reason.value, values: accepted.join(', ') }, (v) =>
        t(`importReasons.unknown.${reason.field}`, v),
      );
    }
    case 'bad_value':
      return withValues({ column: reason.column, value: reason.value }, (v) =>
        reason.field === 'email' ? t('importReasons.badEmail', v) : t('importReasons.badValue', v),
      );
    case 'unreadable_row':
      return wordsOnly(t('importReasons.unreadableRow'));
    case 'same_as_line':
      return wordsOnly(t('importReasons.sameAsLine', { line: reason.line }));
    case 'appointment':
      return wordsOnly(t(`importReasons.appointment.${reason.role}`));
    case 'handling':
      return wordsOnly(t(`importReasons.handling.${reason.role}`));
    case 'not_manager':
      return wordsOnly(t('importReasons.notManager'));
    case 'own_role':
      return wordsOnly(t('importReasons.ownRole'));
    case 'presides':
      return withValues({ name: reason.name }, (v) => t('importReasons.presides', v));
    case 'rto_needed':
      return wordsOnly(t('importReasons.rtoNeeded'));
    case 'email_taken':
      return withValues({ name: reason.name, delegation: reason.delegation }, (v) =>
        t('importReasons.emailTaken', v),
      );
    case 'quota':
      return wordsOnly(t('importReasons.quota', { max: reason.max }));
    case 'refused':
      return null;
    default:
      return unknownReason(reason);
  }
}

/**
 * Every code is handled above (the type checks it); a code this client does not know yet comes from
 * a newer server at run time and is shown as the English message, not thrown as `assertNever` would.
 */
function unknownReason(_reason: never): null {
  return null;
}
