import { api } from './client';

export interface Invitee {
  participantId: string;
  token: string;
}

/** Creates a meeting through the public HTTP API and invites one participant per given spec. */
export async function createMeetingWith(
  url: string,
  adminToken: string,
  people: Record<string, { name: string; delegation: string; role: string; region?: string; rto?: string }>,
): Promise<{ meetingId: string; chair: Invitee; people: Record<string, Invitee> }> {
  const created = await api<{ meeting: { id: string }; chair: Invitee }>(
    url,
    'POST',
    '/api/meetings',
    adminToken,
    {
      title: 'Test IRM',
      timezone: 'Europe/Zurich',
      defaultSpeakingSeconds: 180,
    },
  );
  if (created.status !== 201)
    throw new Error(`create meeting: ${created.status} ${JSON.stringify(created.body)}`);
  const meetingId = created.body.meeting.id;
  const invited: Record<string, Invitee> = {};
  for (const [key, body] of Object.entries(people)) {
    const res = await api<{ participant: { id: string }; token: string }>(
      url,
      'POST',
      `/api/meetings/${meetingId}/participants`,
      adminToken,
      body,
    );
    if (res.status !== 201) throw new Error(`add ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    invited[key] = { participantId: res.body.participant.id, token: res.body.token };
  }
  return { meetingId, chair: created.body.chair, people: invited };
}

export const STANDARD_PEOPLE = {
  vice: { name: 'Vice-chair (ATU)', delegation: 'Kenya', role: 'vice-chair', region: 'AFR', rto: 'ATU' },
  brazil: { name: 'Ana', delegation: 'Brazil', role: 'delegate', region: 'AMS' },
  france: { name: 'Luc', delegation: 'France', role: 'delegate', region: 'EUR' },
  egypt: { name: 'Omar', delegation: 'Egypt', role: 'delegate', region: 'ARB' },
  apt: { name: 'Spokesperson', delegation: 'APT', role: 'spokesperson', region: 'ASP', rto: 'APT' },
  observer: { name: 'Youth', delegation: 'Youth representative', role: 'observer' },
  secretariat: { name: 'BDT', delegation: 'BDT', role: 'secretariat' },
};
