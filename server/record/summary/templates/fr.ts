import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { inDirection } from './bidi';
import { formatDate, formatList } from './format';
import { type PluralForms, plural } from './plural';
import {
  type DelegationCategory,
  type Interrupted,
  type ListKind,
  oneSpeaker,
  type SpeakerGroup,
  type SummaryTemplates,
} from './types';

const LOCALE = 'fr-FR';
const count = (n: number, forms: PluralForms<'fr'>) => plural('fr', LOCALE, n, forms);
// French typography: a narrow no-break space before « : », « ; » and inside guillemets.
const NNBSP = '\u202f';

/** The RTOs after « de », as ITU names them in French, with their French abbreviations. */
const RTO_OF: Record<RtoCode, string> = {
  APT: 'de la Télécommunauté Asie-Pacifique (APT)',
  ATU: 'de l’Union africaine des télécommunications (UAT)',
  CEPT: 'de la Conférence européenne des administrations des postes et des télécommunications (CEPT)',
  CITEL: 'de la Commission interaméricaine des télécommunications (CITEL)',
  LAS: 'de la Ligue des États arabes (LEA)',
  RCC: 'de la Communauté régionale des communications (RCC)',
};

const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'Afrique',
  AMS: 'Amériques',
  ARB: 'États arabes',
  ASP: 'Asie-Pacifique',
  CIS: 'Communauté des États indépendants (CEI)',
  EUR: 'Europe',
};

/** The regions as groups of speakers, after « pour » or « par »: the same names as in the list. */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'la région Afrique',
  AMS: 'la région des Amériques',
  ARB: 'la région des États arabes',
  ASP: 'la région Asie-Pacifique',
  CIS: 'la région de la CEI',
  EUR: 'la région Europe',
  none: 'les participants sans appartenance régionale',
};

/**
 * Delegations as the UIT counts them in a report, each with its « de »: « de 9 États Membres,
 * d’un Membre de Secteur et de 3 organisations régionales de télécommunication ».
 */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'fr'>> = {
  'member-state': { one: 'd’un État Membre', many: 'de {n} d’États Membres', other: 'de {n} États Membres' },
  'sector-member': {
    one: 'd’un Membre de Secteur',
    many: 'de {n} de Membres de Secteur',
    other: 'de {n} Membres de Secteur',
  },
  associate: { one: 'd’un Associé', many: 'de {n} d’Associés', other: 'de {n} Associés' },
  academia: {
    one: 'd’un établissement universitaire',
    many: 'de {n} d’établissements universitaires',
    other: 'de {n} établissements universitaires',
  },
  rto: {
    one: 'd’une organisation régionale de télécommunication',
    many: 'de {n} d’organisations régionales de télécommunication',
    other: 'de {n} organisations régionales de télécommunication',
  },
};

const OTHERS: Record<ListKind, PluralForms<'fr'>> = {
  delegations: {
    one: '{n} autre délégation',
    many: '{n} autres délégations',
    other: '{n} autres délégations',
  },
  documents: { one: '{n} autre document', many: '{n} autres documents', other: '{n} autres documents' },
  proposals: {
    one: '{n} autre proposition',
    many: '{n} autres propositions',
    other: '{n} autres propositions',
  },
  items: { one: '{n} autre point', many: '{n} autres points', other: '{n} autres points' },
};

const STATUS: Record<ProposalStatus, PluralForms<'fr'>> = {
  agreed: {
    one: 'La proposition {s} a été approuvée.',
    many: 'Les propositions {s} ont été approuvées.',
    other: 'Les propositions {s} ont été approuvées.',
  },
  'not-agreed': {
    one: 'La proposition {s} n’a pas été approuvée.',
    many: 'Les propositions {s} n’ont pas été approuvées.',
    other: 'Les propositions {s} n’ont pas été approuvées.',
  },
  withdrawn: {
    one: 'La proposition {s} a été retirée.',
    many: 'Les propositions {s} ont été retirées.',
    other: 'Les propositions {s} ont été retirées.',
  },
  'under-consideration': {
    one: 'La proposition {s} reste à l’examen.',
    many: 'Les propositions {s} restent à l’examen.',
    other: 'Les propositions {s} restent à l’examen.',
  },
  draft: {
    one: 'La proposition {s} reste à l’état de projet.',
    many: 'Les propositions {s} restent à l’état de projet.',
    other: 'Les propositions {s} restent à l’état de projet.',
  },
};

/** « de » before a name, elided before a vowel: « d’Amina Diallo », « de Leyla Hasanova ». */
const of = (name: string): string => (/^[aeiouyàâäéèêëîïôöûüh]/i.test(name) ? `d’${name}` : `de ${name}`);

const series = (entries: string[]): string =>
  entries.length > 1
    ? `${entries.slice(0, -1).join(`${NNBSP}; `)}${NNBSP}; et ${entries.at(-1)}`
    : (entries[0] ?? '');

/** « 1er décembre 2025 »: the first of the month is an ordinal. */
const date = (isoDate: string): string => {
  const words = formatDate(LOCALE, isoDate);
  return isoDate.endsWith('-01') ? words.replace(/^1(?=\s)/, '1er') : words;
};

const groups = (list: SpeakerGroup[]): string =>
  series(
    list.map((g) => `${g.region === 'none' ? 'parmi' : 'pour'} ${REGION_GROUP[g.region]}, ${g.speakers}`),
  );

// A delegation's name goes in as it is typed, so no article can be put before it: the sentences
// name it after a colon or between brackets.
const interruption = (during: Interrupted | null): string =>
  during === null
    ? ''
    : ` L’intervention alors en cours (${during.speaker}) a été suspendue${
        during.resumed ? ', puis a repris' : ' et n’a pas repris'
      }.`;

/** French, in the register of the UIT’s secretariat. */
export const FR: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `Résumé de la présidence${NNBSP}: ${meetingTitle}`,
  title: 'Résumé de la présidence',
  submittedBy: 'Présidence',
  sentenceSpace: ' ',
  user: (text) => inDirection('ltr', text),
  date,
  series,

  time: (hhmm) => hhmm.replace(':', '\u00a0h\u00a0'),
  dayWithHours: (date, from, to) => `le ${date} de ${from} à ${to}`,
  day: (date) => `le ${date}`,
  days: (first, last) => `du ${first} au ${last}`,
  unknownDay: 'le [date]',
  moment: (date, time) => `le ${date} à ${time}`,
  opening: (f) => {
    const chair = !f.chair
      ? 'de [nom du Président]'
      : f.chair.bracketed
        ? `${of(f.chair.name)}, ${f.chair.delegation}`
        : `${of(f.chair.name)} (${f.chair.delegation})`;
    const held =
      `La réunion s’est tenue en mode virtuel ${f.when} (heure de la réunion${NNBSP}: ${f.zone}, ${f.offsets}), ` +
      `sous la présidence ${chair}.`;
    const a = f.attendance;
    if (!a)
      return (
        `${held} [Participation${NNBSP}: nombre de participants${NNBSP}; États Membres, Membres de Secteur, ` +
        'Associés, établissements universitaires et organisations régionales de télécommunication dont ils ' +
        `étaient issus${NNBSP}; régions représentées]`
      );
    const people = count(a.participants, {
      one: '{n} participant',
      many: '{n} de participants',
      other: '{n} participants',
    });
    const from = formatList(
      LOCALE,
      a.delegations.map((d) => count(d.count, DELEGATIONS[d.category])),
    );
    const issued = count(a.participants, { one: 'issu', many: 'issus', other: 'issus' });
    const attended = `Elle a rassemblé ${people}${from ? ` ${issued} ${from}` : ''}.`;
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? ` Les six régions étaient représentées${NNBSP}: ${names}.`
          : ` ${count(a.regions.length, {
              one: 'Une des six régions était représentée',
              many: '{n} des six régions étaient représentées',
              other: '{n} des six régions étaient représentées',
            })}${NNBSP}: ${names}.`;
    return `${held} ${attended}${regions}`;
  },

  itemHeading: (number, title) => `Point ${number} de l’ordre du jour${NNBSP}: ${title}`,
  document: (symbol, title) => `${symbol}, «${NNBSP}${title}${NNBSP}»`,
  documents: (list, n) =>
    `Au titre de ce point, la réunion était saisie ${
      n === 1 ? 'du document suivant' : 'des documents suivants'
    }${NNBSP}: ${list}.`,
  proposal: (symbol, title, by) => `${symbol}, «${NNBSP}${title}${NNBSP}» (source${NNBSP}: ${by})`,
  proposals: (list, n) =>
    `La réunion a examiné ${n === 1 ? 'la proposition suivante' : 'les propositions suivantes'}${NNBSP}: ${list}.`,

  spokesperson: (rto) => `le porte-parole ${RTO_OF[rto]}`,
  onBehalfOf: (delegation, rto) => `${delegation} au nom ${RTO_OF[rto]}`,
  interventions: (n) =>
    ` (${count(n, { one: '{n} intervention', many: '{n} d’interventions', other: '{n} interventions' })})`,
  others: (kind, n) => count(n, OTHERS[kind]),
  tookTheFloor: (list) =>
    oneSpeaker(list)
      ? `A pris la parole${NNBSP}: ${groups(list)}.`
      : `Ont pris la parole, dans l’ordre suivant, ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `En dehors de l’examen des points de l’ordre du jour, a pris la parole${NNBSP}: ${groups(list)}.`
      : `En dehors de l’examen des points de l’ordre du jour, ont pris la parole, dans l’ordre suivant, ${groups(list)}.`,
  nobodySpoke: 'Aucune demande de parole n’a été formulée au titre de ce point.',
  pointOfOrder: (by, during) =>
    `Une motion d’ordre a été soulevée par la délégation suivante${NNBSP}: ${by}.${interruption(during)}`,
  reply: (by, during) =>
    `Le droit de réponse a été exercé par la délégation suivante${NNBSP}: ${by}.${interruption(during)}`,
  pointsOfOrder: (n) =>
    count(n, {
      one: '{n} motion d’ordre a été soulevée au cours de l’examen de ce point.',
      many: '{n} de motions d’ordre ont été soulevées au cours de l’examen de ce point.',
      other: '{n} motions d’ordre ont été soulevées au cours de l’examen de ce point.',
    }),
  replies: (n) =>
    count(n, {
      one: 'Le droit de réponse a été exercé une fois au cours de l’examen de ce point.',
      many: 'Le droit de réponse a été exercé {n} de fois au cours de l’examen de ce point.',
      other: 'Le droit de réponse a été exercé {n} fois au cours de l’examen de ce point.',
    }),
  mainPoints: (region) => `[Principaux points soulevés par ${REGION_GROUP[region]}]`,
  awaited: {
    discussion: '[Présentations et principaux points soulevés au titre de ce point, par région]',
    outcome: '[Conclusion de l’examen de ce point]',
  },

  outcome: (text) => `La présidence a consigné la conclusion suivante${NNBSP}: «${NNBSP}${text}${NNBSP}»`,
  fate: {
    concluded: 'La réunion a achevé l’examen de ce point.',
    deferred: 'L’examen de ce point a été reporté.',
    open: 'Ce point restait ouvert à la clôture de la réunion.',
    ongoing: 'L’examen de ce point se poursuit.',
    left: 'La réunion est passée à un autre point avant d’avoir achevé l’examen de celui-ci.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `L’examen de ce point, reporté ${deferredAt}, a repris ${resumedAt}.`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `L’examen de ce point, reporté ${deferredAt} avant d’avoir commencé, a débuté ${takenUpAt}.`,
  proposalStatus: (status, symbols, n) => count(n, STATUS[status]).replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers, n) =>
    n === 1
      ? `Dans le document ${symbol}, le paragraphe ${numbers} a été approuvé.`
      : `Dans le document ${symbol}, les paragraphes ${numbers} ont été approuvés.`,
  paragraphsAdReferendum: (symbol, numbers, n) =>
    n === 1
      ? `Dans le document ${symbol}, le paragraphe ${numbers} a été approuvé ad referendum.`
      : `Dans le document ${symbol}, les paragraphes ${numbers} ont été approuvés ad referendum.`,
  revisionsPublished: (symbols, n) =>
    n === 1 ? `La révision ${symbols} a été publiée.` : `Les révisions ${symbols} ont été publiées.`,
  itemReference: (number, title) => `${number}, «${NNBSP}${title}${NNBSP}»`,
  notTakenUp: (list, n) =>
    n === 1
      ? `Le point suivant de l’ordre du jour n’a pas été examiné${NNBSP}: ${list}.`
      : `Les points suivants de l’ordre du jour n’ont pas été examinés${NNBSP}: ${list}.`,
  range: (first, last) => `${first} à ${last}`,
  omitted: (numbers, n) =>
    n === 1
      ? `[Le point ${numbers} de l’ordre du jour n’est pas résumé dans le présent projet, qui dépasserait sinon la longueur maximale du texte${NNBSP}; voir le compte rendu de la réunion.]`
      : `[Les points ${numbers} de l’ordre du jour ne sont pas résumés dans le présent projet, qui dépasserait sinon la longueur maximale du texte${NNBSP}; voir le compte rendu de la réunion.]`,
  closing: (closed) =>
    'En conclusion, la présidence a remercié l’ensemble des participants de leurs contributions actives et ' +
    'constructives, les vice-présidents et les porte-parole des organisations régionales de télécommunication ' +
    'de leur appui, ainsi que le secrétariat et les interprètes de leur concours' +
    (closed ? `, et a clos la réunion le ${closed.date} à ${closed.time}.` : '.') +
    ' [Prochaines étapes, y compris la date de la prochaine réunion]',
};
