import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../components/LanguageSelect';

interface TopBarProps {
  /** Whose workspace this is: "Administration", "Secretariat workspace". */
  place: string;
  /** The administrator signs out (the token is forgotten on this device). */
  onSignOut?: (() => void) | undefined;
}

/** The workspace's banner: the application and place, the language, and signing out. */
export function TopBar({ place, onSignOut }: TopBarProps) {
  const { t } = useTranslation();
  return (
    <header className="topbar admin-topbar">
      <p className="admin-brand">
        <span>IRM Room</span> <span className="admin-place">{place}</span>
      </p>
      <div className="topbar-tools">
        <LanguageSelect />
        {onSignOut && (
          <button type="button" className="admin-signout" onClick={onSignOut}>
            {t('admin.signIn.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
