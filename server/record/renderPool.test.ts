import { afterAll, describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../shared';
import { RECORD_EXPORTS, renderExport } from './render';
import { irmRecord, largeRecord } from './render/fixtures';
import { RenderFailed } from './renderFailure';
import { RenderPool, type RenderPoolOptions } from './renderPool';

const pools: RenderPool[] = [];
afterAll(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});
const poolWith = (options?: Partial<RenderPoolOptions>) => {
  const pool = new RenderPool(options);
  pools.push(pool);
  return pool;
};
/** One pool for the tests that do not break their worker: it is started once. */
const shared = poolWith();

/** A record whose .docx is a second or more of CPU: 1000 interventions, 400 participants. */
const longRecord = largeRecord({ interventions: 1000, participants: 400 });

/** The reason a render was refused with, or `rendered`. */
const outcome = (rendering: Promise<unknown>) =>
  rendering.then(
    () => 'rendered',
    (error: unknown) => (error instanceof RenderFailed ? error.reason : `not a RenderFailed: ${error}`),
  );

describe('RenderPool', () => {
  it('renders every export to the bytes, name and type of an in-process render', async () => {
    const record = irmRecord();
    for (const lang of ['fr', 'ar'] as const)
      for (const name of RECORD_EXPORTS) {
        const [pooled, inProcess] = await Promise.all([
          shared.render(name, record, lang),
          renderExport(name, record, lang),
        ]);
        expect(Buffer.isBuffer(pooled.body), name).toBe(true);
        expect(pooled.body.equals(inProcess.body), `${name} ${lang}`).toBe(true);
        expect([pooled.fileName, pooled.contentType]).toEqual([inProcess.fileName, inProcess.contentType]);
      }
  });

  it('rejects a render that throws in the worker with its error, and renders the next', async () => {
    const broken = { ...irmRecord(), meeting: null } as unknown as MeetingRecord;
    const thrown = await renderExport('record.md', broken, 'en').then(
      () => 'no error',
      (error: Error) => error.message,
    );
    expect(thrown).toMatch(/Cannot read properties of null/);
    const failed = shared.render('record.md', broken, 'en');
    await expect(failed).rejects.toThrow(`render failed: ${thrown}`);
    expect(await outcome(failed)).toBe('threw');
    const next = await shared.render('attendance.csv', irmRecord(), 'en');
    expect(next.body.toString('utf8')).toContain('Amina Wanjiru');
  });

  it('keeps the event loop turning while a large .docx renders', async () => {
    await shared.render('record.md', irmRecord(), 'en'); // the worker started: only the render is watched
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    try {
      const docx = await shared.render('record.docx', longRecord, 'en');
      expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    } finally {
      clearInterval(ticking);
    }
    // 40 to 90 here; rendered in process, the same .docx lets the timer run about 5 times (the
    // zip's few awaits), the rest of the time the thread is the renderer's.
    expect(ticks).toBeGreaterThanOrEqual(12);
  });

  it('stops a render past its time and renders the next on a fresh worker', async () => {
    const pool = poolWith({ timeoutMs: 250 });
    // The start is not counted against the render (loading the renderers is timed on its own).
    expect(await outcome(pool.render('record.md', irmRecord(), 'en'))).toBe('rendered');
    const late = pool.render('record.docx', longRecord, 'en');
    await expect(late).rejects.toThrow(/render took over 250 ms/);
    expect(await outcome(late)).toBe('timeout');
    expect(await outcome(pool.render('interventions.csv', irmRecord(), 'en'))).toBe('rendered');
  });

  it('fails a render whose worker runs out of heap, and renders the next on a fresh worker', async () => {
    const pool = poolWith({ maxOldGenerationSizeMb: 32 });
    expect(await outcome(pool.render('record.docx', longRecord, 'en'))).toBe('memory');
    expect(await outcome(pool.render('record.md', irmRecord(), 'en'))).toBe('rendered');
  });

  it('fails the running and waiting renders once closed, and refuses new ones', async () => {
    const pool = poolWith();
    const running = outcome(pool.render('record.docx', irmRecord(), 'en'));
    const waiting = outcome(pool.render('record.md', irmRecord(), 'en'));
    await pool.close();
    expect([await running, await waiting]).toEqual(['closed', 'closed']);
    expect(await outcome(pool.render('record.md', irmRecord(), 'en'))).toBe('closed');
  });
});
