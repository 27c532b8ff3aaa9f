import type { CheckId, ParticipantId, ProposalId } from '../ids';
import type { CommandOf } from '../protocol/commands';
import {
  CONSENSUS_QUOTA,
  type ConsensusCheck,
  type ParagraphFacts,
  type ParagraphId,
  type ParagraphStatus,
  ROOM_CHECK_SECONDS,
  SILENCE_DEADLINE,
  type TextFacts,
} from './consensusModel';
import type { DecideContext, Decision } from './decide';
import { refuse } from './errors';
import type { MeetingEvent } from './events';
import type { Meeting, Participant, Proposal } from './model';
import { presides } from './permissions';
import { statusWords } from './words';

/** The commands of paragraph consensus, decided here for `decide`. */
export type ConsensusCommand = CommandOf<
  | 'proposal.publishRevision'
  | 'consensus.ask'
  | 'consensus.object'
  | 'consensus.withdrawObjection'
  | 'consensus.close'
  | 'paragraph.setStatus'
  | 'paragraph.linkIntervention'
  | 'paragraph.unlinkIntervention'
  | 'screen.show'
>;

const accept = (...events: MeetingEvent[]): Decision => ({ ok: true, events });
const reject = (code: Parameters<typeof refuse>[0], message: string): Decision => ({
  ok: false,
  error: refuse(code, message),
});

const NO_SUCH_PROPOSAL = 'that proposal does not exist';
const NO_SUCH_CHECK = 'that check does not exist (it may have ended long ago)';
const TEXT_UNREAD =
  "the proposal's text could not be read just now: try again in a moment (nothing was changed)";

/** The status of a paragraph now: its record's, else open. */
export const paragraphStatus = (meeting: Meeting, proposalId: ProposalId, paragraphId: ParagraphId) =>
  meeting.consensus.paragraphs[proposalId]?.[paragraphId]?.status ?? 'open';

/** The checks not closed yet. */
export const openChecks = (meeting: Meeting): ConsensusCheck[] =>
  meeting.consensus.checks.filter((c) => c.result === null);

/**
 * The paragraphs nobody may change in the text now: the agreed ones (until the presiding officer
 * reopens them) and those under a check (their text is what is being agreed). The co-editing server
 * refuses any update that changes them; the editor makes them read-only.
 */
export function frozenParagraphIds(meeting: Meeting, proposalId: ProposalId): ParagraphId[] {
  const frozen = new Set<ParagraphId>();
  for (const [id, record] of Object.entries(meeting.consensus.paragraphs[proposalId] ?? {}))
    if (record.status === 'agreed') frozen.add(id);
  for (const check of openChecks(meeting))
    if (check.proposalId === proposalId) for (const id of check.paragraphIds) frozen.add(id);
  return [...frozen];
}

/** "paragraph 3 (“Invites Member States…”)" */
const named = (p: ParagraphFacts) => `paragraph ${p.number} (“${p.excerpt}”)`;

/** Decides a consensus command; `actor` may do it by the permission table (checked by `decide`). */
export function decideConsensus(
  meeting: Meeting,
  command: ConsensusCommand,
  actor: Participant,
  ctx: DecideContext,
): Decision {
  switch (command.type) {
    case 'consensus.object':
      return object(meeting, command.checkId, command.reason ?? '', actor, ctx.now);
    case 'consensus.withdrawObjection':
      return withdraw(meeting, command.checkId, actor, ctx.now);
    case 'consensus.close': {
      const check = meeting.consensus.checks.find((c) => c.id === command.checkId);
      if (!check) return reject('not_found', NO_SUCH_CHECK);
      if (check.result) return reject('conflict', 'the check is closed already');
      // Silence is kept until the deadline: only a broken silence (an objection) ends it early.
      if (check.procedure === 'silence' && check.objections.length === 0 && ctx.now < check.endsAt)
        return reject(
          'conflict',
          'nobody has objected: a silence procedure ends at its deadline, it cannot be agreed early',
        );
      return accept(closing(check, ctx.now, actor.id));
    }
    case 'paragraph.unlinkIntervention': {
      if (!meeting.consensus.links.some((l) => l.id === command.linkId))
        return reject('not_found', 'that link does not exist (it may have been removed)');
      return accept({ type: 'paragraph.interventionUnlinked', linkId: command.linkId, at: ctx.now });
    }
    case 'screen.show': {
      if (command.proposalId === null)
        return accept({ type: 'screen.shown', proposalId: null, paragraphId: null });
      const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
      if (!proposal) return reject('not_found', NO_SUCH_PROPOSAL);
      return accept({
        type: 'screen.shown',
        proposalId: proposal.id,
        paragraphId: command.paragraphId ?? null,
      });
    }
    default:
      return onText(meeting, command, actor, ctx);
  }
}

/** The commands that read the text: the proposal must be a consensus text and its facts known. */
function onText(
  meeting: Meeting,
  command: CommandOf<
    'proposal.publishRevision' | 'consensus.ask' | 'paragraph.setStatus' | 'paragraph.linkIntervention'
  >,
  actor: Participant,
  ctx: DecideContext,
): Decision {
  const proposal = meeting.proposals.find((p) => p.id === command.proposalId);
  if (!proposal) return reject('not_found', NO_SUCH_PROPOSAL);
  if (proposal.kind !== 'proposal')
    return reject('conflict', "a chair's summary is not agreed paragraph by paragraph");
  const text = ctx.text?.proposalId === proposal.id ? ctx.text : undefined;
  if (!text) return reject('unavailable', TEXT_UNREAD);
  if (text.paragraphs.length > CONSENSUS_QUOTA.paragraphsPerText)
    return reject(
      'invalid',
      `${proposal.symbol} has ${text.paragraphs.length} paragraphs: at most ${CONSENSUS_QUOTA.paragraphsPerText} are agreed paragraph by paragraph`,
    );
  switch (command.type) {
    case 'proposal.publishRevision':
      return publishRevision(meeting, proposal, text, actor, ctx.now);
    case 'consensus.ask':
      return ask(meeting, proposal, text, command, actor, ctx);
    case 'paragraph.setStatus':
      return setStatus(meeting, proposal, text, command, actor, ctx.now);
    case 'paragraph.linkIntervention': {
      const paragraph = text.paragraphs.find((p) => p.id === command.paragraphId);
      if (!paragraph) return reject('not_found', noParagraph(proposal));
      const current = meeting.floor.current;
      if (!current) return reject('conflict', 'nobody has the floor: a link is made while someone speaks');
      if (meeting.consensus.links.length >= CONSENSUS_QUOTA.linksPerMeeting)
        return reject(
          'rate_limited',
          `link quota reached: at most ${CONSENSUS_QUOTA.linksPerMeeting} intervention links per meeting`,
        );
      const twice = meeting.consensus.links.some(
        (l) =>
          l.requestId === current.requestId && l.proposalId === proposal.id && l.paragraphId === paragraph.id,
      );
      if (twice) return reject('conflict', `this intervention is linked to ${named(paragraph)} already`);
      const speaker =
        meeting.participants.find((p) => p.id === current.participantId) ??
        meeting.formerParticipants.find((p) => p.id === current.participantId);
      return accept({
        type: 'paragraph.interventionLinked',
        link: {
          id: ctx.ids.link(),
          proposalId: proposal.id,
          paragraphId: paragraph.id,
          paragraphNumber: paragraph.number,
          requestId: current.requestId,
          participantId: current.participantId,
          delegation: speaker?.delegation ?? '',
          note: command.note ?? '',
          at: ctx.now,
          by: actor.id,
        },
      });
    }
  }
}

const noParagraph = (proposal: Proposal) =>
  `${proposal.symbol} has no such paragraph (it may have been deleted): reload the text`;

function lockedWords(proposal: Proposal): string {
  return `${proposal.symbol} is locked: the presiding officer or the secretariat can unlock it`;
}

function ask(
  meeting: Meeting,
  proposal: Proposal,
  text: TextFacts,
  command: CommandOf<'consensus.ask'>,
  actor: Participant,
  ctx: DecideContext,
): Decision {
  if (proposal.locked) return reject('conflict', lockedWords(proposal));
  const silence = command.until !== undefined;
  if (!silence && meeting.status !== 'open') return reject('conflict', statusWords(meeting.status));
  const open = openChecks(meeting);
  if (!silence && open.some((c) => c.procedure === 'room'))
    return reject('conflict', 'a check is under way in the room: wait for it to end or close it first');
  if (silence && open.filter((c) => c.procedure === 'silence').length >= CONSENSUS_QUOTA.openSilence)
    return reject(
      'rate_limited',
      `at most ${CONSENSUS_QUOTA.openSilence} silence procedures may be open at once in a meeting`,
    );
  if (meeting.consensus.checksAsked >= CONSENSUS_QUOTA.checksPerMeeting)
    return reject(
      'rate_limited',
      `check quota reached: at most ${CONSENSUS_QUOTA.checksPerMeeting} checks per meeting`,
    );
  if (silence) {
    const ahead = command.until! - ctx.now;
    if (ahead < SILENCE_DEADLINE.minMs || ahead > SILENCE_DEADLINE.maxMs)
      return reject('invalid', 'the deadline of a silence procedure is 1 hour to 90 days away');
  }

  const byId = new Map(text.paragraphs.map((p) => [p.id, p]));
  let paragraphs: ParagraphFacts[];
  if (command.paragraphIds) {
    paragraphs = [];
    for (const id of command.paragraphIds) {
      const p = byId.get(id);
      if (!p) return reject('not_found', noParagraph(proposal));
      paragraphs.push(p);
    }
    paragraphs.sort((a, b) => a.number - b.number);
  } else {
    // An empty text has nothing to agree: saying "every paragraph is agreed" would be untrue.
    if (text.paragraphs.length === 0)
      return reject('conflict', `${proposal.symbol} has no paragraphs to agree yet`);
    paragraphs = text.paragraphs.filter((p) => paragraphStatus(meeting, proposal.id, p.id) !== 'agreed');
    if (paragraphs.length === 0)
      return reject('conflict', `every paragraph of ${proposal.symbol} is agreed already`);
  }
  if (paragraphs.length > CONSENSUS_QUOTA.paragraphsPerCheck)
    return reject('invalid', `at most ${CONSENSUS_QUOTA.paragraphsPerCheck} paragraphs in one check`);
  for (const p of paragraphs) {
    if (paragraphStatus(meeting, proposal.id, p.id) === 'agreed')
      return reject('conflict', `${named(p)} is agreed already`);
    if (p.openBrackets > 0) return reject('conflict', bracketWords(p));
    const other = open.find((c) => c.proposalId === proposal.id && c.paragraphIds.includes(p.id));
    if (other) return reject('conflict', `${named(p)} is under another check already`);
  }
  const askedAt = ctx.now;
  const seconds = command.seconds ?? ROOM_CHECK_SECONDS.default;
  return accept({
    type: 'consensus.asked',
    check: {
      id: ctx.ids.check(),
      proposalId: proposal.id,
      paragraphIds: paragraphs.map((p) => p.id),
      paragraphNumbers: paragraphs.map((p) => p.number),
      procedure: silence ? 'silence' : 'room',
      askedBy: actor.id,
      askedAt,
      endsAt: silence ? command.until! : askedAt + seconds * 1000,
      objections: [],
      result: null,
    },
  });
}

const bracketWords = (p: ParagraphFacts) =>
  `${named(p)} has ${p.openBrackets} open square bracket${p.openBrackets === 1 ? '' : 's'}: agree or remove the bracketed text first`;

function object(
  meeting: Meeting,
  checkId: CheckId,
  reason: string,
  actor: Participant,
  now: number,
): Decision {
  const check = meeting.consensus.checks.find((c) => c.id === checkId);
  if (!check) return reject('not_found', NO_SUCH_CHECK);
  if (check.result || now >= check.endsAt) return reject('conflict', 'the time for objections has ended');
  const standing = check.objections.find((o) => o.delegation === actor.delegation);
  if (standing)
    return reject(
      'conflict',
      `${actor.delegation} has objected already: withdraw the objection to change it`,
    );
  return accept({
    type: 'consensus.objected',
    checkId: check.id,
    objection: { participantId: actor.id, delegation: actor.delegation, reason: reason.trim(), at: now },
  });
}

function withdraw(meeting: Meeting, checkId: CheckId, actor: Participant, now: number): Decision {
  const check = meeting.consensus.checks.find((c) => c.id === checkId);
  if (!check) return reject('not_found', NO_SUCH_CHECK);
  if (check.result || now >= check.endsAt)
    return reject('conflict', 'the check has ended: its objections stand');
  if (!check.objections.some((o) => o.delegation === actor.delegation))
    return reject('not_found', `${actor.delegation} has no objection in this check`);
  return accept({
    type: 'consensus.objectionWithdrawn',
    checkId: check.id,
    delegation: actor.delegation,
    participantId: actor.id,
    at: now,
  });
}

/** The event that ends `check` at `now`: by `closedBy`, or at its deadline (null). */
function closing(check: ConsensusCheck, now: number, closedBy: ParticipantId | null): MeetingEvent {
  const early = closedBy !== null && now < check.endsAt;
  return {
    type: 'consensus.closed',
    checkId: check.id,
    proposalId: check.proposalId,
    paragraphIds: check.paragraphIds,
    outcome: check.objections.length === 0 ? 'agreed' : 'objected',
    objections: check.objections,
    closedAt: early ? now : Math.min(now, check.endsAt),
    appliedAt: now,
    closedBy,
    early,
  };
}

/**
 * The events that end every check whose deadline has passed at `now`: what the server's scheduler
 * submits (on whichever process holds the meeting; the store's ordering makes one of them win, and
 * the others find nothing due). Applies whatever the meeting's status, so a silence procedure ends at
 * its deadline between sessions too.
 */
export function closeDueChecks(meeting: Meeting, now: number): MeetingEvent[] {
  if (meeting.archived) return [];
  return openChecks(meeting)
    .filter((c) => c.endsAt <= now)
    .map((c) => closing(c, now, null));
}

/** When the next open check ends (ms since the epoch), or null: when the scheduler should look again. */
export function nextCheckDeadline(meeting: Meeting): number | null {
  // `closeDueChecks` ends nothing in an archived meeting: a past deadline here would have the
  // scheduler wake at once, find nothing to do and ask again, for ever.
  if (meeting.archived) return null;
  const ends = openChecks(meeting).map((c) => c.endsAt);
  return ends.length ? Math.min(...ends) : null;
}

/**
 * Why the meeting cannot be suspended or closed now, or null: a check in the room is under way (its
 * outcome must not depend on a suspension or a closure that interrupts it).
 */
export function roomCheckUnderWay(meeting: Meeting): string | null {
  return openChecks(meeting).some((c) => c.procedure === 'room')
    ? 'a check is under way in the room: close it (Close now) or wait for its end first'
    : null;
}

function setStatus(
  meeting: Meeting,
  proposal: Proposal,
  text: TextFacts,
  command: CommandOf<'paragraph.setStatus'>,
  actor: Participant,
  now: number,
): Decision {
  if (proposal.locked) return reject('conflict', lockedWords(proposal));
  const paragraph = text.paragraphs.find((p) => p.id === command.paragraphId);
  if (!paragraph) return reject('not_found', noParagraph(proposal));
  const current = paragraphStatus(meeting, proposal.id, paragraph.id);
  const status: ParagraphStatus = command.status;
  // Each as the meeting spells it, once ("egypt " is Egypt).
  const asked = status === 'ad-referendum' ? (command.delegations ?? []).map((d) => d.trim()) : [];
  const delegations = [...new Set(asked.map((d) => delegationOf(meeting, d) ?? d))];
  if (status === 'ad-referendum' && delegations.length === 0)
    return reject('invalid', 'name the delegation(s) that agree ad referendum');
  const unknown = delegations.find((d) => delegationOf(meeting, d) === undefined);
  if (unknown) return reject('invalid', `${unknown} is not a delegation of this meeting`);
  const record = meeting.consensus.paragraphs[proposal.id]?.[paragraph.id];
  if (current === status && (status !== 'ad-referendum' || same(record?.delegations ?? [], delegations)))
    return accept();
  if (openChecks(meeting).some((c) => c.proposalId === proposal.id && c.paragraphIds.includes(paragraph.id)))
    return reject('conflict', `${named(paragraph)} is under an "any objection?" check: wait for its outcome`);
  if (current === 'agreed' && !presides(meeting, actor))
    return reject('forbidden', `only the presiding officer may reopen ${named(paragraph)}: it is agreed`);
  // Agreed ad referendum is agreed too (pending a capital's confirmation): not with text in brackets.
  if (status !== 'open' && paragraph.openBrackets > 0) return reject('conflict', bracketWords(paragraph));
  return accept({
    type: 'paragraph.statusSet',
    proposalId: proposal.id,
    paragraphId: paragraph.id,
    paragraphNumber: paragraph.number,
    status,
    delegations,
    by: actor.id,
    at: now,
  });
}

/**
 * The meeting's spelling of a delegation named case-insensitively, or undefined when none is: a
 * delegation that takes positions (not the secretariat's, not an observer's).
 */
function delegationOf(meeting: Meeting, name: string): string | undefined {
  const wanted = name.toLocaleLowerCase('en');
  return meeting.participants.find(
    (p) =>
      p.role !== 'secretariat' && p.role !== 'observer' && p.delegation.toLocaleLowerCase('en') === wanted,
  )?.delegation;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function publishRevision(
  meeting: Meeting,
  proposal: Proposal,
  text: TextFacts,
  actor: Participant,
  now: number,
): Decision {
  const revisions = meeting.consensus.revisions[proposal.id] ?? [];
  const inMeeting = Object.values(meeting.consensus.revisions).reduce((n, list) => n + list.length, 0);
  if (inMeeting >= CONSENSUS_QUOTA.revisionsPerMeeting)
    return reject(
      'rate_limited',
      `revision quota reached: at most ${CONSENSUS_QUOTA.revisionsPerMeeting} revisions per meeting`,
    );
  if (revisions.length >= CONSENSUS_QUOTA.revisionsPerProposal)
    return reject(
      'rate_limited',
      `revision quota reached: at most ${CONSENSUS_QUOTA.revisionsPerProposal} revisions per proposal`,
    );
  const number = revisions.length + 1;
  return accept({
    type: 'proposal.revisionPublished',
    proposalId: proposal.id,
    revision: {
      number,
      symbol: `${proposal.symbol}/Rev.${number}`,
      versionId: revisionVersionId(proposal.id, number),
      publishedAt: now,
      publishedBy: actor.id,
      paragraphs: text.paragraphs.map((p) => {
        const record = meeting.consensus.paragraphs[proposal.id]?.[p.id];
        return {
          id: p.id,
          number: p.number,
          status: record?.status ?? 'open',
          delegations: record?.status === 'ad-referendum' ? record.delegations : [],
        };
      }),
    },
  });
}

/** The id of the saved version that holds revision `number`'s text (fixed, so saving it twice is one). */
export const revisionVersionId = (proposalId: ProposalId, number: number) => `v_rev${number}_${proposalId}`;
