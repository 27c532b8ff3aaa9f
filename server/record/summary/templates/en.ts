import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { inDirection } from './bidi';
import { formatDate, formatList } from './format';
import { type PluralForms, plural } from './plural';
import {
  type DelegationCategory,
  type ListKind,
  oneSpeaker,
  type SpeakerGroup,
  type SummaryTemplates,
} from './types';

const LOCALE = 'en-GB';
const count = (n: number, forms: PluralForms<'en'>) => plural('en', LOCALE, n, forms);

/** ITU's names of the RTOs, with their abbreviations. */
const RTO: Record<RtoCode, string> = {
  APT: 'Asia-Pacific Telecommunity (APT)',
  ATU: 'African Telecommunications Union (ATU)',
  CEPT: 'European Conference of Postal and Telecommunications Administrations (CEPT)',
  CITEL: 'Inter-American Telecommunication Commission (CITEL)',
  LAS: 'League of Arab States (LAS)',
  RCC: 'Regional Commonwealth in the field of Communications (RCC)',
};

/**
 * The regions as the list of those represented names them: ITU-D's names (its regional offices,
 * the Regional Preparatory Meetings), the CIS spelt out once.
 */
const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'Africa',
  AMS: 'the Americas',
  ARB: 'the Arab States',
  ASP: 'Asia and the Pacific',
  CIS: 'the Commonwealth of Independent States (CIS)',
  EUR: 'Europe',
};

/** The same names for groups of speakers, after "from": "from Asia and the Pacific, China". */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'Africa',
  AMS: 'the Americas',
  ARB: 'the Arab States',
  ASP: 'Asia and the Pacific',
  CIS: 'the CIS',
  EUR: 'Europe',
  none: 'participants without regional affiliation',
};

/** Whose main points a placeholder stands for. */
const RAISED_BY: Record<Region, string> = {
  AFR: 'participants from Africa',
  AMS: 'participants from the Americas',
  ARB: 'participants from the Arab States',
  ASP: 'participants from Asia and the Pacific',
  CIS: 'participants from the CIS',
  EUR: 'participants from Europe',
  none: 'participants without regional affiliation',
};

/** Delegations as ITU counts them in a report: "from 9 Member States, 1 Sector Member and …". */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'en'>> = {
  'member-state': { one: '{n} Member State', other: '{n} Member States' },
  'sector-member': { one: '{n} Sector Member', other: '{n} Sector Members' },
  associate: { one: '{n} Associate', other: '{n} Associates' },
  academia: { one: '{n} Academia', other: '{n} Academia' },
  rto: {
    one: '{n} regional telecommunication organization',
    other: '{n} regional telecommunication organizations',
  },
};

const OTHERS: Record<ListKind, PluralForms<'en'>> = {
  delegations: { one: '{n} other delegation', other: '{n} other delegations' },
  documents: { one: '{n} other document', other: '{n} other documents' },
  proposals: { one: '{n} other proposal', other: '{n} other proposals' },
  items: { one: '{n} other item', other: '{n} other items' },
};

const STATUS: Record<ProposalStatus, PluralForms<'en'>> = {
  agreed: { one: 'Proposal {s} was agreed.', other: 'Proposals {s} were agreed.' },
  'not-agreed': { one: 'Proposal {s} was not agreed.', other: 'Proposals {s} were not agreed.' },
  withdrawn: { one: 'Proposal {s} was withdrawn.', other: 'Proposals {s} were withdrawn.' },
  'under-consideration': {
    one: 'Proposal {s} remained under consideration.',
    other: 'Proposals {s} remained under consideration.',
  },
  draft: {
    one: 'Proposal {s} remained at the draft stage.',
    other: 'Proposals {s} remained at the draft stage.',
  },
};

const groups = (list: SpeakerGroup[]): string => {
  const parts = list.map((g) => `from ${REGION_GROUP[g.region]}, ${g.speakers}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)}` : (parts[0] ?? '');
};

const interruption = (during: { speaker: string; resumed: boolean } | null): string =>
  during === null
    ? '.'
    : ` while ${during.speaker} had the floor; that intervention was suspended and ${
        during.resumed ? 'subsequently resumed' : 'was not resumed'
      }.`;

/** English, as the BDT secretariat writes a chair's summary. */
export const EN: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `Chair's summary: ${meetingTitle}`,
  title: "Chair's summary",
  submittedBy: 'Chair',
  sentenceSpace: ' ',
  user: (text) => inDirection('ltr', text),
  date: (isoDate) => formatDate(LOCALE, isoDate),
  series: (entries) =>
    entries.length > 1 ? `${entries.slice(0, -1).join('; ')}; and ${entries.at(-1)}` : (entries[0] ?? ''),

  time: (hhmm) => hhmm,
  dayWithHours: (date, from, to) => `on ${date} from ${from} to ${to}`,
  day: (date) => `on ${date}`,
  days: (first, last) => `from ${first} to ${last}`,
  unknownDay: 'on [date]',
  moment: (date, time) => `on ${date} at ${time}`,
  opening: (f) => {
    const chair = !f.chair
      ? '[name of the Chair]'
      : f.chair.bracketed
        ? `${f.chair.name}, ${f.chair.delegation}`
        : `${f.chair.name} (${f.chair.delegation})`;
    const held = `The meeting was held virtually ${f.when} (meeting time: ${f.zone}, ${f.offsets}), chaired by ${chair}.`;
    const a = f.attendance;
    if (!a)
      return (
        `${held} [Attendance: the number of participants; the Member States, Sector Members, Associates, Academia ` +
        'and regional telecommunication organizations they came from; the regions represented]'
      );
    const people = count(a.participants, { one: '{n} participant', other: '{n} participants' });
    const from = formatList(
      LOCALE,
      a.delegations.map((d) => count(d.count, DELEGATIONS[d.category])),
    );
    const attended = `It was attended by ${people}${from ? ` from ${from}` : ''}.`;
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? ` All six regions were represented: ${names}.`
          : ` ${count(a.regions.length, {
              one: 'One of the six regions was represented',
              other: '{n} of the six regions were represented',
            })}: ${names}.`;
    return `${held} ${attended}${regions}`;
  },

  itemHeading: (number, title) => `Agenda item ${number}: ${title}`,
  document: (symbol, title) => `${symbol}, “${title}”`,
  documents: (series, n) =>
    `Under this item, the meeting had before it the following ${n === 1 ? 'document' : 'documents'}: ${series}.`,
  proposal: (symbol, title, by) => `${symbol}, “${title}”, submitted by ${by}`,
  proposals: (series, n) =>
    `The meeting considered the following ${n === 1 ? 'proposal' : 'proposals'}: ${series}.`,

  spokesperson: (rto) => `the spokesperson of the ${RTO[rto]}`,
  onBehalfOf: (delegation, rto) => `${delegation} on behalf of the ${RTO[rto]}`,
  interventions: (n) => ` (${count(n, { one: '{n} intervention', other: '{n} interventions' })})`,
  others: (kind, n) => count(n, OTHERS[kind]),
  tookTheFloor: (list) =>
    oneSpeaker(list)
      ? `The following took the floor: ${groups(list)}.`
      : `The following took the floor, in this order: ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `Outside the consideration of the agenda items, the following took the floor: ${groups(list)}.`
      : `Outside the consideration of the agenda items, the following took the floor, in this order: ${groups(list)}.`,
  nobodySpoke: 'No request for the floor was made under this item.',
  pointOfOrder: (by, during) => `A point of order was raised by ${by}${interruption(during)}`,
  reply: (by, during) => `The right of reply was exercised by ${by}${interruption(during)}`,
  pointsOfOrder: (n) =>
    count(n, {
      one: '{n} point of order was raised during the consideration of this item.',
      other: '{n} points of order were raised during the consideration of this item.',
    }),
  replies: (n) =>
    count(n, {
      one: 'The right of reply was exercised once during the consideration of this item.',
      other: 'The right of reply was exercised {n} times during the consideration of this item.',
    }),
  mainPoints: (region) => `[Main points raised by ${RAISED_BY[region]}]`,
  awaited: {
    discussion: '[Presentations and main points raised under this item, by region]',
    outcome: '[Outcome of the consideration of this item]',
  },

  outcome: (text) => `The Chair recorded the following outcome: “${text}”`,
  fate: {
    concluded: 'The meeting concluded its consideration of this item.',
    deferred: 'Consideration of this item was deferred.',
    open: 'The item remained open at the close of the meeting.',
    ongoing: 'The item remains under consideration.',
    left: 'The meeting moved on to another item before concluding its consideration of this item.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `Consideration of this item was deferred ${deferredAt} and resumed ${resumedAt}.`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `Consideration of this item, deferred ${deferredAt} before it was taken up, began ${takenUpAt}.`,
  proposalStatus: (status, symbols, n) => count(n, STATUS[status]).replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers, n) =>
    n === 1
      ? `In ${symbol}, paragraph ${numbers} was agreed.`
      : `In ${symbol}, paragraphs ${numbers} were agreed.`,
  paragraphsAdReferendum: (symbol, numbers, n) =>
    n === 1
      ? `In ${symbol}, paragraph ${numbers} was agreed ad referendum.`
      : `In ${symbol}, paragraphs ${numbers} were agreed ad referendum.`,
  revisionsPublished: (symbols, n) =>
    n === 1 ? `Revision ${symbols} was published.` : `Revisions ${symbols} were published.`,
  itemReference: (number, title) => `${number}, “${title}”`,
  notTakenUp: (series, n) =>
    n === 1
      ? `The following agenda item was not taken up: ${series}.`
      : `The following agenda items were not taken up: ${series}.`,
  range: (first, last) => `${first} to ${last}`,
  omitted: (numbers, n) =>
    n === 1
      ? `[Agenda item ${numbers} is not summarised in this draft, which would otherwise exceed the maximum length of the text; see the meeting record.]`
      : `[Agenda items ${numbers} are not summarised in this draft, which would otherwise exceed the maximum length of the text; see the meeting record.]`,
  closing: (closed) =>
    'In closing, the Chair thanked all participants for their active and constructive contributions, ' +
    'the Vice-Chairs and the spokespersons of the regional telecommunication organizations for their support, ' +
    'and the secretariat and the interpreters for their assistance' +
    (closed ? `, and closed the meeting on ${closed.date} at ${closed.time}.` : '.') +
    ' [Next steps, including the date of the next meeting]',
};
