import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, Participant } from '../../shared';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

const SHOTS = path.join(ARTIFACTS, 'screenshots');

/**
 * The room's shell in a browser (issue 12): a command given offline waits and goes once, the floor
 * stays within reach of a delegate editing on a phone, and the projector reads from a distance.
 */
describe('the room shell in a browser', () => {
  const room = useBrowserRoom({ context: { locale: 'en-GB', timezoneId: 'Asia/Tokyo' } });
  const { person, chair: chairPerson, state, join } = room;
  /** Set-up steps that are not under test go straight to the service, as the server would apply them. */
  const run = async (actor: Participant, command: CommandInput) => {
    const ack = await room.submit(actor, command);
    expect(ack).toMatchObject({ ok: true });
  };
  const newContext = (viewport = { width: 1280, height: 900 }) => room.newContext({ viewport });

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const item4 = room.meeting.agenda.find((i) => i.number === '4')!;
    await run(chairPerson(), { type: 'meeting.open' });
    await run(chairPerson(), { type: 'agenda.open', itemId: item4.id });
  });

  it('a request given offline says it was not sent, then reaches the chair exactly once', async () => {
    const chair = await join(await newContext(), chairPerson());
    const context = await newContext();
    const brazil = await join(context, person('Brazil'));
    const request = brazil.getByRole('button', { name: 'Request the floor' });
    await expect.poll(() => request.count()).toBe(1);

    await context.setOffline(true);
    await request.click();
    const pending = brazil.getByTestId('pending-commands');
    await expect
      .poll(() => pending.textContent())
      .toContain('Requesting the floor — Not sent yet — will be sent when the connection is back');
    expect(await brazil.getByRole('alert').count()).toBe(0);
    expect(await brazil.getByRole('button', { name: 'Cancel: Requesting the floor' }).count()).toBe(1);
    expect(state().floor.queue).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => pending.textContent(), { timeout: 15_000 }).toBe('');
    const brazilRows = () => chair.getByTestId('queue-item').filter({ hasText: 'Brazil' }).count();
    await expect.poll(brazilRows).toBe(1);
    expect(state().floor.queue.filter((r) => r.participantId === person('Brazil').id)).toHaveLength(1);
    expect(await axeViolations(brazil)).toEqual([]);
  });

  it('on a phone, the floor buttons stay in view while a text is open', async () => {
    const phone = await newContext({ width: 390, height: 844 });
    const egypt = await join(phone, person('Egypt'));
    await egypt.getByRole('button', { name: 'Open text IRM1/DT/1' }).click();
    await egypt.locator('.ProseMirror').first().waitFor({ timeout: 15_000 });
    await egypt.locator('.ProseMirror').first().click();
    const request = egypt.getByRole('button', { name: 'Request the floor' });
    await expect.poll(() => request.isVisible()).toBe(true);
    const box = (await request.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await egypt.screenshot({ path: path.join(SHOTS, 'delegate-phone-editing.png') });
    // It works from there.
    await request.click();
    await expect
      .poll(() => state().floor.queue.some((r) => r.participantId === person('Egypt').id))
      .toBe(true);
  });

  it('the projector counts the speakers it does not name and is readable from a distance', async () => {
    // Every delegate not yet in the list (the tests above may have queued some) asks for the floor.
    const queued = new Set(state().floor.queue.map((r) => r.participantId));
    const delegates = room.meeting.participants.filter((p) => p.role === 'delegate' && !queued.has(p.id));
    expect(delegates.length).toBeGreaterThanOrEqual(6);
    for (const d of delegates) await run(d, { type: 'floor.request', kind: 'speak' });
    await run(chairPerson(), { type: 'floor.next' });
    const waiting = state().floor.queue.length;
    expect(waiting).toBeGreaterThan(5);

    const projector = await join(await newContext({ width: 1280, height: 720 }), null);
    await expect
      .poll(() => projector.getByTestId('projector-more').textContent())
      .toBe(`+${waiting - 5} more`);
    // All of it on the shared screen, without scrolling.
    const more = (await projector.getByTestId('projector-more').boundingBox())!;
    expect(more.y + more.height).toBeLessThanOrEqual(720);
    const smallest = await projector.evaluate(() => {
      let min = { size: Number.POSITIVE_INFINITY, text: '' };
      for (const el of document.querySelectorAll('main *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own) continue;
        const size = Number.parseFloat(getComputedStyle(el).fontSize);
        if (size < min.size) min = { size, text: el.textContent ?? '' };
      }
      return min;
    });
    expect(smallest.size, `smallest text: “${smallest.text}”`).toBeGreaterThanOrEqual(20);
    await projector.screenshot({ path: path.join(SHOTS, 'projector.png') });
    expect(await axeViolations(projector)).toEqual([]);
  });
});
