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

const LOCALE = 'es-ES';
const count = (n: number, forms: PluralForms<'es'>) => plural('es', LOCALE, n, forms);

/** The RTOs after «de», as ITU names them in Spanish, with their Spanish abbreviations. */
const RTO_OF: Record<RtoCode, string> = {
  APT: 'de la Telecomunidad Asia-Pacífico (APT)',
  ATU: 'de la Unión Africana de Telecomunicaciones (UAT)',
  CEPT: 'de la Conferencia Europea de Administraciones de Correos y Telecomunicaciones (CEPT)',
  CITEL: 'de la Comisión Interamericana de Telecomunicaciones (CITEL)',
  LAS: 'de la Liga de los Estados Árabes (LEA)',
  RCC: 'de la Comunidad Regional de Comunicaciones (CRC)',
};

const REGION: Record<Exclude<Region, 'none'>, string> = {
  AFR: 'África',
  AMS: 'las Américas',
  ARB: 'los Estados Árabes',
  ASP: 'Asia-Pacífico',
  CIS: 'la Comunidad de Estados Independientes (CEI)',
  EUR: 'Europa',
};

/** The regions as groups of speakers, after «de» or «por». */
const REGION_GROUP: Record<Region, string> = {
  AFR: 'la región de África',
  AMS: 'la región de las Américas',
  ARB: 'la región de los Estados Árabes',
  ASP: 'la región de Asia-Pacífico',
  CIS: 'la región de la CEI',
  EUR: 'la región de Europa',
  none: 'los participantes sin adscripción regional',
};

/** Delegations as the UIT counts them in a report: «9 Estados Miembros, 1 Miembro de Sector y …». */
const DELEGATIONS: Record<DelegationCategory, PluralForms<'es'>> = {
  'member-state': {
    one: '{n} Estado Miembro',
    many: '{n} de Estados Miembros',
    other: '{n} Estados Miembros',
  },
  'sector-member': {
    one: '{n} Miembro de Sector',
    many: '{n} de Miembros de Sector',
    other: '{n} Miembros de Sector',
  },
  associate: { one: '{n} Asociado', many: '{n} de Asociados', other: '{n} Asociados' },
  academia: {
    one: '{n} Institución Académica',
    many: '{n} de Instituciones Académicas',
    other: '{n} Instituciones Académicas',
  },
  rto: {
    one: '{n} organización regional de telecomunicaciones',
    many: '{n} de organizaciones regionales de telecomunicaciones',
    other: '{n} organizaciones regionales de telecomunicaciones',
  },
};

const OTHERS: Record<ListKind, PluralForms<'es'>> = {
  delegations: { one: 'otra delegación', many: 'otras {n} de delegaciones', other: 'otras {n} delegaciones' },
  documents: { one: 'otro documento', many: 'otros {n} de documentos', other: 'otros {n} documentos' },
  proposals: { one: 'otra propuesta', many: 'otras {n} de propuestas', other: 'otras {n} propuestas' },
  items: { one: 'otro punto', many: 'otros {n} de puntos', other: 'otros {n} puntos' },
};

const STATUS: Record<ProposalStatus, PluralForms<'es'>> = {
  agreed: {
    one: 'Se aprobó la propuesta {s}.',
    many: 'Se aprobaron las propuestas {s}.',
    other: 'Se aprobaron las propuestas {s}.',
  },
  'not-agreed': {
    one: 'No se aprobó la propuesta {s}.',
    many: 'No se aprobaron las propuestas {s}.',
    other: 'No se aprobaron las propuestas {s}.',
  },
  withdrawn: {
    one: 'Se retiró la propuesta {s}.',
    many: 'Se retiraron las propuestas {s}.',
    other: 'Se retiraron las propuestas {s}.',
  },
  'under-consideration': {
    one: 'La propuesta {s} sigue en estudio.',
    many: 'Las propuestas {s} siguen en estudio.',
    other: 'Las propuestas {s} siguen en estudio.',
  },
  draft: {
    one: 'La propuesta {s} sigue en fase de proyecto.',
    many: 'Las propuestas {s} siguen en fase de proyecto.',
    other: 'Las propuestas {s} siguen en fase de proyecto.',
  },
};

const series = (entries: string[]): string =>
  entries.length > 1 ? `${entries.slice(0, -1).join('; ')}; y ${entries.at(-1)}` : (entries[0] ?? '');

const groups = (list: SpeakerGroup[]): string =>
  series(
    list.map((g) => `${g.region === 'none' ? 'entre' : 'por'} ${REGION_GROUP[g.region]}, ${g.speakers}`),
  );

const interruption = (during: Interrupted | null): string =>
  during === null
    ? ''
    : ` Se suspendió la intervención en curso (${during.speaker}), que ${
        during.resumed ? 'se reanudó posteriormente' : 'no se reanudó'
      }.`;

/** Spanish, in the register of ITU's secretariat. */
export const ES: SummaryTemplates = {
  locale: LOCALE,
  titled: (meetingTitle) => `Resumen de la Presidencia: ${meetingTitle}`,
  title: 'Resumen de la Presidencia',
  submittedBy: 'Presidencia',
  sentenceSpace: ' ',
  user: (text) => inDirection('ltr', text),
  date: (isoDate) => formatDate(LOCALE, isoDate),
  series,

  time: (hhmm) => hhmm.replace(':', '.'),
  dayWithHours: (date, from, to) => `el ${date}, de las ${from} a las ${to} horas`,
  day: (date) => `el ${date}`,
  days: (first, last) => `del ${first} al ${last}`,
  unknownDay: 'el [fecha]',
  moment: (date, time) => `el ${date} a las ${time} horas`,
  opening: (f) => {
    const chair = !f.chair
      ? '[nombre de la Presidencia]'
      : f.chair.bracketed
        ? `${f.chair.name}, ${f.chair.delegation}`
        : `${f.chair.name} (${f.chair.delegation})`;
    const held =
      `La reunión se celebró de forma virtual ${f.when} (hora de la reunión: ${f.zone}, ${f.offsets}), ` +
      `bajo la presidencia de ${chair}.`;
    const a = f.attendance;
    if (!a)
      return (
        `${held} [Asistencia: número de participantes; Estados Miembros, Miembros de Sector, Asociados, ` +
        'Instituciones Académicas y organizaciones regionales de telecomunicaciones de los que procedían; ' +
        'regiones representadas]'
      );
    const attended = count(a.participants, {
      one: 'Asistió a la reunión {n} participante',
      many: 'Asistieron a la reunión {n} de participantes',
      other: 'Asistieron a la reunión {n} participantes',
    });
    const from = formatList(
      LOCALE,
      a.delegations.map((d) => count(d.count, DELEGATIONS[d.category])),
    );
    const names = formatList(
      LOCALE,
      a.regions.map((r) => REGION[r]),
    );
    const regions =
      a.regions.length === 0
        ? ''
        : a.regions.length === 6
          ? ` Estuvieron representadas las seis regiones: ${names}.`
          : ` ${count(a.regions.length, {
              one: 'Estuvo representada una de las seis regiones',
              many: 'Estuvieron representadas {n} de las seis regiones',
              other: 'Estuvieron representadas {n} de las seis regiones',
            })}: ${names}.`;
    const coming = count(a.participants, { one: 'procedente', many: 'procedentes', other: 'procedentes' });
    return `${held} ${attended}${from ? ` ${coming} de ${from}` : ''}.${regions}`;
  },

  itemHeading: (number, title) => `Punto ${number} del orden del día: ${title}`,
  document: (symbol, title) => `${symbol}, «${title}»`,
  documents: (list, n) =>
    `En relación con este punto, la reunión tuvo ante sí ${
      n === 1 ? 'el documento siguiente' : 'los documentos siguientes'
    }: ${list}.`,
  proposal: (symbol, title, by) => `${symbol}, «${title}» (origen: ${by})`,
  proposals: (list, n) =>
    `La reunión examinó ${n === 1 ? 'la propuesta siguiente' : 'las propuestas siguientes'}: ${list}.`,

  spokesperson: (rto) => `el portavoz ${RTO_OF[rto]}`,
  onBehalfOf: (delegation, rto) => `${delegation} en nombre ${RTO_OF[rto]}`,
  interventions: (n) =>
    ` (${count(n, { one: '{n} intervención', many: '{n} de intervenciones', other: '{n} intervenciones' })})`,
  others: (kind, n) => count(n, OTHERS[kind]),
  tookTheFloor: (list) =>
    oneSpeaker(list)
      ? `Hizo uso de la palabra: ${groups(list)}.`
      : `Hicieron uso de la palabra, en este orden: ${groups(list)}.`,
  tookTheFloorOutsideAgenda: (list) =>
    oneSpeaker(list)
      ? `Fuera del examen de los puntos del orden del día, hizo uso de la palabra: ${groups(list)}.`
      : `Fuera del examen de los puntos del orden del día, hicieron uso de la palabra, en este orden: ${groups(list)}.`,
  nobodySpoke: 'No se formuló ninguna solicitud de uso de la palabra en relación con este punto.',
  pointOfOrder: (by, during) =>
    `La delegación siguiente planteó una moción de orden: ${by}.${interruption(during)}`,
  reply: (by, during) =>
    `La delegación siguiente ejerció el derecho de respuesta: ${by}.${interruption(during)}`,
  pointsOfOrder: (n) =>
    count(n, {
      one: 'Durante el examen de este punto se planteó {n} moción de orden.',
      many: 'Durante el examen de este punto se plantearon {n} de mociones de orden.',
      other: 'Durante el examen de este punto se plantearon {n} mociones de orden.',
    }),
  replies: (n) =>
    count(n, {
      one: 'Durante el examen de este punto se ejerció una vez el derecho de respuesta.',
      many: 'Durante el examen de este punto se ejerció {n} de veces el derecho de respuesta.',
      other: 'Durante el examen de este punto se ejerció {n} veces el derecho de respuesta.',
    }),
  mainPoints: (region) => `[Principales puntos planteados por ${REGION_GROUP[region]}]`,
  awaited: {
    discussion: '[Presentaciones y principales puntos planteados en relación con este punto, por región]',
    outcome: '[Conclusión del examen de este punto]',
  },

  outcome: (text) => `La Presidencia dejó constancia de la conclusión siguiente: «${text}»`,
  fate: {
    concluded: 'La reunión concluyó el examen de este punto.',
    deferred: 'Se aplazó el examen de este punto.',
    open: 'El punto seguía abierto al cierre de la reunión.',
    ongoing: 'El examen de este punto prosigue.',
    left: 'La reunión pasó a otro punto sin haber concluido el examen de este.',
  },
  deferredAndResumed: (deferredAt, resumedAt) =>
    `El examen de este punto, aplazado ${deferredAt}, se reanudó ${resumedAt}.`,
  deferredBeforeTakenUp: (deferredAt, takenUpAt) =>
    `El examen de este punto, aplazado ${deferredAt} antes de haberse iniciado, comenzó ${takenUpAt}.`,
  proposalStatus: (status, symbols, n) => count(n, STATUS[status]).replace('{s}', () => symbols),

  paragraphsAgreed: (symbol, numbers, n) =>
    n === 1
      ? `En el documento ${symbol}, se aprobó el párrafo ${numbers}.`
      : `En el documento ${symbol}, se aprobaron los párrafos ${numbers}.`,
  paragraphsAdReferendum: (symbol, numbers, n) =>
    n === 1
      ? `En el documento ${symbol}, se aprobó ad referéndum el párrafo ${numbers}.`
      : `En el documento ${symbol}, se aprobaron ad referéndum los párrafos ${numbers}.`,
  revisionsPublished: (symbols, n) =>
    n === 1 ? `Se publicó la revisión ${symbols}.` : `Se publicaron las revisiones ${symbols}.`,
  itemReference: (number, title) => `${number}, «${title}»`,
  notTakenUp: (list, n) =>
    n === 1
      ? `No se examinó el punto siguiente del orden del día: ${list}.`
      : `No se examinaron los puntos siguientes del orden del día: ${list}.`,
  range: (first, last) => `del ${first} al ${last}`,
  omitted: (numbers, n) =>
    n === 1
      ? `[El punto ${numbers} del orden del día no se resume en el presente proyecto, que de lo contrario superaría la longitud máxima del texto; véase el acta de la reunión.]`
      : `[Los puntos ${numbers} del orden del día no se resumen en el presente proyecto, que de lo contrario superaría la longitud máxima del texto; véase el acta de la reunión.]`,
  closing: (closed) =>
    'Para concluir, la Presidencia agradeció a todos los participantes sus contribuciones activas y ' +
    'constructivas, a los vicepresidentes y a los portavoces de las organizaciones regionales de ' +
    'telecomunicaciones su apoyo, y a la secretaría y a los intérpretes su colaboración' +
    (closed ? `, y clausuró la reunión el ${closed.date} a las ${closed.time} horas.` : '.') +
    ' [Próximas etapas, incluida la fecha de la próxima reunión]',
};
