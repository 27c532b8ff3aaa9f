import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/locales/en';
import { ADMIN, reissueLink } from '../../shared';
import { axeViolations } from '../support/axe';
import { ARTIFACTS } from '../support/browser';
import { useBrowserRoom } from '../support/browserRoom';

/**
 * A delegate's open room when the secretariat reissues their link (issue 13): the page says so at
 * once and stops; the old link, opened again, says it is no longer valid.
 */
describe('a reissued link in the browser', () => {
  const room = useBrowserRoom({ context: { locale: 'en-GB' } });

  it('tells the delegate their link was replaced, and the old link no longer opens the room', async () => {
    const brazil = room.person('Brazil');
    const oldLink = (await room.server.invites.for(room.meeting.id, brazil)).joinUrl;
    const page = await (await room.newContext()).newPage();
    await page.goto(oldLink);
    await expect.poll(() => page.getByTestId('current-item').count()).toBe(1);

    const ack = await room.server.service
      .room(room.meeting.id)!
      .submit({ decide: (m, ctx) => reissueLink(m, ADMIN, brazil.id, ctx) });
    expect(ack.ok).toBe(true);
    const notice = page.getByTestId('revoked-notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain(en.revoked.linkReplaced);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(en.revoked.linkReplacedTitle);
    expect(await page.getByLabel('Connection').textContent()).toBe('Not signed in');
    fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', 'revoked-link.png') });
    expect(await axeViolations(page)).toEqual([]);

    // The old link again (as a reload would, from session storage): refused, and said so plainly.
    const again = await (await room.newContext()).newPage();
    await again.goto(oldLink);
    await expect.poll(() => again.getByRole('status').textContent()).toBe(en.app.invalid);
    expect(en.app.invalid).toContain('no longer valid');
  });
});
