import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { ru } from './locales/ru';
import { zh } from './locales/zh';

/** The six official languages of the ITU, each named in itself. */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const resources = {
  ar: { translation: ar },
  zh: { translation: zh },
  en: { translation: en },
  fr: { translation: fr },
  ru: { translation: ru },
  es: { translation: es },
};

const STORAGE_KEY = 'irm.language';

/** Whether a language was chosen in this browser's menu before (and is kept). */
export const languageChosen = (): boolean => !!globalThis.localStorage?.getItem(STORAGE_KEY);

/**
 * The language chosen in the menu: shown at once and kept for the next pages. (A language the page
 * took from the browser or from the participant's registration is not kept: it is no choice.)
 */
export function chooseLanguage(i18n: { changeLanguage: (code: string) => unknown }, code: string): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, code);
  void i18n.changeLanguage(code);
}

function initialLanguage(): LanguageCode {
  const wanted = [globalThis.localStorage?.getItem(STORAGE_KEY), ...(globalThis.navigator?.languages ?? [])];
  for (const tag of wanted) {
    const code = tag?.slice(0, 2).toLowerCase();
    const known = LANGUAGES.find((l) => l.code === code);
    if (known) return known.code;
  }
  return 'en';
}

/** Sets `lang` and `dir` on the page so Arabic lays out right to left and screen readers switch voice. */
function applyToDocument(code: string): void {
  if (typeof document === 'undefined') return;
  const language = LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[2];
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

export function setupI18n(language: LanguageCode = initialLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (code) => {
      applyToDocument(code);
    });
  } else void i18next.changeLanguage(language);
  applyToDocument(i18next.language);
  return i18next;
}
