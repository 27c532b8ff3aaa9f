import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../shared';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');

/**
 * A chair and two delegates, each in their own browser context, run agenda item 4 of the demo
 * meeting through the UI only: the scenario of issue 3.
 */
describe('the room in a browser', () => {
  const room = useBrowserRoom({
    context: { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'America/Los_Angeles' },
  });
  const { person } = room;
  const open = (participant: Participant | null, route?: string) => room.open(participant, { route });
  const seq = () => room.server.service.room(room.meeting.id)!.seq;

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('runs agenda item 4 from start to end', async () => {
    const chairPerson = room.meeting.participants.find((p) => p.role === 'chair')!;
    const chair = await open(chairPerson);
    const brazil = await open(person('Brazil'));
    const egypt = await open(person('Egypt'));

    // The token is taken out of the address bar.
    expect(chair.url()).not.toContain('token=');
    await expect.poll(() => chair.getByRole('heading', { name: 'Chair console' }).count()).toBe(1);
    expect(await brazil.getByRole('heading', { name: 'Chair console' }).count()).toBe(0);

    // The chair opens the meeting and item 4.
    await chair.getByRole('button', { name: 'Open the meeting' }).click();
    await chair
      .getByRole('group', { name: 'Actions for item 4' })
      .getByRole('button', { name: 'Open item' })
      .click();
    await expect
      .poll(() => brazil.getByTestId('current-item').textContent())
      .toContain('Outcomes of the six');

    // Brazil asks for the floor, then Egypt; Egypt's point of order goes ahead of both.
    await brazil.getByRole('button', { name: 'Request the floor' }).click();
    await expect
      .poll(() => brazil.getByTestId('my-place').textContent())
      .toContain('Your place in the list: 1');
    await egypt.getByRole('button', { name: 'Request the floor' }).click();
    await expect
      .poll(() => egypt.getByTestId('my-place').textContent())
      .toContain('Your place in the list: 2');
    await egypt.getByRole('button', { name: 'Point of order' }).click();
    await expect
      .poll(() => brazil.getByTestId('my-place').textContent())
      .toContain('Your place in the list: 2');
    const queue = async (page: Page) =>
      (await page.getByTestId('queue-item').allTextContents()).map((s) => s.replace(/\s+/g, ' '));
    await expect.poll(async () => (await queue(chair))[0]).toContain('Egypt');
    expect((await queue(chair))[0]).toContain('Point of order');

    // Brazil's page is reloaded mid-queue and keeps its place.
    await brazil.reload();
    await expect
      .poll(() => brazil.getByTestId('my-place').textContent())
      .toContain('Your place in the list: 2');
    await brazil.screenshot({ path: path.join(SHOTS, 'delegate-view.png'), fullPage: true });

    // The chair gives the floor: the point of order first; Egypt is told, and the timer runs.
    await chair.getByRole('button', { name: 'Next speaker' }).click();
    await expect
      .poll(() => egypt.getByRole('alert').filter({ hasText: 'You have the floor' }).count())
      .toBe(1);
    await expect.poll(() => brazil.getByTestId('announcer').textContent()).toContain('Egypt has the floor');
    const first = await egypt.getByTestId('timer').textContent();
    await expect.poll(() => egypt.getByTestId('timer').textContent(), { timeout: 5_000 }).not.toBe(first);

    // The projector shows the speaker with the timer.
    const projector = await open(null, '/projector');
    await expect.poll(() => projector.locator('.projector-delegation').textContent()).toBe('Egypt');
    await projector.screenshot({ path: path.join(SHOTS, 'projector.png') });
    await chair.screenshot({ path: path.join(SHOTS, 'chair-console.png'), fullPage: true });

    // The intervention ends and is logged; Brazil speaks next and yields.
    await chair.getByRole('button', { name: 'End intervention' }).click();
    await expect.poll(() => chair.getByTestId('intervention-log').textContent()).toContain('Egypt');
    await chair.getByRole('button', { name: 'Next speaker' }).click();
    await expect
      .poll(() => brazil.getByRole('alert').filter({ hasText: 'You have the floor' }).count())
      .toBe(1);
    await brazil.getByRole('button', { name: 'Yield the floor' }).click();
    await expect.poll(async () => await chair.getByTestId('intervention-log').locator('li').count()).toBe(2);
    const logged = room.server.service.room(room.meeting.id)!.state.interventions.map((i) => i.delegation);
    expect(logged).toEqual(['Egypt', 'Brazil']);
    // Speaking time per region for the item: the table names both regions that spoke.
    const stats = chair.getByRole('region', { name: 'Speaking time' });
    await expect
      .poll(() => stats.getByRole('row').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringContaining('Arab States'), expect.stringContaining('Americas')]),
      );
    await stats.screenshot({ path: path.join(SHOTS, 'speaking-time.png') });

    // The agenda advances: item 4 concluded with an outcome, item 5 opened.
    await chair
      .getByRole('group', { name: 'Actions for item 4' })
      .getByRole('button', { name: 'Conclude' })
      .click();
    await chair.getByLabel('Outcome').fill('The meeting took note of the six RPM reports.');
    await chair.getByRole('button', { name: 'Conclude with this outcome' }).click();
    await chair
      .getByRole('group', { name: 'Actions for item 5' })
      .getByRole('button', { name: 'Open item' })
      .click();
    await expect.poll(() => egypt.getByTestId('current-item').textContent()).toMatch(/^5/);
    const item4 = room.server.service.room(room.meeting.id)!.state.agenda.find((i) => i.number === '4')!;
    expect(item4).toMatchObject({
      status: 'concluded',
      outcome: 'The meeting took note of the six RPM reports.',
    });
    expect(seq()).toBeGreaterThan(0);
  });

  it('gives the projector link to whoever the server gives it: the secretariat, a vice-chair only while presiding', async () => {
    const projectorButton = (page: Page) => page.getByRole('button', { name: 'Open the projector view' });
    const secretariat = await open(room.meeting.participants.find((p) => p.role === 'secretariat')!);
    await expect
      .poll(() => secretariat.getByRole('heading', { name: 'Secretariat console' }).count())
      .toBe(1);
    // The popup gets the signed link and shows the projector view (it stayed blank when refused).
    const [popup] = await Promise.all([
      secretariat.waitForEvent('popup'),
      projectorButton(secretariat).click(),
    ]);
    await expect.poll(() => popup.url()).toContain('/projector');
    await popup.waitForSelector('.projector-meeting', { timeout: 10_000 });
    await secretariat.screenshot({ path: path.join(SHOTS, 'secretariat-console.png'), fullPage: true });

    const vicePerson = room.meeting.participants.find((p) => p.role === 'vice-chair')!;
    const vice = await open(vicePerson);
    await expect.poll(() => vice.getByRole('button', { name: 'Request the floor' }).count()).toBe(1);
    expect(await projectorButton(vice).count()).toBe(0);
    const chair = await open(room.meeting.participants.find((p) => p.role === 'chair')!);
    await chair.getByLabel('Hand presiding to').selectOption(vicePerson.id);
    await chair.getByRole('button', { name: 'Hand over' }).click();
    await expect.poll(() => projectorButton(vice).count()).toBe(1);
    const [vicePopup] = await Promise.all([vice.waitForEvent('popup'), projectorButton(vice).click()]);
    await expect.poll(() => vicePopup.url()).toContain('/projector');
    await chair.getByRole('button', { name: 'Take back presiding' }).click();
    await expect.poll(() => projectorButton(vice).count()).toBe(0);
  });

  it('an observer is told how to get the floor and has no request buttons', async () => {
    const observer = await open(person('Youth representative'));
    await expect
      .poll(() => observer.getByText('Observers speak when the chair gives them the floor.').count())
      .toBe(1);
    expect(await observer.getByRole('button', { name: 'Request the floor' }).count()).toBe(0);
  });

  it('says plainly when a link is bad or expired', async () => {
    const context = await room.browser.newContext();
    const page = await context.newPage();
    const chairPerson = room.meeting.participants.find((p) => p.role === 'chair')!;
    const expired = await room.server.tokens.sign(
      { meetingId: room.meeting.id, participantId: chairPerson.id, role: 'chair' },
      -60,
    );
    for (const token of ['not-a-token', expired]) {
      await page.goto(`${room.server.url}/join#token=${token}`);
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe(
          'This link is no longer valid: it was replaced, has expired, or is incomplete. Open the latest link the secretariat sent you, or ask them for a new one.',
        );
    }
  });

  it('fits a phone screen', async () => {
    const context = await room.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto((await room.server.invites.for(room.meeting.id, person('France'))).joinUrl);
    const request = page.getByRole('button', { name: 'Request the floor' });
    await expect.poll(() => request.count()).toBe(1);
    const box = await request.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'delegate-phone.png'), fullPage: true });
  });

  it('renders Arabic right to left, and the keyboard reaches the floor buttons', async () => {
    const egypt = await open(person('Egypt'));
    await egypt.getByLabel('Language').selectOption('ar');
    await expect.poll(() => egypt.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await egypt.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await egypt.getByRole('button', { name: 'Request the floor' }).count()).toBe(0);
    await egypt.screenshot({ path: path.join(SHOTS, 'delegate-view-ar.png'), fullPage: true });
    // Keyboard only: tab from the top until a floor button has focus, then press Enter.
    await egypt.locator('.language select').selectOption('en');
    await expect.poll(() => egypt.evaluate(() => document.documentElement.dir)).toBe('ltr');
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Request the floor'; i++) {
      await egypt.keyboard.press('Tab');
      focused = await egypt.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
    }
    expect(focused).toBe('Request the floor');
    await egypt.keyboard.press('Enter');
    await expect.poll(() => egypt.getByTestId('my-place').textContent()).toContain('Your place in the list');
  });
});
