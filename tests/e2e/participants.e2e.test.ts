import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../client/src/i18n/locales/ar';
import { en } from '../../client/src/i18n/locales/en';
import type { Meeting } from '../../shared';
import { axeViolations } from '../support/axe';
import { useBrowserRoom } from '../support/browserRoom';

/** Screenshots to look at (the lead's review), outside the repository. */
const SHOTS = process.env.PEOPLE_SHOTS ?? '/tmp/shots-people';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/registration');
/**
 * The IRM-2 registration list as exported: 300 rows, four of them bad (an e-mail with "@@", the
 * region "Oceania", no delegation, the language "Deutsch").
 */
const LIST = fs.readFileSync(path.join(FIXTURES, 'irm2-300.csv'), 'utf8');
const BAD_LINES = [37, 88, 154, 251];

/** The list as the secretariat fixes it in a spreadsheet: each bad cell corrected, CRLF kept. */
const FIXED = LIST.replace('@@czech-republic', '@czech-republic')
  .replace('Member State,Oceania,', 'Member State,CIS,')
  .replace('Jana Lefèvre,,', 'Jana Lefèvre,Netherlands,')
  .replace(',nomvula.banda@ethiopia.example.org,Deutsch', ',nomvula.banda@ethiopia.example.org,en');

/**
 * The participants tab of the secretariat's workspace in a browser (issue 13): the registration
 * list imported once its bad rows are fixed, search, a reissued link that stops working at once,
 * a removal, axe on the table, the import preview and the dialogs, and Arabic right to left.
 */
describe('the participants tab in a browser', () => {
  const room = useBrowserRoom({ context: { viewport: { width: 1366, height: 900 }, locale: 'en-GB' } });
  const state = (id: string): Meeting => room.server.service.room(id as Meeting['id'])!.state;

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  /** The administrator's link, the meeting opened from the list, its Participants tab. */
  const openTab = async (page: Page, title: string, words = en.admin) => {
    await page.goto(`${room.server.url}/admin#token=${encodeURIComponent(room.server.adminToken)}`);
    await page.getByRole('button', { name: `${words.list.open} ${title}` }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('tab', { name: words.workspace.participants }).click();
    await page.locator('.people-count').filter({ hasText: /\d/ }).waitFor();
  };
  const count = (page: Page) => page.locator('.people-count').textContent();

  it('imports the 300-row list once its bad rows are fixed, and finds anyone in it', async () => {
    const { meeting } = await room.server.service.createMeeting({
      title: 'IRM-2',
      timezone: 'Europe/Zurich',
    });
    const page = await (await room.newContext()).newPage();
    await openTab(page, meeting.title);
    expect(await count(page)).toBe('1 of 1');

    await page.getByRole('button', { name: 'Import registration list (CSV)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import registration list (CSV)' });
    await dialog.getByLabel('Choose the CSV file, or drop it here').setInputFiles({
      name: 'irm2-300.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(LIST, 'utf8'),
    });
    const preview = dialog.getByRole('heading', { name: 'What importing irm2-300.csv would do' });
    await preview.waitFor();
    // The focus follows the step: on the preview's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await preview.textContent());
    const errors = dialog.getByRole('region', { name: 'Lines to fix in the file' });
    expect(await dialog.textContent()).toContain('Lines with errors: 4');
    const lines = await errors.getByRole('listitem').allTextContents();
    expect(lines.map((l) => l.split(':')[0])).toEqual(BAD_LINES.map((n) => `Line ${n}`));
    expect(lines[1]).toContain('region: “Oceania” is not a region. Write one of: ARB, EUR');
    expect(await dialog.getByRole('button', { name: /^Import: add/ }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-preview-errors.png') });
    expect(state(meeting.id).participants).toHaveLength(1);

    // Fixed, and chosen again.
    await dialog
      .getByLabel('Choose the corrected file, or drop it here')
      .setInputFiles({ name: 'irm2-300.csv', mimeType: 'text/csv', buffer: Buffer.from(FIXED, 'utf8') });
    await expect.poll(() => dialog.textContent()).toContain('To add: 300');
    expect(await dialog.textContent()).toContain('Lines with errors: 0');
    await page.screenshot({ path: path.join(SHOTS, 'import-preview-ok.png') });
    await dialog.getByRole('button', { name: 'Import: add 300, update 0' }).click();
    const done = dialog.getByRole('heading', { name: 'Import done' });
    await done.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import done');
    expect(await dialog.textContent()).toContain('Import done: 300 added, 0 updated, 0 unchanged.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => count(page)).toBe('301 of 301');
    expect(state(meeting.id).participants).toHaveLength(301);
    // The focus is back on what opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Import registration list (CSV)',
    );

    // Virtualised: the page holds a screenful of rows, not 301.
    const rows = await page.locator('.people-table tbody tr[data-row-id]').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(80);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'table-301.png') });
    // By keyboard, past the rows first drawn: each Tab lands on the next control (four a row).
    await page
      .getByRole('checkbox', { name: /^Select / })
      .first()
      .focus();
    for (let i = 0; i < 1 + 4 * 40; i++) await page.keyboard.press('Tab');
    const rowIndex = () =>
      page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')));
    expect(await rowIndex()).toBe(42);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');

    await page.getByLabel('Search name, delegation or e-mail').fill('lefevre netherlands');
    await expect.poll(() => count(page)).toBe('1 of 301');
    const jana = page.getByRole('row', { name: /Jana Lefèvre/ });
    expect(await jana.getByRole('cell', { name: 'Netherlands', exact: true }).count()).toBe(1);
    await page.getByLabel('Region').selectOption('AFR');
    await expect.poll(() => count(page)).toBe('0 of 301');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByLabel('Region').selectOption('ARB');
    const arab = Number((await count(page))!.split(' ')[0]);
    expect(arab).toBe(state(meeting.id).participants.filter((p) => p.region === 'ARB').length);
  });

  it('edits, reissues a link (the old one is refused at once) and removes, and the focus follows', async () => {
    const page = await (await room.newContext()).newPage();
    await openTab(page, room.meeting.title);
    const brazil = room.person('Brazil');

    // The demo names people by function: Brazil's delegate gets a name, and becomes CITEL's spokesperson.
    await page.getByRole('button', { name: 'Edit Delegate Brazil' }).click();
    const form = page.getByRole('dialog', { name: 'Edit Delegate (Brazil)' });
    await form.getByLabel('Name').fill('Ana Souza');
    await form.getByLabel('E-mail').fill('ana.souza@example.br');
    await form.getByLabel('Role').selectOption('spokesperson');
    const rto = form.getByLabel('RTO (required)');
    expect(await rto.getAttribute('required')).not.toBeNull();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('rto');
    expect(await form.textContent()).toContain('A spokesperson speaks for an RTO: choose it.');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'edit-dialog.png') });
    await rto.selectOption('CITEL');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toMatch(/-e-/);
    const ana = page.getByRole('row', { name: /Ana Souza/ });
    expect(await ana.getByRole('cell', { name: 'CITEL', exact: true }).count()).toBe(1);
    expect(state(room.meeting.id).participants.find((p) => p.id === brazil.id)).toMatchObject({
      name: 'Ana Souza',
      role: 'spokesperson',
      rto: 'CITEL',
      email: 'ana.souza@example.br',
    });

    await page.getByRole('button', { name: 'Join link Ana Souza Brazil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join link of Ana Souza (Brazil)' });
    const field = dialog.getByLabel('Personal join link');
    await expect.poll(() => field.inputValue()).toMatch(/\/join#token=/);
    const oldLink = await field.inputValue();
    const oldToken = new URLSearchParams(new URL(oldLink).hash.slice(1)).get('token')!;
    await dialog.getByRole('img', { name: 'QR code of the join link of Ana Souza (Brazil)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'link-dialog.png') });

    await dialog.getByRole('button', { name: 'Reissue link' }).click();
    await dialog.getByRole('button', { name: 'Issue a new link' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(oldLink);
    expect(await dialog.getByRole('status').textContent()).toBe(en.people.link.reissued);
    expect(state(room.meeting.id).participants.find((p) => p.id === brazil.id)?.tokenVersion).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'link-reissued.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Join link');

    // The old link: the room says it is no longer valid, and the API refuses its token.
    const old = await (await room.newContext()).newPage();
    await old.goto(oldLink);
    await expect.poll(() => old.getByRole('status').textContent()).toBe(en.app.invalid);
    const answer = await fetch(`${room.server.url}/api/meetings/${room.meeting.id}`, {
      headers: { authorization: `Bearer ${oldToken}` },
    });
    expect(answer.status).toBe(401);

    // Egypt's delegate: removed after a confirmation in place, which starts on Cancel and which
    // Escape dismisses; the focus then goes to the next row (France).
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent);
    await page.getByRole('button', { name: 'Remove Delegate Egypt' }).click();
    await expect.poll(focusedText).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')))
      .toMatch(/-r-/);
    await page.keyboard.press('Enter');
    await expect.poll(focusedText).toBe('Cancel');
    const egypt = page.getByRole('row', { name: /Egypt/ });
    expect(await egypt.textContent()).toContain('Their past interventions stay in the record');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'remove-confirm.png') });
    await egypt.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /Egypt/ }).count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.children[2]?.textContent))
      .toBe('France');
    expect(state(room.meeting.id).participants.some((p) => p.delegation === 'Egypt')).toBe(false);
    const total = state(room.meeting.id).participants.length;
    await expect.poll(() => count(page)).toBe(`${total} of ${total}`);
  });

  it('at 1280 px, shows the columns used most and the actions side by side, none under another', async () => {
    const page = await (await room.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await openTab(page, room.meeting.title);
    /** The header cells' boxes, and the frame's, as laid out now. */
    const layout = () =>
      page.evaluate(() => {
        const frame = document.querySelector('.people-scroll')!.getBoundingClientRect();
        const cells = [...document.querySelectorAll('.people-table thead th')].map((th) => {
          const r = th.getBoundingClientRect();
          return { name: th.textContent ?? '', left: r.left, right: r.right };
        });
        return { left: frame.left, right: frame.right, cells };
      });
    const at0 = await layout();
    const names = at0.cells.map((c) => c.name);
    // Up to Manage, in the frame without scrolling.
    for (const cell of at0.cells.slice(0, names.indexOf('Manage') + 1))
      expect(cell.right, cell.name).toBeLessThanOrEqual(at0.right + 0.5);
    // Side by side: no header drawn over another.
    for (let i = 1; i < at0.cells.length; i++)
      expect(at0.cells[i]!.left, names[i]).toBeGreaterThanOrEqual(at0.cells[i - 1]!.right - 0.5);
    await page.screenshot({ path: path.join(SHOTS, 'table-1280.png') });
    // The others a scroll away, the last one reachable.
    await page.locator('.people-scroll').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const end = await layout();
    expect(end.cells.at(-1)!.right).toBeLessThanOrEqual(end.right + 0.5);
    expect(end.cells.at(-1)!.name).toBe('Invited');
  });

  it('reads right to left in Arabic, each name in its own direction', async () => {
    const page = await (await room.newContext({ locale: 'ar' })).newPage();
    await openTab(page, room.meeting.title, ar.admin);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { name: ar.people.heading }).waitFor();
    const row = page.locator('tr', { has: page.locator('td', { hasText: /^France$/ }) });
    expect(await row.locator('th bdi').textContent()).toBe('Delegate');
    expect(await row.locator('td bdi').first().textContent()).toBe('France');
    const table = (await page.locator('.people-scroll').boundingBox())!;
    const name = (await row.locator('th').boundingBox())!;
    // The name column is the first on the right.
    expect(name.x + name.width).toBeGreaterThan(table.x + table.width - 300);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'table-ar.png') });
    await page.getByRole('button', { name: `${ar.people.actions.link} Delegate France` }).click();
    await page.getByRole('dialog').getByRole('img').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'link-dialog-ar.png') });
  });
});
