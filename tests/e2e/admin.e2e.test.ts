import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../client/src/i18n/locales/ar';
import type { Meeting } from '../../shared';
import { axeViolations } from '../support/axe';
import { useBrowserRoom } from '../support/browserRoom';

/** Screenshots to look at (the lead's review), outside the repository. */
const SHOTS = process.env.ADMIN_SHOTS ?? '/tmp/shots-admin';
const VIEWPORT = { width: 1280, height: 900 };

/**
 * The administrator's pages in a browser (issue 13): the admin link, the list of meetings, creating
 * one with dates in Geneva's zone from a browser in another, its settings, an agenda item's
 * documents, a clone, archiving; axe on the list, the dialog and the settings; Arabic right to left.
 */
describe('the administrator in a browser', () => {
  // Another zone than the meetings', so a time typed on the meeting's clock is not the browser's.
  const room = useBrowserRoom({
    context: {
      viewport: VIEWPORT,
      locale: 'en-GB',
      timezoneId: 'America/New_York',
      permissions: ['clipboard-read', 'clipboard-write'],
    },
  });
  const meetingNamed = (title: string): Meeting | undefined =>
    room.server.service
      .meetingIds()
      .map((id) => room.server.service.room(id)?.state)
      .find((m) => m?.title === title);

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  const openAdmin = async (page: Page) => {
    // A step that cannot happen fails at its line, well before the test's own timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(`${room.server.url}/admin#token=${encodeURIComponent(room.server.adminToken)}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  };

  it('creates IRM-2 in Geneva’s zone, edits its settings, lists a document, clones and archives', async () => {
    const context = await room.newContext();
    const page = await context.newPage();
    await openAdmin(page);
    // The token leaves the address bar and stays for the tab.
    expect(page.url()).toBe(`${room.server.url}/admin`);
    expect(await page.evaluate(() => sessionStorage.getItem('irm.adminToken'))).toBe(room.server.adminToken);
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('row', { name: /IRM-1/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('dialog', { name: 'Create a meeting' }).waitFor();
    // Named by its heading, which says "created" once it is.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title', { exact: true }).fill('IRM-2');
    // The only match is chosen as it is typed: no Enter needed.
    await dialog.getByLabel('Search time zones').fill('Geneva');
    expect(await dialog.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/Zurich');
    const start = dialog.getByRole('group', { name: 'Start (meeting time, Europe/Zurich)' });
    await start.getByLabel('Date').fill('2026-03-10');
    await start.getByLabel('Time').fill('09:30');
    const end = dialog.getByRole('group', { name: 'End (meeting time, Europe/Zurich)' });
    await end.getByLabel('Date').fill('2026-03-12');
    await end.getByLabel('Time').fill('17:00');
    // The browser is in New York: 09:30 in Geneva (UTC+1) is 04:30 there (UTC−4 since 8 March).
    await expect.poll(() => start.textContent()).toMatch(/That is 10\/03\/2026, 04:30 \(your time\)/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'create-dialog.png') });
    await dialog.getByRole('button', { name: 'Create meeting' }).click();

    await dialog.getByRole('heading', { name: '“IRM-2” is created' }).waitFor();
    const link = await dialog.getByLabel('Chair’s join link').inputValue();
    expect(link).toMatch(/\/join#token=/);
    await dialog.getByRole('button', { name: 'Copy the link' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const irm2 = meetingNamed('IRM-2')!;
    expect(irm2.timezone).toBe('Europe/Zurich');
    expect(irm2.startsAt).toBe(Date.parse('2026-03-10T08:30:00Z'));
    expect(irm2.endsAt).toBe(Date.parse('2026-03-12T16:00:00Z'));

    // Listed first (newest), its dates on the meeting's clock and labelled so.
    const row = page.getByRole('row', { name: /IRM-2/ });
    expect(await row.textContent()).toMatch(
      /Starts .*09:30.*\(meeting time\).*Ends .*17:00.*\(meeting time\)/,
    );
    expect(await row.textContent()).toContain('Europe/Zurich · UTC+01:00');
    expect(await page.getByTestId('meeting-row').first().textContent()).toContain('IRM-2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open IRM-2');
    await page.screenshot({ path: path.join(SHOTS, 'meeting-list.png'), fullPage: true });

    // Settings: the video link and the speaking time.
    await page.getByRole('button', { name: 'Open IRM-2' }).click();
    await page.getByRole('heading', { level: 1, name: 'IRM-2' }).waitFor();
    expect(page.url()).toBe(`${room.server.url}/admin/meetings/${irm2.id}`);
    const settings = page.getByRole('form', { name: 'Meeting settings' });
    await settings.getByLabel('Video-call link').fill('https://meet.example.org/irm-2');
    await settings.getByLabel('Minutes').fill('4');
    await settings.getByLabel('Seconds').fill('30');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => settings.getByRole('status').textContent())
      .toMatch(/^Saved at .*\(your time\)\.$/);
    expect(meetingNamed('IRM-2')!.videoUrl).toBe('https://meet.example.org/irm-2');
    expect(meetingNamed('IRM-2')!.floor.limitSeconds).toBe(270);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'settings.png'), fullPage: true });

    // Back to the list, the focus on the meeting left; then a document for IRM-1's item 3.
    await page.getByRole('link', { name: 'All meetings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Open IRM-2');
    await page.getByRole('button', { name: `Open ${room.meeting.title}` }).click();
    const item3 = page.getByRole('region', { name: /Update from BDT/ });
    await item3.getByRole('button', { name: 'Add a document to item 3' }).click();
    const doc = item3.getByRole('form', { name: 'New document' });
    await doc.getByLabel('Symbol').fill('IRM-1/3');
    await doc.getByLabel('Title').fill('Report of BDT on the preparations');
    await doc.getByLabel('Address (URL)').fill('https://www.itu.int/md/D22-IRM1-C-0003/en');
    await doc.getByLabel('English').check();
    await doc.getByLabel('French').check();
    await doc.getByRole('button', { name: 'Save document' }).click();
    await item3.getByRole('button', { name: 'Edit IRM-1/3' }).waitFor();
    expect(room.state().agenda.find((i) => i.number === '3')!.documents).toEqual([
      {
        symbol: 'IRM-1/3',
        title: 'Report of BDT on the preparations',
        url: 'https://www.itu.int/md/D22-IRM1-C-0003/en',
        languages: ['en', 'fr'],
      },
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Edit IRM-1/3',
    );
    await item3.screenshot({ path: path.join(SHOTS, 'documents.png') });

    // Clone IRM-1 as IRM-3, then archive it.
    await page.getByRole('link', { name: 'All meetings' }).click();
    await page.getByRole('button', { name: `Clone ${room.meeting.title}` }).click();
    await page.getByRole('dialog', { name: `Clone “${room.meeting.title}”` }).waitFor();
    const clone = page.getByRole('dialog');
    await clone.getByLabel('Title of the new meeting').fill('IRM-3');
    const cloneStart = clone.getByRole('group', { name: /^Start/ });
    await cloneStart.getByLabel('Date').fill('2026-07-14');
    await cloneStart.getByLabel('Time').fill('13:00');
    const cloneEnd = clone.getByRole('group', { name: /^End/ });
    await cloneEnd.getByLabel('Date').fill('2026-07-15');
    await cloneEnd.getByLabel('Time').fill('16:00');
    await clone.getByRole('button', { name: 'Clone meeting' }).click();
    await clone.getByRole('heading', { name: '“IRM-3” is created' }).waitFor();
    expect(await clone.getByLabel('Chair’s join link').inputValue()).toMatch(/\/join#token=/);
    await clone.getByRole('button', { name: 'Done' }).click();
    const irm3 = meetingNamed('IRM-3')!;
    expect(irm3.participants).toHaveLength(room.meeting.participants.length);
    expect(irm3.agenda.map((i) => i.title)).toEqual(room.meeting.agenda.map((i) => i.title));
    expect(irm3.startsAt).toBe(Date.parse('2026-07-14T11:00:00Z'));

    await page.getByRole('button', { name: 'Archive IRM-3' }).click();
    const confirm = page.getByRole('group', { name: /Archive “IRM-3”\?/ });
    // Asked in a row of its own under the meeting's, whose buttons wait, inert.
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('“IRM-3” is archived.');
    expect(meetingNamed('IRM-3')!.archived).toBe(true);
    const archived = page.locator('details.admin-archived');
    expect(await archived.getAttribute('open')).not.toBeNull();
    expect(await archived.getByRole('row', { name: /IRM-3/ }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open IRM-3');
    await page.screenshot({ path: path.join(SHOTS, 'archived.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('fits the list’s actions in the frame in all six languages at 1280 px, and as cards on a phone', async () => {
    const context = await room.newContext();
    const page = await context.newPage();
    // A missing favicon (or any other failed load) is an error in every page's console.
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await openAdmin(page);
    await page.getByTestId('meeting-row').first().waitFor();
    /** Whatever does not fit: the table wider than its frame, a button cut or out of the page. */
    const misfits = () =>
      page.evaluate(() => {
        const frame = document.querySelector('.admin-table-scroll')!;
        const out =
          frame.scrollWidth > frame.clientWidth ? [`table ${frame.scrollWidth}/${frame.clientWidth}`] : [];
        const box = frame.getBoundingClientRect();
        for (const button of document.querySelectorAll<HTMLElement>('.admin-table button')) {
          const r = button.getBoundingClientRect();
          if (button.scrollWidth > button.clientWidth || r.left < box.left || r.right > box.right)
            out.push(button.textContent ?? '');
        }
        return out;
      });
    for (const language of ['fr', 'ru', 'es', 'ar', 'zh', 'en']) {
      await page.locator('.language select').selectOption(language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await misfits(), language).toEqual([]);
      if (language === 'fr') await page.screenshot({ path: path.join(SHOTS, 'meeting-list-fr.png') });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await misfits()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'meeting-list-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    const icon = await fetch(`${room.server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    await context.close();
  });

  it('at /manage, the secretariat changes the settings with its own join link; the chair reads them', async () => {
    const secretariat = await room.open(room.person('BDT'), { route: '/manage' });
    secretariat.setDefaultTimeout(10_000);
    await secretariat.getByRole('heading', { level: 1, name: room.meeting.title }).waitFor();
    expect(secretariat.url()).toBe(`${room.server.url}/manage`);
    const form = secretariat.getByRole('form', { name: 'Meeting settings' });
    await form.getByLabel('Video-call link').fill('https://meet.example.org/irm-1');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Saved at/);
    expect(room.state().videoUrl).toBe('https://meet.example.org/irm-1');
    expect(
      await secretariat.getByRole('link', { name: 'Back to the meeting room' }).getAttribute('href'),
    ).toBe('/join');

    const chair = await room.open(room.chair(), { route: '/manage' });
    chair.setDefaultTimeout(10_000);
    const readOnly = chair.getByRole('form', { name: 'Meeting settings' });
    await readOnly.getByText('Only the secretariat and the administrator change these settings.').waitFor();
    expect(await readOnly.getByLabel('Video-call link').inputValue()).toBe('https://meet.example.org/irm-1');
    expect(await readOnly.getByLabel('Video-call link').isDisabled()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    await secretariat.context().close();
    await chair.context().close();
  });

  it('in Arabic: a refused token and the sign-in form, right to left, titles isolated, axe clean', async () => {
    const context = await room.newContext({ locale: 'ar' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // A token the server refuses: said so, and the form to paste the right one.
    await page.goto(`${room.server.url}/admin#token=not-the-admin-token`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(ar.admin.signIn.refused);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'signin-refused-ar.png') });
    expect(await page.evaluate(() => sessionStorage.getItem('irm.adminToken'))).toBeNull();
    await page.getByLabel(ar.admin.signIn.token).fill(room.server.adminToken);
    await page.getByRole('button', { name: ar.admin.signIn.submit }).click();
    await page.getByRole('heading', { level: 1, name: ar.admin.list.heading }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const titles = page.getByTestId('meeting-row').locator('th bdi');
    await expect.poll(() => titles.count()).toBeGreaterThan(0);
    expect(await titles.allTextContents()).toContain(room.meeting.title);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'meeting-list-ar.png'), fullPage: true });

    await page.getByRole('button', { name: `${ar.admin.list.open} ${room.meeting.title}` }).click();
    const heading = page.getByRole('heading', { level: 1, name: room.meeting.title });
    await heading.waitFor();
    expect(await heading.getAttribute('dir')).toBe('auto');
    // Arrow keys follow the tabs as laid out: right to left, the Participants tab is on the left.
    await page.getByRole('tab', { name: ar.admin.workspace.settings }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.getByRole('tab', { name: ar.admin.workspace.participants }).getAttribute('aria-selected'),
    ).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('form', { name: ar.admin.settings.heading }).waitFor();
    const start = page.getByRole('group', {
      name: `${ar.admin.meeting.start} (توقيت الاجتماع، Europe/Zurich)`,
    });
    // The zone is isolated in its Arabic legend, so the closing parenthesis stays after it.
    expect(await start.locator('legend bdi').textContent()).toBe('Europe/Zurich');
    await page
      .locator('.admin-when-pair')
      .first()
      .screenshot({ path: path.join(SHOTS, 'dates-ar.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'settings-ar.png'), fullPage: true });
    await context.close();
  });
});
