import type { AddParticipantBody } from '../../shared';

/**
 * The base text of IRM1/DT/1 (the base-text syntax of shared/collab/baseTextSyntax.ts): a heading
 * and six paragraphs, numbered 1-6 by the room (headings are not counted). Paragraph 2 has no square
 * brackets, so the chair can ask "any objection?" on it at once; paragraphs 4 and 5 have bracketed
 * text still to be negotiated, so they cannot be agreed until it is resolved.
 */
const DECLARATION_OUTLINE = [
  '# Draft WTDC-25 Declaration (Baku Declaration): outline',
  'We, the ministers, heads of delegation and representatives of the Member States of the ' +
    'International Telecommunication Union, together with ITU-D Sector Members and Academia, ' +
    'gathered in Baku, Azerbaijan, from 17 to 28 November 2025 for the World Telecommunication ' +
    'Development Conference (WTDC-25),',
  'Recognizing that one third of the world’s population remains offline, and that the gaps in ' +
    'connectivity, affordability and digital skills are widest in the least developed countries, ' +
    'landlocked developing countries and small island developing States,',
  'Recalling the outcomes of the six Regional Preparatory Meetings held in 2024 and 2025 and the ' +
    'regional initiatives they proposed,',
  'Commit to [achieving universal and meaningful connectivity by 2030] [accelerating progress ' +
    'towards universal and meaningful connectivity], including through the deployment of resilient ' +
    'broadband infrastructure, the availability of spectrum and [innovative financing mechanisms];',
  'Commit to building confidence and security in the use of telecommunications/ICTs, including ' +
    'through national capacity for cybersecurity [in accordance with national legislation];',
  'Invite the Director of the Telecommunication Development Bureau to implement the Baku Action ' +
    'Plan in close collaboration with the regional offices, and to report each year to the ' +
    'Telecommunication Development Advisory Group (TDAG) on its progress.',
].join('\n\n');

/**
 * The demo meeting, modelled on the first virtual Inter-Regional Meeting for WTDC-25 (14-15 July
 * 2025). Facts from the project lead's kit (shared/data/irm-demo.json beside the checkout); the
 * project keeps its own copy so it never depends on that folder.
 */
export const IRM1 = {
  title: 'First Inter-Regional Meeting for WTDC-25 (IRM-1)',
  timezone: 'Europe/Zurich',
  defaultSpeakingSeconds: 180,
  // Two sessions, 14 and 15 July 2025, 13:00-16:00 in Geneva: the meeting spans both.
  startsAt: Date.parse('2025-07-14T11:00:00Z'),
  endsAt: Date.parse('2025-07-15T14:00:00Z'),
  agenda: [
    { number: '1', title: 'Opening of the meeting', plannedMinutes: 10 },
    { number: '2', title: 'Adoption of the agenda', plannedMinutes: 5 },
    {
      number: '3',
      title: 'Update from BDT on the preparations for WTDC-25 (Baku, 17-28 November 2025)',
      plannedMinutes: 15,
    },
    {
      number: '4',
      title:
        'Outcomes of the six Regional Preparatory Meetings (RPM-ARB, RPM-EUR, RPM-ASP, RPM-AMS, RPM-AFR, RPM-CIS)',
      plannedMinutes: 30,
    },
    {
      number: '5',
      title: 'Update on the preparation of the RTOs (APT, ATU, CEPT, CITEL, LAS, RCC, in turn)',
      plannedMinutes: 40,
    },
    { number: '6', title: 'Draft WTDC-25 Declaration: structure and key messages', plannedMinutes: 30 },
    { number: '7', title: 'Draft Baku Action Plan: priorities and regional initiatives', plannedMinutes: 30 },
    { number: '8', title: 'Review of WTDC Resolutions: streamlining proposals', plannedMinutes: 20 },
    { number: '9', title: 'Any other business', plannedMinutes: 5 },
    { number: '10', title: 'Closing of the meeting', plannedMinutes: 5 },
  ],
  chair: { name: 'Chair', delegation: 'WTDC-25 Chair-designate (Azerbaijan)' },
  participants: [
    vice('APT', 'Viet Nam', 'ASP'),
    vice('ATU', 'Kenya', 'AFR'),
    vice('CEPT', 'Hungary', 'EUR'),
    vice('CITEL', 'Paraguay', 'AMS'),
    vice('LAS', 'Jordan', 'ARB'),
    vice('RCC', 'Kyrgyzstan', 'CIS'),
    spokesperson('APT', 'ASP'),
    spokesperson('ATU', 'AFR'),
    spokesperson('CEPT', 'EUR'),
    spokesperson('CITEL', 'AMS'),
    spokesperson('LAS', 'ARB'),
    spokesperson('RCC', 'CIS'),
    { name: 'Secretariat', delegation: 'BDT', role: 'secretariat', category: 'bdt' },
    delegate('Brazil', 'AMS'),
    delegate('China', 'ASP'),
    delegate('Egypt', 'ARB'),
    delegate('France', 'EUR'),
    delegate('Nigeria', 'AFR'),
    delegate('Russian Federation', 'CIS'),
    {
      name: 'Delegate',
      delegation: 'A telecommunication operator (Sector Member)',
      role: 'delegate',
      category: 'sector-member',
    },
    { name: 'Delegate', delegation: 'A university (Academia)', role: 'delegate', category: 'academia' },
    { name: 'Observer', delegation: 'Youth representative', role: 'observer', category: 'observer' },
  ] satisfies AddParticipantBody[],
  proposals: [
    {
      symbol: 'IRM1/DT/1',
      title: 'Draft WTDC-25 Declaration (outline)',
      submittedBy: 'Chair',
      agendaNumber: '6',
      baseText: DECLARATION_OUTLINE,
    },
  ],
} as const;

function vice(rto: string, delegation: string, region: string): AddParticipantBody {
  return {
    name: `Vice-chair (${rto})`,
    delegation,
    role: 'vice-chair',
    category: 'member-state',
    region: region as AddParticipantBody['region'],
    rto: rto as AddParticipantBody['rto'],
  };
}

function spokesperson(rto: string, region: string): AddParticipantBody {
  return {
    name: 'Spokesperson',
    delegation: rto,
    role: 'spokesperson',
    category: 'rto',
    region: region as AddParticipantBody['region'],
    rto: rto as AddParticipantBody['rto'],
  };
}

function delegate(delegation: string, region: string): AddParticipantBody {
  return {
    name: 'Delegate',
    delegation,
    role: 'delegate',
    category: 'member-state',
    region: region as AddParticipantBody['region'],
  };
}
