import { Worker } from 'node:worker_threads';
import { COLLAB_LIMITS, type CollabLimits } from '../../shared/collab/limits';

/** How incoming updates are checked before they touch a real document. */
export interface ValidatorOptions {
  /** Worker threads; each live document is judged by one of them, so documents run in parallel. */
  workers: number;
  /** An update still being judged after this long is refused and its worker replaced. */
  timeoutMs: number;
  /**
   * Heap limit of each worker. It holds a copy (mirror) of every live document it judges, so size it
   * for about twice the documents' memory (docs/collab.md, "Memory").
   */
  maxOldGenerationSizeMb: number;
  /** What a text and an update may hold; defaults to COLLAB_LIMITS. */
  limits?: CollabLimits;
  /** The worker script; tests pass a fixture that misbehaves on cue. */
  workerUrl?: URL;
}

/** Why an update was refused. */
type RefusalReason =
  /** Malformed, forged or impossible: no stock client sends it. */
  | 'invalid'
  /** Over a size, cost or quota limit that an honest user can reach (a huge paste). */
  | 'limit'
  /** Not judged in time, or the worker died: not proven to be the client's fault. */
  | 'timeout'
  | 'memory'
  | 'crashed'
  | 'closed';

/** The outcome of a validation; `reason` says why an update was refused. */
export type Verdict = { ok: true } | { ok: false; reason: RefusalReason; detail: string };

/** Who writes an update, as the document's authorship rules need it (server/collab/worker/docRules.mjs). */
export interface Writer {
  participantId: string;
  name: string;
  delegation: string;
  /** The name comments and the bracket log record (`writerName`). */
  displayName: string;
  /** May delete others' comments and replies (presiding officer, secretariat). */
  moderates: boolean;
  /**
   * The paragraphs (pids, sorted) nobody may change now: `frozenParagraphIds` of the meeting when the
   * update is judged (docs/collab.md, "Paragraphs"). Absent or empty: none.
   */
  frozen?: readonly string[];
}

/** Judge an update against a live document (its mirror in the worker) rather than an empty one. */
export interface DocContext {
  docId: string;
  /** The main thread's current document, encoded; called only when the worker needs a fresh mirror. */
  state: () => Uint8Array;
  writer: Writer;
  /** Overrides the pool's timeout (a retry gets longer). */
  timeoutMs?: number;
}

/** One update waiting for a worker's verdict (not a document's queue job: server/collab/doc/jobQueue.ts). */
interface ValidationJob {
  id: number;
  update: Uint8Array;
  context: DocContext | undefined;
  resolve: (verdict: Verdict) => void;
  /** Whether the timer already gave it more time because the main thread was late. */
  graced?: boolean;
  reloaded?: boolean;
}

/** What a worker is sent, in order: updates to judge, and changes to keep its mirrors in step. */
type Queued = ValidationJob | { track: string; update: Uint8Array } | { drop: string };

interface Slot {
  worker: Worker;
  queue: Queued[];
  job: ValidationJob | null;
  timer: NodeJS.Timeout | null;
  /** Documents this worker holds a mirror of (or is about to, with a load in flight). */
  mirrors: Set<string>;
}

interface Reply {
  id: number;
  ok: boolean;
  kind?: 'invalid' | 'limit' | 'nomirror' | 'error';
  detail?: string;
  dropped?: boolean;
}

const DEFAULT_WORKER = new URL('./validateWorker.mjs', import.meta.url);

/** A job that loads a document's mirror first gets this much more time: the load is our cost. */
const LOAD_ALLOWANCE_MS = 5000;

/**
 * A small pool of worker threads that judge each incoming Yjs update before the main thread applies
 * it. With a {@link DocContext}, the update is tried on the worker's mirror of the live document: its
 * real cost, what it leaves pending, the document's size and the authorship rules are measured there
 * (server/collab/worker/mirror.mjs). Each document sticks to one worker, so its updates are judged in
 * order while other documents use the other workers. A crafted update that loops or allocates without
 * bound is refused after `timeoutMs` or when it hits the heap limit; its worker is terminated and
 * replaced (its mirrors are reloaded on demand), and the main thread is never stalled by it.
 * `validate` never rejects.
 */
export class UpdateValidator {
  private readonly slots: Slot[] = [];
  private readonly docSlot = new Map<string, number>();
  private readonly limits: CollabLimits;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: ValidatorOptions,
    private readonly onReplace: (reason: string) => void = () => {},
  ) {
    this.limits = options.limits ?? COLLAB_LIMITS;
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push(this.spawn([]));
  }

  /**
   * Judges an update: against the live document when `context` is given (call it with the document
   * exactly as the update will be applied to, i.e. one update of a document at a time), else alone.
   */
  validate(update: Uint8Array, context?: DocContext): Promise<Verdict> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'closed', detail: 'validator closed' });
    return new Promise<Verdict>((resolve) => {
      const slot = this.slotFor(context?.docId);
      slot.queue.push({ id: this.nextId++, update, context, resolve });
      this.dispatch(slot);
    });
  }

  /**
   * The main thread applied `update` to the document without asking (another process's update,
   * seeding): the worker's mirror takes it too, in order with the document's validations.
   */
  track(docId: string, update: Uint8Array): void {
    const index = this.docSlot.get(docId);
    if (this.closed || index === undefined) return;
    const slot = this.slots[index]!;
    if (!slot.mirrors.has(docId)) return; // loaded from the full state when next needed
    slot.queue.push({ track: docId, update });
    this.dispatch(slot);
  }

  /** The mirror may differ from the document (or the document is unloaded): drop it. */
  forget(docId: string, { unload = false }: { unload?: boolean } = {}): void {
    const index = this.docSlot.get(docId);
    if (index === undefined) return;
    if (unload) this.docSlot.delete(docId);
    const slot = this.slots[index]!;
    if (!slot.mirrors.delete(docId) || this.closed) return;
    slot.queue.push({ drop: docId });
    this.dispatch(slot);
  }

  /** Refuses what is queued and stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((slot) => {
        for (const queued of slot.queue.splice(0))
          if ('resolve' in queued) queued.resolve({ ok: false, reason: 'closed', detail: 'closed' });
        this.finish(slot, { ok: false, reason: 'closed', detail: 'closed' });
        return slot.worker.terminate();
      }),
    );
  }

  /** A document's worker (the one with fewest documents, the first time); any idle one otherwise. */
  private slotFor(docId: string | undefined): Slot {
    if (docId === undefined) {
      const load = (s: Slot) => s.queue.length + (s.job ? 1 : 0);
      return this.slots.reduce((best, s) => (load(s) < load(best) ? s : best));
    }
    let index = this.docSlot.get(docId);
    if (index === undefined) {
      const counts = this.slots.map(() => 0);
      for (const i of this.docSlot.values()) counts[i]!++;
      index = counts.indexOf(Math.min(...counts));
      this.docSlot.set(docId, index);
    }
    return this.slots[index]!;
  }

  private spawn(queue: Queued[]): Slot {
    const worker = new Worker(this.options.workerUrl ?? DEFAULT_WORKER, {
      // Plain Node in the worker: no inherited loaders (tsx, Vitest) to slow its start or change it.
      execArgv: [],
      workerData: { limits: this.limits },
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: Math.max(
          4,
          Math.min(64, Math.floor(this.options.maxOldGenerationSizeMb / 4)),
        ),
        stackSizeMb: 4,
      },
    });
    // The pool must not keep a process alive that has nothing else to do.
    worker.unref();
    const slot: Slot = { worker, queue, job: null, timer: null, mirrors: new Set() };
    worker.on('message', (message: Reply) => this.answer(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, memory ? 'memory' : 'crashed', error.message);
    });
    worker.on('exit', () => this.replace(slot, 'crashed', 'worker exited'));
    return slot;
  }

  private answer(slot: Slot, message: Reply): void {
    const job = slot.job;
    if (job?.id !== message.id) return;
    const docId = job.context?.docId;
    if (docId !== undefined && (message.dropped || message.kind === 'nomirror')) slot.mirrors.delete(docId);
    if (message.kind === 'nomirror' && !job.reloaded) {
      // The worker dropped the mirror on its own (a tracked update did not apply): load it and retry.
      this.clearTimer(slot);
      slot.job = null;
      job.reloaded = true;
      slot.queue.unshift(job);
      return this.dispatch(slot);
    }
    let verdict: Verdict = { ok: true };
    if (!message.ok) {
      const reason =
        message.kind === 'limit'
          ? 'limit'
          : message.kind === 'invalid' || !message.kind
            ? 'invalid'
            : 'crashed';
      verdict = { ok: false, reason, detail: message.detail ?? reason };
    }
    this.finish(slot, verdict);
    this.dispatch(slot);
  }

  private dispatch(slot: Slot): void {
    while (slot.queue.length > 0 && !slot.job && this.slots.includes(slot)) {
      const next = slot.queue.shift()!;
      if ('track' in next) {
        if (slot.mirrors.has(next.track))
          slot.worker.postMessage({ type: 'track', docId: next.track, update: next.update });
        continue;
      }
      if ('drop' in next) {
        slot.worker.postMessage({ type: 'drop', docId: next.drop });
        continue;
      }
      slot.job = next;
      let timeoutMs = next.context?.timeoutMs ?? this.options.timeoutMs;
      if (next.context) {
        const { docId, state, writer } = next.context;
        const load = !slot.mirrors.has(docId);
        if (load) timeoutMs += LOAD_ALLOWANCE_MS;
        slot.mirrors.add(docId);
        slot.worker.postMessage({
          type: 'judge',
          id: next.id,
          docId,
          update: next.update,
          writer,
          ...(load ? { state: state() } : {}),
        });
      } else {
        slot.worker.postMessage({ id: next.id, update: next.update });
      }
      this.arm(slot, next, timeoutMs);
    }
  }

  /**
   * The timer runs on the main thread: if it fires late, the main thread was busy (not the worker),
   * and the answer may be waiting in the message queue. Such a job gets its time again, once.
   */
  private arm(slot: Slot, job: ValidationJob, timeoutMs: number): void {
    const due = performance.now() + timeoutMs;
    slot.timer = setTimeout(() => {
      const late = performance.now() - due;
      if (!job.graced && late > Math.max(50, timeoutMs / 2)) {
        job.graced = true;
        return this.arm(slot, job, timeoutMs);
      }
      this.replace(slot, 'timeout', `not judged within ${timeoutMs} ms`);
    }, timeoutMs);
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private finish(slot: Slot, verdict: Verdict): void {
    this.clearTimer(slot);
    const job = slot.job;
    slot.job = null;
    job?.resolve(verdict);
  }

  /** Refuses the slot's job, kills its worker and puts a fresh one (no mirrors yet) in its place. */
  private replace(slot: Slot, reason: 'timeout' | 'memory' | 'crashed', detail: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (error and exit both fire)
    this.finish(slot, { ok: false, reason, detail });
    slot.worker.removeAllListeners('message');
    void slot.worker.terminate();
    if (this.closed) return;
    this.onReplace(reason);
    const queue = slot.queue.filter((queued) => 'resolve' in queued); // mirrors are gone with it
    slot.queue = [];
    const fresh = this.spawn(queue);
    this.slots[index] = fresh;
    this.dispatch(fresh);
  }
}
