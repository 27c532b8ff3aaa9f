import { Worker } from 'node:worker_threads';
import { assertNever, type Language, type MeetingRecord, type SummaryDraft } from '../../shared';
import type { ExportOptions, RecordExport, RenderedExport } from './render';
import { RenderFailed, type RenderFailureReason } from './renderFailure';

const RENDER_WORKER = new URL('./renderWorker.mjs', import.meta.url);

/** How the render pool runs its worker. */
export interface RenderPoolOptions {
  /** A render that takes longer fails, and its worker (stuck in it) is replaced. */
  timeoutMs: number;
  /** A fresh worker loads the renderers under tsx (about a second); one that takes longer is replaced. */
  startTimeoutMs: number;
  /** Heap of the worker: it holds one record and one export at a time. */
  maxOldGenerationSizeMb: number;
}

/**
 * A .docx of 5000 interventions takes a few seconds on a busy core, so a minute is only reached by
 * a record far larger or a worker stuck. The heap: that .docx peaks at about 600 MB (the docx
 * library holds the whole document as objects, then as XML), and runs out of 512.
 */
const DEFAULT_RENDER_POOL_OPTIONS: RenderPoolOptions = {
  timeoutMs: 60_000,
  startTimeoutMs: 30_000,
  maxOldGenerationSizeMb: 1024,
};

/** The work the worker does on a record: an export, or the draft of the chair's summary. */
export type RecordWork = { kind: 'export'; name: RecordExport; options: ExportOptions } | { kind: 'summary' };

/** What the worker answers a job with (server/record/renderWorker.mjs). */
type Answer =
  | { kind: 'rendered'; id: number; bytes: ArrayBuffer; contentType: string; fileName: string }
  | { kind: 'drafted'; id: number; draft: SummaryDraft }
  | { kind: 'threw'; id: number; detail: string };

/** What the worker sends back. */
type WorkerMessage = { kind: 'ready' } | Answer;

/** A job's answer when it succeeded. */
type Done = Exclude<Answer, { kind: 'threw' }>;

interface Job {
  id: number;
  work: RecordWork;
  record: MeetingRecord;
  lang: Language;
  /** Takes the worker's answer; false if it is not one for this work (a bug of the worker). */
  finish: (done: Done) => boolean;
  reject: (error: RenderFailed) => void;
}

/** The one worker, once started; `ready` once it has loaded the renderers. */
interface Current {
  worker: Worker;
  ready: boolean;
}

/**
 * Renders the record's exports (server/record/render) and drafts the chair's summary
 * (server/record/summary) in a worker thread, one job at a time. A .docx or .xlsx of a long meeting
 * is seconds of CPU, the summary of one with many items a second: on the main thread, every meeting
 * of the process would wait for it. The record goes to the worker as a structured clone, the file
 * comes back as a transferred buffer, byte for byte what `renderExport` gives in process, and the
 * draft as `draftSummary` gives it. The worker starts with the first job and never keeps the process
 * alive; one that times out, runs out of memory or dies is replaced for the next job.
 */
export class RenderPool {
  private current: Current | undefined;
  private readonly queue: Job[] = [];
  /** The job given to the worker, or waiting for it to be ready (its timer is then the start's). */
  private running: { job: Job; timer: NodeJS.Timeout; sent: boolean } | undefined;
  private nextId = 1;
  private closed = false;
  private readonly options: RenderPoolOptions;

  constructor(options: Partial<RenderPoolOptions> = {}) {
    this.options = { ...DEFAULT_RENDER_POOL_OPTIONS, ...options };
  }

  /**
   * The export `name` of `record` in `lang` with `options`, as `renderExport` renders it; rejects
   * with a `RenderFailed` (timeout, memory, crashed, threw, closed), never hangs past the pool's
   * timeouts.
   */
  render(
    name: RecordExport,
    record: MeetingRecord,
    lang: Language,
    options: ExportOptions = {},
  ): Promise<RenderedExport> {
    return this.submit<RenderedExport>({ kind: 'export', name, options }, record, lang, (done) =>
      done.kind === 'rendered'
        ? { body: Buffer.from(done.bytes), contentType: done.contentType, fileName: done.fileName }
        : undefined,
    );
  }

  /**
   * The draft of the chair's summary of `record` in `lang`, as `draftSummary` writes it; rejects
   * with a `RenderFailed` as `render` does.
   */
  draftSummary(record: MeetingRecord, lang: Language): Promise<SummaryDraft> {
    return this.submit<SummaryDraft>({ kind: 'summary' }, record, lang, (done) =>
      done.kind === 'drafted' ? done.draft : undefined,
    );
  }

  /** Fails the waiting and running jobs (`closed`) and stops the worker. */
  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = undefined;
    for (const job of this.queue.splice(0)) job.reject(new RenderFailed('closed', 'render pool closed'));
    this.fail('closed', 'render pool closed');
    await current?.worker.terminate();
  }

  /** Queues `work`; `read` takes the worker's answer to it (undefined: not an answer to this work). */
  private submit<T>(
    work: RecordWork,
    record: MeetingRecord,
    lang: Language,
    read: (done: Done) => T | undefined,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new RenderFailed('closed', 'render pool closed'));
    return new Promise<T>((resolve, reject) => {
      const finish = (done: Done) => {
        const value = read(done);
        if (value !== undefined) resolve(value);
        return value !== undefined;
      };
      this.queue.push({ id: this.nextId++, work, record, lang, finish, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const current = this.current ?? this.start();
    if (current.ready) return this.send(job);
    const { startTimeoutMs } = this.options;
    const timer = setTimeout(
      () => this.fail('crashed', `render worker did not start within ${startTimeoutMs} ms`),
      startTimeoutMs,
    );
    this.running = { job, timer, sent: false };
  }

  private send(job: Job): void {
    const { timeoutMs } = this.options;
    const timer = setTimeout(() => this.fail('timeout', `render took over ${timeoutMs} ms`), timeoutMs);
    this.running = { job, timer, sent: true };
    const { id, work, record, lang } = job;
    try {
      this.current!.worker.postMessage({ id, work, record, lang });
    } catch (error) {
      // Not cloneable: the record is plain data, so this is a bug of the caller, not of the worker.
      clearTimeout(timer);
      this.running = undefined;
      job.reject(new RenderFailed('threw', `record not sent to the render worker: ${String(error)}`));
      this.next();
    }
  }

  private start(): Current {
    const worker = new Worker(RENDER_WORKER, {
      // The worker registers tsx itself: no loader flags of the main thread (tsx's, Vitest's).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb, stackSizeMb: 4 },
    });
    worker.unref();
    const current: Current = { worker, ready: false };
    // A worker already replaced may still report: only the current one counts.
    worker.on('message', (message: WorkerMessage) => {
      if (this.current === current) this.received(current, message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.current !== current) return;
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed';
      this.lose(reason, `render worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.current === current) this.lose('crashed', `render worker exited with code ${code}`);
    });
    this.current = current;
    return current;
  }

  private received(current: Current, message: WorkerMessage): void {
    switch (message.kind) {
      case 'ready': {
        current.ready = true;
        const running = this.running;
        if (running && !running.sent) {
          clearTimeout(running.timer);
          this.send(running.job);
        }
        return;
      }
      case 'rendered':
      case 'drafted':
      case 'threw': {
        const running = this.running;
        if (!running?.sent || running.job.id !== message.id) return;
        clearTimeout(running.timer);
        this.running = undefined;
        const { job } = running;
        if (message.kind === 'threw')
          job.reject(new RenderFailed('threw', `render failed: ${message.detail}`));
        else if (!job.finish(message))
          job.reject(new RenderFailed('threw', `the worker answered ${message.kind} to ${job.work.kind}`));
        this.next();
        return;
      }
      default:
        return assertNever(message);
    }
  }

  /** The worker is gone (an error, an exit), maybe between jobs: the next job starts another. */
  private lose(reason: RenderFailureReason, detail: string): void {
    if (this.running) return this.fail(reason, detail);
    const current = this.current;
    this.current = undefined;
    void current?.worker.terminate();
  }

  /** The running job fails; its worker (stuck, dead or closing) is replaced for the next one. */
  private fail(reason: RenderFailureReason, detail: string): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    const current = this.current;
    this.current = undefined;
    void current?.worker.terminate();
    running.job.reject(new RenderFailed(reason, detail));
    if (!this.closed) this.next();
  }
}
