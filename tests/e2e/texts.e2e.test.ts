import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolate } from '../../client/src/collab/bidi';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
/** Realtime round trips and page loads, with room for a loaded CI machine. */
const WAIT = { timeout: 10_000 };

const SYMBOL = 'ACP/67A1/2';
const BASE_TEXT = ['# Resolves', 'to instruct the Director of the Bureau', 'to invite Member States'].join(
  '\n\n',
);

/**
 * Texts with two delegates in two browsers (issue 12, "Texts"): a version saved by one appears at
 * once in the other's list; every insertion and deletion is credited to its delegation with the time
 * of the edit, in the Compare view and the Word export; the open editor passes axe; a lock under the
 * cursor moves the focus to the status that explains it.
 */
describe('proposal texts in the browser', () => {
  const room = useBrowserRoom({
    context: {
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'America/Los_Angeles',
      acceptDownloads: true,
    },
    waitFor: (page) =>
      expect.poll(() => page.getByRole('heading', { name: 'Proposals' }).count(), WAIT).toBe(1),
  });
  const { person, open } = room;
  const textbox = (page: Page) => page.getByRole('textbox', { name: `Text of ${SYMBOL}` });
  const versionNames = (page: Page) =>
    page.getByTestId('versions').locator('.version-name').allTextContents();

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('shows versions live, credits every change with delegation and time, and passes axe', async () => {
    const brazil = await open(person('Brazil'));
    const egypt = await open(person('Egypt'));
    await brazil.getByRole('button', { name: 'New proposal' }).click();
    await brazil.getByLabel('Symbol').fill(SYMBOL);
    await brazil.getByLabel('Title', { exact: true }).fill('Revision of Resolution 37');
    await brazil.getByLabel('Base text (optional)').fill(BASE_TEXT);
    await brazil.getByRole('button', { name: 'Create proposal' }).click();
    await expect
      .poll(async () => (await textbox(brazil).textContent()) ?? '', WAIT)
      .toContain('Member States');
    await egypt.getByRole('button', { name: `Open text ${SYMBOL}` }).click();
    await expect.poll(async () => (await textbox(egypt).textContent()) ?? '', WAIT).toContain('Bureau');

    // The base text is listed on the meeting's clock, named so.
    await expect.poll(() => versionNames(egypt), WAIT).toEqual(['Base text']);
    expect(await egypt.getByTestId('versions').textContent()).toContain('(meeting time)');

    // Egypt deletes "of the Bureau" and types a word; Brazil saves a version; Egypt's list has it
    // at once, without a reload.
    await textbox(egypt).locator('p', { hasText: 'to instruct the Director' }).click();
    await egypt.keyboard.press('End');
    for (let i = 0; i < ' of the Bureau'.length; i++) await egypt.keyboard.press('Backspace');
    await egypt.keyboard.type(' urgently');
    await expect
      .poll(async () => (await textbox(brazil).textContent()) ?? '', WAIT)
      .toContain('to instruct the Director urgently');
    const versions = brazil.getByRole('region', { name: 'Versions' });
    await versions.getByLabel('Version name').fill('after the first reading');
    await versions.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => versionNames(egypt), WAIT).toEqual(['Base text', 'after the first reading']);
    await expect
      .poll(() => egypt.getByRole('region', { name: 'Versions' }).getByRole('status').textContent(), WAIT)
      .toContain('New version saved');
    await egypt.getByRole('region', { name: 'Versions' }).scrollIntoViewIfNeeded();
    await egypt.screenshot({ path: path.join(SHOTS, 'editor-versions-live.png') });

    // The page with the editor open has no accessibility violations (the toolbar's names contain
    // what they show).
    expect(await axeViolations(egypt)).toEqual([]);

    // Brazil compares with the base text: the deletion and the insertion both name Egypt and a time.
    // (The edit log's deletion mark is written a moment after the keystrokes.)
    await versions
      .getByRole('button', { name: `Compare the current text with “${isolate('Base text')}”` })
      .click();
    const compare = brazil.getByTestId('compare-view');
    const credit = (tag: 'ins' | 'del') =>
      compare
        .locator(tag)
        .evaluateAll((els) => els.map((e) => `${e.textContent} | ${e.getAttribute('title')}`));
    await expect
      .poll(async () => (await credit('del')).join('\n'), WAIT)
      .toMatch(/of the Bureau \| deleted /);
    const deleted = (await credit('del')).find((c) => c.includes('of the Bureau')) ?? '';
    const inserted = (await credit('ins')).find((c) => c.includes('urgently')) ?? '';
    expect(deleted).toContain(`| deleted by ${isolate('Delegate (Egypt)')}, `);
    expect(inserted).toContain(`| inserted by ${isolate('Delegate (Egypt)')}, `);
    for (const c of [deleted, inserted]) expect(c).toContain('(meeting time)');

    // The Word comparison carries the same authors, and each change the time of its edit.
    const [wordFile] = await Promise.all([
      brazil.waitForEvent('download'),
      compare.getByRole('button', { name: 'Export comparison (.docx)' }).click(),
    ]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await wordFile.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const del = /<w:del [^>]*>/.exec(xml)?.[0] ?? '';
    expect(del).toContain('w:author="Delegate (Egypt)"');
    const dated = Date.parse(/w:date="([^"]+)"/.exec(del)?.[1] ?? '');
    expect(Date.now() - dated).toBeLessThan(5 * 60_000);
    expect(xml).not.toContain('IRM Room');
    expect(xml).not.toMatch(/[\u2066-\u2069\u200e\u200f]/);
  });

  it('moves the focus to the lock banner when the text is locked under the cursor', async () => {
    const egypt = await open(person('Egypt'));
    await egypt.getByRole('button', { name: `Open text ${SYMBOL}` }).click();
    await expect
      .poll(async () => (await textbox(egypt).textContent()) ?? '', WAIT)
      .toContain('Member States');
    await textbox(egypt).locator('p', { hasText: 'to invite Member States' }).click();
    const scrolled = await egypt.evaluate(() => window.scrollY);
    const chair = await open(room.meeting.participants.find((p) => p.role === 'chair')!);
    await chair.getByRole('button', { name: `Lock ${SYMBOL} (agreed text)` }).click();
    await expect
      .poll(() => egypt.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT)
      .toBe('read-only-banner');
    // Still typing: nothing scrolls the page away, nothing lands anywhere.
    await egypt.keyboard.type('so that ');
    expect(await egypt.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await textbox(egypt).textContent()).not.toContain('so that');
  });
});
