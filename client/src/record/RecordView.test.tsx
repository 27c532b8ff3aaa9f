// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingRecord, ParticipantId } from '../../../shared';
import { ITEM, P, testContext } from '../../../shared/domain/fixtures';
import type { RoomPort } from '../room/roomClient';
import { localRoom, renderWith } from '../test/localRoom';
import { RoomView } from '../views/RoomView';
import { RecordView } from './RecordView';
import { FakeRecordApi } from './test/fakeRecordApi';
import { at } from './test/recordFixture';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/**
 * The demo room as `who`, signed in with a token the in-memory record API knows. `openedMinutesAgo`:
 * item 3 has been the current item that long (the room's agenda clock runs for it).
 */
function setup(
  who: ParticipantId = P.chair,
  {
    openedMinutesAgo,
    language = 'en',
    change,
  }: {
    openedMinutesAgo?: number;
    language?: 'en' | 'ar' | 'fr';
    /** Changes the fixture's record before the view loads it. */
    change?: (record: MeetingRecord) => MeetingRecord;
  } = {},
) {
  const local = localRoom(
    who,
    openedMinutesAgo === undefined
      ? {}
      : { ctx: testContext(Date.now() - openedMinutesAgo * 60_000), openItem: ITEM.resolution31 },
  );
  const api = new FakeRecordApi(local.room, local.set);
  if (change) api.record = change(api.record);
  vi.stubGlobal('fetch', api.fetch);
  const port: RoomPort = { ...local.port, token: api.tokenFor(who) };
  const onOpenText = vi.fn();
  const onClose = vi.fn();
  const view = renderWith(
    port,
    <RecordView onClose={onClose} onOpenText={onOpenText} focusRequest={1} />,
    language,
  );
  return { local, api, port, onOpenText, onClose, view };
}

const loaded = () => screen.findByRole('table', { name: /^Agenda items/ });
const itemRow = (number: string) =>
  screen.getAllByTestId('record-item').find((row) => row.querySelector('th')?.textContent === number)!;
const bump = (local: ReturnType<typeof localRoom>) =>
  act(() => local.set({ seq: local.port.getState().seq + 1 }));

/** jsdom has no object URLs: a URL class that hands them out, and anchors that record their download. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  class BlobUrls extends URL {
    static override createObjectURL = (blob: Blob) => {
      last = blob;
      return 'blob:record';
    };
    static override revokeObjectURL = () => undefined;
  }
  vi.stubGlobal('URL', BlobUrls);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
  return saved;
}

describe('the record view', () => {
  it('shows the agenda items against their plan, marking the one over it in words, times on the meeting clock', async () => {
    setup();
    const table = await loaded();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Record of the meeting' }));
    expect(screen.getByTestId('record-asof').textContent).toContain(
      'As of 03:02 PM, meeting time (UTC+02:00)',
    );
    expect(within(table).getByText(/Times are meeting time \(UTC\+02:00\)/)).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['No.', 'Item', 'Status', 'Planned', 'Spent', 'Opened', 'Concluded', 'Outcome']);
    expect(screen.getAllByTestId('record-item')).toHaveLength(4);

    const two = itemRow('2');
    expect(two.textContent).toContain('60 min');
    expect(two.textContent).toContain('1 h 07 min');
    expect(within(two).getByTestId('record-spent').textContent).toContain('over plan by 7 min 00 s');
    expect(two.textContent).toContain('01:10 PM');
    expect(two.textContent).toContain('02:27 PM');
    expect(within(two).getByText('The meeting took note of the reports of the six RTOs.').tagName).toBe(
      'BDI',
    );
    expect(itemRow('2').querySelector('time')?.getAttribute('dateTime')).toBe(at('13:10'));

    const one = itemRow('1');
    expect(one.textContent).toContain('8 min 00 s');
    expect(one.textContent).not.toContain('over plan');
    const four = itemRow('4');
    expect(four.textContent).toContain('Deferred');
    expect(four.textContent).toContain('not yet');
  });

  it('opens an item’s interventions and proposals from its title, by keyboard, and closes them again', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    const toggle = screen.getByRole('button', { name: 'Reports of the RTOs on their preparations' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    const table = within(details).getByRole('table', {
      name: /^Interventions on item 2, in the order given/,
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'No.',
      'Delegation',
      'Speaker',
      'On behalf of',
      'Kind',
      'Start',
      'Duration',
      'Over-run',
      'Suspended',
    ]);
    const rows = within(table).getAllByTestId('record-intervention');
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      'ATU',
      'CEPT',
      'Kenya',
      'Brazil',
      'Egypt',
      'China',
    ]);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells(rows[0]!)).toEqual([
      'ATU',
      'Aminata Diallo',
      'ATU',
      'Speaker',
      '01:12:00 PM',
      '5 min 00 s',
      'none',
      'No',
    ]);
    // Kenya, suspended by Brazil's point of order, resumed and ran 20 s over.
    expect(cells(rows[2]!)).toEqual([
      'Kenya',
      'Amina Wanjiru',
      'none',
      'Speaker',
      '01:25:00 PM',
      '3 min 20 s',
      '20 s',
      // The parts' own seconds: its times, each rounded to the second, are 71 s apart for the first.
      'Yes, spoken in parts: 1 min 10 s + 2 min 10 s',
    ]);
    expect(cells(rows[3]!)[3]).toBe('Point of order');
    expect(cells(rows[4]!)[3]).toBe('Right of reply');
    // Names in Arabic and Chinese script are direction-isolated.
    expect(within(rows[4]!).getByText('عمر الفاروق').tagName).toBe('BDI');
    expect(within(rows[5]!).getByText('王小明').tagName).toBe('BDI');
    expect(details.textContent).toContain('Points of order: 1. Rights of reply: 1.');
    expect(details.textContent).toContain('No proposal is linked to this item.');

    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('record-item-details')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('lists an item’s proposals with their history, and how long it was under consideration', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Draft revision of Resolution 31' }));
    const history = screen.getByRole('list', { name: 'History of IRM-1/3(Rev.1)' });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '02:33 PM submitted',
      '02:35 PM status: Under consideration',
      '02:58 PM status: Agreed',
      '02:59 PM text locked',
    ]);
    const withdrawn = screen.getAllByTestId('record-proposal')[1]!;
    expect(withdrawn.textContent).toContain('Withdrawn');
    expect(within(withdrawn).getByText('مقترح تعديل على القرار 31').tagName).toBe('BDI');
    const details = screen.getByTestId('record-item-details');
    expect(details.textContent).toContain('02:32 PM – still under consideration');
    // Japan was given the floor while not connected.
    expect(details.textContent).toContain('not connected when given the floor');
  });

  it('shows how a text was agreed paragraph by paragraph: calls for objections, statuses, revisions, links', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Draft revision of Resolution 31' }));
    const details = screen.getByTestId('record-item-details');
    const consensus = within(details).getByTestId('record-consensus');
    expect(within(consensus).getByRole('heading', { level: 5 }).textContent).toBe(
      'IRM-1/3(Rev.1), paragraph by paragraph',
    );
    const checks = within(consensus).getByRole('table', {
      name: 'Calls for objections and silence procedures on IRM-1/3(Rev.1). Times are meeting time (UTC+02:00).',
    });
    // The scroller is reachable by keyboard and named as its table.
    expect(checks.closest('[role="group"]')?.getAttribute('tabindex')).toBe('0');
    const [first, second] = within(checks).getAllByTestId('record-check');
    expect(first!.textContent).toContain('Egypt 02:50:05 PM · withdrawn at 02:50:12 PM');
    // The reason as typed, quoted (<q>: the browser adds the language's quotation marks).
    expect(first!.textContent).toContain('Japan 02:50:09 PM: Keep “[regional]” in brackets');
    expect(first!.querySelector('q bdi')?.textContent).toBe('Keep “[regional]” in brackets');
    expect(first!.textContent).toContain('Not agreed: objection by Japan');
    expect(first!.textContent).toContain('02:50:20 PM (at the deadline)');
    expect(second!.textContent).toContain('Agreed: no objection');
    expect(second!.textContent).toContain('02:55:10 PM (early, by Chair-designate)');
    // The delegation isolated where it objects and in the outcome.
    expect(
      within(first!)
        .getAllByText('Japan')
        .map((e) => e.tagName),
    ).toEqual(['BDI', 'BDI']);

    const statuses = within(consensus).getByRole('table', {
      name: /^Changes of paragraph status in IRM-1\/3\(Rev\.1\)/,
    });
    expect(
      within(statuses)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      '1Agreed ad referendum (Kenya)BDT secretariat02:52:00 PMset directly',
      '2AgreedChair-designate02:55:10 PMoutcome of call no. 2',
    ]);
    const revisions = within(consensus).getByRole('table', { name: /^Revisions of IRM-1\/3\(Rev\.1\)/ });
    expect(within(revisions).getAllByRole('row')[1]!.textContent).toBe(
      'IRM-1/3(Rev.1)/Rev.102:57:00 PMBDT secretariat2011',
    );
    const links = within(consensus).getByRole('table', {
      name: /^Interventions on paragraphs of IRM-1\/3\(Rev\.1\)/,
    });
    expect(within(links).getAllByRole('row')[1]!.textContent).toBe(
      '2Arab Groupليلى حدادproposed to add “regional”02:35:00 PMno. 1 in the table of interventions',
    );
    // The withdrawn text never went through a check: nothing of consensus under it.
    expect(within(details).getAllByTestId('record-consensus')).toHaveLength(1);
  });

  it('lists texts under no item that went through a silence procedure, applied late', async () => {
    setup();
    await loaded();
    const section = screen.getByRole('region', {
      name: 'Texts under no agenda item, agreed paragraph by paragraph',
    });
    expect(within(section).getByRole('heading', { level: 4 }).textContent).toBe(
      'IRM-1/5, paragraph by paragraph',
    );
    const row = within(section).getByTestId('record-check');
    expect(row.textContent).toContain('Silence procedure');
    expect(row.textContent).toContain('02:30:00 PM (at the deadline)');
    expect(row.textContent).toContain(
      '02:45:00 PM (later than the close: the server was down at the deadline)',
    );
  });

  it('shows no such section when every text is under an item', async () => {
    setup(P.chair, { change: (record) => ({ ...record, unlinkedProposals: [] }) });
    await loaded();
    expect(screen.queryByRole('region', { name: /^Texts under no agenda item/ })).toBeNull();
  });

  it('shows attendance by region, RTO and category, and speaking time against the share of participants', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    expect(screen.getByTestId('record-attendance-totals').textContent).toBe(
      '11 of 12 registered participants attended.',
    );
    const byRegion = screen.getByRole('table', { name: 'Attendance by region' });
    const americas = within(byRegion).getByRole('rowheader', { name: 'Americas' }).closest('tr')!;
    expect([...americas.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['2', '1']);
    const byRto = screen.getByRole('table', { name: 'Attendance by RTO' });
    expect(within(byRto).getByRole('rowheader', { name: 'No RTO' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Attendance by category' }).textContent).toContain(
      'Member State',
    );

    const speaking = screen.getByRole('table', { name: 'Speaking time by region' });
    const arab = within(speaking).getByRole('rowheader', { name: 'Arab States' }).closest('tr')!;
    expect([...arab.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '3',
      '5 min 30 s',
      '23.1%',
      '18.2%',
      '+4.9 pts',
    ]);
    const rto = screen.getByRole('table', { name: 'Speaking time by RTO' });
    expect(within(rto).getByRole('rowheader', { name: 'Not on behalf of an RTO' })).toBeTruthy();

    // Each participant's connections on demand: Kenya's delegate dropped and came back.
    await user.click(screen.getByRole('button', { name: 'Participants and their connections (12)' }));
    const people = screen.getByRole('table', { name: /^Participants and their connections\./ });
    const kenya = within(people).getByRole('rowheader', { name: 'Kenya' }).closest('tr')!;
    expect(kenya.textContent).toContain('01:00:10 PM – 01:40:00 PM');
    expect(kenya.textContent).toContain('01:52:00 PM – still connected');
    expect(within(kenya).getByText('1 h 50 min').className).toBe('record-duration');
    const citel = within(people).getByRole('rowheader', { name: 'Mexico' }).closest('tr')!;
    expect(citel.textContent).toContain('never connected');
  });

  it('shows each deferral: under the item’s status, and in its details, a deferral before it was taken up too', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    // Item 4, deferred while under consideration: since when it waits.
    expect(within(itemRow('4')).getAllByRole('cell')[1]!.textContent).toBe('Deferredsince 02:31 PM');
    // Item 3, deferred before it was taken up, and now under consideration.
    expect(within(itemRow('3')).getAllByRole('cell')[1]!.textContent).toBe('Opendeferred at 01:05 PM');
    await user.click(screen.getByRole('button', { name: 'Draft revision of Resolution 31' }));
    const deferrals = screen.getByTestId('record-deferrals');
    expect(deferrals.textContent).toBe('Item 3 was deferred at 01:05 PM.');
    expect(deferrals.querySelector('time')?.getAttribute('dateTime')).toBe(at('13:05:30'));
  });

  it('lists several deferrals as the language lists things', async () => {
    const user = userEvent.setup();
    setup(P.chair, {
      language: 'fr',
      change: (record) => ({
        ...record,
        items: record.items.map((item) =>
          item.number === '4' ? { ...item, deferredAt: [at('14:31'), at('14:50'), at('15:00')] } : item,
        ),
      }),
    });
    await screen.findByRole('table', { name: /^Points de l’ordre du jour/ });
    expect(within(itemRow('4')).getAllByRole('cell')[1]!.textContent).toBe('Reportédepuis 15:00');
    await user.click(screen.getByRole('button', { name: 'Any other business' }));
    expect(screen.getByTestId('record-deferrals').textContent).toBe(
      'Le point 4 a été reporté à 14:31, 14:50 et 15:00.',
    );
  });

  it('shows an item’s speaking time by region in its details, the difference in points', async () => {
    const user = userEvent.setup();
    setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Reports of the RTOs on their preparations' }));
    const details = screen.getByTestId('record-item-details');
    expect(within(details).getByRole('heading', { name: 'Speaking time on item 2' })).toBeTruthy();
    const table = within(details).getByRole('table', { name: 'Speaking time on item 2 by region' });
    const africa = within(table).getByRole('rowheader', { name: 'Africa' }).closest('tr')!;
    expect([...africa.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '2',
      '8 min 20 s',
      '49.5%',
      '18.2%',
      '+31.3 pts',
    ]);
    const cis = within(table).getByRole('rowheader', { name: 'CIS' }).closest('tr')!;
    expect(cis.querySelectorAll('td')[4]!.textContent).toBe('-9.1 pts');
  });

  it('shows the speaking time per delegation for the meeting, most time first', async () => {
    setup();
    await loaded();
    const table = screen.getByRole('table', { name: 'Speaking time by delegation' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['ATU', 'CEPT', 'Kenya', 'Arab Group', 'China', 'Egypt', 'Japan', 'Brazil', 'BDT']);
    const egypt = within(table).getByRole('rowheader', { name: 'Egypt' });
    expect(egypt.querySelector('bdi')?.textContent).toBe('Egypt');
    expect([...egypt.closest('tr')!.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '2',
      '2 min 30 s',
      '10.5%',
      '9.1%',
      '+1.4 pts',
    ]);
  });

  it('downloads each file with the language chosen, under the server’s file name', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const { api } = setup();
    await loaded();
    const language = screen.getByLabelText(
      'Language of the files and of the chair’s summary',
    ) as HTMLSelectElement;
    expect(language.value).toBe('en');
    await user.selectOptions(language, 'fr');
    await user.click(screen.getByRole('button', { name: 'Record (Word, .docx)' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['IRM-1-record-fr.docx']));
    expect(await saved[0]!.blob.text()).toBe('record.docx in fr');
    expect(api.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: '/api/meetings/m_irm1/record.docx',
      lang: 'fr',
    });
    expect(screen.getByTestId('record-notice').textContent).toBe('Downloaded: IRM-1-record-fr.docx');

    await user.click(screen.getByRole('button', { name: 'Attendance (CSV)' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toContain('IRM-1-attendance-fr.csv'));
    expect(api.calls.at(-1)).toMatchObject({ path: '/api/meetings/m_irm1/attendance.csv', lang: 'fr' });
    for (const name of [
      'Record (Markdown, .md)',
      'Interventions (CSV)',
      'Calls for objections (CSV)',
      'Tables (Excel, .xlsx)',
      'Event log for audit (JSON Lines)',
    ])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('divides the CSVs’ cells by the separator chosen, and sends none with the other files', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const { api } = setup();
    await loaded();
    const separator = screen.getByRole('combobox', {
      name: 'Separator in the CSV files',
    }) as HTMLSelectElement;
    expect(separator.value).toBe('comma'); // an English interface: comma until chosen
    await user.click(screen.getByRole('button', { name: 'Interventions (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls.at(-1)).toMatchObject({
      path: '/api/meetings/m_irm1/interventions.csv',
      delimiter: 'comma',
    });

    await user.selectOptions(separator, 'semicolon');
    expect(
      within(separator).getByRole('option', {
        name: 'Semicolon (for spreadsheets in French, Spanish, Russian…)',
      }),
    ).toBeTruthy();
    for (const [name, path] of [
      ['Interventions (CSV)', 'interventions.csv'],
      ['Attendance (CSV)', 'attendance.csv'],
      ['Calls for objections (CSV)', 'checks.csv'],
    ]) {
      await user.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(api.calls.at(-1)?.path).toBe(`/api/meetings/m_irm1/${path}`));
      expect(api.calls.at(-1)).toMatchObject({ delimiter: 'semicolon', lang: 'en' });
    }
    await waitFor(() => expect(saved).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Tables (Excel, .xlsx)' }));
    await waitFor(() => expect(saved).toHaveLength(5));
    expect(api.calls.at(-1)).toMatchObject({ path: '/api/meetings/m_irm1/record.xlsx', delimiter: null });
  });

  it('offers the semicolon first to a French interface', async () => {
    setup(P.chair, { language: 'fr' });
    const separator = (await screen.findByTestId('record-separator')) as HTMLSelectElement;
    expect(separator.value).toBe('semicolon');
    expect(screen.getByRole('combobox', { name: 'Séparateur dans les fichiers CSV' })).toBe(separator);
  });

  it('creates a draft chair’s summary in the language chosen and opens it once the room has it', async () => {
    const user = userEvent.setup();
    const { api, local, onOpenText } = setup(P.secretariat);
    await loaded();
    await user.selectOptions(screen.getByLabelText('Language of the files and of the chair’s summary'), 'es');
    onOpenText.mockImplementation((id: string) => {
      // Opened only once the room knows the text (the editor shows what the room has).
      expect(local.port.getState().meeting?.proposals.find((p) => p.id === id)?.kind).toBe('chair-summary');
    });
    await user.click(screen.getByRole('button', { name: 'Create a draft chair’s summary' }));
    await waitFor(() => expect(onOpenText).toHaveBeenCalledTimes(1));
    const created = local.port.getState().meeting!.proposals.find((p) => p.kind === 'chair-summary')!;
    expect(onOpenText).toHaveBeenCalledWith(created.id);
    expect(created.symbol).toBe('CS/1');
    expect(api.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/meetings/m_irm1/summary',
      body: { lang: 'es' },
    });
    expect(screen.getByTestId('record-notice').textContent).toBe('Draft CS/1 created and opened.');
  });

  it('shows the server’s refusal of a draft summary in an alert, keeping the focus on the button', async () => {
    const user = userEvent.setup();
    const { api } = setup(P.chair);
    await loaded();
    // The quota: twenty drafts already.
    act(() => api.draftEarlier(20, P.secretariat));
    const create = screen.getByRole('button', { name: 'Create a draft chair’s summary' });
    await user.click(create);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The draft chair’s summary could not be created. The server answered: this meeting has 20 drafts of the summary already: edit one of them',
    );
    expect(alert.querySelector('bdi')?.getAttribute('lang')).toBe('en');
    expect(document.activeElement).toBe(create);
  });

  it('says so in an alert, with the server’s message, when the record is refused (403), and stops asking', async () => {
    const { api, local } = setup(P.kenya);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The record could not be loaded.');
    expect(alert.textContent).toContain(
      'The server answered: only the chair, the vice-chairs and the secretariat read the record',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record (Word, .docx)' })).toBeNull();
    bump(local);
    bump(local);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.loads).toBe(1);
    // Asking again is the person's call.
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(api.loads).toBe(2);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Record of the meeting' }));
  });

  it('is translated and laid out right to left in Arabic', async () => {
    setup(P.chair, { language: 'ar' });
    await screen.findByRole('table', { name: /^بنود جدول الأعمال/ });
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getByRole('heading', { name: 'محضر الاجتماع' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'العودة إلى الاجتماع' })).toBeTruthy();
    expect(screen.getByTestId('record-asof').textContent).toContain('بتوقيت الاجتماع (UTC+02:00)');
    expect(within(itemRow('2')).getByTestId('record-spent').textContent).toContain(
      'تجاوز الوقت المقرر بمقدار',
    );
    const speaking = screen.getByRole('table', { name: 'وقت الكلام حسب المنطقة' });
    expect(within(speaking).getAllByRole('row')[1]!.lastElementChild!.textContent).toMatch(
      /4[.٫]9 نقطة مئوية$/,
    );
  });
});

describe('the record view, live', () => {
  it('asks for the record again as the room’s events arrive: one request at a time, at most every 3 s', async () => {
    vi.useFakeTimers();
    const { api, local } = setup();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(api.loads).toBe(1);
    expect(screen.getByTestId('record-asof').textContent).toContain('03:02 PM');

    // Events within the gap: one more request, when the gap has passed.
    api.holdLoads = true;
    api.record = { ...api.record, meeting: { ...api.record.meeting, asOf: at('15:03:10'), lastSeq: 213 } };
    await act(() => vi.advanceTimersByTimeAsync(500));
    bump(local);
    bump(local);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(api.loads).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(api.loads).toBe(2);

    // While that one is under way, nothing else is asked, however many events come.
    for (let i = 0; i < 5; i++) {
      bump(local);
      await act(() => vi.advanceTimersByTimeAsync(2000));
    }
    expect(api.loads).toBe(2);
    api.release();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('record-asof').textContent).toContain('03:03 PM');
    // Events came meanwhile: asked once more, at once (the gap has long passed).
    expect(api.loads).toBe(3);
    api.holdLoads = false;
    api.release();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(api.loads).toBe(3);
  });

  it('ticks the current item’s time each second from the room’s agenda clock, over the plan when it runs over', async () => {
    vi.useFakeTimers();
    setup(P.chair, { openedMinutesAgo: 91 });
    await act(() => vi.advanceTimersByTimeAsync(0));
    const spent = () => within(itemRow('3')).getByTestId('record-spent').textContent;
    expect(spent()).toContain('1 h 31 min (running)');
    expect(spent()).toContain('over plan by 1 min 00 s');
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(spent()).toContain('over plan by 1 min 05 s');
    // The other items keep the record's figures.
    expect(within(itemRow('2')).getByTestId('record-spent').textContent).not.toContain('running');
  });
});

describe('opening the record from the room', () => {
  it('offers “Record” to the chair: the focus goes to its heading, and back to the button on leaving', async () => {
    const user = userEvent.setup();
    const local = localRoom(P.chair);
    const api = new FakeRecordApi(local.room, local.set);
    vi.stubGlobal('fetch', api.fetch);
    renderWith({ ...local.port, token: api.tokenFor(P.chair) }, <RoomView />);
    const open = screen.getByRole('button', { name: 'Record' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Record of the meeting' }));
    expect(open.getAttribute('aria-expanded')).toBe('true');
    await loaded();
    // The room's panels make way for the record.
    expect(screen.queryByRole('heading', { name: 'Proposals' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to the meeting' }));
    await waitFor(() => expect(document.activeElement).toBe(open));
    expect(screen.queryByTestId('record-view')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Proposals' })).toBeTruthy();
  });

  it('does not offer it to a delegate', () => {
    const local = localRoom(P.kenya);
    renderWith({ ...local.port, token: 'token' }, <RoomView />);
    expect(screen.getByRole('heading', { name: 'List of speakers' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
  });
});
