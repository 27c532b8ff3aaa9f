import {
  type Ack,
  accessOf,
  type Command,
  type Meeting,
  needsTextFacts,
  type ParticipantId,
  type TextFacts,
} from '../../shared';
import type { TextFactsSource } from './textFactsSource';

/**
 * Submits a command with the facts of the text it needs (`needsTextFacts`): `submit` runs inside
 * the source's step (the document's queue), so the text cannot change between the reading and the
 * command's events being stored. Any other command, and whenever reading would be wasted, is
 * submitted without facts: the sender may not do the command, or the proposal is not one of this
 * meeting's consensus texts. `decide` then refuses it with its own words (forbidden, not found,
 * "could not be read"), so the text of another meeting's proposal is never read for this one, and a
 * flood of commands nobody may send costs no document load. The source bounds the wait (one
 * timeout, `CollabServer.withTextFacts`) and logs what it could not read; `submit`'s errors are the
 * caller's.
 */
export function commandWithText(
  meeting: Meeting | undefined,
  actorId: ParticipantId,
  command: Command,
  source: TextFactsSource | undefined,
  submit: (text: TextFacts | undefined) => Promise<Ack>,
): Promise<Ack> {
  if (!source || !meeting || !needsTextFacts(command)) return submit(undefined);
  const actor = meeting.participants.find((p) => p.id === actorId);
  if (!actor || accessOf(meeting, actor, command.type) === 'no') return submit(undefined);
  const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
  if (proposal?.kind !== 'proposal') return submit(undefined);
  // Only the facts of the proposal the command names.
  return source(proposal.id, (facts) => submit(facts?.proposalId === proposal.id ? facts : undefined));
}
