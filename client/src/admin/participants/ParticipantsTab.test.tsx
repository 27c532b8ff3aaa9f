// @vitest-environment jsdom
import { act, cleanup, configure, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ADMIN,
  asId,
  evolve,
  type ImportResult,
  type Meeting,
  type ParticipantId,
  updateParticipant,
} from '../../../../shared';
import { demoMeeting, P } from '../../../../shared/domain/fixtures';
import { setupI18n } from '../../i18n';
import { participantsApi } from './api';
import { fakeApi } from './fakeApi';
import { ParticipantsTab, type ParticipantsTabProps } from './ParticipantsTab';
import { useParticipantList } from './useParticipantList';

type Fake = ReturnType<typeof fakeApi>;

/** Replaces a field's text, as a paste: one change instead of a render per key. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

// jsdom lays nothing out: give the table's frame a height, so the virtualiser shows a screenful.
// Role queries skip jsdom's slow visibility check (computed styles up the tree for every element):
// nothing here is hidden by CSS, and the dialogs are in the page only while open.
beforeAll(() => configure({ defaultHidden: true }));
afterAll(() => configure({ defaultHidden: false }));
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('people-scroll') ? 1000 : 0;
    },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // Back to Element.prototype's own.
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  setupI18n('en');
});

function renderTab(
  fake: Fake,
  props: Partial<ParticipantsTabProps> = {},
  language: 'en' | 'ar' | 'fr' = 'en',
) {
  vi.stubGlobal('fetch', fake.fetch);
  const i18n = setupI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <ParticipantsTab token="tok" meetingId={fake.meeting.id} canManage mail {...props} />
    </I18nextProvider>,
  );
}

// Queries are scoped (a row, the toolbar, the filters, a dialog): a role query over the whole table
// computes every button's name and takes a second in jsdom.
const rowOf = (name: string, delegation: string) =>
  [...document.querySelectorAll<HTMLElement>('tbody tr[data-row-id]')].find(
    (tr) => tr.querySelector('th')?.textContent === name && tr.children[2]?.textContent === delegation,
  );
const inRow = (name: string, delegation: string) => within(rowOf(name, delegation)!);
const toolbar = () => within(document.querySelector<HTMLElement>('.people-toolbar')!);
const filterBar = () => within(document.querySelector<HTMLElement>('.people-filters')!);
const searchBox = () => filterBar().getByLabelText('Search name, delegation or e-mail');
const count = () => document.querySelector('.people-count')!.textContent;
const loaded = async (n = 22) => waitFor(() => expect(count()).toBe(`${n} of ${n}`));

/** The demo meeting with Ana (Brazil) reachable by e-mail and Amina (Kenya) invited once. */
function meetingWithContacts(): Meeting {
  let m = demoMeeting();
  const decision = updateParticipant(m, ADMIN, P.brazil, { email: 'ana@example.org', lang: 'es' });
  if (!decision.ok) throw new Error(decision.error.message);
  for (const event of decision.events) m = evolve(m, event);
  return evolve(m, {
    type: 'participant.invited',
    participantIds: [P.kenya],
    at: Date.UTC(2025, 6, 10, 8, 30),
  });
}

describe('the table', () => {
  it('lists everyone with their details, the invitation time on its clock, and narrows by search and filter', async () => {
    const user = userEvent.setup();
    renderTab(fakeApi({ meeting: meetingWithContacts() }));
    await loaded();
    const amina = rowOf('Amina', 'Kenya')!;
    expect(within(amina).getByText('Delegate')).toBeTruthy();
    expect(within(amina).getByText('Africa')).toBeTruthy();
    // The meeting's zone (Europe/Zurich) once the meeting is read: 10:30, labelled.
    await waitFor(() => expect(amina.textContent).toContain('7/10/25, 10:30 AM (meeting time)'));
    const ana = rowOf('Ana', 'Brazil')!;
    expect(ana.querySelector('bdi')?.textContent).toBe('Ana');
    expect(ana.querySelector('.people-email > bdi')?.textContent).toBe('ana@example.org');
    expect(within(ana).getByText('Español')).toBeTruthy();
    expect(within(ana).getByText('Not invited')).toBeTruthy();

    await fill(user, searchBox(), 'kenya');
    expect(count()).toBe('2 of 22');
    await fill(user, searchBox(), 'ANA@EXAMPLE');
    expect(count()).toBe('1 of 22');
    await user.selectOptions(filterBar().getByLabelText('Region'), 'AFR');
    expect(count()).toBe('0 of 22');
    expect(screen.getByText('No participant matches the search and filters.')).toBeTruthy();
    await user.click(filterBar().getByRole('button', { name: 'Clear search and filters' }));
    expect(count()).toBe('22 of 22');
    expect(document.activeElement).toBe(searchBox());
    await user.selectOptions(filterBar().getByLabelText('RTO'), 'ATU');
    await user.selectOptions(filterBar().getByLabelText('Role'), 'spokesperson');
    expect(count()).toBe('1 of 22');
  });

  it('for a reader (the chair) has no actions, tick boxes or toolbar', async () => {
    renderTab(fakeApi({ as: P.chair }), { canManage: false, mail: false });
    await loaded();
    expect(screen.getByText('You can read this list; the secretariat changes it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a participant' })).toBeNull();
  });

  it('keeps 2000 rows out of the page but the few in view, and counts them all', async () => {
    const demo = demoMeeting();
    const bulk = Array.from({ length: 2000 - demo.participants.length }, (_, i) => ({
      id: asId<ParticipantId>(`p_bulk_${i}`),
      name: `Person ${i}`,
      delegation: `Delegation ${i}`,
      role: 'delegate' as const,
      category: 'member-state' as const,
      region: 'EUR' as const,
      rto: null,
      email: `person${i}@example.org`,
      lang: null,
      tokenVersion: 0,
      invitedAt: null,
      online: i % 3 === 0,
    }));
    const m: Meeting = { ...demo, participants: [...demo.participants, ...bulk] };
    const user = userEvent.setup();
    renderTab(fakeApi({ meeting: m }));
    await loaded(2000);
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
    const shown = within(table).getAllByRole('row').length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(80);
    await fill(user, searchBox(), 'person1977@');
    expect(count()).toBe('1 of 2000');
    expect(rowOf('Person 1977', 'Delegation 1977')?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('reads the list with at most one request in flight; a reload asked meanwhile is done once after', async () => {
    const fake = fakeApi();
    vi.stubGlobal('fetch', fake.fetch);
    fake.hold();
    const api = participantsApi('tok', fake.meeting.id);
    const { result } = renderHook(() => useParticipantList(api));
    const reads = () => fake.requests.filter((r) => r.path.endsWith('/participants')).length;
    expect(reads()).toBe(1);
    for (let i = 0; i < 5; i++) act(() => result.current.reload());
    expect(reads()).toBe(1);
    await act(async () => fake.release());
    await waitFor(() => expect(reads()).toBe(2));
    await waitFor(() => expect(result.current.participants).toHaveLength(22));
  });
});

describe('adding and editing', () => {
  it('makes a delegate the spokesperson of an RTO: the RTO is then required', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({ as: P.secretariat });
    renderTab(fake);
    await loaded();
    const edit = inRow('Amina', 'Kenya').getByRole('button', { name: 'Edit Amina Kenya' });
    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Edit Amina (Kenya)' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'spokesperson');
    expect(within(dialog).getByLabelText('Category')).toHaveProperty('value', 'rto');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const rto = within(dialog).getByLabelText(/RTO \(required\)/);
    expect(document.activeElement).toBe(rto);
    expect(rto.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('A spokesperson speaks for an RTO: choose it.')).toBeTruthy();
    await user.selectOptions(rto, 'ATU');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(
        inRow('Amina', 'Kenya').getByRole('button', { name: 'Edit Amina Kenya' }),
      ),
    );
    const amina = rowOf('Amina', 'Kenya')!;
    expect(within(amina).getByText('RTO spokesperson')).toBeTruthy();
    expect(within(amina).getByText('ATU')).toBeTruthy();
    expect(fake.meeting.participants.find((p) => p.id === P.kenya)).toMatchObject({
      role: 'spokesperson',
      rto: 'ATU',
    });
    expect(document.querySelector('.people-notice')!.textContent).toBe('Amina (Kenya) saved.');
    const patch = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(JSON.parse(patch.body!)).toEqual({ role: 'spokesperson', category: 'rto', rto: 'ATU' });
  });

  it('offers the chair role to the administrator only, and leaves a vice-chair to the administrator', async () => {
    const user = userEvent.setup();
    renderTab(fakeApi({ as: P.secretariat }));
    await loaded();
    await user.click(toolbar().getByRole('button', { name: 'Add a participant' }));
    const roles = () =>
      within(screen.getByRole('dialog'))
        .getAllByRole('option')
        .filter((o) => o.parentElement?.getAttribute('name') === 'role')
        .map((o) => o.textContent);
    await waitFor(() => expect(roles()).toEqual(['Secretariat', 'RTO spokesperson', 'Delegate', 'Observer']));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(toolbar().getByRole('button', { name: 'Add a participant' })),
    );
    // A vice-chair's row: no Remove for the secretariat, and the role is locked in the form.
    expect(rowOf('VC APT', 'India')!.querySelector('[data-focus="remove"]')).toBeNull();
    await user.click(inRow('VC APT', 'India').getByRole('button', { name: 'Edit VC APT India' }));
    const role = within(screen.getByRole('dialog')).getByLabelText('Role') as HTMLSelectElement;
    expect(role.disabled).toBe(true);
    expect(screen.getByText('Only the administrator or the chair changes a vice-chair’s role.')).toBeTruthy();
    cleanup();

    renderTab(fakeApi({ as: 'admin' }));
    await loaded();
    await user.click(toolbar().getByRole('button', { name: 'Add a participant' }));
    await waitFor(() => expect(roles()).toContain('Chair'));
    expect(roles()).toContain('Vice-chair');
  });

  it('shows the server’s refusal next to the form and keeps what was typed', async () => {
    const user = userEvent.setup();
    renderTab(fakeApi({ meeting: meetingWithContacts() }));
    await loaded();
    await user.click(toolbar().getByRole('button', { name: 'Add a participant' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a participant' });
    await fill(user, within(dialog).getByLabelText('Name'), 'María');
    await fill(user, within(dialog).getByLabelText('Delegation'), 'Argentina');
    await fill(user, within(dialog).getByLabelText('E-mail'), 'not-an-address');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByText('This is not an e-mail address.')).toBeTruthy();
    await fill(user, within(dialog).getByLabelText('E-mail'), 'ANA@example.org');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toBe(
        'Not done: Ana (Brazil) already has this e-mail address.',
      ),
    );
    expect(within(dialog).getByLabelText('Name')).toHaveProperty('value', 'María');
    await fill(user, within(dialog).getByLabelText('E-mail'), 'maria@example.org');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(rowOf('María', 'Argentina')).toBeTruthy());
    expect(count()).toBe('23 of 23');
  });
});

describe('removing', () => {
  it('confirms in place, says the record stays, and moves the focus to the next row', async () => {
    const user = userEvent.setup();
    const fake = fakeApi();
    renderTab(fake);
    await loaded();
    await user.click(inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove Amina Kenya' }));
    const confirm = inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove' });
    // The focus starts on Cancel: Enter twice removes no one.
    await waitFor(() =>
      expect(document.activeElement).toBe(inRow('Amina', 'Kenya').getByRole('button', { name: 'Cancel' })),
    );
    expect(confirm.getAttribute('aria-describedby')).toBeTruthy();
    expect(inRow('Amina', 'Kenya').getByRole('group', { name: /^Remove Amina \(Kenya\)\?/ })).toBeTruthy();
    expect(rowOf('Amina', 'Kenya')!.textContent).toContain(
      'Remove Amina (Kenya)? Their past interventions stay in the record; their link stops working.',
    );
    await user.click(inRow('Amina', 'Kenya').getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove Amina Kenya' }),
      ),
    );
    // Escape cancels too, the focus back on the row's Remove.
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(inRow('Amina', 'Kenya').queryByRole('button', { name: 'Cancel' })).toBeTruthy(),
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove Amina Kenya' }),
      ),
    );
    expect(inRow('Amina', 'Kenya').queryByRole('button', { name: 'Cancel' })).toBeNull();

    await user.click(inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove Amina Kenya' }));
    await user.click(inRow('Amina', 'Kenya').getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(rowOf('Amina', 'Kenya')).toBeUndefined());
    expect(count()).toBe('21 of 21');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        inRow('Otieno', 'Kenya').getByRole('checkbox', { name: 'Select Otieno Kenya' }),
      ),
    );
    expect(document.querySelector('.people-notice')!.textContent).toBe(
      'Amina (Kenya) removed. Their past interventions stay in the record.',
    );
    expect(fake.meeting.participants.some((p) => p.id === P.kenya)).toBe(false);
  });

  it('shows why the server refused, in the row', async () => {
    const user = userEvent.setup();
    renderTab(fakeApi({ as: 'admin' }));
    await loaded();
    await user.click(
      inRow('Chair-designate', 'Azerbaijan').getByRole('button', {
        name: 'Remove Chair-designate Azerbaijan',
      }),
    );
    await user.click(inRow('Chair-designate', 'Azerbaijan').getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(within(rowOf('Chair-designate', 'Azerbaijan')!).getByRole('alert').textContent).toBe(
        'Not done: Chair-designate presides: they hand over the chair first.',
      ),
    );
  });
});

describe('the join link', () => {
  it('copies the link, shows its QR code, and reissues it after a confirmation', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderTab(fakeApi());
    await loaded();
    const open = inRow('Amina', 'Kenya').getByRole('button', { name: 'Join link Amina Kenya' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Join link of Amina (Kenya)' });
    const field = await within(dialog).findByLabelText('Personal join link');
    expect(field).toHaveProperty('value', 'http://irm.test/join#token=tok-p_kenya-v0');
    const qr = await within(dialog).findByRole('img', { name: 'QR code of the join link of Amina (Kenya)' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('http://irm.test/join#token=tok-p_kenya-v0');
    expect(within(dialog).getByRole('status').textContent).toBe('Copied.');

    await user.click(within(dialog).getByRole('button', { name: 'Reissue link' }));
    const issue = within(dialog).getByRole('button', { name: 'Issue a new link' });
    expect(document.activeElement).toBe(issue);
    expect(dialog.textContent).toContain('The current link stops working at once');
    await user.click(issue);
    await waitFor(() => expect(field).toHaveProperty('value', 'http://irm.test/join#token=tok-p_kenya-v1'));
    expect(document.activeElement).toBe(field);
    expect(within(dialog).getByRole('status').textContent).toContain('the old one no longer works');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        inRow('Amina', 'Kenya').getByRole('button', { name: 'Join link Amina Kenya' }),
      ),
    );
  });
});

describe('importing the registration list', () => {
  const plan = (over: Partial<ImportResult>): ImportResult => ({
    created: [],
    updated: [],
    unchanged: 0,
    errors: [],
    ...over,
  });
  const created = (line: number, name: string) => ({
    line,
    participant: { ...demoMeeting().participants[16]!, id: asId<ParticipantId>(`p_new_${line}`), name },
  });

  it('previews the file, holds the import while a line has an error, and imports the fixed file', async () => {
    const user = userEvent.setup();
    const answers: string[] = [];
    const fake = fakeApi({
      importAnswer: (csv, dryRun) => {
        answers.push(`${dryRun ? 'dry' : 'write'}:${csv.split('\n').length}`);
        if (csv.includes('BAD'))
          return {
            status: 200,
            body: plan({
              created: [created(2, 'Zoe')],
              errors: [
                { line: 3, message: 'role: “Chef” is not a role' },
                { line: 4, message: 'email: not an e-mail address' },
              ],
            }),
          };
        return {
          status: 200,
          body: plan({
            created: [created(2, 'Zoe'), created(3, 'Chen')],
            updated: [
              { line: 4, participantId: P.kenya, matchedBy: 'name', changes: { email: 'amina@example.org' } },
            ],
            unchanged: 1,
          }),
        };
      },
    });
    renderTab(fake);
    await loaded();
    await user.click(toolbar().getByRole('button', { name: 'Import registration list (CSV)' }));
    const dialog = screen.getByRole('dialog', { name: 'Import registration list (CSV)' });
    expect(dialog.textContent).toContain('name, delegation, role, category, region, rto, email, lang');
    // A row without a role is a delegate (or keeps the role it has): the role is not required.
    expect(dialog.textContent).toContain('name and delegation are required');
    const input = within(dialog).getByLabelText('Choose the CSV file, or drop it here');
    await user.upload(
      input,
      new File(['name;delegation;role\nZoe;X;delegate\nBAD;Y;Chef\n'], 'list.csv', { type: 'text/csv' }),
    );
    const heading = await within(dialog).findByRole('heading', { name: 'What importing list.csv would do' });
    expect(document.activeElement).toBe(heading);
    expect(dialog.textContent).toContain('Lines with errors: 2');
    expect(dialog.textContent).toContain('Line 3: role: “Chef” is not a role');
    expect(dialog.textContent).toContain('Line 4: email: not an e-mail address');
    const importButton = within(dialog).getByRole('button', { name: /^Import: add/ });
    expect(importButton).toHaveProperty('disabled', true);
    expect(dialog.textContent).toContain('Fix these lines in the file, then choose it again');

    await user.upload(
      within(dialog).getByLabelText('Choose the corrected file, or drop it here'),
      new File(['name;delegation;role\nZoe;X;delegate\nChen;China;delegate\n'], 'list.csv', {
        type: 'text/csv',
      }),
    );
    await waitFor(() => expect(dialog.textContent).toContain('To add: 2'));
    expect(dialog.textContent).toContain('To update: 1');
    expect(dialog.textContent).toContain('Unchanged: 1');
    expect(dialog.textContent).toContain('Amina (Kenya)');
    const change = within(dialog).getByText('E-mail', { exact: false, selector: '.people-changes li' });
    expect(change.querySelector('.people-old')?.textContent).toBe('No e-mail address');
    expect(change.querySelector('.people-new')?.textContent).toBe('amina@example.org');
    const confirm = within(dialog).getByRole('button', { name: 'Import: add 2, update 1' });
    expect(confirm).toHaveProperty('disabled', false);
    await user.click(confirm);
    const done = await within(dialog).findByRole('heading', { name: 'Import done' });
    expect(document.activeElement).toBe(done);
    expect(dialog.textContent).toContain('Import done: 2 added, 1 updated, 1 unchanged.');
    expect(answers).toEqual(['dry:4', 'dry:4', 'write:4']);
    const posts = fake.requests.filter((r) => r.path.includes('/import'));
    expect(posts.map((r) => r.path.endsWith('?dryRun=1'))).toEqual([true, true, false]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        toolbar().getByRole('button', { name: 'Import registration list (CSV)' }),
      ),
    );
  });

  it('shows the errors of an import the server refused (422)', async () => {
    const user = userEvent.setup();
    renderTab(
      fakeApi({
        importAnswer: (_csv, dryRun) =>
          dryRun
            ? { status: 200, body: plan({ created: [created(2, 'Zoe')] }) }
            : {
                status: 422,
                body: {
                  error: { code: 'invalid', message: 'the import has errors: nothing was imported' },
                  ...plan({ errors: [{ line: 2, message: 'the same participant as line 9' }] }),
                },
              },
      }),
    );
    await loaded();
    await user.click(toolbar().getByRole('button', { name: 'Import registration list (CSV)' }));
    const dialog = screen.getByRole('dialog');
    await user.upload(
      within(dialog).getByLabelText('Choose the CSV file, or drop it here'),
      new File(['name;delegation;role\nZoe;X;delegate\n'], 'a.csv', { type: 'text/csv' }),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Import: add 1, update 0' }));
    await waitFor(() => expect(dialog.textContent).toContain('Line 2: the same participant as line 9'));
    expect(dialog.textContent).toContain('Nothing was imported: the list changed since the check');
    expect(document.activeElement?.tagName).toBe('H3');
  });
});

describe('invitations', () => {
  it('sends to the ticked rows and names each one not sent, with the reason', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({ meeting: meetingWithContacts() });
    renderTab(fake);
    await loaded();
    await user.click(inRow('Ana', 'Brazil').getByRole('checkbox', { name: 'Select Ana Brazil' }));
    await user.click(inRow('Luc', 'France').getByRole('checkbox', { name: 'Select Luc France' }));
    await user.click(toolbar().getByRole('button', { name: 'Send invitations (2 selected)' }));
    const dialog = screen.getByRole('dialog', { name: 'Send invitations by e-mail' });
    expect(within(dialog).getByLabelText('The selected participants (2)')).toHaveProperty('checked', true);
    expect(dialog.textContent).toContain('1 of them have no e-mail address');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    const result = await within(dialog).findByRole('heading', { name: 'Invitations sent: 1. Not sent: 1.' });
    expect(document.activeElement).toBe(result);
    expect(dialog.textContent).toContain('Luc (France): no e-mail address');
    expect(JSON.parse(fake.requests.find((r) => r.path.endsWith('/invitations'))!.body!)).toEqual({
      participantIds: [P.brazil, P.france],
    });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(rowOf('Ana', 'Brazil')!.textContent).toContain('(meeting time)'));
  });

  it('selects all rows shown, and downloads their invitations under the server’s file name', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    const blobs: Blob[] = [];
    // jsdom has no object URLs: a URL class that hands them out, for this test only.
    class BlobUrls extends URL {
      static override createObjectURL = (blob: Blob) => {
        blobs.push(blob);
        return 'blob:x';
      };
      static override revokeObjectURL = () => undefined;
    }
    vi.stubGlobal('URL', BlobUrls);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const fake = fakeApi();
    renderTab(fake, { mail: false });
    await loaded();
    expect(screen.getByText(/E-mail is not set up on this server/)).toBeTruthy();
    await fill(user, searchBox(), 'kenya');
    await user.click(
      within(document.querySelector<HTMLElement>('thead')!).getByRole('checkbox', {
        name: 'Select all 2 shown',
      }),
    );
    expect(document.querySelectorAll('input[type=checkbox]:checked')).toHaveLength(3);
    // Without e-mail, the ticked rows are what the file holds; commas in English, semicolons on request.
    const separator = toolbar().getByLabelText('Separator in the file') as HTMLSelectElement;
    expect(separator.value).toBe('comma');
    await user.selectOptions(separator, 'Semicolon (Excel in French, Spanish…)');
    await user.click(toolbar().getByRole('button', { name: 'Download invitations (2 selected)' }));
    await waitFor(() => expect(saved).toEqual(['IRM-1 é-invitations.csv']));
    expect(document.querySelector('.people-notice')!.textContent).toBe('Downloaded IRM-1 é-invitations.csv.');
    const asked = new URL(fake.requests.find((r) => r.path.includes('invitations.csv'))!.path, 'http://x');
    expect(asked.searchParams.get('participantIds')!.split(',').sort()).toEqual([P.kenya, P.kenya2].sort());
    expect(asked.searchParams.get('delimiter')).toBe('semicolon');
    const lines = (await blobs[0]!.text()).split('\r\n');
    expect(lines[0]).toBe('name;delegation;email;role;lang;joinUrl');
    expect(lines.filter((l) => l.includes(';Kenya;'))).toHaveLength(2);
    expect(lines).toHaveLength(4);

    // Nothing ticked: everyone.
    await user.click(
      within(document.querySelector<HTMLElement>('thead')!).getByRole('checkbox', {
        name: 'Select all 2 shown',
      }),
    );
    await user.click(toolbar().getByRole('button', { name: 'Download invitations (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    const all = fake.requests.filter((r) => r.path.includes('invitations.csv'))[1]!.path;
    expect(new URL(all, 'http://x').searchParams.has('participantIds')).toBe(false);
  });

  it('defaults to semicolons in French and Spanish, as Excel there expects', async () => {
    renderTab(fakeApi(), { mail: false }, 'fr');
    await waitFor(() => expect(count()).toBe('22 sur 22'));
    expect((toolbar().getByLabelText('Séparateur dans le fichier') as HTMLSelectElement).value).toBe(
      'semicolon',
    );
  });
});

describe('in Arabic', () => {
  it('labels the tab in Arabic and keeps each name in its own direction', async () => {
    renderTab(fakeApi({ meeting: meetingWithContacts() }), {}, 'ar');
    await waitFor(() => expect(count()).toBe('22 من 22'));
    expect(screen.getByRole('heading', { name: 'المشاركون' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    const amina = rowOf('Amina', 'Kenya')!;
    expect(amina.querySelectorAll('bdi')[1]?.textContent).toBe('Kenya');
    await waitFor(() => expect(amina.textContent).toContain('(توقيت الاجتماع)'));
  });
});
