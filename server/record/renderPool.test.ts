import { afterAll, describe, expect, it } from 'vitest';
import { asId, type ItemId, LANGUAGES, type MeetingRecord } from '../../shared';
import { RECORD_EXPORTS, renderExport } from './render';
import { irmRecord, largeRecord } from './render/fixtures';
import { RenderFailed } from './renderFailure';
import { RenderPool, type RenderPoolOptions } from './renderPool';
import { draftSummary } from './summary/draft';

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

/**
 * A meeting of 2500 items of two interventions each: its summary is too long for the limit, so the
 * draft tries ever shorter lists, then as many items as fit (a quarter of a second or more of CPU).
 */
function manyItemsRecord(): MeetingRecord {
  const base = largeRecord({ interventions: 5000, participants: 2000 });
  const interventions = base.items.flatMap((item) => item.interventions);
  const items = Array.from({ length: interventions.length / 2 }, (_, n) => ({
    ...base.items[0]!,
    itemId: asId<ItemId>(`i_${n}`),
    number: String(n + 1),
    title: `Report of the working group ${n + 1} on the regional initiatives`,
    outcome: 'The meeting took note of the report and thanked the working group for its work.',
    interventions: interventions.slice(2 * n, 2 * n + 2),
  }));
  return { ...base, items };
}
const manyItems = manyItemsRecord();

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

  it('drafts the summary as draftSummary does in process, in each language', async () => {
    const record = irmRecord();
    for (const lang of LANGUAGES)
      expect(await shared.draftSummary(record, lang), lang).toEqual(draftSummary(record, lang));
  });

  it('keeps the event loop turning while the summary of a meeting of many items is drafted', async () => {
    await shared.draftSummary(irmRecord(), 'en'); // the worker started: only the draft is watched
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    try {
      const draft = await shared.draftSummary(manyItems, 'fr');
      expect(draft.text).toBe(draftSummary(manyItems, 'fr').text);
    } finally {
      clearInterval(ticking);
    }
    // Drafted in process, the timer could not run at all: the draft is one synchronous call.
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it('fails a draft past its time or that throws, and drafts the next', async () => {
    const pool = poolWith({ timeoutMs: 50 });
    expect(await outcome(pool.draftSummary(irmRecord(), 'en'))).toBe('rendered');
    expect(await outcome(pool.draftSummary(manyItems, 'en'))).toBe('timeout');
    const broken = { ...irmRecord(), items: null } as unknown as MeetingRecord;
    expect(await outcome(pool.draftSummary(broken, 'en'))).toBe('threw');
    const next = await pool.draftSummary(irmRecord(), 'es');
    expect(next).toEqual(draftSummary(irmRecord(), 'es'));
  });

  it('fails the running and waiting renders once closed, and refuses new ones', async () => {
    const pool = poolWith();
    const running = outcome(pool.render('record.docx', irmRecord(), 'en'));
    const waiting = outcome(pool.render('record.md', irmRecord(), 'en'));
    await pool.close();
    expect([await running, await waiting]).toEqual(['closed', 'closed']);
    expect(await outcome(pool.render('record.md', irmRecord(), 'en'))).toBe('closed');
    expect(await outcome(pool.draftSummary(irmRecord(), 'en'))).toBe('closed');
  });
});
