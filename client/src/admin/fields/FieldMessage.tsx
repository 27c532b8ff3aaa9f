import { useTranslation } from 'react-i18next';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import type { Problem } from '../meetingForm';

/**
 * What is wrong with a field, shown under it and read with it (the field's `aria-describedby` names
 * `id`): a problem the form found, in the interface's language, or the server's words (English, as
 * the API writes them, marked so a screen reader reads them as English).
 */
export interface FieldTrouble {
  problem?: Problem | undefined;
  /** Values the problem's sentence names: the time zone. */
  values?: { zone: string };
  server?: string | undefined;
}

export function FieldMessage({ id, trouble }: { id: string; trouble: FieldTrouble | undefined }) {
  const { t } = useTranslation();
  if (!trouble?.problem && !trouble?.server) return null;
  return (
    <p id={id} className="admin-field-error">
      {trouble.problem
        ? isolatedIn(t(`admin.problem.${trouble.problem}`, { zone: SLOT_VALUE }), trouble.values?.zone ?? '')
        : null}
      {trouble.problem && trouble.server ? ' ' : null}
      {trouble.server ? (
        <span lang="en" dir="auto">
          {trouble.server}
        </span>
      ) : null}
    </p>
  );
}

/** Whether the field has something wrong, for `aria-invalid`. */
export const troubled = (trouble: FieldTrouble | undefined): boolean =>
  !!(trouble?.problem || trouble?.server);

/** The ids a field's `aria-describedby` lists: its hint and its trouble, when they are shown. */
export function describedBy(
  id: string,
  hint: boolean,
  trouble: FieldTrouble | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, troubled(trouble) ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
