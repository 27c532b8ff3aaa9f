import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const WAIT = { timeout: 15_000 };
const OUTCOME = 'The meeting took note of the outcomes of the six RPMs.';

/** The file a download saved, read whole. */
const bytesOf = async (download: Download) => fs.readFileSync((await download.path())!);

/**
 * The meeting record as the chair uses it (issue 14): item 4 of the demo run through the UI, then
 * the Record view with item 4's interventions and its time against plan, the exports downloaded and
 * read back, and the draft chair's summary created and opened as a co-edited text.
 */
describe('the record in a browser', () => {
  const room = useBrowserRoom({
    context: { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'America/New_York' },
    waitFor: (page) => page.getByRole('heading', { name: 'List of speakers' }).waitFor(),
  });
  const { person, chair: chairPerson, state, open, asChair } = room;
  const item4 = () => state().agenda.find((i) => i.number === '4')!;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await asChair({ type: 'meeting.open' });
  });

  /** The chair gives the floor to whoever asked, and the speaker yields after a moment. */
  async function speak(chair: Page, speaker: Page, delegation: string, button = 'Request the floor') {
    await speaker.getByRole('button', { name: button }).click();
    await chair.getByRole('button', { name: `Give the floor to ${delegation}` }).click();
    await speaker.getByRole('button', { name: 'Yield the floor' }).waitFor(WAIT);
    await speaker.waitForTimeout(1200);
    await speaker.getByRole('button', { name: 'Yield the floor' }).click();
    await expect.poll(() => state().floor.current, WAIT).toBeNull();
  }

  it('runs item 4, reads it in the Record view, downloads the exports and drafts the summary', async () => {
    const chair = await open(chairPerson());
    const atu = await open(person('ATU'));
    const brazil = await open(person('Brazil'));

    await chair
      .getByRole('group', { name: /item 4\b/ })
      .getByRole('button', { name: 'Open item' })
      .click();
    await expect.poll(() => state().currentItemId, WAIT).toBe(item4().id);
    await speak(chair, atu, 'ATU');
    await speak(chair, brazil, 'Brazil');
    await chair
      .getByRole('group', { name: /item 4\b/ })
      .getByRole('button', { name: 'Conclude' })
      .click();
    await chair.getByRole('textbox', { name: 'Outcome' }).fill(OUTCOME);
    await chair.getByRole('button', { name: 'Conclude with this outcome' }).click();
    await expect.poll(() => item4().status, WAIT).toBe('concluded');

    // The Record view: item 4 with its two interventions, in order, and its time against the plan.
    const opener = chair.getByTestId('record-open');
    await opener.click();
    const view = chair.getByTestId('record-view');
    await view.waitFor(WAIT);
    await expect
      .poll(() => chair.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Record of the meeting');
    await chair.getByTestId('record-item-toggle-4').click();
    const details = chair.getByTestId('record-item-details');
    await expect.poll(() => details.getByTestId('record-intervention').count(), WAIT).toBe(2);
    const rows = await details.getByTestId('record-intervention').allTextContents();
    expect(rows[0]).toContain('ATU');
    expect(rows[1]).toContain('Brazil');
    const row4 = view.getByTestId('record-item').filter({ hasText: 'Outcomes of the six Regional' });
    expect(await row4.textContent()).toContain(OUTCOME);
    expect(await row4.getByTestId('record-spent').textContent()).toMatch(/\d/);
    expect(await view.textContent()).toMatch(/meeting time \(UTC[+-]\d\d:\d\d\)/);
    await chair.screenshot({ path: path.join(SHOTS, 'record-view.png'), fullPage: true });
    expect(await axeViolations(chair)).toEqual([]);

    // The exports, in French: the Word file has item 4's heading and both speakers' rows.
    await chair.getByTestId('record-lang').selectOption('fr');
    const download = async (file: string) => {
      const [saved] = await Promise.all([
        chair.waitForEvent('download'),
        chair.getByTestId(`record-download-${file}`).click(),
      ]);
      return saved;
    };
    const docx = await download('record.docx');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const xml = await (await JSZip.loadAsync(await bytesOf(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Outcomes of the six Regional Preparatory Meetings');
    expect(xml).toContain('Brazil');
    expect(xml).toContain(OUTCOME);
    const interventions = parse((await bytesOf(await download('interventions.csv'))).toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(interventions.map((r) => Object.values(r).join('|')).join('\n')).toMatch(/ATU[\s\S]*Brazil/);
    const attendance = parse((await bytesOf(await download('attendance.csv'))).toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(attendance.length).toBeGreaterThanOrEqual(state().participants.length);

    // The draft summary opens as a text the chair co-edits; it names the speakers and the outcome.
    await chair.getByTestId('record-lang').selectOption('en');
    await chair.getByTestId('record-draft-summary').click();
    const editor = chair.getByRole('textbox', { name: /CS\/1/ });
    await expect.poll(async () => (await editor.textContent()) ?? '', WAIT).toContain(OUTCOME);
    const text = (await editor.textContent()) ?? '';
    expect(text).toContain('Brazil');
    expect(state().proposals.find((p) => p.symbol === 'CS/1')?.kind).toBe('chair-summary');
    await chair.screenshot({ path: path.join(SHOTS, 'record-summary.png'), fullPage: true });

    // A delegate sees the summary listed but may not edit it, and has no Record view.
    await expect.poll(() => brazil.getByTestId('chair-summary-badge').count(), WAIT).toBeGreaterThan(0);
    expect(await brazil.getByTestId('record-open').count()).toBe(0);
  });
});
