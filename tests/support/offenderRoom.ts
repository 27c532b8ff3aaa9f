import { connect, type TestClient } from './client';
import { createProposal } from './collab';
import { createMeetingWith, type Invitee } from './meeting';

/** The offender's own meeting: its chair, the offender (a delegate), a victim, and one proposal. */
export interface OffenderRoom {
  chair: TestClient;
  chairToken: string;
  offender: Invitee;
  victim: Invitee;
  proposalId: string;
  close: () => void;
}

/** Sets up a meeting of its own for an attack (so the bystander's meeting is only a neighbour). */
export async function offenderRoom(
  url: string,
  adminToken: string,
  baseText = 'The text.',
): Promise<OffenderRoom> {
  const created = await createMeetingWith(url, adminToken, {
    offender: { name: 'Offender', delegation: 'Atlantis', role: 'delegate', region: 'EUR' },
    victim: { name: 'Victim', delegation: 'Utopia', role: 'delegate', region: 'ARB' },
  });
  const chair = await connect(url, created.chair.token);
  const opened = await chair.send({ type: 'meeting.open' });
  if (!opened.ok) throw new Error(`meeting.open: ${opened.error.message}`);
  await chair.waitForSeq(opened.seq);
  const proposalId = await createProposal(chair, {
    symbol: `ATK/${Math.floor(Math.random() * 1e6)}`,
    baseText,
  });
  return {
    chair,
    chairToken: created.chair.token,
    offender: created.people.offender!,
    victim: created.people.victim!,
    proposalId,
    close: () => chair.close(),
  };
}

/** Counts close codes, for an attack's summary: "4400×3, 4413×1". */
export class CloseTally {
  private readonly codes = new Map<number, number>();
  add(code: number): void {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }
  get(code: number): number {
    return this.codes.get(code) ?? 0;
  }
  toString(): string {
    return [...this.codes].map(([code, n]) => `${code}×${n}`).join(', ') || 'no closes';
  }
}
