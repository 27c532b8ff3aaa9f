import type { ProposalId } from '../../../shared';
import { assertNever } from '../../../shared/domain/errors';
import type { Connection } from '../connection';
import type { FanoutMessage } from '../fanout';

/** Something waiting in a document's queue. */
type DocJob =
  /** A client's message, handled in a batch with the messages queued after it. */
  | { kind: 'message'; conn: Connection; data: Uint8Array }
  /** What another process published, handled in a batch with the remote messages after it. */
  | { kind: 'remote'; message: FanoutMessage }
  /** A task (initial sync, versions, seeding, compaction, unload), run alone. */
  | { kind: 'task'; run: () => Promise<void>; cancel: () => void };

/** A batch of client messages, as the document handles it. */
export type MessageBatch = Array<{ conn: Connection; data: Uint8Array }>;

/** What the queue runs its jobs with: the live document. */
export interface DocJobHandlers {
  /** Client messages, in order; stored before anything of the batch is sent. */
  messages(batch: MessageBatch): Promise<void>;
  /** Changes other processes published, in order. */
  remote(batch: FanoutMessage[]): void;
  /** The load failed, or a batch threw: the document is dropped (which stops the queue). */
  broken(error: unknown, what: 'load' | 'batch'): void;
}

/** Raised by `DocJobQueue.run` when the document was dropped before the task ran. */
export class DocumentGone extends Error {
  constructor(readonly docId: ProposalId) {
    super(`document ${docId} was unloaded`);
    this.name = 'DocumentGone';
  }
}

/** Messages handled together: their updates are validated in parallel and stored in one write. */
const MAX_BATCH = 100;

/**
 * The serial job queue of one live document: everything that reads or changes the document runs
 * here, in arrival order, after the document has loaded. Consecutive client messages (and
 * consecutive remote changes) are handed over as one batch of up to {@link MAX_BATCH}.
 */
export class DocJobQueue {
  private jobs: DocJob[] = [];
  private draining = false;
  private stopped = false;

  constructor(
    private readonly docId: ProposalId,
    private readonly loaded: Promise<void>,
    private readonly handlers: DocJobHandlers,
  ) {}

  /** Jobs waiting behind the one running. */
  get waiting(): number {
    return this.jobs.length;
  }

  /** Queues a client message. */
  message(conn: Connection, data: Uint8Array): void {
    this.enqueue({ kind: 'message', conn, data });
  }

  /** Queues a change another process published. */
  remote(message: FanoutMessage): void {
    this.enqueue({ kind: 'remote', message });
  }

  /**
   * Runs `fn` in the queue, between batches. Rejects with {@link DocumentGone} if the queue stops
   * first.
   */
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        kind: 'task',
        run: async () => {
          try {
            resolve(await fn());
          } catch (error) {
            reject(error);
          }
        },
        cancel: () => reject(new DocumentGone(this.docId)),
      });
    });
  }

  /** Runs nothing more: waiting tasks reject with {@link DocumentGone}, messages are dropped. */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.splice(0)) if (job.kind === 'task') job.cancel();
  }

  private enqueue(job: DocJob): void {
    if (this.stopped) {
      if (job.kind === 'task') job.cancel();
      return;
    }
    this.jobs.push(job);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      try {
        await this.loaded;
      } catch (error) {
        this.handlers.broken(error, 'load');
        return;
      }
      while (this.jobs.length > 0 && !this.stopped) {
        const first = this.jobs[0]!;
        switch (first.kind) {
          case 'task':
            this.jobs.shift();
            await first.run();
            break;
          case 'remote':
            this.handlers.remote(this.takeRun('remote').map((job) => job.message));
            break;
          case 'message':
            try {
              await this.handlers.messages(this.takeRun('message'));
            } catch (error) {
              this.handlers.broken(error, 'batch');
            }
            break;
          default:
            assertNever(first);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Takes the jobs of one kind at the head of the queue, at most MAX_BATCH. */
  private takeRun<K extends 'message' | 'remote'>(kind: K): Array<Extract<DocJob, { kind: K }>> {
    let n = 0;
    while (n < this.jobs.length && n < MAX_BATCH && this.jobs[n]!.kind === kind) n++;
    return this.jobs.splice(0, n) as Array<Extract<DocJob, { kind: K }>>;
  }
}
