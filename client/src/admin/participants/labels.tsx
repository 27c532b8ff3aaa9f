import type { Language } from '../../../../shared';
import { LANGUAGES } from '../../i18n';

/** A language named in itself ("العربية", "Français"), as the language menu names it. */
export function languageName(code: Language): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

/** "Name (Delegation)", each part isolated, so an Arabic name keeps its order in an English line. */
export function PersonName({ person }: { person: { name: string; delegation: string } }) {
  return (
    <>
      <bdi>{person.name}</bdi> (<bdi>{person.delegation}</bdi>)
    </>
  );
}

/** The same as one plain string, for `isolatedIn` (which wraps it in a single `<bdi>`). */
export const personText = (person: { name: string; delegation: string }): string =>
  `${person.name} (${person.delegation})`;
