import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hugeClientsUpdate, hugeCountUpdate, subdocBomb } from '../../tests/support/collab';
import { UpdateValidator } from './validate';

const MISBEHAVING = new URL('../../tests/support/collabMisbehavingWorker.mjs', import.meta.url);

describe('UpdateValidator', () => {
  const pools: UpdateValidator[] = [];
  const pool = (options: Partial<ConstructorParameters<typeof UpdateValidator>[0]> = {}) => {
    const p = new UpdateValidator({ workers: 2, timeoutMs: 1000, maxOldGenerationSizeMb: 64, ...options });
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    for (const p of pools.splice(0)) await p.close();
  });

  it('accepts real updates and refuses malformed and crafted ones', async () => {
    const validator = pool();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const good = Y.encodeStateAsUpdate(doc);
    expect(await validator.validate(good)).toEqual({ ok: true });
    expect(await validator.validate(good.slice(0, good.length - 3))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await validator.validate(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await validator.validate(hugeCountUpdate())).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await validator.validate(hugeClientsUpdate())).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await validator.validate(subdocBomb(3))).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: 'subdocuments are not allowed',
    });
  });

  it('refuses an update that exhausts the worker heap, within the timeout, and keeps serving', async () => {
    const validator = pool();
    const started = performance.now();
    const verdict = await validator.validate(subdocBomb(140_000));
    const ms = performance.now() - started;
    console.info(
      `validator: 1 MB subdocument bomb refused (${JSON.stringify(verdict)}) in ${ms.toFixed(0)} ms`,
    );
    expect(verdict.ok).toBe(false);
    expect(['memory', 'timeout']).toContain(verdict.ok ? '' : verdict.reason);
    // Bounded by the timeout (1 s) plus scheduling slack on a busy machine.
    expect(ms).toBeLessThan(3000);
    expect(await validator.validate(new Uint8Array([0, 0]))).toEqual({ ok: true });
  });

  it('times out a stuck worker, replaces it, and keeps the other worker serving meanwhile', async () => {
    const replaced: string[] = [];
    const validator = new UpdateValidator(
      { workers: 2, timeoutMs: 300, maxOldGenerationSizeMb: 32, workerUrl: MISBEHAVING },
      (reason) => replaced.push(reason),
    );
    pools.push(validator);
    const started = performance.now();
    const order: string[] = [];
    const stuck = validator.validate(new Uint8Array([1])).then((v) => {
      order.push('stuck');
      return v;
    });
    // The other worker answers while the first one spins (an order, not a duration: machines are noisy).
    expect(await validator.validate(new Uint8Array([0]))).toEqual({ ok: true });
    order.push('other');
    expect(await stuck).toMatchObject({ ok: false, reason: 'timeout' });
    expect(order).toEqual(['other', 'stuck']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(replaced).toEqual(['timeout']);
    // Fresh worker: everything queued is served.
    const many = await Promise.all(Array.from({ length: 20 }, () => validator.validate(new Uint8Array([0]))));
    expect(many.every((v) => v.ok)).toBe(true);
  });

  it('replaces a worker that runs out of memory or crashes, and keeps serving', async () => {
    const replaced: string[] = [];
    // A generous timeout: running out of 32 MB may take a while on a busy machine.
    const validator = new UpdateValidator(
      { workers: 2, timeoutMs: 20_000, maxOldGenerationSizeMb: 32, workerUrl: MISBEHAVING },
      (reason) => replaced.push(reason),
    );
    pools.push(validator);
    expect(await validator.validate(new Uint8Array([2]))).toMatchObject({ ok: false, reason: 'memory' });
    expect(await validator.validate(new Uint8Array([3]))).toMatchObject({ ok: false, reason: 'crashed' });
    expect(replaced).toEqual(['memory', 'crashed']);
    const many = await Promise.all(Array.from({ length: 20 }, () => validator.validate(new Uint8Array([0]))));
    expect(many.every((v) => v.ok)).toBe(true);
  });

  it('refuses what is queued when closed', async () => {
    const validator = pool({ workers: 1, workerUrl: MISBEHAVING, timeoutMs: 5000 });
    const stuck = validator.validate(new Uint8Array([1]));
    const queued = validator.validate(new Uint8Array([0]));
    // No wait: validate hands a job to an idle worker at once, so `stuck` is the worker's and
    // `queued` waits behind it when close() runs.
    await validator.close();
    expect(await stuck).toMatchObject({ ok: false, reason: 'closed' });
    expect(await queued).toMatchObject({ ok: false, reason: 'closed' });
    expect(await validator.validate(new Uint8Array([0]))).toMatchObject({ ok: false, reason: 'closed' });
  });

  describe('against a live document (a mirror in the worker)', () => {
    const writer = { participantId: 'p', name: 'P', delegation: 'D', displayName: 'P (D)', moderates: false };
    const live = () => {
      const doc = new Y.Doc();
      const loads = { count: 0 };
      return {
        doc,
        loads,
        context: {
          docId: `d${Math.random()}`,
          writer,
          state: () => {
            loads.count++;
            return Y.encodeStateAsUpdate(doc);
          },
        },
      };
    };
    const edit = (doc: Y.Doc, text: string) => {
      const sv = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, text);
      return Y.encodeStateAsUpdate(doc, sv);
    };

    it('loads the mirror once, keeps it in step with tracked updates, and reloads it when told to forget', async () => {
      const validator = pool();
      const { doc, loads, context } = live();
      expect(await validator.validate(edit(doc, 'a'), context)).toEqual({ ok: true });
      expect(await validator.validate(edit(doc, 'b'), context)).toEqual({ ok: true });
      expect(loads.count).toBe(1);
      // Applied elsewhere (another process): the mirror takes it, so the next edit does not look pending.
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      const remote = edit(other, 'c');
      Y.applyUpdate(doc, remote);
      validator.track(context.docId, remote);
      expect(await validator.validate(edit(doc, 'd'), context)).toEqual({ ok: true });
      expect(loads.count).toBe(1);
      validator.forget(context.docId);
      expect(await validator.validate(edit(doc, 'e'), context)).toEqual({ ok: true });
      expect(loads.count).toBe(2);
      // Refers to a clock the document lacks: refused, never kept.
      const ahead = new Y.Doc();
      ahead.getText('t').insert(0, 'x');
      expect(await validator.validate(edit(ahead, 'y').slice(), context)).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    });

    it('gives a job its time again when the main thread, not the worker, was late', async () => {
      const validator = pool({ timeoutMs: 100 });
      const { doc, context } = live();
      expect(await validator.validate(edit(doc, 'a'), context)).toEqual({ ok: true }); // loads the mirror
      const verdict = validator.validate(edit(doc, 'b'), context);
      // Busy for 300 ms from a check-phase callback: the next loop turn runs the expired timer before
      // it reads the worker's answer.
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          const until = Date.now() + 300;
          while (Date.now() < until);
          resolve();
        }),
      );
      expect(await verdict).toEqual({ ok: true });
    });
  });
});
