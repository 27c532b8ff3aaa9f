import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { formatList } from './format';
import { type PluralForms, plural } from './plural';
import type { ListKind, SpeakerGroup, SummaryTemplates } from './types';

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

/** The regions as a list of those represented names them. */
const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'Africa',
  AMS: 'the Americas',
  ARB: 'the Arab States',
  ASP: 'Asia and the Pacific',
  CIS: 'the Commonwealth of Independent States (CIS)',
  EUR: 'Europe',
};

/** The regions as groups of speakers ("from the Africa region"). */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'the Africa region',
  AMS: 'the Americas region',
  ARB: 'the Arab States region',
  ASP: 'the Asia-Pacific region',
  CIS: 'the CIS region',
  EUR: 'the Europe region',
  none: 'participants without regional affiliation',
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
  series: (entries) =>
    entries.length > 1 ? `${entries.slice(0, -1).join('; ')}; and ${entries.at(-1)}` : (entries[0] ?? ''),

  time: (hhmm) => hhmm,
  dayWithHours: (date, from, to) => `on ${date} from ${from} to ${to}`,
  day: (date) => `on ${date}`,
  days: (first, last) => `from ${first} to ${last}`,
  unknownDay: 'on [date]',
  moment: (date, time) => `on ${date} at ${time}`,
  opening: (f) => {
    const chair = f.chair ? `${f.chair.name} (${f.chair.delegation})` : '[name of the Chair]';
    const held = `The meeting was held virtually ${f.when} (meeting time: ${f.zone}, ${f.offsets}), chaired by ${chair}.`;
    const a = f.attendance;
    if (!a)
      return `${held} It was attended by [number] participants representing [number] delegations from [regions].`;
    const people = count(a.participants, { one: '{n} participant', other: '{n} participants' });
    const delegations = count(a.delegations, { one: '{n} delegation', other: '{n} delegations' });
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? ` from all six regions: ${names}`
          : ` from ${count(a.regions.length, { one: '{n} of the six regions', other: '{n} of the six regions' })}: ${names}`;
    return `${held} It was attended by ${people} representing ${delegations}${regions}.`;
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
  tookTheFloor: (list) => `The following took the floor, in this order: ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    `Outside the consideration of the agenda items, the following took the floor, in this order: ${groups(list)}.`,
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
  mainPoints: (region) => `[Main points raised by ${REGION_GROUP[region]}]`,
  awaited: {
    discussion: '[Presentations and main points raised under this item, by region]',
    outcome: '[Outcome of the consideration of this item]',
  },

  outcome: (text) => `The Chair recorded the following outcome: “${text}”`,
  fate: {
    concluded: 'The meeting concluded its consideration of this item.',
    deferred: 'Consideration of this item was deferred.',
    open: 'The item remained open at the close of the session.',
    left: 'The meeting moved on to another item before concluding its consideration of this item.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `Consideration of this item was deferred ${deferredAt} and resumed ${resumedAt}.`,
  proposalStatus: (status, symbols, n) => count(n, STATUS[status]).replace('{s}', () => symbols),

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
