import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

interface TopBarProps {
  /** Whose workspace this is: "Administration", "Secretariat workspace". */
  place: string;
  /** The administrator signs out (the token is forgotten on this device). */
  onSignOut?: (() => void) | undefined;
}

/** The workspace's banner: the application and place, the language, and signing out. */
export function TopBar({ place, onSignOut }: TopBarProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="topbar admin-topbar">
      <p className="admin-brand">
        <span>IRM Room</span> <span className="admin-place">{place}</span>
      </p>
      <div className="topbar-tools">
        <label className="language">
          <span>{t('header.language')}</span>
          <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {onSignOut && (
          <button type="button" className="admin-signout" onClick={onSignOut}>
            {t('admin.signIn.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
