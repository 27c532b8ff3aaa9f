import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES } from '../i18n';

/** The interface's language, each named in itself: the room's header and the workspace's banner. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('header.language')}</span>
      <select value={i18n.language} onChange={(e) => chooseLanguage(i18n, e.target.value)}>
        <LanguageOptions />
      </select>
    </label>
  );
}

/** The six languages as a select's options, each named in itself (and marked as in its language). */
export function LanguageOptions() {
  return LANGUAGES.map((l) => (
    <option key={l.code} value={l.code} lang={l.code}>
      {l.name}
    </option>
  ));
}
