import { api } from '../../support/client';
import { createMeetingWith } from '../../support/meeting';
import { delay } from '../../support/wait';

/** The attacker's own meeting: a chair, one delegate (the offender's token) and the projector link. */
export interface Target {
  meetingId: string;
  chairToken: string;
  delegateToken: string;
  delegateId: string;
  viewToken: string;
}

export async function targetMeeting(url: string, adminToken: string): Promise<Target> {
  const created = await createMeetingWith(url, adminToken, {
    offender: { name: 'Offender', delegation: 'Nowhere', role: 'delegate', region: 'EUR' },
  });
  const link = await api<{ url: string }>(
    url,
    'GET',
    `/api/meetings/${created.meetingId}/projector`,
    created.chair.token,
  );
  if (link.status !== 200) throw new Error(`projector link: ${link.status}`);
  return {
    meetingId: created.meetingId,
    chairToken: created.chair.token,
    delegateToken: created.people.offender!.token,
    delegateId: created.people.offender!.participantId,
    viewToken: link.body.url.split('#token=')[1]!,
  };
}

/**
 * Makes the meeting's log long and heavy (participants with the longest names allowed), so every
 * snapshot and every `resync` from seq 0 is large: what amplification needs. Admin HTTP only.
 */
export async function inflate(
  url: string,
  adminToken: string,
  meetingId: string,
  count: number,
): Promise<void> {
  const long = (i: number) => `${i} ${'x'.repeat(190)}`;
  const queue = Array.from({ length: count }, (_, i) => i);
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const res = await api(url, 'POST', `/api/meetings/${meetingId}/participants`, adminToken, {
        name: long(i),
        delegation: long(i),
        role: 'observer',
      });
      if (res.status !== 201) throw new Error(`inflate: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Pacing inside an attack's loops (tests/support/wait.ts): never a wait for an outcome. */
export const sleep = delay;
