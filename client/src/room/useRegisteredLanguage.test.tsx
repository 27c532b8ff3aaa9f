// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evolve } from '../../../shared';
import { P } from '../../../shared/domain/fixtures';
import { chooseLanguage, setupI18n } from '../i18n';
import { localRoom } from '../test/localRoom';
import { RoomProvider } from './RoomContext';
import { useRegisteredLanguage } from './useRegisteredLanguage';

function Probe() {
  useRegisteredLanguage();
  return null;
}

/** Kenya's delegate, registered in French. */
function renderRegisteredInFrench(i18n: ReturnType<typeof setupI18n>) {
  const local = localRoom(P.kenya);
  local.set({
    meeting: evolve(local.room.meeting, {
      type: 'participant.updated',
      participantId: P.kenya,
      changes: { lang: 'fr' },
    }),
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RoomProvider room={local.port}>
        <Probe />
      </RoomProvider>
    </I18nextProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the language a participant was registered with', () => {
  it('opens the room in it when this browser has chosen none', async () => {
    const i18n = setupI18n('en'); // the page's default language: no choice
    renderRegisteredInFrench(i18n);
    await expect.poll(() => i18n.language).toBe('fr');
  });

  it('leaves a language chosen in the menu as it is', async () => {
    const i18n = setupI18n('en');
    chooseLanguage(i18n, 'ar'); // as the menu does
    renderRegisteredInFrench(i18n);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(i18n.language).toBe('ar');
  });
});
