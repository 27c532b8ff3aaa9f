import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { setupI18n } from '../../i18n';
import { FakeApi } from './fakeApi';

/**
 * Renders a workspace component in a language, with the browser's `fetch` answered by a fresh
 * in-memory API (./fakeApi.ts) at `path` (`/admin`, `/admin/meetings/<id>`, `/manage`).
 * `cleanAdmin` in afterEach puts the globals back.
 */
export function renderAdmin(
  ui: (api: FakeApi) => ReactNode,
  { language = 'en', path = '/admin' }: { language?: 'en' | 'ar' | 'fr'; path?: string } = {},
) {
  const api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  history.replaceState(null, '', path);
  const i18n = setupI18n(language);
  const view = render(<I18nextProvider i18n={i18n}>{ui(api)}</I18nextProvider>);
  return { api, ...view };
}

export function cleanAdmin(): void {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  setupI18n('en');
}
