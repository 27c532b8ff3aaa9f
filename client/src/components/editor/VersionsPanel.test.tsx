// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { P } from '../../../../shared/domain/fixtures';
import { localDocConnection } from '../../collab/docConnection';
import type { Version, VersionsApi } from '../../collab/versions';
import { localRoom, renderWith } from '../../test/localRoom';
import { VersionsPanel } from './VersionsPanel';

afterEach(cleanup);

const BASE: Version = {
  id: 'v_base_x',
  name: 'Base text',
  createdBy: null,
  createdAt: Date.UTC(2026, 0, 5, 8, 0),
};

/** The versions HTTP API over a list in memory (the server's part is tested in tests/integration). */
function memoryApi(versions: Version[]): VersionsApi {
  return {
    list: async () => [...versions],
    save: async (name) => {
      const v = { id: `v${versions.length}`, name, createdBy: P.kenya, createdAt: Date.now() };
      versions.push(v);
      return v;
    },
    load: async () => new Y.Doc(),
  };
}

function setup(language: 'en' | 'fr' | 'ar' = 'en') {
  const local = localRoom(P.kenya, { open: true });
  const connection = localDocConnection();
  const stored = [BASE];
  renderWith(
    local.port,
    <VersionsPanel
      api={memoryApi(stored)}
      connection={connection}
      canSave
      comparing={null}
      onCompare={() => undefined}
    />,
    language,
  );
  return { connection, stored };
}

const rows = () => within(screen.getByTestId('versions')).getAllByRole('listitem');

describe('the versions list', () => {
  it('shows a version someone else saved as soon as the server announces it, once', async () => {
    const { connection, stored } = setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const theirs = { id: 'v9', name: 'After the first reading', createdBy: P.brazil, createdAt: Date.now() };
    stored.push(theirs);
    act(() => connection.announceVersion(theirs));
    expect(rows().map((r) => r.querySelector('.version-name')?.textContent)).toEqual([
      'Base text',
      'After the first reading',
    ]);
    expect(screen.getByRole('status').textContent).toContain('New version saved');
    act(() => connection.announceVersion(theirs));
    expect(rows()).toHaveLength(2);
  });

  it('names the base text in the UI language and says which clock its time is on', async () => {
    setup('fr');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.querySelector('.version-name')?.textContent).toBe('Texte de base');
    // 08:00 UTC is 09:00 in Zurich, the meeting's time zone.
    expect(rows()[0]!.textContent).toMatch(/09:00 \(heure de la réunion\)/);
  });
});
