import type { en } from './locales/en';

// Types every `t('…')` key against the English locale (the source language: the others have exactly
// its keys, locales.test.ts), so a misspelt key fails `npm run typecheck` instead of showing the key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
