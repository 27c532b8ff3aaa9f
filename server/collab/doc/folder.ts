import { Worker } from 'node:worker_threads';

const FOLD_WORKER = new URL('./foldWorker.mjs', import.meta.url);

/** How a folder runs its worker. */
export interface FolderOptions {
  /** A fold that takes longer fails (the update log is kept, and folded another time). */
  timeoutMs: number;
  /** Heap of the worker: a fold holds one document at a time. */
  maxOldGenerationSizeMb: number;
}

const DEFAULT_FOLDER_OPTIONS: FolderOptions = { timeoutMs: 30_000, maxOldGenerationSizeMb: 512 };

/** What a fold gives back: the document as one update, and how many stored parts did not apply. */
export interface Folded {
  update: Uint8Array;
  skipped: number;
}

interface Pending {
  id: number;
  parts: Uint8Array[];
  resolve: (folded: Folded) => void;
  reject: (error: Error) => void;
}

/**
 * Folds stored document parts (a snapshot and the updates after it) into one update in a worker
 * thread, one document at a time. Compaction folds what the store holds (doc/persistence.ts), which
 * for a large text costs a second or more of decoding: on the main thread, every meeting of the
 * process would wait for it.
 */
export class DocFolder {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: { job: Pending; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: FolderOptions = DEFAULT_FOLDER_OPTIONS) {}

  /** The parts folded into one update; rejects on a timeout, a crash of the worker or after `close`. */
  fold(parts: Uint8Array[]): Promise<Folded> {
    if (this.closed) return Promise.reject(new Error('folder closed'));
    return new Promise<Folded>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, parts, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('folder closed'));
    if (this.running) this.fail(new Error('folder closed'));
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const timer = setTimeout(
      () => this.fail(new Error(`fold took over ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    this.running = { job, timer };
    this.start().postMessage({ id: job.id, parts: job.parts });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(FOLD_WORKER, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb, stackSizeMb: 4 },
    });
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; ok: boolean; folded?: Uint8Array; skipped?: number; detail?: string }) => {
        const running = this.running;
        if (!running || running.job.id !== message.id) return;
        clearTimeout(running.timer);
        this.running = undefined;
        if (message.ok) running.job.resolve({ update: message.folded!, skipped: message.skipped ?? 0 });
        else running.job.reject(new Error(`fold failed: ${message.detail}`));
        this.next();
      },
    );
    // A worker already replaced (after a timeout) may still report its end: only the current one counts.
    worker.on('error', (error) => {
      if (this.worker === worker) this.fail(error);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new Error('fold worker exited'));
    });
    this.worker = worker;
    return worker;
  }

  /** The running fold fails; its worker (stuck or dead) is replaced for the next one. */
  private fail(error: Error): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    running.job.reject(error);
    if (!this.closed) this.next();
  }
}
