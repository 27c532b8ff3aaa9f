import type { ProposalId } from '../../shared';
import type { DocVersionMeta } from '../store/types';
import { DocumentGone } from './doc/jobQueue';
import { LiveDoc, type LiveDocDeps } from './liveDoc';
import { CLOSE } from './protocol';

/** What the registry needs besides what each live document needs. */
export interface RegistryDeps extends Omit<LiveDocDeps, 'onIdle' | 'onBroken'> {
  /** A document nobody uses is unloaded (compacted, freed) after this long. */
  unloadDelayMs: number;
  /**
   * The base text a proposal was created with, if any. Used when a document is found empty in the
   * store: the server may have stopped between storing `proposal.created` and seeding the text.
   */
  baseTextOf: (docId: ProposalId) => Promise<string | undefined>;
  /**
   * The versions the server keeps of a document under fixed ids (its revisions' texts), from the
   * meeting. Those the store lacks are saved when the document is loaded: the server may have
   * stopped between storing `proposal.revisionPublished` and saving the text. Default: none.
   */
  serverVersionsOf?: (docId: ProposalId) => DocVersionMeta[];
}

/**
 * The proposal documents held in memory: loads one on first use, and unloads it once it has had no
 * connection for `unloadDelayMs` (after folding its update log into a snapshot).
 */
export class DocRegistry {
  private readonly docs = new Map<string, LiveDoc>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: RegistryDeps) {}

  /** Documents in memory now. */
  all(): LiveDoc[] {
    return [...this.docs.values()];
  }

  /**
   * The live document, loaded from the store if it is not in memory. A document loaded empty is
   * seeded with its proposal's base text first, and revision versions it lacks are saved, unless
   * `recover` is false (the caller seeds it).
   */
  open(docId: ProposalId, { recover = true }: { recover?: boolean } = {}): LiveDoc {
    this.cancelUnload(docId);
    const existing = this.docs.get(docId);
    if (existing) return existing;
    const live = new LiveDoc(docId, {
      ...this.deps,
      onIdle: (doc) => this.scheduleUnload(doc),
      onBroken: (doc) => this.forget(doc),
    });
    this.docs.set(docId, live);
    this.deps.metrics.collabDocuments.set(this.docs.size);
    if (recover) {
      live
        .run(async () => {
          if (live.empty) {
            const baseText = await this.deps.baseTextOf(docId);
            if (baseText) await live.seedBaseText(baseText);
          }
          await live.saveServerVersions(this.deps.serverVersionsOf?.(docId) ?? []);
        })
        .catch((error) => {
          if (!(error instanceof DocumentGone))
            this.deps.log.error({ err: error, doc: docId }, 'recovering the base text or revisions failed');
        });
    }
    return live;
  }

  /**
   * Runs `fn` in the document's queue (loading the document if needed); a document with no
   * connection is unloaded again later. Retried on a fresh load if the document went away meanwhile.
   */
  async use<T>(docId: ProposalId, fn: (live: LiveDoc) => Promise<T> | T, options?: { recover?: boolean }) {
    for (let attempt = 1; ; attempt++) {
      const live = this.open(docId, options);
      try {
        return await live.run(() => fn(live));
      } catch (error) {
        if (error instanceof DocumentGone && attempt < 3) continue;
        throw error;
      } finally {
        if (live.conns.size === 0 && !live.destroyed) this.scheduleUnload(live);
      }
    }
  }

  /** Stores and frees every document; their connections are closed with 1001. */
  async closeAll(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(
      this.all().map((live) =>
        live
          .run(async () => {
            await live.compact().catch((error) => {
              this.deps.log.error({ err: error, doc: live.id }, 'compaction on shutdown failed');
            });
            this.forget(live);
            live.destroy(CLOSE.goingAway);
          })
          .catch(() => {}),
      ),
    );
  }

  private scheduleUnload(live: LiveDoc): void {
    if (this.timers.has(live.id) || this.docs.get(live.id) !== live) return;
    const timer = setTimeout(() => {
      this.timers.delete(live.id);
      void this.unload(live);
    }, this.deps.unloadDelayMs);
    timer.unref();
    this.timers.set(live.id, timer);
  }

  private cancelUnload(docId: ProposalId): void {
    const timer = this.timers.get(docId);
    if (timer) clearTimeout(timer);
    this.timers.delete(docId);
  }

  /** Compacts and frees an idle document, unless someone came back or work is waiting. */
  private async unload(live: LiveDoc): Promise<void> {
    if (this.docs.get(live.id) !== live) return;
    const busy = () => live.conns.size > 0 || live.waiting > 0;
    try {
      await live.run(async () => {
        if (busy()) return;
        await live.compact();
        if (busy()) return; // someone connected during the write: keep it
        this.forget(live);
        live.destroy();
      });
    } catch (error) {
      if (error instanceof DocumentGone) return;
      this.deps.log.error({ err: error, doc: live.id }, 'unloading failed; retrying later');
      if (live.conns.size === 0) this.scheduleUnload(live);
    }
  }

  private forget(live: LiveDoc): void {
    if (this.docs.get(live.id) !== live) return;
    this.docs.delete(live.id);
    this.cancelUnload(live.id);
    this.deps.metrics.collabDocuments.set(this.docs.size);
  }
}
