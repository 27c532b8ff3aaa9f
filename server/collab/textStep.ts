import type { ProposalId, Revision, TextFacts } from '../../shared';
import { paragraphFacts } from '../../shared/collab/paragraphs';
import type { Logger } from '../observability/logger';
import { saveRevisions } from './doc/serverVersions';
import type { DocRegistry } from './docRegistry';
import type { LiveDoc } from './liveDoc';

/**
 * How long a command waits for its turn in the document's queue (the document's load, or updates
 * being judged before it). The only timeout on the way: once the turn has begun, the command is
 * decided and stored, which the meeting's writer bounds.
 */
const TURN_TIMEOUT_MS = 5000;

const GAVE_UP: unique symbol = Symbol('gave up');

/**
 * Commands that read a proposal's text (`needsTextFacts`), each run in one turn of the document's
 * queue (docs/collab.md, "Text facts"): the facts are read, the command decided and stored, and a
 * revision it published saved as its version, before any client update of that document is judged.
 * So every update after it is judged against the frozen set that includes what it froze, and a
 * revision's version holds exactly the text whose facts were read.
 */
export class TextSteps {
  /** Per proposal, the revisions stored during the turn running now on this process: it saves them. */
  private readonly running = new Map<ProposalId, Revision[]>();

  constructor(
    private readonly registry: DocRegistry,
    private readonly log: Logger,
    private readonly turnTimeoutMs = TURN_TIMEOUT_MS,
  ) {}

  /**
   * Runs `step` with the proposal's text facts in a turn of its document's queue (loading the
   * document if needed). If the turn does not begin within the timeout, or the document cannot be
   * loaded, `step` runs with undefined instead, outside the queue (`decide` refuses the command as
   * unavailable), and the turn, when it comes, does nothing. `step` runs exactly once.
   */
  async run<T>(proposalId: ProposalId, step: (facts: TextFacts | undefined) => Promise<T>): Promise<T> {
    // An object, not a variable: the callbacks below change it, which narrowing cannot see.
    const turnState: { phase: 'waiting' | 'running' | 'gave up' } = { phase: 'waiting' };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof GAVE_UP>((resolve) => {
      timer = setTimeout(() => {
        if (turnState.phase !== 'waiting') return;
        turnState.phase = 'gave up'; // decided here, synchronously: the turn cannot begin after this
        resolve(GAVE_UP);
      }, this.turnTimeoutMs);
      timer.unref();
    });
    const turn = this.registry.use(proposalId, async (live) => {
      if (turnState.phase === 'gave up') return GAVE_UP;
      turnState.phase = 'running';
      clearTimeout(timer);
      return { value: await this.inTurn(live, proposalId, step) };
    });
    turn.catch(() => {}); // settled after we gave up: nobody waits for it any more
    try {
      const outcome = await Promise.race([turn, late]);
      if (outcome !== GAVE_UP) return outcome.value;
      this.log.warn({ doc: proposalId }, 'text facts not read in time');
    } catch (error) {
      if (turnState.phase === 'running') throw error; // the step's own failure
      this.log.warn({ err: error, doc: proposalId }, 'text facts could not be read');
    } finally {
      clearTimeout(timer);
    }
    turnState.phase = 'gave up';
    return step(undefined);
  }

  /**
   * Takes a revision stored while a turn of its proposal's document runs on this process: that turn
   * saves it. False when no turn runs (another process published it): the caller saves it.
   */
  claim(proposalId: ProposalId, revision: Revision): boolean {
    const revisions = this.running.get(proposalId);
    if (!revisions) return false;
    revisions.push(revision);
    return true;
  }

  private async inTurn<T>(
    live: LiveDoc,
    proposalId: ProposalId,
    step: (facts: TextFacts | undefined) => Promise<T>,
  ): Promise<T> {
    const revisions: Revision[] = [];
    this.running.set(proposalId, revisions);
    try {
      return await step(this.read(live, proposalId));
    } finally {
      if (this.running.get(proposalId) === revisions) this.running.delete(proposalId);
      // The meeting stored them (synchronously, before `step` resolved); the text is still the one
      // whose facts were read, since nothing else ran in the queue meanwhile.
      if (revisions.length > 0) await saveRevisions(live, revisions, this.log);
    }
  }

  private read(live: LiveDoc, proposalId: ProposalId): TextFacts | undefined {
    try {
      return paragraphFacts(live.doc, proposalId);
    } catch (error) {
      this.log.error({ err: error, doc: proposalId }, 'text facts could not be read');
      return undefined;
    }
  }
}
