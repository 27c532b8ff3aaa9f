import type { ParticipantId, ProposalId } from '../../shared';
import type { DocVersionMeta } from '../store/types';

/**
 * Limits on saving named versions (`POST /api/proposals/:id/versions`, docs/collab.md). Each version
 * is a copy of the whole text, so an unbounded loop of saves fills the store: 300 saves of a 900 KB
 * text took 2 s. A meeting saves a version after each reading of a text, a few dozen over a week.
 */
export interface VersionLimits {
  /** Versions one proposal may hold, the base text included. */
  perProposal: number;
  /** Versions one participant may save in a meeting, over all its proposals. */
  perParticipant: number;
  /** Saves one participant may make at once… */
  burst: number;
  /** …and then one every this many milliseconds. */
  refillMs: number;
}

/** The limits docs/collab.md documents. */
export const DEFAULT_VERSION_LIMITS: VersionLimits = {
  perProposal: 100,
  perParticipant: 200,
  burst: 5,
  refillMs: 6000,
};

/** Where the quota reads the stored versions it counts. */
export interface VersionCounts {
  /** Versions of each of the meeting's proposals. */
  list: (proposalId: ProposalId) => Promise<DocVersionMeta[]>;
}

/**
 * Checks and takes the version-save limits. The caps are counted from the stored versions, so they
 * hold across restarts and processes; the save rate is per process (a token bucket per
 * participant), which bounds a flood wherever it lands. Saves by one participant are checked one at
 * a time, so parallel requests cannot all pass the same count.
 */
export class VersionQuota {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly limits: VersionLimits,
    private readonly counts: VersionCounts,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `save` if `participantId` may save a version of `proposalId` (one of `proposalIds`, its
   * meeting's proposals) now; otherwise resolves with the limit that refused it.
   */
  async run<T>(
    participantId: ParticipantId,
    proposalId: ProposalId,
    proposalIds: readonly ProposalId[],
    save: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
    const previous = this.queues.get(participantId) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const rate = this.take(participantId);
      if (rate) return { ok: false as const, message: rate };
      const cap = await this.capReached(participantId, proposalId, proposalIds);
      if (cap) return { ok: false as const, message: cap };
      return { ok: true as const, value: await save() };
    });
    const settled = turn.catch(() => {});
    this.queues.set(participantId, settled);
    void settled.then(() => {
      if (this.queues.get(participantId) === settled) this.queues.delete(participantId);
    });
    return turn;
  }

  /** Takes one save from the participant's bucket; the refusal's message when it is empty. */
  private take(participantId: ParticipantId): string | null {
    const { burst, refillMs } = this.limits;
    const now = this.now();
    const bucket = this.buckets.get(participantId) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / refillMs);
    if (tokens < 1) {
      this.buckets.set(participantId, { tokens, at: now });
      const wait = Math.ceil(((1 - tokens) * refillMs) / 1000);
      return `version save rate: at most ${burst} saves at once and then 1 every ${refillMs / 1000} s per participant; try again in ${wait} s`;
    }
    this.buckets.set(participantId, { tokens: tokens - 1, at: now });
    this.prune(now);
    return null;
  }

  /** Drops buckets that have refilled completely (a full bucket is the default), past 1000 savers. */
  private prune(now: number): void {
    if (this.buckets.size < 1000) return;
    const full = this.limits.burst * this.limits.refillMs;
    for (const [id, b] of this.buckets) if (now - b.at >= full) this.buckets.delete(id);
  }

  private async capReached(
    participantId: ParticipantId,
    proposalId: ProposalId,
    proposalIds: readonly ProposalId[],
  ): Promise<string | null> {
    const { perProposal, perParticipant } = this.limits;
    const here = await this.counts.list(proposalId);
    if (here.length >= perProposal) {
      return `version quota reached: at most ${perProposal} versions per proposal`;
    }
    let mine = 0;
    for (const id of proposalIds) {
      const versions = id === proposalId ? here : await this.counts.list(id);
      mine += versions.filter((v) => v.createdBy === participantId).length;
      if (mine >= perParticipant) {
        return `version quota reached: at most ${perParticipant} versions per participant in a meeting`;
      }
    }
    return null;
  }
}
