import type { ProposalStatus, Region, RtoCode } from '../../../../shared';
import { formatList } from './format';
import { type PluralForms, plural } from './plural';
import type { Interrupted, ListKind, SpeakerGroup, SummaryTemplates } from './types';

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

/** The regions as groups of speakers, after « pour » or « par ». */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'la région Afrique',
  AMS: 'la région Amériques',
  ARB: 'la région des États arabes',
  ASP: 'la région Asie-Pacifique',
  CIS: 'la région de la CEI',
  EUR: 'la région Europe',
  none: 'les participants sans appartenance régionale',
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
  series,

  time: (hhmm) => hhmm.replace(':', '\u00a0h\u00a0'),
  dayWithHours: (date, from, to) => `le ${date} de ${from} à ${to}`,
  day: (date) => `le ${date}`,
  days: (first, last) => `du ${first} au ${last}`,
  unknownDay: 'le [date]',
  moment: (date, time) => `le ${date} à ${time}`,
  opening: (f) => {
    const chair = f.chair ? `${of(f.chair.name)} (${f.chair.delegation})` : 'de [nom du Président]';
    const held =
      `La réunion s’est tenue en mode virtuel ${f.when} (heure de la réunion${NNBSP}: ${f.zone}, ${f.offsets}), ` +
      `sous la présidence ${chair}.`;
    const a = f.attendance;
    if (!a)
      return `${held} Elle a rassemblé [nombre] participants représentant [nombre] délégations, issues des régions suivantes${NNBSP}: [régions].`;
    const people = count(a.participants, {
      one: '{n} participant',
      many: '{n} de participants',
      other: '{n} participants',
    });
    const delegations = count(a.delegations, {
      one: '{n} délégation',
      many: '{n} de délégations',
      other: '{n} délégations',
    });
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? `, issues des six régions${NNBSP}: ${names}`
          : `, issues ${count(a.regions.length, {
              one: 'd’une des six régions',
              many: 'de {n} des six régions',
              other: 'de {n} des six régions',
            })}${NNBSP}: ${names}`;
    return `${held} Elle a rassemblé ${people} représentant ${delegations}${regions}.`;
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
  tookTheFloor: (list) => `Ont pris la parole, dans l’ordre suivant, ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    `En dehors de l’examen des points de l’ordre du jour, ont pris la parole, dans l’ordre suivant, ${groups(list)}.`,
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
    open: 'Ce point restait ouvert à la clôture de la séance.',
    left: 'La réunion est passée à un autre point avant d’avoir achevé l’examen de celui-ci.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `L’examen de ce point, reporté ${deferredAt}, a repris ${resumedAt}.`,
  proposalStatus: (status, symbols, n) => count(n, STATUS[status]).replace('{s}', () => symbols),

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
