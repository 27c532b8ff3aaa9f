// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { P } from '../../../shared/domain/fixtures';
import { AdminApp } from './AdminApp';
import { cleanAdmin, renderAdmin } from './test/renderAdmin';

afterEach(() => {
  cleanup();
  cleanAdmin();
});

const focused = () => document.activeElement;
/** What a screen reader reads after a field's name: its hint and what is wrong with it. */
const describedBy = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const posts = (api: { calls: { method: string; path: string; body: unknown }[] }, path: string) =>
  api.calls.filter((c) => c.method !== 'GET' && c.path === path);

describe('signing in', () => {
  it('asks for the admin token, says when it is refused, and keeps the right one for this tab', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin(() => <AdminApp initialToken={null} />);
    const field = screen.getByLabelText('Admin token');
    expect(field.getAttribute('type')).toBe('password');
    expect(focused()).toBe(field);

    await user.type(field, 'not-the-token{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('This admin token was refused');
    expect(sessionStorage.getItem('irm.adminToken')).toBeNull();
    // The form again, ready to paste into.
    expect(focused()).toBe(screen.getByLabelText('Admin token'));

    await user.type(screen.getByLabelText('Admin token'), `${api.adminToken}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Meetings' })).toBeTruthy();
    expect(sessionStorage.getItem('irm.adminToken')).toBe(api.adminToken);
    expect(await screen.findByRole('row', { name: /IRM-1 for WTDC-25/ })).toBeTruthy();
  });

  it('sends a participant’s join token back to the form, saying it is not the admin token', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin(() => <AdminApp initialToken={null} />);
    await user.type(
      screen.getByLabelText('Admin token'),
      `${api.tokenFor(api.demo.id, P.secretariat)}{Enter}`,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('This is a participant’s link');
  });
});

describe('the list of meetings', () => {
  it('creates a meeting from wall-clock times in its zone, refusing a time the clocks skip, and shows the chair’s link once', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />);
    const create = await screen.findByRole('button', { name: 'Create meeting' });
    await user.click(create);
    const dialog = screen.getByRole('dialog', { name: 'Create a meeting' });
    const form = within(dialog);
    expect(focused()).toBe(form.getByLabelText('Title'));

    await user.type(form.getByLabelText('Title'), 'IRM-2');
    // Geneva is not an IANA name: the search finds the zone that keeps its time, and, the only
    // match, chooses it without Enter (and says so), written without its accent too.
    await user.type(form.getByLabelText('Search time zones'), 'geneve');
    expect((form.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Zurich');
    expect(describedBy(form.getByLabelText('Search time zones'))).toBe(
      'One zone matches: Europe/Zurich is chosen.',
    );
    const start = within(form.getByRole('group', { name: 'Start (meeting time, Europe/Zurich)' }));
    const end = within(form.getByRole('group', { name: 'End (meeting time, Europe/Zurich)' }));
    // 29 March 2026: clocks in Geneva go from 02:00 to 03:00.
    fireEvent.change(start.getByLabelText('Date'), { target: { value: '2026-03-29' } });
    fireEvent.change(start.getByLabelText('Time'), { target: { value: '02:30' } });
    fireEvent.change(end.getByLabelText('Date'), { target: { value: '2026-03-30' } });
    fireEvent.change(end.getByLabelText('Time'), { target: { value: '12:00' } });
    await user.click(form.getByRole('button', { name: 'Create meeting' }));
    expect(describedBy(start.getByLabelText('Date'))).toContain(
      'This time does not exist on that day in Europe/Zurich: the clocks go forward. Choose another time.',
    );
    expect(focused()).toBe(start.getByLabelText('Date'));
    expect(start.getByLabelText('Time').getAttribute('aria-invalid')).toBe('true');
    expect(posts(api, '/api/meetings')).toEqual([]);

    fireEvent.change(start.getByLabelText('Time'), { target: { value: '03:30' } });
    const speaking = within(form.getByRole('group', { name: 'Default speaking time' }));
    await user.clear(speaking.getByLabelText('Minutes'));
    await user.type(speaking.getByLabelText('Minutes'), '2');
    await user.clear(speaking.getByLabelText('Seconds'));
    await user.type(speaking.getByLabelText('Seconds'), '30');
    await user.click(form.getByLabelText('Video-call link'));
    await user.paste('https://meet.example.org/irm-2');
    await user.click(form.getByLabelText('Chair’s name'));
    await user.paste('Amina Diallo');
    await user.click(form.getByRole('button', { name: 'Create meeting' }));

    const done = await form.findByRole('heading', { name: '“IRM-2” is created' });
    expect(focused()).toBe(done);
    expect(posts(api, '/api/meetings').map((c) => c.body)).toEqual([
      {
        title: 'IRM-2',
        timezone: 'Europe/Zurich',
        // 03:30 summer time is 01:30 UTC; 12:00 the next day is 10:00 UTC.
        startsAt: Date.parse('2026-03-29T01:30:00Z'),
        endsAt: Date.parse('2026-03-30T10:00:00Z'),
        defaultSpeakingSeconds: 150,
        videoUrl: 'https://meet.example.org/irm-2',
        chairName: 'Amina Diallo',
      },
    ]);
    const link = form.getByLabelText('Chair’s join link') as HTMLInputElement;
    expect(link.value).toMatch(/^http:\/\/irm\.test\/join#token=/);
    await user.click(form.getByRole('button', { name: 'Copy the link' }));
    expect(form.getByRole('status').textContent).toBe('Copied.');
    expect(await navigator.clipboard.readText()).toBe(link.value);

    await user.click(form.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = within(screen.getByRole('row', { name: /IRM-2/ }));
    expect(row.getByText(/^Starts/).textContent).toMatch(/Starts .*3:30.*\(meeting time\)/);
    expect(row.getByText('Europe/Zurich').closest('small')!.textContent).toBe('Europe/Zurich · UTC+02:00');
    // The focus is on the new meeting, ready to open it.
    expect(focused()).toBe(row.getByRole('button', { name: 'Open IRM-2' }));
    // Newest first: IRM-2 (March 2026) above the demo, which has no dates.
    expect(screen.getAllByTestId('meeting-row')[0]!.textContent).toContain('IRM-2');
  });

  it('shows the server’s refusal next to the field it names', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />);
    await user.click(await screen.findByRole('button', { name: 'Create meeting' }));
    const form = within(screen.getByRole('dialog'));
    // A zero-width space the form lets through and the server refuses in titles.
    await user.type(form.getByLabelText('Title'), 'IRM\u200B-2');
    await user.click(form.getByRole('button', { name: 'Create meeting' }));
    const title = form.getByLabelText('Title');
    await act(async () => {});
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(title)).toMatch(/zero width space/);
    expect(focused()).toBe(title);
    expect(form.getByRole('status').textContent).toBe('Not sent: correct the fields marked.');
    expect(posts(api, '/api/meetings')).toHaveLength(1);
  });

  it('archives and brings back in place, the focus following the meeting', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />);
    const archive = await screen.findByRole('button', { name: 'Archive IRM-1 for WTDC-25' });
    await user.click(archive);
    const ask = screen.getByRole('group', { name: /Archive “IRM-1 for WTDC-25”\?/ });
    // On Cancel: the Enter that asked, pressed again, archives nothing.
    expect(focused()).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('group', { name: /Archive “/ })).toBeNull();
    expect(api.demo.archived).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Archive IRM-1 for WTDC-25' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /Archive “/ })).toBeNull();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Archive IRM-1 for WTDC-25' }));

    await user.click(screen.getByRole('button', { name: 'Archive IRM-1 for WTDC-25' }));
    await user.click(
      within(screen.getByRole('group', { name: /Archive “/ })).getByRole('button', { name: 'Archive' }),
    );
    expect(await screen.findByText('is archived.', { exact: false })).toBeTruthy();
    expect(api.demo.archived).toBe(true);
    const group = screen.getByText('Archived (1)').closest('details')!;
    expect(group.open).toBe(true);
    expect(focused()).toBe(within(group).getByRole('button', { name: 'Open IRM-1 for WTDC-25' }));
    expect(screen.getByText('No meeting is in use. Create one to begin.')).toBeTruthy();

    await user.click(within(group).getByRole('button', { name: 'Bring back IRM-1 for WTDC-25' }));
    await user.click(screen.getByRole('button', { name: 'Bring back' }));
    expect(await screen.findByText('is back in use.', { exact: false })).toBeTruthy();
    expect(api.demo.archived).toBe(false);
    expect(screen.queryByText(/^Archived \(/)).toBeNull();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Open IRM-1 for WTDC-25' }));
  });

  it('clones a meeting with new dates in the source’s zone and shows the new chair’s link', async () => {
    const user = userEvent.setup();
    const { api } = renderAdmin((a) => <AdminApp initialToken={a.adminToken} />);
    await user.click(await screen.findByRole('button', { name: 'Clone IRM-1 for WTDC-25' }));
    const form = within(screen.getByRole('dialog', { name: 'Clone “IRM-1 for WTDC-25”' }));
    await user.type(form.getByLabelText('Title of the new meeting'), 'IRM-2');
    const start = within(form.getByRole('group', { name: 'Start (meeting time, Europe/Zurich)' }));
    fireEvent.change(start.getByLabelText('Date'), { target: { value: '2026-10-25' } });
    // Geneva's clocks go back that night: 02:30 happens twice, and the form says which is meant.
    fireEvent.change(start.getByLabelText('Time'), { target: { value: '02:30' } });
    expect(start.getByText(/happens twice/)).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Clone meeting' }));
    expect(await form.findByRole('heading', { name: '“IRM-2” is created' })).toBeTruthy();
    const clone = posts(api, `/api/meetings/${api.demo.id}/clone`);
    expect(clone.map((c) => c.body)).toEqual([
      { title: 'IRM-2', startsAt: Date.parse('2026-10-25T00:30:00Z'), endsAt: null },
    ]);
    expect((form.getByLabelText('Chair’s join link') as HTMLInputElement).value).toContain('#token=');
  });
});
