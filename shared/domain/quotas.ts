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

/**
 * Participants a meeting may hold (whoever registers them: the administrator, the chair or the
 * secretariat). A WTDC plenary seats a few thousand; a regional meeting a few hundred. Every
 * snapshot, and every read of the meeting, carries them all.
 */
export const PARTICIPANT_QUOTA = { perMeeting: 2000 } as const;

/** Agenda items a meeting may hold (a formal agenda has tens), each up to 8000 characters of text. */
export const AGENDA_QUOTA = { perMeeting: 200 } as const;
