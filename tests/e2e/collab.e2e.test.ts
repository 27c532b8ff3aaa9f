import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolate } from '../../client/src/collab/bidi';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
/** Realtime round trips and page loads, with room for a loaded CI machine. */
const WAIT = { timeout: 10_000 };

const SYMBOL = 'ACP/67A1/1';
const BASE_TEXT = [
  '# Resolves',
  'to instruct the Director of the Telecommunication Development Bureau',
  'to invite Member States to contribute',
].join('\n\n');

/**
 * Two delegates co-edit a proposal in two browsers against a real server: each sees the other's text
 * and caret, a bracket made by one reaches the other with the count, a version is compared with the
 * base text, and when the chair locks the proposal both editors refuse input.
 */
describe('co-editing a proposal in the browser', () => {
  const room = useBrowserRoom({
    context: { viewport: { width: 1400, height: 1000 }, locale: 'en-GB' },
    waitFor: (page) =>
      expect.poll(() => page.getByRole('heading', { name: 'Proposals' }).count(), WAIT).toBe(1),
  });
  const { person, open } = room;
  /** Resolves once the page has drawn a frame and run a task after everything already queued. */
  const afterNextFrame = (page: Page) =>
    page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const textbox = (page: Page) => page.getByRole('textbox', { name: `Text of ${SYMBOL}` });
  /** The text's paragraphs, without the caret labels of other people drawn inside it. */
  const text = (page: Page) =>
    textbox(page).evaluate((el) =>
      [...el.querySelectorAll('p, h1, h2, h3, li')]
        .map((block) => {
          const copy = block.cloneNode(true) as HTMLElement;
          for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
          return copy.textContent;
        })
        .join('\n'),
    );
  /** Puts the caret at the end of the paragraph that contains `words`. */
  const endOf = async (page: Page, words: string) => {
    const paragraph = textbox(page).locator('p', { hasText: words });
    await paragraph.click();
    // The end of the paragraph, not of its first visual line: the text column may wrap it.
    await paragraph.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
  };

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('two delegates co-edit live; brackets, versions, and the chair’s lock reach both', async () => {
    const brazil = await open(person('Brazil'));
    const egypt = await open(person('Egypt'));

    // Brazil submits a proposal with a base text; its editor opens on it.
    await brazil.getByRole('button', { name: 'New proposal' }).click();
    await brazil.getByLabel('Symbol').fill(SYMBOL);
    await brazil.getByLabel('Title', { exact: true }).fill('Revision of Resolution 31');
    await brazil.getByLabel('Base text (optional)').fill(BASE_TEXT);
    await brazil.getByRole('button', { name: 'Create proposal' }).click();
    await expect.poll(() => text(brazil), WAIT).toContain('to invite Member States to contribute');
    expect(await textbox(brazil).locator('h2').textContent()).toBe('Resolves');
    expect(await textbox(brazil).getAttribute('dir')).toBe('auto');

    // Egypt opens the same text from the list.
    await egypt.getByRole('button', { name: `Open text ${SYMBOL}` }).click();
    await expect.poll(() => text(egypt), WAIT).toContain('to instruct the Director');

    // Both type; each sees the other's words and caret, labelled with name and delegation.
    await endOf(brazil, 'to invite Member States');
    await brazil.keyboard.type(' and Sector Members');
    await endOf(egypt, 'to instruct the Director');
    await egypt.keyboard.type(' (BDT)');
    await expect
      .poll(() => text(egypt), WAIT)
      .toContain('to invite Member States to contribute and Sector Members');
    await expect.poll(() => text(brazil), WAIT).toContain('Telecommunication Development Bureau (BDT)');
    await expect
      .poll(() => brazil.locator('.collaboration-carets__label').allTextContents(), WAIT)
      .toContain('Delegate (Egypt)');
    await expect
      .poll(() => egypt.locator('.collaboration-carets__label').allTextContents(), WAIT)
      .toContain('Delegate (Brazil)');
    await expect
      .poll(() => brazil.getByTestId('awareness').textContent(), WAIT)
      .toContain('Delegate (Egypt)');
    await brazil.screenshot({ path: path.join(SHOTS, 'editor-two-delegates.png') });

    // Egypt puts "(BDT)" in square brackets with the shortcut; Brazil sees it, and the count.
    expect(await brazil.getByTestId('bracket-count').textContent()).toBe(
      'No square brackets: no text is pending.',
    );
    await endOf(egypt, 'to instruct the Director');
    for (let i = 0; i < '(BDT)'.length; i++) await egypt.keyboard.press('Shift+ArrowLeft');
    await egypt.keyboard.press('Control+Shift+B');
    await expect.poll(() => brazil.getByTestId('bracket-count').textContent(), WAIT).toBe('Open brackets: 1');
    await expect
      .poll(() => textbox(brazil).locator('span.bracket[data-bracket]').allTextContents(), WAIT)
      .toEqual([expect.stringContaining('BDT')]);
    expect(await egypt.getByTestId('bracket-count').textContent()).toBe('Open brackets: 1');
    // The list jumps to the bracket.
    await brazil.getByRole('button', { name: /^Go to bracket 1:/ }).click();
    await expect.poll(() => brazil.evaluate(() => window.getSelection()?.toString()), WAIT).toBe('(BDT)');
    await egypt.screenshot({ path: path.join(SHOTS, 'editor-bracket.png') });

    // Brazil compares the text with the base text: insertions underlined and attributed.
    const versions = brazil.getByRole('region', { name: 'Versions' });
    await versions.getByLabel('Version name').fill('after first reading');
    await versions.getByRole('button', { name: 'Save version' }).click();
    await expect
      .poll(() => versions.getByTestId('versions').textContent(), WAIT)
      .toContain('after first reading');
    await versions
      .getByRole('button', { name: `Compare the current text with “${isolate('Base text')}”` })
      .click();
    const compare = brazil.getByTestId('compare-view');
    await expect.poll(() => compare.locator('ins').count(), WAIT).toBeGreaterThan(0);
    const inserted = await compare
      .locator('ins')
      .evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', title: e.getAttribute('title') })));
    expect(inserted).toEqual(
      expect.arrayContaining([
        {
          text: expect.stringContaining('Sector Members'),
          title: expect.stringContaining(`inserted by ${isolate('Delegate (Brazil)')}, `),
        },
        {
          text: expect.stringContaining('BDT'),
          title: expect.stringContaining(`inserted by ${isolate('Delegate (Egypt)')}, `),
        },
      ]),
    );
    await compare.scrollIntoViewIfNeeded();
    await brazil.screenshot({ path: path.join(SHOTS, 'editor-compare.png'), fullPage: true });
    // The comparison exports as a Word file with tracked changes; the text as Markdown, brackets kept.
    const [wordFile] = await Promise.all([
      brazil.waitForEvent('download'),
      compare.getByRole('button', { name: 'Export comparison (.docx)' }).click(),
    ]);
    expect(wordFile.suggestedFilename()).toBe('ACP-67A1-1-compare.docx');
    expect(
      fs
        .readFileSync((await wordFile.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const [markdown] = await Promise.all([
      brazil.waitForEvent('download'),
      brazil.getByRole('button', { name: 'Markdown (.md)' }).click(),
    ]);
    expect(fs.readFileSync((await markdown.path())!, 'utf8')).toContain(
      '## Resolves\n\nto instruct the Director of the Telecommunication Development Bureau [(BDT)]',
    );
    await compare.getByRole('button', { name: 'Close the comparison' }).click();

    // Agreement: Brazil takes the brackets off; Egypt sees the count drop and the agreed text logged.
    await brazil.getByRole('button', { name: 'Go to bracket 1: (BDT)' }).click();
    // The jump puts the keyboard focus in the text, on the bracketed words.
    await expect
      .poll(() => brazil.evaluate(() => document.activeElement?.getAttribute('role')), WAIT)
      .toBe('textbox');
    await expect.poll(() => brazil.evaluate(() => window.getSelection()?.toString()), WAIT).toBe('(BDT)');
    await brazil.keyboard.press('Control+Shift+B');
    await expect
      .poll(() => egypt.getByTestId('bracket-count').textContent(), WAIT)
      .toBe('No square brackets: no text is pending.');
    await expect.poll(() => egypt.getByTestId('agreed-list').textContent(), WAIT).toContain('(BDT)');
    expect(await egypt.getByTestId('agreed-list').textContent()).toContain(
      `brackets removed by ${isolate('Delegate (Brazil)')}`,
    );

    // The chair locks the proposal: both editors say so and refuse input at once.
    const chair = await open(room.meeting.participants.find((p) => p.role === 'chair')!);
    await chair.getByRole('button', { name: `Lock ${SYMBOL} (agreed text)` }).click();
    for (const page of [brazil, egypt]) {
      await expect.poll(() => textbox(page).getAttribute('contenteditable'), WAIT).toBe('false');
      expect(await page.getByTestId('read-only-banner').textContent()).toContain('Locked: agreed text.');
    }
    const before = await text(egypt);
    await textbox(brazil).locator('p', { hasText: 'to invite Member States' }).click();
    await brazil.keyboard.type('XYZ');
    await brazil.keyboard.press('Enter');
    await egypt.keyboard.type('XYZ');
    // A locked editor never changes its document, so it sends nothing: whatever the keys could do
    // happens in each page's own loop, which has run once a frame after them is drawn.
    for (const page of [brazil, egypt]) await afterNextFrame(page);
    expect(await text(brazil)).toBe(before);
    expect(await text(egypt)).toBe(before);
    await brazil.screenshot({ path: path.join(SHOTS, 'editor-locked.png') });

    // In Arabic the room lays out right to left; the banner says the same.
    await egypt.getByLabel('Language').selectOption('ar');
    await expect.poll(() => egypt.getByTestId('read-only-banner').textContent(), WAIT).toContain('مقفل');
    await egypt.screenshot({ path: path.join(SHOTS, 'editor-locked-ar.png') });

    // Escape closes the text and puts the focus back in the room.
    await egypt.getByRole('heading', { name: new RegExp(SYMBOL) }).focus();
    await egypt.keyboard.press('Escape');
    await expect.poll(() => egypt.getByTestId('proposal-editor').count(), WAIT).toBe(0);
  });
});
