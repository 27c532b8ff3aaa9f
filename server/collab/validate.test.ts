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
    await new Promise((r) => setTimeout(r, 50));
    await validator.close();
    expect(await stuck).toMatchObject({ ok: false, reason: 'closed' });
    expect(await queued).toMatchObject({ ok: false, reason: 'closed' });
    expect(await validator.validate(new Uint8Array([0]))).toMatchObject({ ok: false, reason: 'closed' });
  });
});
