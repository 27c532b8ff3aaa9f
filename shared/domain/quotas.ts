/**
 * How much one participant, and one meeting, may create: counted from the meeting's state, so the
 * caps hold across reconnects, processes and restarts (docs/protocol.md, "Quotas"). A formal meeting
 * has tens of proposals; a region's common proposals to a conference run to a few dozen.
 */
export const PROPOSAL_QUOTA = {
  /** Proposals one participant may create in a meeting (withdrawn ones count: they stay listed). */
  perParticipant: 100,
  /** Proposals a meeting may hold. */
  perMeeting: 500,
} as const;
