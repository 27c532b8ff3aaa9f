// Placeholder until the participants table lands (its helper replaces this file).
export interface ParticipantsTabProps {
  token: string;
  meetingId: string;
  /** What the caller may do here (from GET /api/me and the permission table). */
  canManage: boolean;
  /** Whether e-mail can be sent (SMTP_URL is set). */
  mail: boolean;
}

export function ParticipantsTab(_props: ParticipantsTabProps) {
  return null;
}
