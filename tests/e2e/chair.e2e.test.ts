import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../client/src/i18n/locales/ar';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };
/** A command type as the protocol names it ("floor.give"): never shown to a participant. */
const COMMAND_NAME = /\b(floor|agenda|meeting|presiding|proposal)\.[a-z]+/i;

/**
 * The floor as a chair runs it (issue 12), each step through the UI: a chair and delegates in
 * separate browser contexts. Only the set-up that is not under test (opening the meeting, queueing a
 * few requests) goes through the service in-process.
 */
describe('the chair in a browser', () => {
  // Another zone than the meeting's, so "your time" and "meeting time" differ on screen.
  const room = useBrowserRoom({
    context: { viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Asia/Tokyo' },
    waitFor: (page) => page.getByRole('heading', { name: 'List of speakers' }).waitFor(),
  });
  const { person, chair: chairPerson, state, newContext, join, open, asChair } = room;
  const item = (number: string) => state().agenda.find((i) => i.number === number)!;
  const queueOf = (page: Page) => page.getByTestId('queue-item').allTextContents();
  const logEntry = (page: Page, delegation: string) =>
    page.getByTestId('intervention-log').locator('li').filter({ hasText: delegation }).first();

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await asChair({ type: 'meeting.open' });
    await asChair({ type: 'agenda.open', itemId: item('4').id });
  });

  it('a point of order suspends the speaker, who resumes with the time left; the log shows both parts', async () => {
    const chair = await open(chairPerson());
    const brazil = await open(person('Brazil'));
    const egypt = await open(person('Egypt'));

    await brazil.getByRole('button', { name: 'Request the floor' }).click();
    await chair.getByRole('button', { name: 'Give the floor to Brazil' }).click();
    await brazil.getByRole('button', { name: 'Yield the floor' }).waitFor();
    // Brazil speaks a few seconds before the interruption, so the time left is not the full 3:00.
    await brazil.waitForTimeout(3000);

    await egypt.getByRole('button', { name: 'Point of order' }).click();
    await chair.getByRole('button', { name: 'Give the floor to Egypt' }).click();
    await expect.poll(() => state().floor.current?.participantId).toBe(person('Egypt').id);
    const suspendedLine = /Suspended: Brazil, 2:5\d left/;
    await expect.poll(() => brazil.getByTestId('suspended').textContent()).toMatch(suspendedLine);
    await expect.poll(() => chair.getByTestId('suspended').textContent()).toMatch(suspendedLine);
    // Brazil's clock is stopped while suspended.
    const before = await brazil.getByTestId('suspended').textContent();
    await brazil.waitForTimeout(1500);
    expect(await brazil.getByTestId('suspended').textContent()).toBe(before);
    // Egypt has the floor meanwhile; Brazil no longer holds it.
    expect(await egypt.getByRole('button', { name: 'Yield the floor' }).count()).toBe(1);
    expect(await brazil.getByRole('button', { name: 'Yield the floor' }).count()).toBe(0);
    // Brazil is told they will resume, and offered no request the server would refuse.
    expect(await brazil.getByTestId('suspended-you').textContent()).toContain(
      'Your intervention is suspended',
    );
    expect(await brazil.getByRole('button', { name: 'Request the floor' }).count()).toBe(0);
    expect(await brazil.getByRole('button', { name: 'Point of order' }).count()).toBe(0);
    await chair.screenshot({ path: path.join(SHOTS, 'chair-suspended.png') });

    await chair.getByRole('button', { name: 'End intervention' }).click();
    await brazil.getByRole('button', { name: 'Yield the floor' }).waitFor();
    expect(state().floor.current).toMatchObject({ participantId: person('Brazil').id, resumed: true });
    expect(state().floor.current!.limitSeconds).toBeLessThan(180);
    expect(await brazil.getByTestId('suspended').count()).toBe(0);
    const timer = await brazil.getByTestId('timer').textContent();
    expect(timer).toMatch(/^2:5\d$/);
    expect(timer).not.toBe('3:00');

    await brazil.waitForTimeout(1000);
    await chair.getByRole('button', { name: 'End intervention' }).click();
    await expect.poll(() => state().floor.current).toBeNull();
    const entry = logEntry(chair, 'Brazil');
    await expect.poll(() => entry.textContent()).toMatch(/in parts: \d+ s \+ \d+ s/);
    expect(await logEntry(brazil, 'Brazil').getByTestId('log-parts').count()).toBe(1);
    const brazilLogged = state()
      .interventions.filter((i) => i.delegation === 'Brazil')
      .at(-1)!;
    expect(brazilLogged.parts).toHaveLength(2);
    // Egypt's point of order is logged once, in one part.
    expect(await logEntry(chair, 'Egypt').getByTestId('log-parts').count()).toBe(0);
  }, 60_000);

  it('the chair may end the suspended intervention instead; the log says so', async () => {
    const chair = await open(chairPerson());
    const china = await open(person('China'));
    const nigeria = await open(person('Nigeria'));
    await china.getByRole('button', { name: 'Request the floor' }).click();
    await chair.getByRole('button', { name: 'Give the floor to China' }).click();
    await china.getByRole('button', { name: 'Yield the floor' }).waitFor();
    await nigeria.getByRole('button', { name: 'Point of order' }).click();
    await chair.getByRole('button', { name: 'Give the floor to Nigeria' }).click();
    await expect.poll(() => china.getByTestId('suspended').textContent()).toContain('Suspended: China');

    await chair.getByRole('button', { name: 'End the suspended intervention' }).click();
    await expect.poll(() => china.getByTestId('suspended').count()).toBe(0);
    await expect.poll(() => logEntry(chair, 'China').textContent()).toContain('ended while suspended');
    // Nigeria keeps the floor; when it ends, nobody resumes.
    expect(state().floor.current?.participantId).toBe(person('Nigeria').id);
    await chair.getByRole('button', { name: 'End intervention' }).click();
    await expect.poll(() => state().floor.current).toBeNull();
    expect(await china.getByRole('button', { name: 'Request the floor' }).count()).toBe(1);
  });

  it('the chair finds a spokesperson by RTO and adds them; everyone sees the request', async () => {
    const chair = await open(chairPerson());
    const brazil = await open(person('Brazil'));
    const search = chair.getByRole('combobox', { name: 'Delegation, name or RTO' });
    await search.fill('CITEL');
    const options = chair.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(['CITEL', 'Paraguay · CITEL']);
    await search.press('Enter');
    expect(await search.inputValue()).toBe('CITEL');
    await chair.getByRole('combobox', { name: 'Kind of request' }).selectOption({ label: 'Speaker' });
    await chair.getByRole('button', { name: 'Add to the list' }).click();

    await expect
      .poll(() => state().floor.queue.map((r) => [r.participantId, r.kind]))
      .toContainEqual([person('CITEL').id, 'speak']);
    await expect.poll(() => queueOf(chair)).toEqual([expect.stringContaining('CITEL')]);
    await expect.poll(() => queueOf(brazil)).toEqual([expect.stringContaining('CITEL')]);
    expect(await chair.getByRole('status').filter({ hasText: 'CITEL was added' }).count()).toBe(1);
    // The search is emptied and keeps the focus, for the next one.
    expect(await search.inputValue()).toBe('');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a delegate who leaves shows offline; the RTO round leaves an offline spokesperson unticked', async () => {
    const chair = await open(chairPerson());
    const franceContext = await newContext();
    const france = await join(franceContext, person('France'));
    await france.getByRole('button', { name: 'Request the floor' }).click();
    const row = chair.getByTestId('queue-item').filter({ hasText: 'France' });
    await expect.poll(() => row.textContent()).toContain('online');

    await franceContext.close();
    // Offline once the server's grace for reloads (3 s) has passed.
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('offline');
    expect(await row.locator('.presence-offline').count()).toBe(1);

    // APT's spokesperson is connected, the others are not.
    await open(person('APT'));
    const round = chair.getByRole('group', { name: 'RTO round' });
    const rto = (code: string) =>
      round.locator('li').filter({ has: chair.locator('strong', { hasText: code }) });
    await expect.poll(() => rto('APT').getByRole('checkbox').isChecked()).toBe(true);
    expect(await rto('APT').textContent()).not.toContain('not connected');
    for (const code of ['ATU', 'CEPT', 'LAS', 'RCC']) {
      expect(await rto(code).textContent()).toContain('not connected');
      expect(await rto(code).getByRole('checkbox').isChecked()).toBe(false);
    }
    await chair.getByRole('button', { name: 'Queue the RTO round' }).click();
    const queued = () =>
      state()
        .floor.queue.map((r) => state().participants.find((p) => p.id === r.participantId)!.delegation)
        .filter((d) => ['APT', 'ATU', 'CEPT', 'LAS', 'RCC'].includes(d));
    await expect.poll(queued).toEqual(['APT']);
  }, 60_000);

  it('a refused command says what happened in plain words, never a command name', async () => {
    await asChair({ type: 'floor.request', kind: 'speak', participantId: person('Egypt').id });
    const chair = await open(chairPerson());
    const staleContext = await newContext();
    const stale = await join(staleContext, chairPerson());
    const removeEgypt = (page: Page) => page.getByRole('button', { name: 'Remove Egypt from the list' });
    await removeEgypt(stale).waitFor();
    // The second console goes offline, removes Egypt (kept, not sent), while the first one does it.
    await staleContext.setOffline(true);
    await removeEgypt(stale).click();
    await removeEgypt(chair).click();
    await expect
      .poll(() => state().floor.queue.some((r) => r.participantId === person('Egypt').id))
      .toBe(false);
    await staleContext.setOffline(false);
    const alert = stale.getByRole('alert').filter({ hasText: 'not done' });
    await alert.waitFor({ timeout: 20_000 });
    const text = (await alert.textContent()) ?? '';
    console.log('refusal shown:', text);
    expect(text).toContain('Removing the request: not done.');
    expect(text).not.toMatch(COMMAND_NAME);
  }, 60_000);

  it('an agenda item removed or a list cleared comes back with Undo; concluding asks with the count', async () => {
    const chair = await open(chairPerson());
    const titles = () => chair.locator('.agenda-list .agenda-title').allTextContents();
    const agendaBefore = await titles();
    const nine = agendaBefore.indexOf('Any other business');
    expect(nine).toBeGreaterThan(0);
    await chair
      .getByRole('group', { name: /item 9\b/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(titles).not.toContain('Any other business');
    const agendaBar = chair.locator('.agenda').getByTestId('undo-bar');
    await expect.poll(() => agendaBar.textContent()).toContain('Agenda item 9 was removed.');
    await agendaBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(titles).toEqual(agendaBefore);
    expect(state().agenda.map((i) => i.title)).toEqual(agendaBefore);

    // Exactly three waiting.
    await asChair({ type: 'floor.clear' });
    for (const d of ['Kenya', 'Hungary', 'Jordan'])
      await asChair({ type: 'floor.request', kind: 'speak', participantId: person(d).id });
    await expect.poll(() => queueOf(chair).then((rows) => rows.length)).toBe(3);
    const order = await queueOf(chair);
    await chair.getByRole('button', { name: 'Clear the list' }).click();
    await expect.poll(() => queueOf(chair)).toEqual([]);
    const floorBar = chair.locator('#floor').getByTestId('undo-bar');
    await expect.poll(() => floorBar.textContent()).toContain('The list of speakers was cleared.');
    await floorBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => queueOf(chair)).toEqual(order);

    await chair
      .getByRole('group', { name: /item 4\b/ })
      .getByRole('button', { name: 'Conclude' })
      .click();
    const waiting = chair.getByTestId('conclude-waiting');
    await expect.poll(() => waiting.textContent()).toBe('Requests still waiting: 3. Conclude anyway?');
    expect(item('4').status).toBe('open');
    await chair.getByRole('textbox', { name: 'Outcome' }).fill('Agreed to forward the draft to WTDC-25.');
    expect(item('4').status).toBe('open');
    await chair.getByRole('button', { name: 'Conclude with this outcome' }).click();
    await expect.poll(() => item('4').status).toBe('concluded');
  });

  it('in Arabic, English titles and outcomes are isolated and every time says its clock', async () => {
    const chair = await open(chairPerson());
    const brazil = await open(person('Brazil'));
    for (const page of [chair, brazil]) {
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    }
    // An English outcome and title inside Arabic sentences keep their own direction.
    const outcome = chair.getByTestId('outcome');
    expect(await outcome.locator('bdi').textContent()).toBe('Agreed to forward the draft to WTDC-25.');
    expect(await outcome.textContent()).toContain(ar.agenda.outcomeShown.replace(' {{outcome}}', ''));
    for (const page of [chair, brazil]) {
      const tags = await page
        .locator('.agenda-title')
        .evaluateAll((els) => els.map((el) => el.tagName === 'BDI' || el.getAttribute('dir') === 'auto'));
      expect(tags.length).toBeGreaterThan(5);
      expect(tags.every(Boolean)).toBe(true);
    }

    // Every time of day on screen says which clock: in its own words, or in the label beside it.
    const labels = [ar.header.meetingTime, ar.header.yourTime];
    for (const page of [chair, brazil]) {
      const times = await page
        .locator('time')
        .evaluateAll((els) =>
          els.map((el) => ({ own: el.textContent ?? '', around: el.parentElement?.textContent ?? '' })),
        );
      expect(times.length).toBeGreaterThan(2);
      for (const time of times) {
        const said = labels.some((l) => time.own.includes(l) || time.around.includes(l));
        expect(said, `${time.own} in "${time.around}"`).toBe(true);
      }
      const logTimes = await page.getByTestId('intervention-log').locator('time').allTextContents();
      expect(logTimes.length).toBeGreaterThan(0);
      for (const t of logTimes) expect(t).toContain(ar.header.meetingTime);
    }
    // Who submitted a proposal (user text) is isolated too.
    expect(await brazil.locator('.proposal-title + p bdi').first().textContent()).toBeTruthy();
    await chair.screenshot({ path: path.join(SHOTS, 'chair-ar.png'), fullPage: true });
    expect(await axeViolations(chair)).toEqual([]);
    expect(await axeViolations(brazil)).toEqual([]);
  });
});
