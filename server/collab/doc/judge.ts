import type { ProposalId } from '../../../shared';
import { writerName } from '../../../shared/collab/limits';
import type { Connection } from '../connection';
import type { DocContext, UpdateValidator, Verdict, Writer } from '../validate';

/** The default writer of a connection: its participant, moderating nothing. */
export function participantWriter(conn: Connection): Writer | null {
  if (conn.identity.kind !== 'participant') return null;
  const p = conn.identity.participant;
  return {
    participantId: p.id,
    name: p.name,
    delegation: p.delegation,
    displayName: writerName(p),
    // Without the meeting at hand the table cannot be asked (server.ts writerOf does): least privilege.
    moderates: false,
  };
}

/** Validation failures that may be ours (a busy machine, a worker full of other documents). */
const RETRYABLE = new Set(['timeout', 'memory', 'crashed']);

/** What judging a client's update needs. */
export interface JudgeDeps {
  validator: UpdateValidator;
  /** Who writes on a connection, for the document's authorship rules. */
  writerOf: (conn: Connection) => Writer | null;
  /** The timeout of the second attempt, on a fresh worker. */
  retryTimeoutMs: number;
  /** Told when the first attempt failed in a way that may be ours, before the retry. */
  onRetry: (conn: Connection, first: Extract<Verdict, { ok: false }>) => void;
}

/** Rounds of judging one update while the frozen paragraphs keep changing under it. */
const FROZEN_ROUNDS = 3;

/**
 * Judges a client's update on the worker's mirror of the document (`state` encodes the document for
 * a mirror load). A failure that may be ours (timeout, a dead worker) is tried once more, on a fresh
 * worker, with a longer timeout, unless the document is `gone` meanwhile.
 *
 * The frozen paragraphs are the meeting's when the judging starts; if a meeting event froze more of
 * them while the worker judged (a paragraph agreed, a check asked), the verdict is stale: the
 * mirror, which took the update, is dropped and the update judged again against the new set (as a
 * lock that lands meanwhile makes the document drop the update). After {@link FROZEN_ROUNDS} such
 * rounds it is refused as not judged (4513, retryable).
 */
export async function judgeUpdate(
  deps: JudgeDeps,
  docId: ProposalId,
  conn: Connection,
  update: Uint8Array,
  state: () => Uint8Array,
  gone: () => boolean,
): Promise<Verdict> {
  let writer = deps.writerOf(conn);
  for (let round = 1; ; round++) {
    if (!writer) return { ok: false, reason: 'invalid', detail: 'nobody to write as' };
    const verdict = await judgeOnce(deps, { docId, state, writer }, conn, update, gone);
    if (!verdict.ok || gone()) return verdict;
    const now = deps.writerOf(conn);
    if (!frozeMeanwhile(writer, now)) return verdict;
    deps.validator.forget(docId);
    if (round === FROZEN_ROUNDS)
      return {
        ok: false,
        reason: 'timeout',
        detail: 'the frozen paragraphs kept changing while it was judged',
      };
    writer = now;
  }
}

async function judgeOnce(
  deps: JudgeDeps,
  context: DocContext,
  conn: Connection,
  update: Uint8Array,
  gone: () => boolean,
): Promise<Verdict> {
  const first = await deps.validator.validate(update, context);
  if (first.ok || !RETRYABLE.has(first.reason) || gone()) return first;
  deps.onRetry(conn, first);
  return deps.validator.validate(update, { ...context, timeoutMs: deps.retryTimeoutMs });
}

/** Whether `now` freezes a paragraph that `before` (the writer judged with) did not. */
function frozeMeanwhile(before: Writer, now: Writer | null): boolean {
  const frozen = now?.frozen ?? [];
  // The same meeting, the same array (./frozenSet.ts): nothing froze, and no set to build.
  if (frozen.length === 0 || frozen === before.frozen) return false;
  const had = new Set(before.frozen ?? []);
  return frozen.some((pid) => !had.has(pid));
}
