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

/** An e-mail address that wraps after its "@" and before a dot rather than anywhere in a word. */
export function EmailText({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at < 0) return <bdi>{email}</bdi>;
  const domain = email.slice(at + 1).split('.');
  return (
    <bdi>
      {email.slice(0, at + 1)}
      <wbr />
      {domain.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
        <span key={i}>
          {i > 0 && (
            <>
              <wbr />.
            </>
          )}
          {part}
        </span>
      ))}
    </bdi>
  );
}
