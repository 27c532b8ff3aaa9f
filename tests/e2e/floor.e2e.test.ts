import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };

/**
 * The list of speakers as a chair runs it (issue 12): a chair and delegates in separate browser
 * contexts; the set-up (opening, queueing 300) goes through the service in-process to stay quick.
 * Marked [contract]: needs the domain's issue 12 commands (confirmOffline, floor.restore).
 */
describe('the floor in a browser', () => {
  const room = useBrowserRoom({
    context: { viewport: VIEWPORT, locale: 'en-GB' },
    waitFor: (page) => page.getByRole('heading', { name: 'List of speakers' }).waitFor(),
  });
  const { person, chair: chairPerson, state, open, asChair } = room;
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? 'body');

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await asChair({ type: 'meeting.open' });
    await asChair({ type: 'agenda.open', itemId: room.meeting.agenda.find((i) => i.number === '4')!.id });
  });

  it('a delegate withdraws the request they choose; focus follows; the speaker yields', async () => {
    const brazil = await open(person('Brazil'));
    await brazil.getByRole('button', { name: 'Point of order' }).click();
    await expect.poll(() => focused(brazil)).toBe('Withdraw point of order');
    await brazil.getByRole('button', { name: 'Request the floor' }).click();
    await expect.poll(() => focused(brazil)).toBe('Withdraw request to speak');
    await brazil.getByRole('button', { name: 'Withdraw point of order' }).click();
    await expect.poll(() => state().floor.queue.map((r) => r.kind)).toEqual(['speak']);
    await expect.poll(() => focused(brazil)).toBe('Point of order');

    await asChair({ type: 'floor.next' });
    const yieldButton = brazil.getByRole('button', { name: 'Yield the floor' });
    await yieldButton.waitFor();
    expect(await brazil.getByRole('button', { name: 'Request the floor' }).count()).toBe(0);
    await yieldButton.click();
    await expect.poll(() => focused(brazil)).toBe('Request the floor');
    expect(state().floor.current).toBeNull();
  });

  it('[contract] asks before giving the floor to someone offline, and records it', async () => {
    const chair = await open(chairPerson());
    await asChair({ type: 'floor.request', kind: 'speak', participantId: person('France').id });
    const row = chair.getByTestId('queue-item').filter({ hasText: 'France' });
    await expect.poll(() => row.textContent()).toContain('offline');
    await chair.getByRole('button', { name: 'Give the floor to France' }).click();
    await chair.getByText('France is not connected. Give the floor anyway?').waitFor();
    expect(state().floor.current).toBeNull();
    await chair.getByRole('button', { name: 'Give the floor anyway' }).click();
    await expect.poll(() => state().floor.current?.participantId).toBe(person('France').id);
    await expect.poll(() => focused(chair)).toBe('End intervention');
    await chair.getByRole('button', { name: 'End intervention' }).click();
    await expect
      .poll(() => state().interventions.at(-1))
      .toMatchObject({ delegation: 'France', offline: true });
  });

  it('[contract] removes a request at once and undoes the removal', async () => {
    const chair = await open(chairPerson());
    await asChair({ type: 'floor.request', kind: 'speak', participantId: person('Egypt').id });
    await chair.getByRole('button', { name: 'Remove Egypt from the list' }).click();
    const egyptWaits = () => state().floor.queue.some((r) => r.participantId === person('Egypt').id);
    await expect.poll(egyptWaits).toBe(false);
    const bar = chair.getByTestId('undo-bar');
    await expect.poll(() => bar.textContent()).toContain('The request of Egypt was removed.');
    await bar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(egyptWaits).toBe(true);
  });

  it('axe finds nothing on the chair console and the delegate view', async () => {
    await asChair({ type: 'floor.request', kind: 'speak', participantId: person('Kenya').id });
    const chair = await open(chairPerson());
    const brazil = await open(person('Brazil'));
    await chair.getByTestId('queue-item').first().waitFor();
    await brazil.getByTestId('queue-item').first().waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    expect(await axeViolations(brazil)).toEqual([]);
  });

  it('with 300 waiting the list scrolls in its panel and the chair keeps Next speaker in view', async () => {
    for (let i = 0; i < 300; i++) {
      const added = await room.server.service.addParticipant(room.meeting.id, {
        name: `Delegate ${i}`,
        delegation: `Delegation ${String(i).padStart(3, '0')}`,
        role: 'delegate',
      });
      if ('error' in added) throw new Error('participant not added');
      await asChair({ type: 'floor.request', kind: 'speak', participantId: added.id });
    }
    const waiting = state().floor.queue.length;
    expect(waiting).toBeGreaterThanOrEqual(300);
    const chair = await open(chairPerson());
    await expect.poll(() => chair.getByTestId('queue-count').textContent()).toContain(`${waiting} waiting`);

    // Scroll the list to its end, then the page to the list's end.
    const list = chair.getByTestId('queue-scroll');
    await list.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await chair.getByTestId('queue-item').filter({ hasText: 'Delegation 299' }).waitFor();
    await list.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const next = await chair.getByRole('button', { name: 'Next speaker' }).boundingBox();
    expect(next).not.toBeNull();
    expect(next!.y).toBeGreaterThanOrEqual(0);
    expect(next!.y + next!.height).toBeLessThanOrEqual(VIEWPORT.height);
    // Only rows in view are in the page, and the page does not grow with the list.
    expect(await chair.getByTestId('queue-item').count()).toBeLessThan(60);
    const height = await chair.evaluate(() => document.documentElement.scrollHeight);
    console.log('chair page height with 300 waiting', height);
    expect(height).toBeLessThan(5000);
    await chair.screenshot({ path: path.join(SHOTS, 'chair-300-waiting.png') });
    expect(await axeViolations(chair)).toEqual([]);
  }, 120_000);
});
