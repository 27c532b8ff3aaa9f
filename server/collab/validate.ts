import { Worker } from 'node:worker_threads';

/** How incoming updates are checked before they touch a real document. */
export interface ValidatorOptions {
  /** Worker threads; a stuck one only holds up the updates queued behind it. */
  workers: number;
  /** An update still decoding after this long is refused and its worker replaced. */
  timeoutMs: number;
  /** Heap limit of each worker: an update that needs more is refused. */
  maxOldGenerationSizeMb: number;
  /** The worker script; tests pass a fixture that misbehaves on cue. */
  workerUrl?: URL;
}

/** The outcome of a validation; `reason` says why an update was refused. */
export type Verdict =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'timeout' | 'memory' | 'crashed' | 'closed'; detail: string };

interface Job {
  id: number;
  update: Uint8Array;
  resolve: (verdict: Verdict) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const DEFAULT_WORKER = new URL('./validateWorker.mjs', import.meta.url);

/**
 * A small pool of worker threads that decode each incoming Yjs update in a throwaway document. A
 * crafted update that loops or allocates without bound (yjs issue 687) is refused after `timeoutMs`
 * or when it hits the worker's heap limit; its worker is terminated and replaced, and the main
 * thread, with every other meeting and document on it, is never stalled by it.
 * `validate` never rejects.
 */
export class UpdateValidator {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: ValidatorOptions,
    private readonly onReplace: (reason: string) => void = () => {},
  ) {
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push(this.spawn());
  }

  validate(update: Uint8Array): Promise<Verdict> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'closed', detail: 'validator closed' });
    return new Promise<Verdict>((resolve) => {
      this.queue.push({ id: this.nextId++, update, resolve });
      this.dispatch();
    });
  }

  /** Refuses what is queued and stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: 'closed', detail: 'closed' });
    await Promise.all(
      this.slots.map((slot) => {
        this.finish(slot, { ok: false, reason: 'closed', detail: 'closed' });
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl ?? DEFAULT_WORKER, {
      // Plain Node in the worker: no inherited loaders (tsx, Vitest) to slow its start or change it.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.options.maxOldGenerationSizeMb / 4)),
        stackSizeMb: 4,
      },
    });
    // The pool must not keep a process alive that has nothing else to do.
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (message: { id: number; ok: boolean; detail?: string }) => {
      if (slot.job?.id !== message.id) return;
      this.finish(
        slot,
        message.ok ? { ok: true } : { ok: false, reason: 'invalid', detail: message.detail ?? 'invalid' },
      );
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, memory ? 'memory' : 'crashed', error.message);
    });
    worker.on('exit', () => this.replace(slot, 'crashed', 'worker exited'));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.replace(slot, 'timeout', `not decoded within ${this.options.timeoutMs} ms`),
        this.options.timeoutMs,
      );
      slot.worker.postMessage({ id: job.id, update: job.update });
    }
  }

  private finish(slot: Slot, verdict: Verdict): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(verdict);
  }

  /** Refuses the slot's job, kills its worker and puts a fresh one in its place. */
  private replace(slot: Slot, reason: 'timeout' | 'memory' | 'crashed', detail: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (error and exit both fire)
    this.finish(slot, { ok: false, reason, detail });
    slot.worker.removeAllListeners('message');
    void slot.worker.terminate();
    if (this.closed) return;
    this.onReplace(reason);
    this.slots[index] = this.spawn();
    this.dispatch();
  }
}
