// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ITEM, P } from '../../../shared/domain/fixtures';
import { AdminApp } from './AdminApp';
import { ManageApp } from './ManageApp';
import { cleanAdmin, renderAdmin } from './test/renderAdmin';

afterEach(() => {
  cleanup();
  cleanAdmin();
});

const focused = () => document.activeElement;
const DEMO = '/admin/meetings/m_irm1';

describe('a meeting’s workspace', () => {
  it('opens on the meeting’s title, with tabs moved by the arrow keys, mirrored in Arabic', async () => {
    const user = userEvent.setup();
    renderAdmin((a) => <AdminApp initialToken={a.adminToken} />, { path: DEMO });
    const title = await screen.findByRole('heading', { level: 1, name: 'IRM-1 for WTDC-25' });
    expect(focused()).toBe(title);
    const settings = screen.getByRole('tab', { name: 'Settings' });
    expect(settings.getAttribute('aria-selected')).toBe('true');
    await user.click(settings);
    await user.keyboard('{ArrowRight}');
    const participants = screen.getByRole('tab', { name: 'Participants' });
    expect(focused()).toBe(participants);
    expect(participants.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Participants' })).toBeTruthy();
    await user.keyboard('{Home}');
    expect(focused()).toBe(settings);
    cleanup();
    cleanAdmin();

    renderAdmin((a) => <AdminApp initialToken={a.adminToken} />, { path: DEMO, language: 'ar' });
    await screen.findByRole('heading', { level: 1, name: 'IRM-1 for WTDC-25' });
    expect(document.documentElement.dir).toBe('rtl');
    await user.click(screen.getByRole('tab', { name: 'الإعدادات' }));
    // Right to left, the next tab is on the left.
    await user.keyboard('{ArrowLeft}');
    expect(focused()).toBe(screen.getByRole('tab', { name: 'المشاركون' }));
  });

  it('saves the video link and the speaking time, says so, and keeps a bad link from being sent', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />, { path: DEMO });
    const form = within(await screen.findByRole('form', { name: 'Meeting settings' }));
    const video = form.getByLabelText('Video-call link');
    await user.click(video);
    await user.paste('http://meet.example.org/irm-1');
    await user.click(form.getByRole('button', { name: 'Save settings' }));
    expect(focused()).toBe(video);
    expect(video.getAttribute('aria-invalid')).toBe('true');
    expect(form.getByText('Give an address that starts with https://')).toBeTruthy();
    expect(form.getByRole('status').textContent).toBe('Not saved: correct the fields marked.');
    expect(api.calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await user.clear(video);
    await user.paste('https://meet.example.org/irm-1');
    const speaking = within(form.getByRole('group', { name: 'Default speaking time' }));
    expect((speaking.getByLabelText('Minutes') as HTMLInputElement).value).toBe('3');
    await user.clear(speaking.getByLabelText('Minutes'));
    await user.type(speaking.getByLabelText('Minutes'), '4');
    await user.click(form.getByLabelText('Delegations that have not spoken go first'));
    await user.click(form.getByRole('button', { name: 'Save settings' }));
    expect((await form.findByText(/^Saved at/)).getAttribute('role')).toBe('status');
    expect(form.getByRole('status').textContent).toMatch(/^Saved at .*\(your time\)\.$/);
    expect(video.getAttribute('aria-invalid')).toBeNull();
    expect(api.demo.videoUrl).toBe('https://meet.example.org/irm-1');
    expect(api.demo.floor.limitSeconds).toBe(240);
    expect(api.demo.options.newDelegationsFirst).toBe(true);
  });

  it('adds, reorders and removes an agenda item’s documents, each saved with PUT, the focus following', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />, { path: DEMO });
    const item = within(await screen.findByRole('region', { name: /Opening and adoption of the agenda/ }));
    const add = async (symbol: string, title: string, languages: string[]) => {
      await user.click(item.getByRole('button', { name: 'Add a document to item 1' }));
      const form = within(item.getByRole('form', { name: 'New document' }));
      expect(focused()).toBe(form.getByLabelText('Symbol'));
      await user.paste(symbol);
      await user.click(form.getByLabelText('Title'));
      await user.paste(title);
      await user.click(form.getByLabelText('Address (URL)'));
      await user.paste(`https://www.itu.int/md/D22-IRM1-C-000${symbol.slice(-1)}/en`);
      for (const language of languages) await user.click(form.getByLabelText(language));
      await user.click(form.getByRole('button', { name: 'Save document' }));
    };
    await add('IRM-1/3', 'Draft agenda', ['French', 'English']);
    expect(await item.findByText(/^Documents saved at/)).toBeTruthy();
    expect(focused()).toBe(item.getByRole('button', { name: 'Edit IRM-1/3' }));
    expect(item.getByText('English, French')).toBeTruthy();
    await add('IRM-1/4', 'Time management plan', []);
    await item.findByRole('button', { name: 'Edit IRM-1/4' });
    const symbols = () =>
      api
        .meeting('m_irm1')
        .agenda.find((i) => i.id === ITEM.opening)!
        .documents.map((d) => d.symbol);
    expect(symbols()).toEqual(['IRM-1/3', 'IRM-1/4']);
    const puts = api.calls.filter((c) => c.method === 'PUT');
    expect(puts[0]).toEqual({
      method: 'PUT',
      path: `/api/meetings/m_irm1/agenda/${ITEM.opening}/documents`,
      body: {
        documents: [
          {
            symbol: 'IRM-1/3',
            title: 'Draft agenda',
            url: 'https://www.itu.int/md/D22-IRM1-C-0003/en',
            // In the ITU's order of the six, whatever order they were ticked in.
            languages: ['en', 'fr'],
          },
        ],
      },
    });

    await user.click(item.getByRole('button', { name: 'Move up IRM-1/4' }));
    await item.findByText(/^Documents saved at/);
    expect(symbols()).toEqual(['IRM-1/4', 'IRM-1/3']);
    // At the top, its Move up is disabled: the focus is on its Move down.
    expect(focused()).toBe(item.getByRole('button', { name: 'Move down IRM-1/4' }));

    await user.click(item.getByRole('button', { name: 'Remove IRM-1/4' }));
    const question = { name: 'Remove “IRM-1/4” from this item?' };
    // The focus starts on Keep, and Escape keeps it, the focus back on Remove.
    expect(focused()).toBe(within(item.getByRole('group', question)).getByRole('button', { name: 'Keep' }));
    await user.keyboard('{Escape}');
    expect(item.queryByRole('group', question)).toBeNull();
    expect(focused()).toBe(item.getByRole('button', { name: 'Remove IRM-1/4' }));
    await user.click(item.getByRole('button', { name: 'Remove IRM-1/4' }));
    const ask = within(item.getByRole('group', question));
    await user.click(ask.getByRole('button', { name: 'Remove' }));
    await item.findByText(/^Documents saved at/);
    expect(symbols()).toEqual(['IRM-1/3']);
    expect(focused()).toBe(item.getByRole('button', { name: 'Edit IRM-1/3' }));
  });
});

describe('/manage', () => {
  it('shows the chair the settings read-only, and gives the secretariat the Save button', async () => {
    const chair = renderAdmin((a) => <ManageApp token={a.tokenFor('m_irm1', P.chair)} />, {
      path: '/manage',
    });
    const form = within(await screen.findByRole('form', { name: 'Meeting settings' }));
    expect(form.getByText('Only the secretariat and the administrator change these settings.')).toBeTruthy();
    expect((form.getByLabelText('Title') as HTMLInputElement).disabled).toBe(true);
    expect(form.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add a document/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the meeting room' }).getAttribute('href')).toBe('/join');
    expect(chair.api.calls.map((c) => c.path)).toEqual(['/api/me', '/api/meetings/m_irm1']);
    cleanup();
    cleanAdmin();

    renderAdmin((a) => <ManageApp token={a.tokenFor('m_irm1', P.secretariat)} />, { path: '/manage' });
    const secretariat = within(await screen.findByRole('form', { name: 'Meeting settings' }));
    expect(secretariat.getByRole('button', { name: 'Save settings' })).toBeTruthy();
  });

  it('sends a delegate back to the room', async () => {
    renderAdmin((a) => <ManageApp token={a.tokenFor('m_irm1', P.brazil)} />, { path: '/manage' });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This workspace is for the secretariat and the chair',
    );
    expect(screen.getByRole('link', { name: 'Back to the meeting room' })).toBeTruthy();
  });
});
