import type { Category, ProposalStatus, Region, RtoCode } from '../../../../shared';

/**
 * How an agenda item stood when the record was taken, as the summary reports it: concluded,
 * deferred, still the current item when the meeting closed (`open`) or while it is still in
 * session (`ongoing`), or left for another item without a conclusion (`left`).
 */
export type ItemFate = 'concluded' | 'deferred' | 'open' | 'ongoing' | 'left';

/**
 * The categories of delegations the opening counts, in ITU's order: those that take part in the
 * work. The secretariat (BDT) runs the meeting and observers are not delegations.
 */
export const DELEGATION_CATEGORIES = [
  'member-state',
  'sector-member',
  'associate',
  'academia',
  'rto',
] as const satisfies readonly Category[];
export type DelegationCategory = (typeof DELEGATION_CATEGORIES)[number];

/** What a shortened list counts in its last entry: "… and 14 other delegations". */
export type ListKind = 'delegations' | 'documents' | 'proposals' | 'items';

/** The speakers of one region, as the list of who took the floor names them (already joined). */
export interface SpeakerGroup {
  region: Region;
  speakers: string;
  /** How many speakers `speakers` names (a shortened list counts those it leaves out). */
  count: number;
}

/** One speaker in all: the sentence agrees in the singular, and has no order to tell. */
export const oneSpeaker = (groups: readonly SpeakerGroup[]): boolean =>
  groups.reduce((n, g) => n + g.count, 0) === 1;

/** The speaker whose intervention a point of order or a right of reply interrupted. */
export interface Interrupted {
  /** Named as the list of speakers names them. */
  speaker: string;
  /** The speaker took the floor again after the interruption. */
  resumed: boolean;
}

/** What the opening paragraph says of the meeting. */
export interface OpeningFacts {
  /** When it sat, already in words ("on 14 July 2025 from 13:00 to 16:00 and on 15 July 2025 …"). */
  when: string;
  /** The meeting's IANA zone and the UTC offsets it had then ("UTC+02:00"), joined. */
  zone: string;
  offsets: string;
  /**
   * `bracketed`: the delegation ends in brackets of its own ("WTDC-25 Chair-designate
   * (Azerbaijan)"), so it follows the name after a comma rather than in a second pair of brackets.
   */
  chair: { name: string; delegation: string; bracketed: boolean } | null;
  /**
   * Who attended (not the secretariat), the delegations they came from per category (in ITU's
   * order, only those with one or more), and the regions those delegations are from (in ITU's
   * order; `none` is never among them). Null before the meeting has opened: the draft is then a
   * template, with a placeholder in its place.
   */
  attendance: {
    participants: number;
    delegations: { category: DelegationCategory; count: number }[];
    regions: Exclude<Region, 'none'>[];
  } | null;
}

/** When the meeting was closed, for the closing paragraph. */
interface ClosedAt {
  /** Already in words: "15 July 2025". */
  date: string;
  /** Already in words: "16:05" (`time` of the templates). */
  time: string;
}

/**
 * The sentences of a chair's summary in one language, in the formal register of an ITU chair's
 * summary. Every function receives user text (names, titles, outcomes) ready to insert as it is:
 * on one line, its square brackets literal and passed through `user` (../phrases.ts `userText`);
 * the renderer (../compose.ts) decides what goes where. Square brackets the templates write
 * themselves are placeholders: text not yet agreed, marked as such in the seeded document. Counts go through `plural`
 * (./plural.ts), typed per language, so a missing plural form is a type error like a missing
 * phrase. No sentence of a paragraph starts with user text: a delegation called "# x" must not
 * turn a paragraph into a heading.
 */
export interface SummaryTemplates {
  /** The locale dates, numbers and lists are written in (Intl). */
  locale: string;
  /** "Chair's summary: <meeting title>": the first heading and the draft's title. */
  titled(meetingTitle: string): string;
  /** The title alone, for a meeting title too long to go with it. */
  title: string;
  /** Who submits the draft, as the proposals list shows it. */
  submittedBy: string;
  /** Between two sentences of a paragraph: a space, or nothing in Chinese. */
  sentenceSpace: string;
  /**
   * User text (a name, a delegation, a title, a symbol, an outcome), already on one line, as a
   * sentence takes it: text of the other direction is isolated (FSI…PDI, ./bidi.ts), so that a
   * Latin title's brackets inside an Arabic sentence keep their own direction.
   */
  user(text: string): string;
  /** A calendar date "YYYY-MM-DD" in words: "1 December 2025", "1er décembre 2025". */
  date(isoDate: string): string;
  /** "semicolon; separated; and last": for entries that contain commas themselves. */
  series(entries: string[]): string;

  /** A clock time "HH:MM" as the language writes it ("13:00", "13 h 00", "13.00"). */
  time(hhmm: string): string;
  /** "on 14 July 2025 from 13:00 to 16:00". */
  dayWithHours(date: string, from: string, to: string): string;
  /** "on 14 July 2025". */
  day(date: string): string;
  /** "from 14 July 2025 to 18 July 2025". */
  days(first: string, last: string): string;
  /** A date not known yet: "on [date]". */
  unknownDay: string;
  /** "on 14 July 2025 at 15:50". */
  moment(date: string, time: string): string;
  opening(facts: OpeningFacts): string;

  /** "Agenda item 4: <title>". */
  itemHeading(number: string, title: string): string;
  /** "IRM-1/3, “<title>”". */
  document(symbol: string, title: string): string;
  /** "Under this item, the meeting had before it the following documents: …" (`count` in all). */
  documents(series: string, count: number): string;
  /** "ACP/67A1/1, “<title>”, submitted by APT". */
  proposal(symbol: string, title: string, submittedBy: string): string;
  proposals(series: string, count: number): string;

  /** The spokesperson of an RTO who speaks in its own name (delegation and RTO are the same). */
  spokesperson(rto: RtoCode): string;
  /** A delegation speaking on behalf of an RTO: "Kenya on behalf of the African …". */
  onBehalfOf(delegation: string, rto: RtoCode): string;
  /** After a speaker who took the floor more than once: " (2 interventions)". */
  interventions(count: number): string;
  /** The last entry of a shortened list: "14 other delegations". */
  others(kind: ListKind, count: number): string;
  /** "The following took the floor, in this order: from Africa, …; …" (one speaker: no order). */
  tookTheFloor(groups: SpeakerGroup[]): string;
  /** The same for interventions made while no agenda item was under consideration. */
  tookTheFloorOutsideAgenda(groups: SpeakerGroup[]): string;
  /** No intervention at all under the item. */
  nobodySpoke: string;
  /** One point of order, and the speaker it interrupted if any. */
  pointOfOrder(by: string, interrupted: Interrupted | null): string;
  /** One right of reply, and the speaker it interrupted if any. */
  reply(by: string, interrupted: Interrupted | null): string;
  /** When there are too many to tell one by one. */
  pointsOfOrder(count: number): string;
  replies(count: number): string;
  /** "[Main points raised by participants from Africa]": square brackets, text to fill in. */
  mainPoints(region: Region): string;
  /** An item of a meeting not opened yet: placeholders for what will be said and concluded. */
  awaited: { discussion: string; outcome: string };

  /** The outcome the presiding officer recorded, quoted. */
  outcome(text: string): string;
  fate: Record<ItemFate, string>;
  /** An item deferred at one moment and taken up again at another (both from `moment`). */
  deferredAndResumed(deferredAt: string, resumedAt: string): string;
  /** An item deferred before it was first taken up, and when it was taken up. */
  deferredBeforeTakenUp(deferredAt: string, takenUpAt: string): string;
  /** "Proposal ACP/67A1/1 was agreed." for `count` proposals of that status (symbols joined). */
  proposalStatus(status: ProposalStatus, symbols: string, count: number): string;
  /** "In AFCP/31/1, paragraphs 1 to 3 and 5 were agreed." (`count` paragraphs, their numbers joined). */
  paragraphsAgreed(symbol: string, numbers: string, count: number): string;
  /** The same for paragraphs agreed ad referendum (pending confirmation by a capital). */
  paragraphsAdReferendum(symbol: string, numbers: string, count: number): string;
  /** "Revision AFCP/31/1/Rev.1 was published." for `count` revisions (symbols joined). */
  revisionsPublished(symbols: string, count: number): string;

  /** "8, “Review of WTDC Resolutions”". */
  itemReference(number: string, title: string): string;
  notTakenUp(series: string, count: number): string;
  /** Items `first` to `last` of the agenda: "13 to 200". */
  range(first: string, last: string): string;
  /** Items the draft leaves out to stay within its maximum length (numbers joined, or a `range`). */
  omitted(numbers: string, count: number): string;
  /** The last paragraph: thanks, the close, and the next steps in brackets. */
  closing(closedAt: ClosedAt | null): string;
}
