import {
  accessOf,
  type Command,
  type Meeting,
  needsTextFacts,
  type ParticipantId,
  type TextFacts,
} from '../../shared';
import type { Logger } from '../observability/logger';
import type { TextFactsSource } from './textFactsSource';

/** A text that takes longer than this to read is not waited for: the command is refused "try again". */
const READ_TIMEOUT_MS = 5000;

/**
 * The facts of the text a command needs (`needsTextFacts`), read before it is decided; undefined
 * for any other command, and whenever reading would be wasted: the sender may not do the command,
 * or the proposal is not one of this meeting's consensus texts. `decide` then refuses it with its
 * own words (forbidden, not found, "could not be read"), so the text of another meeting's proposal
 * is never read for this one, and a flood of commands nobody may send costs no document load.
 * Never throws: a failed or slow read is logged and answered undefined ("try again in a moment").
 */
export async function textForCommand(
  meeting: Meeting | undefined,
  actorId: ParticipantId,
  command: Command,
  source: TextFactsSource | undefined,
  log: Logger,
): Promise<TextFacts | undefined> {
  if (!source || !meeting || !needsTextFacts(command)) return undefined;
  const actor = meeting.participants.find((p) => p.id === actorId);
  if (!actor || accessOf(meeting, actor, command.type) === 'no') return undefined;
  const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
  if (proposal?.kind !== 'proposal') return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const facts = await Promise.race([
      source(proposal.id),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS);
      }),
    ]);
    // Only the facts of the proposal the command names.
    return facts?.proposalId === proposal.id ? facts : undefined;
  } catch (error) {
    log.warn({ err: error, proposalId: proposal.id }, "a proposal's text could not be read for a command");
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
