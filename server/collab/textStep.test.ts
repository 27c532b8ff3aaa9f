import { afterAll, describe, expect, it } from 'vitest';
import { asId, type ParticipantId, type ProposalId, type Revision } from '../../shared';
import { MemoryDocStore } from '../../tests/support/memoryDocStore';
import { createLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import type { DocVersionMeta } from '../store/types';
import { DocFolder } from './doc/folder';
import { DocRegistry } from './docRegistry';
import { LOCAL_FANOUT } from './fanout';
import { TextSteps } from './textStep';
import { UpdateValidator } from './validate';

const DOC = asId<ProposalId>('pr_steps');
const validator = new UpdateValidator({ workers: 1, timeoutMs: 1000, maxOldGenerationSizeMb: 64 });
const folder = new DocFolder();
afterAll(async () => {
  await validator.close();
  await folder.close();
});

/** The in-memory store, with a load that waits for `release` and saves that fail `failSaves` times. */
class GatedStore extends MemoryDocStore {
  private gate: Promise<void> = Promise.resolve();
  release: () => void = () => {};
  failSaves = 0;
  holdLoads(): void {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  override async loadDoc(docId: string) {
    await this.gate;
    return super.loadDoc(docId);
  }
  override async saveVersion(docId: string, meta: DocVersionMeta, state: Uint8Array): Promise<void> {
    if (this.failSaves > 0) {
      this.failSaves--;
      throw new Error('save failed (test)');
    }
    return super.saveVersion(docId, meta, state);
  }
}

function setup(turnTimeoutMs = 5000) {
  const store = new GatedStore();
  const log = createLogger('silent');
  const registry = new DocRegistry({
    store,
    validator,
    folder,
    metrics: new Metrics(),
    log,
    compactEvery: 200,
    unloadDelayMs: 10_000,
    baseTextOf: async () => undefined,
    fanout: LOCAL_FANOUT,
  });
  return { store, registry, steps: new TextSteps(registry, log, turnTimeoutMs) };
}

const revision = (n: number): Revision => ({
  number: n,
  symbol: `IRM/1/Rev.${n}`,
  versionId: `v_rev${n}_${DOC}`,
  publishedAt: 1000 + n,
  publishedBy: asId<ParticipantId>('p_chair'),
  paragraphs: [],
});

describe('TextSteps: a command that reads the text, in one turn of its document', () => {
  it('holds the queue until the step resolves: work queued meanwhile runs after it', async () => {
    const { registry, steps } = setup();
    const order: string[] = [];
    let later: Promise<unknown> = Promise.resolve();
    const result = await steps.run(DOC, async (facts) => {
      order.push(`read ${facts?.proposalId}`);
      later = registry.use(DOC, () => order.push('queued meanwhile'));
      await new Promise((r) => setTimeout(r, 30));
      order.push('stored');
      return 'ack';
    });
    await later;
    expect(result).toBe('ack');
    expect(order).toEqual([`read ${DOC}`, 'stored', 'queued meanwhile']);
  });

  it('saves the revisions claimed during the turn in that turn, retrying a failed save', async () => {
    const { store, steps } = setup();
    store.failSaves = 1;
    expect(steps.claim(DOC, revision(9))).toBe(false); // no turn runs: the caller saves it
    await steps.run(DOC, async () => {
      expect(steps.claim(DOC, revision(1))).toBe(true);
    });
    // Saved before the step's caller got its answer: no waiting.
    expect((await store.listVersions(DOC)).map((v) => [v.id, v.name])).toEqual([
      [revision(1).versionId, 'Rev.1'],
    ]);
  });

  it('gives up on a turn that does not begin in time: the step runs once, without facts', async () => {
    const { store, registry, steps } = setup(50);
    store.holdLoads();
    const calls: unknown[] = [];
    const result = await steps.run(DOC, async (facts) => {
      calls.push(facts);
      return 'refused';
    });
    expect(result).toBe('refused');
    expect(calls).toEqual([undefined]);
    store.release();
    await registry.use(DOC, () => {}); // the turn came, late: it did nothing
    expect(calls).toEqual([undefined]);
  });

  it("passes the step's own failure on, without running it again", async () => {
    const { steps } = setup();
    let runs = 0;
    await expect(
      steps.run(DOC, async () => {
        runs++;
        throw new Error('store down');
      }),
    ).rejects.toThrow('store down');
    expect(runs).toBe(1);
  });
});
